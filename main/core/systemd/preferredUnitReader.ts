// D-Bus when the user manager answers on it, systemctl when it does not: the same answers
// either way, so the rest of the core never knows which one it got.
import { openDbusConnection, withTimeout, type DbusConnection } from './dbus/dbusConnection';
import { dbusUnitStateReader, userManagerEndpoint, type DbusEndpoint } from './dbusUnitReader';
import type { Systemctl } from './systemctl';
import { systemctlUnitStateReader, type UnitStateReader } from './unitStateReader';

// As long as systemctl itself waits for the manager (sd-bus's default call timeout).
const DBUS_READ_TIMEOUT_MS = 25_000;

export type UnitReaderSource = 'dbus' | 'systemctl';

export interface PreferredUnitReader extends UnitStateReader {
  /** Which path answered the last read. */
  readonly source: UnitReaderSource | null;
}

export interface PreferredUnitReaderOptions {
  env: NodeJS.ProcessEnv;
  systemctl: Systemctl;
  /** After D-Bus failed, how long systemctl answers alone before D-Bus is tried again. */
  retryMs?: number;
  connect?(endpoint: DbusEndpoint, onClose: () => void): Promise<DbusConnection>;
}

export function createPreferredUnitReader(
  options: PreferredUnitReaderOptions,
): PreferredUnitReader {
  const retryMs = options.retryMs ?? 2_000;
  const connect =
    options.connect ??
    ((endpoint: DbusEndpoint, onClose: () => void) => openDbusConnection({ ...endpoint, onClose }));
  const fallback = systemctlUnitStateReader(options.systemctl);
  let current: Promise<UnitStateReader> | null = null;
  let failedAt = -Infinity;
  let source: UnitReaderSource | null = null;
  let closed = false;

  function forget(which: Promise<UnitStateReader> | null): void {
    if (current !== which || !which) return;
    current = null;
    void which.then((reader) => reader.close()).catch(() => undefined);
  }

  function connection(): Promise<UnitStateReader> | null {
    if (closed) return null;
    if (current || Date.now() - failedAt < retryMs) return current;
    const endpoint = userManagerEndpoint(options.env);
    if (!endpoint) {
      failedAt = Date.now();
      return null;
    }
    const attempt: Promise<UnitStateReader> = connect(endpoint, () => forget(attempt)).then(
      (open) => dbusUnitStateReader(open, endpoint.bus),
    );
    current = attempt;
    return attempt;
  }

  async function withFallback<T>(task: (reader: UnitStateReader) => Promise<T>): Promise<T> {
    const attempt = connection();
    if (attempt) {
      try {
        const result = await withTimeout(
          attempt.then((reader) => task(reader)),
          DBUS_READ_TIMEOUT_MS,
        );
        source = 'dbus';
        return result;
      } catch {
        // No answer, or a connection broken mid-read (the manager restarting): read the slow
        // way rather than report half a state; systemctl says what is wrong, if anything is.
        failedAt = Date.now();
        forget(attempt);
      }
    }
    const result = await task(fallback);
    source = 'systemctl';
    return result;
  }

  return {
    get source() {
      return source;
    },
    listUnits: (patterns) => withFallback((reader) => reader.listUnits(patterns)),
    read: (patterns, pick, properties) =>
      withFallback((reader) => reader.read(patterns, pick, properties)),
    close() {
      closed = true;
      forget(current);
    },
  };
}
