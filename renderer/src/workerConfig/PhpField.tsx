import { useId } from 'react';
import type { WorkerWarning } from '../../../main/ipc/contract';
import { useFieldMessages } from './FieldMessages';
import { FIELD_LABELS } from './fieldText';

interface PhpFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** The site's PHP, used while this is empty. */
  sitePhp: string | null;
  warnings: readonly WorkerWarning[];
  error: string | undefined;
}

/** The one path the window sends: main checks that it runs PHP before saving it. */
export function PhpField({ value, onChange, sitePhp, warnings, error }: PhpFieldProps) {
  const id = useId();
  const fallback = sitePhp ? `the site’s PHP (${sitePhp})` : 'the site’s PHP';
  const { describedBy, invalid, messages } = useFieldMessages({
    hint: `An absolute path, such as /usr/bin/php8.3. Empty uses ${fallback}.`,
    warnings,
    error,
  });
  return (
    <div className="config-field config-field--wide" data-field="php">
      <label htmlFor={id} className="config-label">
        {FIELD_LABELS.php}
      </label>
      <input
        id={id}
        className="text-input text-input--mono"
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder={sitePhp ?? 'Site’s PHP'}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        onChange={(event) => onChange(event.target.value)}
      />
      {messages}
    </div>
  );
}
