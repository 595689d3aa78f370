import { useId, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice';
import { applyTheme } from '../theme/applyTheme';
import { Spinner } from '../ui/Spinner';
import type { Settings } from './settingsApi';
import { changeFrom, draftFrom, type SettingsDraft } from './settingsDraft';
import { useSettingsStore } from './settingsStore';
import { ThemePicker } from './ThemePicker';

interface ToggleFieldProps {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

function ToggleField({ label, hint, checked, onChange }: ToggleFieldProps) {
  const id = useId();
  const hintId = useId();
  // The name is the label alone; the hint is its description, read after it.
  return (
    <div className="toggle-field">
      <div className="toggle-field__text">
        <label htmlFor={id} className="toggle-field__label">
          {label}
        </label>
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      </div>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="toggle-field__input"
        aria-describedby={hintId}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
    </div>
  );
}

interface SettingsFormProps {
  settings: Settings;
  titleId: string;
  onCancel: () => void;
}

export function SettingsForm({ settings, titleId, onCancel }: SettingsFormProps) {
  const save = useSettingsStore((s) => s.save);
  const saving = useSettingsStore((s) => s.saving);
  const saveError = useSettingsStore((s) => s.saveError);
  const dismissSaveError = useSettingsStore((s) => s.dismissSaveError);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(settings));
  const [sizeError, setSizeError] = useState<string | null>(null);
  const phpId = useId();
  const phpHintId = useId();
  const sizeId = useId();
  const sizeHintId = useId();
  const sizeErrorId = useId();

  const update = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const outcome = changeFrom(settings, draft);
    if ('fieldError' in outcome) {
      setSizeError(outcome.fieldError.message);
      document.getElementById(sizeId)?.focus();
      return;
    }
    setSizeError(null);
    void save(outcome.change);
  }

  return (
    <form className="settings-form" aria-labelledby={titleId} onSubmit={onSubmit} noValidate>
      <section className="settings-section" aria-label="Appearance">
        <h3 className="settings-section__title">Appearance</h3>
        <ThemePicker
          value={draft.theme}
          onChange={(theme) => {
            update('theme', theme);
            // Preview at once; Cancel puts the saved theme back.
            applyTheme(theme);
          }}
        />
      </section>

      <section className="settings-section" aria-label="Desktop">
        <h3 className="settings-section__title">Desktop</h3>
        <ToggleField
          label="Notifications"
          hint="Tell me when a worker fails or starts crash-looping."
          checked={draft.notifications}
          onChange={(value) => update('notifications', value)}
        />
        <ToggleField
          label="Start at login"
          hint="Start ServerMark hidden in the tray when I log in."
          checked={draft.startAtLogin}
          onChange={(value) => update('startAtLogin', value)}
        />
        <ToggleField
          label="Close to tray"
          hint="Closing the window keeps ServerMark in the tray. Workers run either way."
          checked={draft.closeToTray}
          onChange={(value) => update('closeToTray', value)}
        />
      </section>

      <section className="settings-section" aria-label="Workers">
        <h3 className="settings-section__title">Workers</h3>
        <div className="field">
          <label htmlFor={phpId} className="field__label">
            Default PHP for new sites
          </label>
          <input
            id={phpId}
            className="text-input text-input--mono"
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder="php found on PATH"
            aria-describedby={phpHintId}
            value={draft.defaultPhp}
            onChange={(event) => update('defaultPhp', event.target.value)}
          />
          <p id={phpHintId} className="field__hint">
            An absolute path, such as /usr/bin/php8.3. Leave empty to use the php found on PATH.
          </p>
        </div>
        <div className="field">
          <label htmlFor={sizeId} className="field__label">
            Log size cap
          </label>
          <div className="input-with-unit">
            <input
              id={sizeId}
              className="text-input text-input--number"
              type="number"
              inputMode="decimal"
              min={0.0625}
              max={1024}
              step="any"
              aria-describedby={sizeError ? `${sizeErrorId} ${sizeHintId}` : sizeHintId}
              aria-invalid={sizeError ? true : undefined}
              value={draft.logMaxMiB}
              onChange={(event) => update('logMaxMiB', event.target.value)}
            />
            <span className="input-with-unit__unit" aria-hidden="true">
              MiB
            </span>
          </div>
          {sizeError ? (
            <p id={sizeErrorId} className="field__error">
              {sizeError}
            </p>
          ) : null}
          <p id={sizeHintId} className="field__hint">
            In MiB. A worker’s log file is rotated when it reaches this size.
          </p>
        </div>
      </section>

      {saveError ? (
        <ErrorNotice
          title="Settings were not saved"
          error={saveError}
          onDismiss={dismissSaveError}
        />
      ) : null}

      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={saving}
          aria-busy={saving || undefined}
        >
          {saving ? <Spinner /> : null}
          Save
        </button>
      </div>
    </form>
  );
}
