import { useLayoutEffect, useRef, useState } from 'react';
import type { SiteStatus } from '../../../main/ipc/contract';
import { ErrorNotice } from '../feedback/ErrorNotice';
import { useSitesStore } from '../store/sitesStore';
import { Spinner } from '../ui/Spinner';
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
  const [confirming, setConfirming] = useState(false);
  const row = useRef<HTMLLIElement>(null);

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
  const showReason = site.reason && site.state !== 'running';

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
