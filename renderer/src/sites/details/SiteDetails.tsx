import type { SiteStatus } from '../../../../main/ipc/contract';
import { useNow } from '../../ui/useNow';
import { STATE_LABELS } from '../stateText';
import { UnitDetails } from './UnitDetails';

function processesText(count: number): string {
  return count === 1 ? '1 process' : `${count} processes`;
}

/** Every worker of a site and each of its processes, as systemd reports them right now. */
export function SiteDetails({ site, id }: { site: SiteStatus; id: string }) {
  // Ticks only while the panel is open: uptimes move, nothing else is polled.
  const now = useNow(1000);
  const shownAbove = site.state === 'failed' ? (site.reason?.text ?? null) : null;
  return (
    <section id={id} className="site-details" aria-label={`Details for ${site.name}`}>
      {site.workers.length === 0 ? (
        <p className="site-details__empty">This site has no queue worker configured.</p>
      ) : null}
      {site.workers.map((worker) => (
        <div key={worker.name} className="worker">
          <h3 className="worker__title">
            Worker <span className="worker__name">{worker.name}</span>
            <span className="worker__summary">
              {processesText(worker.processes)} · {STATE_LABELS[worker.state]}
              {worker.processes > 1 ? ` (${worker.running} of ${worker.processes} running)` : ''}
            </span>
          </h3>
          {worker.units.length === 0 ? (
            <p className="site-details__empty">systemd has no process for this worker yet.</p>
          ) : (
            <ul className="worker__units" aria-label={`Processes of worker ${worker.name}`}>
              {worker.units.map((unit) => (
                <UnitDetails key={unit.unit} unit={unit} now={now} shownAbove={shownAbove} />
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
