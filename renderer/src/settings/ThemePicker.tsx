import { useId } from 'react';
import type { ThemeChoice } from '../theme/applyTheme';

const CHOICES: Array<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'Match system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Three radios drawn as one segmented control; arrow keys move between them, as radios do. */
export function ThemePicker({
  value,
  onChange,
}: {
  value: ThemeChoice;
  onChange: (theme: ThemeChoice) => void;
}) {
  const labelId = useId();
  const hintId = useId();
  return (
    <div className="setting-row">
      <div className="setting-row__text">
        <span id={labelId} className="setting-row__label">
          Theme
        </span>
        <p id={hintId} className="field__hint">
          Match system follows the desktop.
        </p>
      </div>
      <div
        className="setting-row__control segmented"
        role="radiogroup"
        aria-labelledby={labelId}
        aria-describedby={hintId}
      >
        {CHOICES.map((choice) => (
          <label key={choice.value} className="segmented__option">
            <input
              type="radio"
              name="theme"
              className="segmented__input"
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span className="segmented__text">{choice.label}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
