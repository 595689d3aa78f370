import { useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { ErrorNotice } from '../feedback/ErrorNotice';
import { CloseIcon } from '../ui/icons';
import { Spinner } from '../ui/Spinner';
import { useModalFocus } from '../ui/useModalFocus';
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
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const onKeyDown = useModalFocus({
    dialog,
    initialFocus: closeButton,
    fallbackFocus: () => document.getElementById('content'),
    onCancel: closeSettings,
  });

  return createPortal(
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) closeSettings();
      }}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog dialog--wide"
        onKeyDown={onKeyDown}
      >
        <div className="dialog__header">
          <h2 id={titleId} className="dialog__title">
            Settings
          </h2>
          <button
            ref={closeButton}
            type="button"
            className="icon-button"
            aria-label="Close settings"
            onClick={closeSettings}
          >
            <CloseIcon className="icon" />
          </button>
        </div>
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
      </div>
    </div>,
    document.body,
  );
}
