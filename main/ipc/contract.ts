// The one definition of every channel between the main process and the window.
// Type-only imports: the preload and the renderer bundle this file without the core.
import type { ErrorView } from '../core/errors/serverMarkError';
import type { SiteStatus } from '../core/workers/siteStatus';
import type { Settings } from '../core/settings/settings';
import type { SettingsPatch } from '../core/settings/settingsPatch';
import type { BatchOutcome } from '../core/serverMark';
import type { WorkerOptionsPatch } from '../core/workers/config/validateWorkerOptions';
import type { WorkerChangeOutcome } from '../core/workers/config/workerChanges';
import type { SiteWorkerConfig } from '../core/workers/config/workerConfigView';
import type { PreflightReport } from '../core/preflight/preflightCheck';
import type { ApplyOutcome, ReconcileAction, ReconcileReport } from '../core/reconcile/finding';
import type { RecoveredRegistry } from '../core/sites/registryRecovery';
import type { LogLine } from '../core/logs/logLine';
import type { WorkerLogRead } from '../core/logs/readWorkerLog';
import type { LogFollowStarted, LogLinesMessage } from './logFollows';

export type { BatchOutcome, ErrorView, SiteStatus };
export type { SiteWorkerConfig, WorkerChangeOutcome, WorkerOptionsPatch };
export type {
  WorkerConfigView,
  WorkerConnectionView,
} from '../core/workers/config/workerConfigView';
export type { WarningCode, WorkerWarning } from '../core/workers/config/workerWarnings';
export type { FieldErrors } from '../core/workers/config/validateWorkerOptions';
export type {
  OptionSupport,
  SiteOptionSupport,
  WorkerField,
} from '../core/workers/config/optionSupport';
export type { NumberLimit, NumericField } from '../core/workers/config/optionLimits';
export type { QueueConfig, QueueConnectionInfo } from '../core/workers/config/queueConfig';
export type { WorkerOptions } from '../core/workers/workerOptions';
export type { WorkerStatus } from '../core/workers/siteStatus';
export type { StopReason, UnitState, WorkerStateName } from '../core/workers/workerState';
export type { ApplyOutcome, PreflightReport, ReconcileAction, ReconcileReport, RecoveredRegistry };
export type {
  PreflightCheck,
  PreflightFix,
  PreflightSeverity,
} from '../core/preflight/preflightCheck';
export type { Finding, FindingKind } from '../core/reconcile/finding';
export type { LogFollowStarted, LogLine, LogLinesMessage, WorkerLogRead };
export type { LogLineKind } from '../core/logs/logLine';

/** What `reconcile:apply` did, and what is left to reconcile after it. */
export interface ReconcileApplied {
  outcome: ApplyOutcome;
  report: ReconcileReport;
}

export type { Settings, SettingsPatch };

/** Errors cross IPC as values: Electron would strip a thrown error down to its message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorView };

export interface SiteSummary {
  site: string;
  name: string;
  path: string;
}

export type AddSiteOutcome = { added: SiteStatus } | { cancelled: true };
export type ScanFolderOutcome =
  { added: SiteStatus[]; skipped: Array<{ path: string; message: string }> } | { cancelled: true };

/** Request/response pairs, invoked by the window and answered by the main process. */
export interface InvokeChannels {
  'sites:status': { request: Record<string, never>; response: SiteStatus[] };
  /** The registered sites without their state: what can be shown while systemd is unreachable. */
  'sites:list': { request: Record<string, never>; response: SiteSummary[] };
  /** Main opens the native folder picker: the window never sends a path. */
  'sites:add': { request: Record<string, never>; response: AddSiteOutcome };
  /** Main opens the folder picker and adds every Laravel app in and below that folder. */
  'sites:scan': { request: Record<string, never>; response: ScanFolderOutcome };
  'sites:remove': { request: { siteId: string }; response: null };
  'workers:start': { request: { siteId: string }; response: SiteStatus };
  'workers:stop': { request: { siteId: string }; response: SiteStatus };
  'workers:restart': { request: { siteId: string }; response: SiteStatus };
  /** Every site in one batched systemd call (the tray's and the toolbar's "… all"). */
  'workers:start-all': { request: Record<string, never>; response: BatchOutcome };
  'workers:stop-all': { request: Record<string, never>; response: BatchOutcome };
  'workers:restart-all': { request: Record<string, never>; response: BatchOutcome };
  /** Each worker of a site: options, what its Laravel supports, warnings, retry_after. */
  'workers:config:get': { request: { siteId: string }; response: SiteWorkerConfig };
  /**
   * Saves some options of one worker (a running one restarts gracefully). Invalid values come
   * back as `{ ok: false, errors: { field: message } }`, with nothing saved. `php` is the one
   * path the window sends: the user picked it, and the core checks it runs PHP.
   */
  'workers:config:set': {
    request: { siteId: string; worker: string; patch: WorkerOptionsPatch };
    response: WorkerChangeOutcome;
  };
  /** A new worker with the default options; a bad name comes back as `errors.name`. */
  'workers:add': { request: { siteId: string; worker: string }; response: WorkerChangeOutcome };
  /** Stops the worker (its current job finishes) and deletes its units; not the last one. */
  'workers:remove': { request: { siteId: string; worker: string }; response: SiteStatus };
  /** Machine and per-site problems (systemd, lingering, PHP, artisan…), each with its fix. */
  'preflight:run': { request: Record<string, never>; response: PreflightReport };
  /** Legacy, orphan and hand-edited units, imports and leftovers; changes nothing. */
  'reconcile:scan': { request: Record<string, never>; response: ReconcileReport };
  /** Ids only: main finds the finding again, checks the action is offered, then acts. */
  'reconcile:apply': {
    request: { findingId: string; action: ReconcileAction };
    response: ReconcileApplied;
  };
  /** The user's explicit "Move aside and start empty" for an unreadable registry. */
  'registry:recover': { request: Record<string, never>; response: RecoveredRegistry };
  /** Every setting; startAtLogin is whether the login entry exists and is on. */
  'settings:get': { request: Record<string, never>; response: Settings };
  /** Saves some preferences (startAtLogin writes or removes the login entry); all come back. */
  'settings:set': { request: { patch: SettingsPatch }; response: Settings };
  /** The newest `lines` lines (default 1000, at most 100 000) of a worker's processes. */
  'logs:read': {
    request: { siteId: string; worker: string; lines?: number };
    response: WorkerLogRead;
  };
  /** The newest `lines` lines (default 0), then every new line on `logs:lines` until unfollowed. */
  'logs:follow': {
    request: { siteId: string; worker: string; lines?: number };
    response: LogFollowStarted;
  };
  /** Ends a follow; true when it was running. */
  'logs:unfollow': { request: { followId: string }; response: boolean };
  /** Opens the worker's log file in the desktop's default app; main picks the file. */
  'logs:open': { request: { siteId: string; worker: string }; response: { opened: string } };
}

/** Messages the main process pushes to the window. */
export interface PushChannels {
  'status:changed': SiteStatus[];
  /** Why live state cannot be read right now (e.g. no user manager); null once it can again. */
  'status:problem': ErrorView | null;
  /** Bring this site into view (a notification about it was clicked). */
  'ui:focus-site': { siteId: string };
  /** A new reconcile report: at start, and whenever the registry or unit folder changed. */
  'reconcile:changed': ReconcileReport;
  /** New lines of one followed log, at most one batch per 100 ms per follow. */
  'logs:lines': LogLinesMessage;
}

export type InvokeChannel = keyof InvokeChannels;
export type PushChannel = keyof PushChannels;
export type InvokeRequest<C extends InvokeChannel> = InvokeChannels[C]['request'];
export type InvokeResponse<C extends InvokeChannel> = InvokeChannels[C]['response'];

// Runtime lists, so the preload and main can refuse anything outside the contract.
export const INVOKE_CHANNELS = [
  'sites:status',
  'sites:list',
  'sites:add',
  'sites:scan',
  'sites:remove',
  'workers:start',
  'workers:stop',
  'workers:restart',
  'workers:start-all',
  'workers:stop-all',
  'workers:restart-all',
  'workers:config:get',
  'workers:config:set',
  'workers:add',
  'workers:remove',
  'preflight:run',
  'reconcile:scan',
  'reconcile:apply',
  'registry:recover',
  'settings:get',
  'settings:set',
  'logs:read',
  'logs:follow',
  'logs:unfollow',
  'logs:open',
] as const satisfies readonly InvokeChannel[];

export const PUSH_CHANNELS = [
  'status:changed',
  'status:problem',
  'ui:focus-site',
  'reconcile:changed',
  'logs:lines',
] as const satisfies readonly PushChannel[];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return (INVOKE_CHANNELS as readonly unknown[]).includes(value);
}
