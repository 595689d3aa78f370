import { ErrorNotice } from '../feedback/ErrorNotice';
import { useSitesStore } from '../store/sitesStore';

const BATCH_TITLES = {
  start: 'Could not start all sites',
  stop: 'Could not stop all sites',
  restart: 'Could not restart all sites',
} as const;

/** Errors that belong to no single row: adding a site, re-reading the state, a batch action. */
export function GlobalNotices() {
  const addError = useSitesStore((s) => s.addError);
  const refreshError = useSitesStore((s) => s.refreshError);
  const dismissAddError = useSitesStore((s) => s.dismissAddError);
  const dismissRefreshError = useSitesStore((s) => s.dismissRefreshError);
  const refresh = useSitesStore((s) => s.refresh);
  const batchError = useSitesStore((s) => s.batchError);
  const dismissBatchError = useSitesStore((s) => s.dismissBatchError);
  if (!addError && !refreshError && !batchError) return null;
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
      {batchError ? (
        <ErrorNotice
          variant="banner"
          title={BATCH_TITLES[batchError.kind]}
          error={batchError.error}
          onDismiss={dismissBatchError}
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
