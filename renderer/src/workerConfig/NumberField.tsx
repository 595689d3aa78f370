import { useId } from 'react';
import type { NumberLimit, NumericField, WorkerWarning } from '../../../main/ipc/contract';
import { useFieldMessages } from './FieldMessages';
import { FIELD_LABELS, NUMBER_HINTS, UNIT_TEXT } from './fieldText';

interface NumberFieldProps {
  field: NumericField;
  limit: NumberLimit;
  value: string;
  onChange: (value: string) => void;
  unsupported: string | null;
  warnings: readonly WorkerWarning[];
  error: string | undefined;
  /** Shown while empty, for a field where empty means a computed default. */
  placeholder?: string;
  extraHint?: string;
}

const UNIT_WORDS: Record<NumberLimit['unit'], string> = {
  seconds: 'seconds',
  MB: 'MB',
  jobs: 'jobs',
  attempts: 'attempts',
  processes: 'processes',
};

/** "1 to 64 processes", "0 to 3600 seconds; 0 = poll again at once". */
function rangeHint(limit: NumberLimit): string {
  const range = `${limit.min} to ${limit.max} ${UNIT_WORDS[limit.unit]}`;
  return limit.zeroMeans ? `${range}; 0 = ${limit.zeroMeans}.` : `${range}.`;
}

export function NumberField({
  field,
  limit,
  value,
  onChange,
  unsupported,
  warnings,
  error,
  placeholder,
  extraHint,
}: NumberFieldProps) {
  const id = useId();
  const hint = [NUMBER_HINTS[field], extraHint, rangeHint(limit)].filter(Boolean).join(' ');
  const { describedBy, invalid, messages } = useFieldMessages({
    hint,
    note: unsupported,
    warnings,
    error,
  });
  return (
    <div className="config-field" data-field={field}>
      <label htmlFor={id} className="config-label">
        {FIELD_LABELS[field]}
      </label>
      <div className="input-with-unit">
        <input
          id={id}
          className="text-input text-input--number"
          type="number"
          inputMode="numeric"
          min={limit.min}
          max={limit.max}
          step={1}
          value={value}
          placeholder={placeholder}
          disabled={!!unsupported}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(event) => onChange(event.target.value)}
        />
        {/* The hint says the unit in words for screen readers. */}
        <span className="input-with-unit__unit" aria-hidden="true">
          {UNIT_TEXT[limit.unit]}
        </span>
      </div>
      {messages}
    </div>
  );
}
