import { ServerMarkError } from '../core/errors/serverMarkError';
import type { ServerMark } from '../core/serverMark';
import type { SettingsStore } from '../core/settings/settings';
import { updateUserSettings } from '../core/settings/settingsPatch';
import type { InvokeHandlers } from './dispatch';
import type { LogFollows } from './logFollows';

function notAvailable(what: string): ServerMarkError {
  return new ServerMarkError('INTERNAL', `${what} is not available in this window.`);
}

export interface HandlerDependencies {
  core: ServerMark;
  /** The native folder picker in Electron; a scripted one in the browser e2e. Null = cancelled. */
  pickDirectory(): Promise<string | null>;
  /** The settings as the app applies them (Electron ties startAtLogin to the login entry). */
  settings?: SettingsStore;
  /**
   * Opens a file with the desktop's default app, as Electron's shell.openPath: resolves to ''
   * on success or to the reason it failed. Only ever given a path main computed.
   */
  openPath?(path: string): Promise<string>;
  /** The window's live log views; the shell owns them so it can stop them when the window goes. */
  logFollows?: LogFollows;
}

/** What each channel does, in terms of the core; no Electron here, so e2e reuses it as is. */
export function createInvokeHandlers({
  core,
  pickDirectory,
  settings = core.settings,
  openPath,
  logFollows,
}: HandlerDependencies): InvokeHandlers {
  return {
    'sites:status': () => core.status(),
    'sites:list': async () =>
      (await core.listSites()).map(({ id, name, path }) => ({ site: id, name, path })),
    async 'sites:add'() {
      const directory = await pickDirectory();
      if (directory === null) return { cancelled: true };
      const site = await core.addSite({ directory });
      const [status] = await core.status([site.id]);
      return { added: status! };
    },
    async 'sites:scan'() {
      const directory = await pickDirectory();
      if (directory === null) return { cancelled: true };
      const { added, skipped } = await core.scanDirectory(directory);
      const statuses = added.length ? await core.status(added.map((site) => site.id)) : [];
      return { added: statuses, skipped };
    },
    async 'sites:remove'({ siteId }) {
      await core.removeSite(siteId);
      return null;
    },
    'workers:start': ({ siteId }) => core.startWorkers(siteId),
    'workers:stop': ({ siteId }) => core.stopWorkers(siteId),
    'workers:restart': ({ siteId }) => core.restartWorkers(siteId),
    'workers:start-all': () => core.startAll(),
    'workers:stop-all': () => core.stopAll(),
    'workers:restart-all': () => core.restartAll(),
    'workers:config:get': ({ siteId }) => core.workerConfig(siteId),
    'workers:config:set': ({ siteId, worker, patch }) =>
      core.configureWorker(siteId, worker, patch),
    'workers:add': ({ siteId, worker }) => core.addWorker(siteId, worker),
    'workers:remove': ({ siteId, worker }) => core.removeWorker(siteId, worker),
    'preflight:run': () => core.health.preflight(),
    'reconcile:scan': () => core.health.scan(),
    async 'reconcile:apply'({ findingId, action }) {
      const outcome = await core.health.apply(findingId, action);
      return { outcome, report: await core.health.scan() };
    },
    'registry:recover': () => core.health.recoverRegistry(),
    'settings:get': () => settings.read(),
    'settings:set': ({ patch }) => updateUserSettings(settings, patch),
    'logs:read': ({ siteId, worker, lines }) => core.logs.read(siteId, { worker, lines }),
    'logs:follow'(request) {
      if (!logFollows) throw notAvailable('Following a log');
      return logFollows.follow(request);
    },
    async 'logs:unfollow'({ followId }) {
      return (await logFollows?.unfollow(followId)) ?? false;
    },
    async 'logs:open'({ siteId, worker }) {
      if (!openPath) throw notAvailable('Opening a file');
      const file = await core.logs.fileToOpen(siteId, worker);
      const problem = await openPath(file);
      if (problem) {
        throw new ServerMarkError(
          'OPEN_FAILED',
          `The log could not be opened (${problem}). It is ${file}.`,
        );
      }
      return { opened: file };
    },
  };
}
