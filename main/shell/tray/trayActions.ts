import type { BatchOutcome, ServerMark } from '../../core/serverMark';
import { toErrorView } from '../../core/errors/serverMarkError';
import type { SiteStatus } from '../../core/workers/siteStatus';
import type { TrayAction } from './trayMenuModel';

export interface TrayActionDeps {
  core: Pick<ServerMark, 'startWorkers' | 'stopWorkers' | 'startAll' | 'stopAll' | 'restartAll'>;
  /** The last state read from systemd, to decide what a toggle means. */
  current(): SiteStatus[] | null;
  busy: Set<string>;
  /** Re-renders the tray (busy labels) while an action runs. */
  refresh(): void;
  openWindow(siteId?: string): void;
  quit(): void;
  /** Tells the user what went wrong: the tray has no room for errors. */
  report(title: string, body: string): void;
}

function reportBatch(deps: TrayActionDeps, verb: string, outcome: BatchOutcome): void {
  if (outcome.failures.length === 0) return;
  const names = outcome.failures.map((f) => `${f.name}: ${f.error.message}`).join('\n');
  deps.report(`Could not ${verb} ${outcome.failures.length} site(s)`, names);
}

/** What each tray item does, in terms of the core; errors are reported, never dropped. */
export async function runTrayAction(action: TrayAction, deps: TrayActionDeps): Promise<void> {
  try {
    switch (action.kind) {
      case 'open':
        return deps.openWindow();
      case 'open-site':
        return deps.openWindow(action.siteId);
      case 'quit':
        return deps.quit();
      case 'toggle': {
        if (deps.busy.has(action.siteId)) return;
        const site = deps.current()?.find((s) => s.site === action.siteId);
        if (!site) return;
        const start = site.state === 'stopped' || site.state === 'failed';
        deps.busy.add(action.siteId);
        deps.refresh();
        try {
          await (start
            ? deps.core.startWorkers(action.siteId)
            : deps.core.stopWorkers(action.siteId));
        } catch (error) {
          deps.report(
            `Could not ${start ? 'start' : 'stop'} ${site.name}`,
            toErrorView(error).message,
          );
        } finally {
          deps.busy.delete(action.siteId);
          deps.refresh();
        }
        return;
      }
      case 'start-all':
        return reportBatch(deps, 'start', await deps.core.startAll());
      case 'stop-all':
        return reportBatch(deps, 'stop', await deps.core.stopAll());
      case 'restart-all':
        return reportBatch(deps, 'restart', await deps.core.restartAll());
    }
  } catch (error) {
    deps.report('ServerMark', toErrorView(error).message);
  }
}
