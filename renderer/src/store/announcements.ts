import type { BatchOutcome, SiteStatus, WorkerStateName } from '../../../main/ipc/contract';

export type BatchKind = 'start' | 'stop' | 'restart';

const STATE_PHRASES: Record<WorkerStateName, string> = {
  running: 'is running',
  starting: 'is starting',
  stopping: 'is stopping',
  stopped: 'is stopped',
  failed: 'has failed',
};

/** "Queue worker for shop is running." */
export function describeState(site: Pick<SiteStatus, 'name' | 'state'>): string {
  return `Queue worker for ${site.name} ${STATE_PHRASES[site.state]}.`;
}

const DONE: Record<BatchKind, string> = { start: 'Started', stop: 'Stopped', restart: 'Restarted' };
const VERB: Record<BatchKind, string> = { start: 'start', stop: 'stop', restart: 'restart' };

function sites(count: number): string {
  return count === 1 ? '1 site' : `${count} sites`;
}

/** What a Start/Stop/Restart all did, in one sentence for the live region. */
export function describeBatch(kind: BatchKind, outcome: BatchOutcome): string {
  const total = outcome.statuses.length + outcome.failures.length;
  if (outcome.failures.length === 0) return `${DONE[kind]} all ${sites(total)}.`;
  const names = outcome.failures.map((f) => f.name).join(', ');
  return `${DONE[kind]} ${outcome.statuses.length} of ${sites(total)}. Could not ${VERB[kind]} ${names}.`;
}

/**
 * State changes main pushed that the user did not just ask for (a crash, the CLI, systemctl):
 * sites in `quiet` announce their own outcome when their action returns.
 */
export function describeStateChanges(
  previous: SiteStatus[],
  next: SiteStatus[],
  quiet: ReadonlySet<string>,
): string {
  const before = new Map(previous.map((site) => [site.site, site.state]));
  return next
    .filter((site) => !quiet.has(site.site))
    .filter((site) => before.has(site.site) && before.get(site.site) !== site.state)
    .map(describeState)
    .join(' ');
}
