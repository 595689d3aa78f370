import { useEffect, useId, useRef } from 'react';
import type { FieldErrors } from '../../../main/ipc/contract';
import { CloseIcon, PlusIcon } from '../ui/icons';
import { useFieldMessages } from './FieldMessages';
import { FIELD_LABELS, sentence } from './fieldText';
import { envRow, type EnvRow } from './workerDraft';

interface EnvVarsEditorProps {
  rows: EnvRow[];
  onChange: (rows: EnvRow[]) => void;
  /** All of the worker's field errors: `env` for the list, `env.NAME` for one variable. */
  errors: FieldErrors;
}

function EnvRowFields({
  row,
  index,
  error,
  errorId,
  onChange,
  onRemove,
}: {
  row: EnvRow;
  index: number;
  error: string | undefined;
  errorId: string;
  onChange: (row: EnvRow) => void;
  onRemove: () => void;
}) {
  const label = row.name.trim() || `variable ${index + 1}`;
  return (
    <li className="env-row" data-env-row={row.id}>
      <input
        className="text-input text-input--mono"
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder="NAME"
        aria-label={`Name of variable ${index + 1}`}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
        value={row.name}
        onChange={(event) => onChange({ ...row, name: event.target.value })}
      />
      <span className="env-row__equals" aria-hidden="true">
        =
      </span>
      <input
        className="text-input text-input--mono"
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder="value"
        aria-label={`Value of ${label}`}
        aria-describedby={error ? errorId : undefined}
        value={row.value}
        onChange={(event) => onChange({ ...row, value: event.target.value })}
      />
      <button
        type="button"
        className="icon-button icon-button--danger"
        aria-label={`Remove ${label}`}
        title="Remove"
        onClick={onRemove}
      >
        <CloseIcon className="icon" />
      </button>
      {error ? (
        <p id={errorId} className="config-error env-row__error">
          {sentence(error)}
        </p>
      ) : null}
    </li>
  );
}

/** Variables added to the worker's environment (systemd Environment=); .env still applies. */
export function EnvVarsEditor({ rows, onChange, errors }: EnvVarsEditorProps) {
  const group = useRef<HTMLFieldSetElement>(null);
  const focusRowName = useRef<number | null>(null);
  const base = useId();
  const { describedBy, messages } = useFieldMessages({
    hint: 'Added to the worker’s environment, over the app’s .env. Names: letters, digits and _, not starting with a digit.',
    error: errors.env,
  });

  // A new row takes focus in its name field; a removed row hands focus to the add button.
  useEffect(() => {
    const id = focusRowName.current;
    focusRowName.current = null;
    if (id === null) return;
    const row = group.current?.querySelector<HTMLElement>(`[data-env-row="${id}"] input`);
    (row ?? group.current?.querySelector<HTMLElement>('.env-add'))?.focus();
  }, [rows]);

  const rowError = (row: EnvRow) => errors[`env.${row.name.trim()}`];

  return (
    <fieldset
      ref={group}
      className="config-field config-field--wide"
      data-field="env"
      aria-describedby={describedBy}
    >
      <legend className="config-label">{FIELD_LABELS.env}</legend>
      {rows.length > 0 ? (
        <ul className="env-list">
          {rows.map((row, index) => (
            <EnvRowFields
              key={row.id}
              row={row}
              index={index}
              error={rowError(row)}
              errorId={`${base}-${row.id}`}
              onChange={(next) => onChange(rows.map((r) => (r.id === row.id ? next : r)))}
              onRemove={() => {
                focusRowName.current = -1;
                onChange(rows.filter((r) => r.id !== row.id));
              }}
            />
          ))}
        </ul>
      ) : (
        <p className="queue-list__empty">None besides the app’s .env.</p>
      )}
      <button
        type="button"
        className="button button--secondary button--small env-add"
        onClick={() => {
          const row = envRow();
          focusRowName.current = row.id;
          onChange([...rows, row]);
        }}
      >
        <PlusIcon className="icon" />
        Add variable
      </button>
      {messages}
    </fieldset>
  );
}
