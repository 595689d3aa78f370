import type { ServerMark } from '../core/serverMark';
import type { SettingsStore } from '../core/settings/settings';
import { updateUserSettings } from '../core/settings/settingsPatch';
import type { InvokeHandlers } from './dispatch';

export interface HandlerDependencies {
  core: ServerMark;
  /** The native folder picker in Electron; a scripted one in the browser e2e. Null = cancelled. */
  pickDirectory(): Promise<string | null>;
  /** The settings as the app applies them (Electron ties startAtLogin to the login entry). */
  settings?: SettingsStore;
}

/** What each channel does, in terms of the core; no Electron here, so e2e reuses it as is. */
export function createInvokeHandlers({
  core,
  pickDirectory,
  settings = core.settings,
}: HandlerDependencies): InvokeHandlers {
  return {
    'sites:status': () => core.status(),
    async 'sites:add'() {
      const directory = await pickDirectory();
      if (directory === null) return { cancelled: true };
      const site = await core.addSite({ directory });
      const [status] = await core.status([site.id]);
      return { added: status! };
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
  };
}
