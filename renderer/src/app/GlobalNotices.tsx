import { ErrorNotice } from '../feedback/ErrorNotice';
import { useSitesStore } from '../store/sitesStore';

/** Errors that belong to no single row: adding a site, and re-reading the state. */
export function GlobalNotices() {
  const addError = useSitesStore((s) => s.addError);
  const refreshError = useSitesStore((s) => s.refreshError);
  const dismissAddError = useSitesStore((s) => s.dismissAddError);
  const dismissRefreshError = useSitesStore((s) => s.dismissRefreshError);
  const refresh = useSitesStore((s) => s.refresh);
  if (!addError && !refreshError) return null;
  return (
    <div className="global-notices">
      {addError ? (
        <ErrorNotice
          variant="banner"
          title="Could not add the site"
          error={addError}
          onDismiss={dismissAddError}
        />
      ) : null}
      {refreshError ? (
        <ErrorNotice
          variant="banner"
          title="Could not read the workers' current state; the list may be out of date"
          error={refreshError}
          onDismiss={dismissRefreshError}
        >
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void refresh()}
          >
            Retry
          </button>
        </ErrorNotice>
      ) : null}
    </div>
  );
}
