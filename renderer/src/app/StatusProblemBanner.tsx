import { useSitesStore } from '../store/sitesStore';
import { AlertIcon } from '../ui/icons';

/** While main cannot follow live state, the list may be stale: say so until it can again. */
export function StatusProblemBanner() {
  const problem = useSitesStore((s) => s.statusProblem);
  if (!problem) return null;
  return (
    <div className="problem-banner" role="alert">
      <div className="problem-banner__inner">
        <AlertIcon className="problem-banner__icon" />
        <div className="problem-banner__body">
          <p className="problem-banner__title">
            Live updates are paused: states shown may be out of date
          </p>
          <p className="problem-banner__message">{problem.message}</p>
          {problem.detail ? (
            <details className="notice__details">
              <summary>Details</summary>
              <pre className="notice__detail">{problem.detail}</pre>
              <p className="notice__code">Error code: {problem.code}</p>
            </details>
          ) : null}
        </div>
      </div>
    </div>
  );
}
