import { useSettingsStore } from '../settings/settingsStore';
import { useSitesStore } from '../store/sitesStore';
import { AppMark, GearIcon, PlusIcon } from '../ui/icons';
import { Spinner } from '../ui/Spinner';
import { BatchActions } from './BatchActions';
import { SHORTCUTS } from './useKeyboardShortcuts';

export function AppHeader() {
  const addSite = useSitesStore((s) => s.addSite);
  const adding = useSitesStore((s) => s.adding);
  const openSettings = useSettingsStore((s) => s.openSettings);
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <AppMark className="app-mark" />
        <div>
          <h1 className="app-header__title">ServerMark</h1>
          <p className="app-header__tagline">Queue workers for your local Laravel sites</p>
        </div>
      </div>
      <div className="app-header__actions">
        <BatchActions />
        <span className="app-header__divider" aria-hidden="true" />
        <button
          type="button"
          className="icon-button icon-button--large"
          aria-label="Settings"
          aria-haspopup="dialog"
          aria-keyshortcuts={SHORTCUTS.settings.keys}
          title={`Settings (${SHORTCUTS.settings.label})`}
          onClick={openSettings}
        >
          <GearIcon className="icon icon--large" />
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={adding}
          aria-busy={adding || undefined}
          aria-keyshortcuts={SHORTCUTS.addSite.keys}
          title={`Add a Laravel site (${SHORTCUTS.addSite.label})`}
          onClick={() => void addSite()}
        >
          {adding ? <Spinner /> : <PlusIcon className="icon" />}
          Add site
        </button>
      </div>
    </header>
  );
}
