import type { SiteStatus, WorkerStateName } from '../../../main/ipc/contract';
import type { SiteOperation } from '../store/sitesStore';

export const STATE_LABELS: Record<WorkerStateName, string> = {
  running: 'Running',
  starting: 'Starting',
  stopping: 'Stopping',
  stopped: 'Stopped',
  failed: 'Failed',
};

export const BUSY_LABELS: Record<SiteOperation, string> = {
  starting: 'Starting…',
  stopping: 'Stopping…',
  restarting: 'Restarting…',
  removing: 'Removing…',
};

export const FAILED_OPERATION_TITLES: Record<SiteOperation, string> = {
  starting: 'Could not start the queue worker',
  stopping: 'Could not stop the queue worker',
  restarting: 'Could not restart the queue worker',
  removing: 'Could not remove this site',
};

/** The switch is on while systemd runs, or is bringing up, the worker. */
export function isSwitchedOn(state: WorkerStateName): boolean {
  return state === 'running' || state === 'starting';
}

/** Processes across all of a site's workers: configured and running right now. */
export function processCounts(site: SiteStatus): { running: number; configured: number } {
  return site.workers.reduce(
    (sum, worker) => ({
      running: sum.running + worker.running,
      configured: sum.configured + worker.processes,
    }),
    { running: 0, configured: 0 },
  );
}
