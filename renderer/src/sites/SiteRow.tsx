import { useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { SiteStatus } from '../../../main/ipc/contract';
import { ErrorNotice } from '../feedback/ErrorNotice';
import { LogsButton } from '../logs/LogsButton';
import { useListViewStore } from '../store/listViewStore';
import { useSitesStore } from '../store/sitesStore';
import { ChevronIcon } from '../ui/icons';
import { Spinner } from '../ui/Spinner';
import { ConfigureButton } from '../workerConfig/ConfigureButton';
import { SiteDetails } from './details/SiteDetails';
import { FailureCallout } from './FailureCallout';
import { RemoveSiteDialog } from './RemoveSiteDialog';
import { SitePath } from './SitePath';
import { StateBadge } from './StateBadge';
import { BUSY_LABELS, FAILED_OPERATION_TITLES, isSwitchedOn, processCounts } from './stateText';
import { WorkerToggle } from './WorkerToggle';

export function SiteRow({ site }: { site: SiteStatus }) {
  const busy = useSitesStore((s) => s.busy[site.site]);
  const error = useSitesStore((s) => s.errors[site.site]);
  const toggle = useSitesStore((s) => s.toggle);
  const removeSite = useSitesStore((s) => s.removeSite);
  const dismissError = useSitesStore((s) => s.dismissError);
  const expanded = useListViewStore((s) => !!s.expanded[site.site]);
  const toggleDetails = useListViewStore((s) => s.toggleDetails);
  const [confirming, setConfirming] = useState(false);
  const row = useRef<HTMLLIElement>(null);
  const detailsId = useId();
  useFocusRequest(site.site, row);

  // When the row goes away (removed) with focus in it, keep focus in the window, not on <body>.
  useLayoutEffect(() => {
    const element = row.current;
    return () => {
      const active = document.activeElement;
      if (!active || active === document.body || element?.contains(active)) {
        document.getElementById('content')?.focus();
      }
    };
  }, []);

  const processes = processCounts(site);
  const failed = site.state === 'failed';
  const showReason = site.reason && site.state !== 'running' && !failed;

  return (
    <li
      ref={row}
      role="listitem"
      aria-label={site.name}
      aria-busy={busy ? true : undefined}
      tabIndex={-1}
      className={`site-row site-row--${site.state}`}
    >
      <div className="site-row__identity">
        <span className="site-row__name">{site.name}</span>
        <SitePath path={site.path} />
        <dl className="site-row__facts">
          <div className="fact">
            <dt>PHP</dt>
            <dd className="fact__mono" title={site.php}>
              {site.php}
            </dd>
          </div>
          <div className="fact">
            <dt>Laravel</dt>
            <dd>{site.laravelVersion ?? 'Unknown'}</dd>
          </div>
          {processes.configured > 1 ? (
            <div className="fact">
              <dt>Processes</dt>
              <dd>
                <span>
                  {processes.running} of {processes.configured}
                </span>{' '}
                running
              </dd>
            </div>
          ) : null}
        </dl>
      </div>

      <div className="site-row__state">
        <StateBadge state={site.state} />
      </div>

      <div className="site-row__control">
        {busy ? (
          <span className="busy-label" data-testid="busy-label">
            <Spinner />
            {BUSY_LABELS[busy]}
          </span>
        ) : null}
        <WorkerToggle
          siteName={site.name}
          on={isSwitchedOn(site.state)}
          busy={!!busy}
          onToggle={() => void toggle(site.site)}
        />
      </div>

      <div className="site-row__actions">
        <button
          type="button"
          className="button button--quiet button--disclosure"
          aria-label={`Details for ${site.name}`}
          aria-expanded={expanded}
          aria-controls={expanded ? detailsId : undefined}
          onClick={() => toggleDetails(site.site)}
        >
          <ChevronIcon className="icon disclosure-icon" />
          Details
        </button>
        <LogsButton site={site} />
        <ConfigureButton siteId={site.site} siteName={site.name} />
        <button
          type="button"
          className="button button--quiet"
          aria-label={`Remove ${site.name}`}
          disabled={!!busy}
          onClick={() => setConfirming(true)}
        >
          Remove
        </button>
      </div>

      {showReason ? (
        <p className={`site-row__reason site-row__reason--${site.state}`}>{site.reason?.text}</p>
      ) : null}

      {failed ? (
        <FailureCallout site={site} busy={!!busy} fallbackFocus={() => row.current} />
      ) : null}

      {expanded ? <SiteDetails site={site} id={detailsId} /> : null}

      {error ? (
        <div className="site-row__error">
          <ErrorNotice
            title={FAILED_OPERATION_TITLES[error.operation]}
            error={error}
            onDismiss={() => dismissError(site.site)}
          />
        </div>
      ) : null}

      {confirming ? (
        <RemoveSiteDialog
          siteName={site.name}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void removeSite(site.site);
          }}
          fallbackFocus={() => row.current}
        />
      ) : null}
    </li>
  );
}

const HIGHLIGHT_MS = 1600;

/**
 * Main asked to show this site: scroll its row into view, focus it, and flash it briefly.
 * The flash is a data attribute React does not manage, so re-renders leave it alone.
 */
function useFocusRequest(siteId: string, row: RefObject<HTMLLIElement | null>): void {
  const request = useSitesStore((s) => (s.focusRequest?.siteId === siteId ? s.focusRequest : null));
  const clearFocusRequest = useSitesStore((s) => s.clearFocusRequest);

  useEffect(() => {
    const element = row.current;
    if (!request || !element) return;
    element.scrollIntoView?.({ block: 'center' });
    element.focus({ preventScroll: true });
    element.setAttribute('data-highlight', '');
    // Not cleared with the effect: clearing the request re-runs it, and the flash must end.
    window.setTimeout(() => element.removeAttribute('data-highlight'), HIGHLIGHT_MS);
    clearFocusRequest();
  }, [request, row, clearFocusRequest]);
}
