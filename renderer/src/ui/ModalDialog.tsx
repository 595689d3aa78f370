import { useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { CloseIcon } from './icons';
import { useModalFocus } from './useModalFocus';

interface ModalDialogProps {
  title: ReactNode;
  /** The close button's accessible name, e.g. "Close settings". */
  closeLabel: string;
  onClose: () => void;
  /** Added after "dialog" on the dialog element. */
  className: string;
  headerClassName?: string;
  closeClassName?: string;
  /** When given (even null), the title and this share one block at the header's start. */
  subtitle?: ReactNode;
  /** Header content between the title and the close button. */
  headerExtra?: ReactNode;
  /** For content that also refers to the title; one is made when not given. */
  titleId?: string;
  children: ReactNode;
}

/**
 * A modal dialog portalled into <body>: backdrop click and Escape close it, the close button
 * takes focus first, and the title names the dialog.
 */
export function ModalDialog({
  title,
  closeLabel,
  onClose,
  className,
  headerClassName = 'dialog__header',
  closeClassName,
  subtitle,
  headerExtra,
  titleId: givenTitleId,
  children,
}: ModalDialogProps) {
  const ownTitleId = useId();
  const titleId = givenTitleId ?? ownTitleId;
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const onKeyDown = useModalFocus({
    dialog,
    initialFocus: closeButton,
    fallbackFocus: () => document.getElementById('content'),
    onCancel: onClose,
  });

  const heading = (
    <h2 id={titleId} className="dialog__title">
      {title}
    </h2>
  );

  return createPortal(
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={`dialog ${className}`}
        onKeyDown={onKeyDown}
      >
        <div className={headerClassName}>
          {subtitle !== undefined ? (
            <div>
              {heading}
              {subtitle}
            </div>
          ) : (
            heading
          )}
          {headerExtra}
          <button
            ref={closeButton}
            type="button"
            className={closeClassName ? `icon-button ${closeClassName}` : 'icon-button'}
            aria-label={closeLabel}
            onClick={onClose}
          >
            <CloseIcon className="icon" />
          </button>
        </div>
        {children}
      </div>
    </div>,
    document.body,
  );
}
