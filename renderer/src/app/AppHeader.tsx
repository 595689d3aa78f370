import { useSitesStore } from '../store/sitesStore';
import { AppMark, PlusIcon } from '../ui/icons';
import { Spinner } from '../ui/Spinner';

export function AppHeader() {
  const addSite = useSitesStore((s) => s.addSite);
  const adding = useSitesStore((s) => s.adding);
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <AppMark className="app-mark" />
        <div>
          <h1 className="app-header__title">ServerMark</h1>
          <p className="app-header__tagline">Queue workers for your local Laravel sites</p>
        </div>
      </div>
      <button
        type="button"
        className="button button--primary"
        disabled={adding}
        aria-busy={adding || undefined}
        onClick={() => void addSite()}
      >
        {adding ? <Spinner /> : <PlusIcon className="icon" />}
        Add site
      </button>
    </header>
  );
}
