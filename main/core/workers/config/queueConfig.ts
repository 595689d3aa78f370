/** One connection of the app's config/queue.php, as far as ServerMark needs it. */
export interface QueueConnectionInfo {
  name: string;
  driver: string | null;
  /** Seconds after which a reserved job is handed out again; null when the driver has none (SQS). */
  retryAfter: number | null;
  /** The connection's default queue. */
  queue: string | null;
}

/** What the app's queue configuration says, and how we know it. */
export interface QueueConfig {
  /**
   * 'app': the app itself loaded its config (.env, cached config and all), as the worker will;
   * 'file': config/queue.php read as text, because booting the app failed (see `problem`);
   * 'none': neither worked, so connection names and retry_after cannot be checked.
   */
  source: 'app' | 'file' | 'none';
  defaultConnection: string | null;
  connections: QueueConnectionInfo[];
  /** Why booting the app (or reading the file) failed, for the form to show; null when it worked. */
  problem: string | null;
}

export const NO_QUEUE_CONFIG: QueueConfig = Object.freeze({
  source: 'none',
  defaultConnection: null,
  connections: [],
  problem: null,
}) as QueueConfig;

/** The connection a worker uses: its own, else the app's default. */
export function connectionOf(
  config: QueueConfig,
  connection: string | null,
): QueueConnectionInfo | null {
  const name = connection ?? config.defaultConnection;
  return config.connections.find((c) => c.name === name) ?? null;
}

/** Connection names to validate against, or null when the config could not be read at all. */
export function knownConnections(config: QueueConfig): string[] | null {
  return config.source === 'none' ? null : config.connections.map((c) => c.name);
}

/** A number or numeric string from a config value (env() gives strings). */
export function wholeSeconds(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value)) return Number(value);
  return null;
}
