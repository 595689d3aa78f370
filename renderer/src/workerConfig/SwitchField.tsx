import { useId, type ReactNode } from 'react';
import type { WorkerWarning } from '../../../main/ipc/contract';
import { useFieldMessages } from './FieldMessages';

interface SwitchFieldProps {
  field: 'force' | 'json';
  label: string;
  hint: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  unsupported: string | null;
  warnings: readonly WorkerWarning[];
  error: string | undefined;
}

/** An on/off option, drawn as the same switch as the settings'. */
export function SwitchField({
  field,
  label,
  hint,
  checked,
  onChange,
  unsupported,
  warnings,
  error,
}: SwitchFieldProps) {
  const id = useId();
  const { describedBy, invalid, messages } = useFieldMessages({
    hint,
    note: unsupported,
    warnings,
    error,
  });
  return (
    <div className="config-field config-field--switch" data-field={field}>
      <div className="config-switch">
        <label htmlFor={id} className="toggle-config-label">
          {label}
        </label>
        <input
          id={id}
          type="checkbox"
          role="switch"
          className="config-switch__input"
          checked={checked}
          disabled={!!unsupported}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(event) => onChange(event.target.checked)}
        />
      </div>
      {messages}
    </div>
  );
}
