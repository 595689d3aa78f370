import type { ErrorView } from '../../../main/ipc/contract';
import { useSitesStore } from '../store/sitesStore';
import { AlertIcon } from '../ui/icons';
import { UnreachableSitesList } from './UnreachableSitesList';

// Errors where the registry is fine and only systemd is out of reach.
const SYSTEMD_UNREACHABLE = new Set(['NO_USER_MANAGER', 'SYSTEMCTL_MISSING']);

export function LoadErrorState({ error }: { error: ErrorView }) {
  const load = useSitesStore((s) => s.load);
  return (
    <section
      className="placeholder placeholder--error"
      role="alert"
      aria-labelledby="load-error-heading"
    >
      <AlertIcon className="placeholder__icon" />
      <h2 id="load-error-heading" className="placeholder__title">
        Could not load your sites
      </h2>
      <p className="placeholder__text">{error.message}</p>
      {error.detail ? (
        <details className="notice__details placeholder__details">
          <summary>Details</summary>
          <pre className="notice__detail">{error.detail}</pre>
          <p className="notice__code">Error code: {error.code}</p>
        </details>
      ) : null}
      <button type="button" className="button button--primary" onClick={() => void load()}>
        Retry
      </button>
      {SYSTEMD_UNREACHABLE.has(error.code) ? <UnreachableSitesList /> : null}
    </section>
  );
}
