import { useId, type ReactNode } from 'react';
import type { WorkerWarning } from '../../../main/ipc/contract';
import { AlertIcon } from '../ui/icons';
import { sentence } from './fieldText';

export interface FieldMessagesInput {
  hint?: ReactNode;
  /** Why the option is off for this site, or a fact to know before changing it. */
  note?: string | null;
  warnings?: readonly WorkerWarning[];
  /** Main's message for the last refused save. */
  error?: string | undefined;
}

/** What a control points at with aria-describedby, and the paragraphs those ids name. */
export interface FieldMessages {
  describedBy: string | undefined;
  invalid: true | undefined;
  messages: ReactNode;
}

/** The error first (it is what to fix), then the traps, then what the option needs and does. */
export function useFieldMessages({
  hint,
  note,
  warnings = [],
  error,
}: FieldMessagesInput): FieldMessages {
  const base = useId();
  const ids: string[] = [];
  const parts: ReactNode[] = [];
  if (error) {
    ids.push(`${base}-error`);
    parts.push(
      <p key="error" id={`${base}-error`} className="config-error">
        {sentence(error)}
      </p>,
    );
  }
  warnings.forEach((warning, index) => {
    ids.push(`${base}-warning-${index}`);
    parts.push(
      <p key={`warning-${index}`} id={`${base}-warning-${index}`} className="config-warning">
        <AlertIcon className="config-warning__icon" />
        <span>{warning.message}</span>
      </p>,
    );
  });
  if (note) {
    ids.push(`${base}-note`);
    parts.push(
      <p key="note" id={`${base}-note`} className="config-note">
        {note}
      </p>,
    );
  }
  if (hint) {
    ids.push(`${base}-hint`);
    parts.push(
      <p key="hint" id={`${base}-hint`} className="config-hint">
        {hint}
      </p>,
    );
  }
  return {
    describedBy: ids.length > 0 ? ids.join(' ') : undefined,
    invalid: error ? true : undefined,
    messages: parts.length > 0 ? <div className="config-field__messages">{parts}</div> : null,
  };
}
