import { useSitesStore } from '../store/sitesStore';
import { FolderIcon, PlusIcon } from '../ui/icons';

export function EmptyState() {
  const addSite = useSitesStore((s) => s.addSite);
  const adding = useSitesStore((s) => s.adding);
  const scanFolder = useSitesStore((s) => s.scanFolder);
  return (
    <section className="placeholder" aria-labelledby="empty-heading">
      <FolderIcon className="placeholder__icon" />
      <h2 id="empty-heading" className="placeholder__title">
        No sites yet
      </h2>
      <p className="placeholder__text">
        Add a Laravel project folder and ServerMark runs its queue workers as systemd user services,
        so jobs keep processing in the background.
      </p>
      <div className="placeholder__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={adding}
          aria-busy={adding || undefined}
          onClick={() => void addSite()}
        >
          <PlusIcon className="icon" />
          Add your first site
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={adding}
          onClick={() => void scanFolder()}
          title="Add every Laravel app in a folder such as ~/code"
        >
          <FolderIcon className="icon" />
          Scan a folder
        </button>
      </div>
    </section>
  );
}
