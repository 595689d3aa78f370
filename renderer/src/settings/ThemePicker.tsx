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
  return (
    <fieldset className="field field--inline">
      <legend className="field__label">Theme</legend>
      <div className="segmented">
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
    </fieldset>
  );
}
