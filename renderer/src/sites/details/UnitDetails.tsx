import type { UnitState } from '../../../../main/ipc/contract';
import { StateBadge } from '../StateBadge';
import { processLabel } from './processLabel';
import { uptimeText } from './uptime';

/** One systemd unit (one `queue:work` process): what runs, since when, and why it last stopped. */
interface UnitDetailsProps {
  unit: UnitState;
  now: number;
  /** Text the row already shows above (the site's failure): not repeated here. */
  shownAbove: string | null;
}

export function UnitDetails({ unit, now, shownAbove }: UnitDetailsProps) {
  const label = processLabel(unit.unit);
  const reason = unit.reason && unit.reason.text !== shownAbove ? unit.reason : null;
  // A failure's reason usually is its last exit: say it once.
  const lastExit = unit.lastExit && unit.lastExit.text !== unit.reason?.text ? unit.lastExit : null;
  return (
    <li className={`unit unit--${unit.state}`} aria-label={label}>
      <span className="unit__name">{label}</span>
      <span className="unit__state">
        <StateBadge state={unit.state} size="small" testId="unit-state" />
      </span>
      <dl className="unit__facts">
        {unit.since ? (
          <div className="fact">
            <dt className="visually-hidden">Uptime</dt>
            <dd>
              <time
                dateTime={unit.since}
                title={`Running since ${new Date(unit.since).toLocaleString()}`}
                data-testid="unit-uptime"
              >
                {uptimeText(unit.since, now)}
              </time>
            </dd>
          </div>
        ) : null}
        {unit.pid !== null ? (
          <div className="fact">
            <dt>PID</dt>
            <dd className="fact__mono">{unit.pid}</dd>
          </div>
        ) : null}
        <div className="fact">
          <dt>Automatic restarts</dt>
          <dd data-testid="unit-restarts">{unit.restarts}</dd>
        </div>
      </dl>
      <span className="unit__raw" title={`systemd unit ${unit.unit}`}>
        <span className="visually-hidden">systemd state </span>
        {unit.activeState}/{unit.subState}
      </span>
      {reason ? <p className={`unit__note unit__note--${unit.state}`}>{reason.text}</p> : null}
      {lastExit ? (
        <p className="unit__note">
          <span className="unit__note-label">Last exit:</span> {lastExit.text}
        </p>
      ) : null}
    </li>
  );
}
