import type {
  InvokeChannel,
  InvokeRequest,
  InvokeResponse,
  PushChannel,
  PushChannels,
  ReconcileAction,
  Result,
  WorkerOptionsPatch,
} from '../main/ipc/contract';
import type { SettingsPatch } from '../main/ipc/contract';

/** How the API reaches main: ipcRenderer in Electron, a test bridge in the browser e2e. */
export interface IpcTransport {
  invoke(channel: InvokeChannel, payload: unknown): Promise<unknown>;
  subscribe(channel: PushChannel, listener: (payload: unknown) => void): () => void;
}

/** The whole surface the window gets: one typed function per channel, nothing raw. */
export function createServerMarkApi(transport: IpcTransport) {
  const call = <C extends InvokeChannel>(channel: C, request: InvokeRequest<C>) =>
    transport.invoke(channel, request) as Promise<Result<InvokeResponse<C>>>;
  const on =
    <C extends PushChannel>(channel: C) =>
    (listener: (payload: PushChannels[C]) => void): (() => void) =>
      transport.subscribe(channel, (payload) => listener(payload as PushChannels[C]));

  return {
    getStatus: () => call('sites:status', {}),
    listSites: () => call('sites:list', {}),
    addSite: () => call('sites:add', {}),
    scanFolder: () => call('sites:scan', {}),
    removeSite: (siteId: string) => call('sites:remove', { siteId }),
    startWorkers: (siteId: string) => call('workers:start', { siteId }),
    stopWorkers: (siteId: string) => call('workers:stop', { siteId }),
    restartWorkers: (siteId: string) => call('workers:restart', { siteId }),
    startAll: () => call('workers:start-all', {}),
    stopAll: () => call('workers:stop-all', {}),
    restartAll: () => call('workers:restart-all', {}),
    getWorkerConfig: (siteId: string) => call('workers:config:get', { siteId }),
    setWorkerConfig: (siteId: string, worker: string, patch: WorkerOptionsPatch) =>
      call('workers:config:set', { siteId, worker, patch }),
    addWorker: (siteId: string, worker: string) => call('workers:add', { siteId, worker }),
    removeWorker: (siteId: string, worker: string) => call('workers:remove', { siteId, worker }),
    runPreflight: () => call('preflight:run', {}),
    scanReconcile: () => call('reconcile:scan', {}),
    applyReconcile: (findingId: string, action: ReconcileAction) =>
      call('reconcile:apply', { findingId, action }),
    recoverRegistry: () => call('registry:recover', {}),
    getSettings: () => call('settings:get', {}),
    setSettings: (patch: SettingsPatch) => call('settings:set', { patch }),
    readLog: (siteId: string, worker: string, lines?: number) =>
      call('logs:read', lines === undefined ? { siteId, worker } : { siteId, worker, lines }),
    /** Start, then listen with onLogLines for this followId; always unfollowLog when done. */
    followLog: (siteId: string, worker: string, lines?: number) =>
      call('logs:follow', lines === undefined ? { siteId, worker } : { siteId, worker, lines }),
    unfollowLog: (followId: string) => call('logs:unfollow', { followId }),
    openLog: (siteId: string, worker: string) => call('logs:open', { siteId, worker }),
    onStatusChanged: on('status:changed'),
    onStatusProblem: on('status:problem'),
    onFocusSite: on('ui:focus-site'),
    onReconcileChanged: on('reconcile:changed'),
    onLogLines: on('logs:lines'),
  };
}

export type ServerMarkApi = ReturnType<typeof createServerMarkApi>;
