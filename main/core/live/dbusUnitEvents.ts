import dbus from '@homebridge/dbus-native';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

interface DbusMessage {
  type: number;
  path?: string;
  interface?: string;
  member?: string;
  body?: unknown[];
}

interface DbusClient {
  invoke(
    message: Record<string, unknown>,
    callback: (error: unknown, value?: unknown) => void,
  ): void;
  addMatch(rule: string, callback: (error: unknown) => void): void;
  connection: {
    on(event: 'message', listener: (message: DbusMessage) => void): void;
    on(event: 'error' | 'end', listener: (error?: unknown) => void): void;
    end(): void;
  };
}

const SIGNAL = 4;
const SYSTEMD = { destination: 'org.freedesktop.systemd1', path: '/org/freedesktop/systemd1' };
const MANAGER = 'org.freedesktop.systemd1.Manager';
const UNIT_PATH = '/org/freedesktop/systemd1/unit/';

/** systemd's object path for a unit: bytes outside [A-Za-z0-9] become _XX. */
export function unitObjectPath(unit: string): string {
  return (
    UNIT_PATH +
    [...Buffer.from(unit)]
      .map((b) =>
        /[A-Za-z0-9]/.test(String.fromCharCode(b))
          ? String.fromCharCode(b)
          : `_${b.toString(16).padStart(2, '0')}`,
      )
      .join('')
  );
}

/** The user bus address from the environment, or null when there is none to reach. */
export function userBusAddress(env: NodeJS.ProcessEnv): string | null {
  const explicit = env.DBUS_SESSION_BUS_ADDRESS;
  if (explicit && /^unix:path=/.test(explicit)) {
    return existsSync(explicit.slice('unix:path='.length).split(',')[0]!) ? explicit : null;
  }
  if (explicit) return explicit;
  const runtime = env.XDG_RUNTIME_DIR;
  return runtime && existsSync(join(runtime, 'bus')) ? `unix:path=${join(runtime, 'bus')}` : null;
}

export interface UnitEventStream {
  close(): void;
}

export interface UnitEventOptions {
  busAddress: string;
  /** Only units whose names start with this are reported. */
  unitPrefix: string;
  onChange(): void;
  /** The bus went away (e.g. the user manager restarted). */
  onClose(error?: unknown): void;
}

function call(client: DbusClient, member: string): Promise<void> {
  return new Promise((resolve, reject) =>
    client.invoke({ ...SYSTEMD, interface: MANAGER, member }, (error) =>
      error ? reject(toError(error)) : resolve(),
    ),
  );
}

function match(client: DbusClient, rule: string): Promise<void> {
  return new Promise((resolve, reject) =>
    client.addMatch(rule, (error) => (error ? reject(toError(error)) : resolve())),
  );
}

function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  const named = error as { name?: string; message?: string };
  return new Error(`${named.name ?? 'D-Bus error'}: ${named.message ?? ''}`);
}

/**
 * Subscribes once to the user manager and reports changes to our units as they happen, so
 * nothing is polled or spawned while nothing changes.
 */
export async function subscribeUnitEvents(options: UnitEventOptions): Promise<UnitEventStream> {
  const client = (dbus as unknown as { createClient(o: object): DbusClient }).createClient({
    busAddress: options.busAddress,
  });
  const pathPrefix = unitObjectPath(options.unitPrefix);
  let closed = false;
  const close = (error?: unknown) => {
    if (closed) return;
    closed = true;
    options.onClose(error);
  };

  client.connection.on('message', (message) => {
    if (message.type !== SIGNAL) return;
    const ours =
      (message.member === 'PropertiesChanged' && message.path?.startsWith(pathPrefix)) ||
      ((message.member === 'UnitNew' || message.member === 'UnitRemoved') &&
        String(message.body?.[0] ?? '').startsWith(options.unitPrefix)) ||
      (message.member === 'JobRemoved' &&
        String(message.body?.[2] ?? '').startsWith(options.unitPrefix)) ||
      message.member === 'Reloading';
    if (ours) options.onChange();
  });
  client.connection.on('error', (error) => close(error));
  client.connection.on('end', () => close());

  const ready = (async () => {
    await match(
      client,
      `type='signal',sender='org.freedesktop.systemd1',path_namespace='/org/freedesktop/systemd1'`,
    );
    // Without Subscribe() systemd sends no unit signals at all.
    await call(client, 'Subscribe');
  })();
  // A dead socket never answers: do not wait forever for it.
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('The user bus did not answer within 3 s.')), 3_000).unref(),
  );
  try {
    await Promise.race([ready, timeout]);
  } catch (error) {
    closed = true;
    client.connection.end();
    throw error;
  }
  return {
    close() {
      closed = true;
      client.connection.end();
    },
  };
}
