import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConfigFile, parseDotEnv, PhpArray, resolveValue, UNKNOWN } from './phpConfigLiteral';
import { wholeSeconds, type QueueConfig, type QueueConnectionInfo } from './queueConfig';

// A config or .env file larger than this is not one a person wrote: refuse rather than parse it.
const MAX_BYTES = 256 * 1024;

async function readSmallFile(path: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const buffer = Buffer.alloc(MAX_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_BYTES) throw new Error(`${path} is larger than ${MAX_BYTES} bytes`);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Queue settings from the text of config/queue.php (and .env for env() values). */
export function queueConfigFromText(source: string, dotEnv: string | null): QueueConfig {
  const env = parseDotEnv(dotEnv ?? '');
  const root = parseConfigFile(source);
  if (!(root instanceof PhpArray)) throw new Error('config/queue.php does not return an array');
  const value = (array: PhpArray, key: string) => resolveValue(array.get(key), env);
  const connectionsValue = value(root, 'connections');
  // Guessing "no connections" from code we cannot read would refuse every connection name.
  if (!(connectionsValue instanceof PhpArray)) {
    throw new Error("config/queue.php builds its 'connections' in code that only PHP can run");
  }
  const connections: QueueConnectionInfo[] = [];
  for (const [name, raw] of connectionsValue.entries) {
    const connection = resolveValue(raw, env);
    if (!(connection instanceof PhpArray)) continue;
    connections.push({
      name,
      driver: text(value(connection, 'driver')),
      retryAfter: wholeSeconds(value(connection, 'retry_after')),
      queue: text(value(connection, 'queue')),
    });
  }
  const defaultValue = value(root, 'default');
  return {
    source: 'file',
    defaultConnection: defaultValue === UNKNOWN ? null : text(defaultValue),
    connections,
    problem: null,
  };
}

/** Reads config/queue.php without running PHP; throws when the file is missing or unreadable. */
export async function queueConfigFromFile(sitePath: string): Promise<QueueConfig> {
  const source = await readSmallFile(join(sitePath, 'config', 'queue.php'));
  if (source === null) throw new Error('config/queue.php does not exist');
  return queueConfigFromText(source, await readSmallFile(join(sitePath, '.env')));
}
