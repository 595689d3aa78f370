import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice';
import { applyTheme } from '../theme/applyTheme';
import { Spinner } from '../ui/Spinner';
import type { Settings } from './settingsApi';
import { changeFrom, draftFrom, type SettingsDraft } from './settingsDraft';
import { useSettingsStore } from './settingsStore';
import { ThemePicker } from './ThemePicker';

interface SettingRowProps {
  label: string;
  hint: string;
  /** The control's id, so the label names it. */
  controlId: string;
  hintId: string;
  children: ReactNode;
  error?: ReactNode;
}

/** One setting: its name and what it does on the left, its control on the right. */
function SettingRow({ label, hint, controlId, hintId, children, error }: SettingRowProps) {
  return (
    <div className="setting-row">
      <div className="setting-row__text">
        <label htmlFor={controlId} className="setting-row__label">
          {label}
        </label>
        <p id={hintId} className="field__hint">
          {hint}
        </p>
        {error}
      </div>
      <div className="setting-row__control">{children}</div>
    </div>
  );
}

interface ToggleRowProps {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

function ToggleRow({ label, hint, checked, onChange }: ToggleRowProps) {
  const id = useId();
  const hintId = useId();
  // The name is the label alone; the hint is its description, read after it.
  return (
    <SettingRow label={label} hint={hint} controlId={id} hintId={hintId}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="toggle-input"
        aria-describedby={hintId}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
    </SettingRow>
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
      <section className="settings-section" aria-labelledby={`${titleId}-appearance`}>
        <h3 id={`${titleId}-appearance`} className="settings-section__title">
          Appearance
        </h3>
        <div className="settings-group">
          <ThemePicker
            value={draft.theme}
            onChange={(theme) => {
              update('theme', theme);
              // Preview at once; Cancel puts the saved theme back.
              applyTheme(theme);
            }}
          />
        </div>
      </section>

      <section className="settings-section" aria-labelledby={`${titleId}-desktop`}>
        <h3 id={`${titleId}-desktop`} className="settings-section__title">
          Desktop
        </h3>
        <div className="settings-group">
          <ToggleRow
            label="Notifications"
            hint="Tell me when a worker fails or starts crash-looping."
            checked={draft.notifications}
            onChange={(value) => update('notifications', value)}
          />
          <ToggleRow
            label="Start at login"
            hint="Start ServerMark hidden in the tray when I log in."
            checked={draft.startAtLogin}
            onChange={(value) => update('startAtLogin', value)}
          />
          <ToggleRow
            label="Close to tray"
            hint="Closing the window keeps ServerMark in the tray."
            checked={draft.closeToTray}
            onChange={(value) => update('closeToTray', value)}
          />
        </div>
      </section>

      <section className="settings-section" aria-labelledby={`${titleId}-workers`}>
        <h3 id={`${titleId}-workers`} className="settings-section__title">
          Workers
        </h3>
        <div className="settings-group">
          <SettingRow
            label="Default PHP for new sites"
            hint="Absolute path. Empty: php on PATH."
            controlId={phpId}
            hintId={phpHintId}
          >
            <input
              id={phpId}
              className="text-input text-input--mono text-input--path"
              type="text"
              spellCheck={false}
              autoComplete="off"
              placeholder="php on PATH"
              aria-describedby={phpHintId}
              value={draft.defaultPhp}
              onChange={(event) => update('defaultPhp', event.target.value)}
            />
          </SettingRow>
          <SettingRow
            label="Log size cap"
            hint="A worker’s log file is rotated at this size, in MiB."
            controlId={sizeId}
            hintId={sizeHintId}
            error={
              sizeError ? (
                <p id={sizeErrorId} className="field__error">
                  {sizeError}
                </p>
              ) : null
            }
          >
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
          </SettingRow>
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
