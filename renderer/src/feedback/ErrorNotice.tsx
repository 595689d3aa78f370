import type { ReactNode } from 'react';
import type { ErrorView } from '../../../main/ipc/contract';
import { AlertIcon, CloseIcon } from '../ui/icons';

interface ErrorNoticeProps {
  title: string;
  error: ErrorView;
  onDismiss?: () => void;
  /** Extra actions, e.g. a Retry button. */
  children?: ReactNode;
  variant?: 'inline' | 'banner';
}

/** An error as main reported it: the sentence to act on, and the raw detail one click away. */
export function ErrorNotice({
  title,
  error,
  onDismiss,
  children,
  variant = 'inline',
}: ErrorNoticeProps) {
  return (
    <div role="alert" className={`notice notice--${variant}`}>
      <AlertIcon className="notice__icon" />
      <div className="notice__body">
        <p className="notice__title">{title}</p>
        <p className="notice__message">{error.message}</p>
        {error.detail ? (
          <details className="notice__details">
            <summary>Details</summary>
            <pre className="notice__detail">{error.detail}</pre>
            <p className="notice__code">Error code: {error.code}</p>
          </details>
        ) : null}
        {children ? <div className="notice__actions">{children}</div> : null}
      </div>
      {onDismiss ? (
        <button
          type="button"
          className="icon-button notice__dismiss"
          aria-label="Dismiss"
          onClick={onDismiss}
        >
          <CloseIcon className="icon" />
        </button>
      ) : null}
    </div>
  );
}
