import { watch, type FSWatcher } from 'node:fs';
import { mkdirSync } from 'node:fs';
import type { SiteStatus } from '../workers/siteStatus';
import { coalescedRefresh } from './coalescedRefresh';
import { subscribeUnitEvents, userBusAddress, type UnitEventStream } from './dbusUnitEvents';

export type LiveMode = 'dbus' | 'polling' | 'stopped';

export interface LiveStatusOptions {
  env: NodeJS.ProcessEnv;
  unitPrefix: string;
  /** Reads the full state from systemd. */
  read(): Promise<SiteStatus[]>;
  /** Called with the new state whenever it differs from the last one sent. */
  emit(statuses: SiteStatus[]): void;
  onError?(error: unknown): void;
  /** Directory of the site registry: the CLI may change it while the app runs. */
  watchDir?: string;
  /** The registry's file name in watchDir: other files there do not change the state. */
  watchFile?: string;
  pollIntervalMs?: number;
  reconnectMs?: number;
  debounceMs?: number;
}

export interface LiveStatus {
  readonly mode: LiveMode;
  /** Re-read now (coalesced with any read already under way) and emit if anything changed. */
  refresh(): Promise<void>;
  stop(): void;
}

// readAt changes on every read; everything else changing is news.
function fingerprint(statuses: SiteStatus[]): string {
  return JSON.stringify(statuses, (key, value: unknown) => (key === 'readAt' ? undefined : value));
}

/**
 * Keeps listeners in step with systemd: D-Bus signals trigger a re-read when the user bus is
 * there; polling only when it is not, with reconnection attempts until it comes back.
 */
export async function startLiveStatus(options: LiveStatusOptions): Promise<LiveStatus> {
  const pollIntervalMs = options.pollIntervalMs ?? 2_000;
  const reconnectMs = options.reconnectMs ?? 2_000;
  const debounceMs = options.debounceMs ?? 20;
  let mode: LiveMode = 'polling';
  let events: UnitEventStream | null = null;
  let poller: NodeJS.Timeout | null = null;
  let reconnector: NodeJS.Timeout | null = null;
  let dirWatcher: FSWatcher | null = null;
  let last: string | null = null;
  let stopped = false;

  async function readAndEmit(): Promise<void> {
    try {
      const statuses = await options.read();
      const print = fingerprint(statuses);
      if (print !== last && !stopped) {
        last = print;
        options.emit(statuses);
      }
    } catch (error) {
      options.onError?.(error);
    }
  }

  // A burst of signals (one start emits a dozen) becomes one read, never two at once.
  const {
    refresh,
    schedule: scheduleRefresh,
    stop: stopRefresh,
  } = coalescedRefresh(readAndEmit, debounceMs);

  function startPolling(): void {
    mode = 'polling';
    poller ??= setInterval(() => void refresh(), pollIntervalMs);
    reconnector ??= setInterval(() => void connect(), reconnectMs);
  }

  async function connect(): Promise<void> {
    if (stopped || events) return;
    const busAddress = userBusAddress(options.env);
    if (!busAddress) return startPolling();
    try {
      events = await subscribeUnitEvents({
        busAddress,
        unitPrefix: options.unitPrefix,
        onChange: scheduleRefresh,
        onClose: () => {
          events = null;
          if (stopped) return;
          startPolling();
          scheduleRefresh();
        },
      });
      if (stopped) return events.close();
      mode = 'dbus';
      if (poller) clearInterval(poller);
      if (reconnector) clearInterval(reconnector);
      poller = reconnector = null;
      // Whatever changed while we were not listening.
      scheduleRefresh();
    } catch {
      events = null;
      startPolling();
    }
  }

  if (options.watchDir) {
    mkdirSync(options.watchDir, { recursive: true });
    const file = options.watchFile;
    // Only the registry matters; lock files, settings and temp files are not news.
    dirWatcher = watch(options.watchDir, { persistent: false }, (_event, name) => {
      if (!file || !name || name === file) scheduleRefresh();
    });
  }
  await connect();
  await refresh();

  return {
    get mode() {
      return mode;
    },
    refresh,
    stop() {
      stopped = true;
      mode = 'stopped';
      events?.close();
      stopRefresh();
      for (const timer of [poller, reconnector]) if (timer) clearTimeout(timer);
      dirWatcher?.close();
    },
  };
}
