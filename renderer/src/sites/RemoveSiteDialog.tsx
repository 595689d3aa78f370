import { useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useModalFocus } from '../ui/useModalFocus';

interface RemoveSiteDialogProps {
  siteName: string;
  onConfirm: () => void;
  onCancel: () => void;
  fallbackFocus: () => HTMLElement | null;
}

export function RemoveSiteDialog({
  siteName,
  onConfirm,
  onCancel,
  fallbackFocus,
}: RemoveSiteDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Cancel takes first focus: Enter right after opening must not destroy anything.
  const onKeyDown = useModalFocus({ dialog, initialFocus: cancelButton, fallbackFocus, onCancel });

  return createPortal(
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onCancel();
      }}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className="dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog__title">
          Remove {siteName}?
        </h2>
        <div id={descriptionId} className="dialog__body">
          <p>
            Its queue worker will be stopped and its systemd unit removed. ServerMark will no longer
            manage this site.
          </p>
          <p className="dialog__note">The project folder and its files are not touched.</p>
        </div>
        <div className="dialog__actions">
          <button
            ref={cancelButton}
            type="button"
            className="button button--secondary"
            onClick={onCancel}
          >
            Cancel
          </button>
          <button type="button" className="button button--danger" onClick={onConfirm}>
            Remove site
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
