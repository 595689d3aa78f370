import { useId } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice';
import { ModalDialog } from '../ui/ModalDialog';
import { Spinner } from '../ui/Spinner';
import { SettingsForm } from './SettingsForm';
import { useSettingsStore } from './settingsStore';

/** Settings, from the header's gear or Ctrl+,; nothing changes until Save. */
export function SettingsDialog() {
  const open = useSettingsStore((s) => s.open);
  return open ? <SettingsDialogContent /> : null;
}

function SettingsDialogContent() {
  const settings = useSettingsStore((s) => s.settings);
  const loading = useSettingsStore((s) => s.loading);
  const loadError = useSettingsStore((s) => s.loadError);
  const load = useSettingsStore((s) => s.load);
  const closeSettings = useSettingsStore((s) => s.closeSettings);
  const titleId = useId();

  return (
    <ModalDialog
      title="Settings"
      titleId={titleId}
      closeLabel="Close settings"
      onClose={closeSettings}
      className="dialog--wide"
    >
      {settings ? (
        <SettingsForm settings={settings} titleId={titleId} onCancel={closeSettings} />
      ) : loading ? (
        <p className="dialog__loading" role="status">
          <Spinner /> Loading settings…
        </p>
      ) : loadError ? (
        <ErrorNotice title="Could not read the settings" error={loadError}>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void load()}
          >
            Retry
          </button>
        </ErrorNotice>
      ) : null}
    </ModalDialog>
  );
}
