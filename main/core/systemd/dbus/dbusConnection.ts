// One persistent D-Bus connection for method calls: many calls in flight at once (pipelined),
// answered by serial. It holds the process open only while a call is pending, so a CLI run exits.
import { connect } from 'node:net';
import {
  decodeMessage,
  encodeMethodCalls,
  MESSAGE_TYPE,
  messageLength,
  type DbusValue,
  type EncodedCall,
  type MethodCall,
} from './dbusWire';

export class DbusCallError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
  ) {
    super(`${errorName}: ${message}`);
  }
}

export type Call = Omit<MethodCall, 'serial'> | EncodedCall;

export interface DbusConnection {
  call(message: Call): Promise<DbusValue[]>;
  /** Sends every call before awaiting any answer; resolves with each reply body, in order. */
  callAll(messages: readonly Call[]): Promise<DbusValue[][]>;
  readonly closed: boolean;
  close(): void;
}

export interface DbusConnectOptions {
  /** A unix socket path. */
  socketPath: string;
  /** A message bus (as opposed to a direct connection to systemd) wants Hello first. */
  bus: boolean;
  timeoutMs?: number;
  /** The connection ended or failed; pending calls have been rejected. */
  onClose?(error?: Error): void;
}

// One promise per batch rather than per call: a status read is a thousand calls.
interface Batch {
  replies: DbusValue[][];
  waiting: number;
  resolve(replies: DbusValue[][]): void;
  reject(error: Error): void;
}

interface Pending {
  batch: Batch;
  index: number;
}

const WRITE_SLICE = 64;

const uidHex = (): string => Buffer.from(String(process.getuid?.() ?? 0)).toString('hex');

/** Connects, authenticates (EXTERNAL, by uid) and, on a bus, says Hello. */
export async function openDbusConnection(options: DbusConnectOptions): Promise<DbusConnection> {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const socket = connect(options.socketPath);
  socket.setNoDelay(true);
  const pending = new Map<number, Pending>();
  let serial = 0;
  let closed = false;
  let received: Buffer = Buffer.alloc(0);

  const finish = (error?: Error) => {
    if (closed) return;
    closed = true;
    const reason = error ?? new Error('The D-Bus connection closed.');
    for (const { batch } of pending.values()) batch.reject(reason);
    pending.clear();
    socket.destroy();
    options.onClose?.(error);
  };

  function onData(chunk: Buffer): void {
    received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
    let offset = 0;
    for (;;) {
      const length = messageLength(received, offset);
      if (length === null || received.length - offset < length) break;
      dispatch(received, offset);
      offset += length;
    }
    received = offset === received.length ? Buffer.alloc(0) : received.subarray(offset);
    if (pending.size === 0) socket.unref();
  }

  function dispatch(bytes: Buffer, start: number): void {
    let message;
    try {
      message = decodeMessage(bytes, start);
    } catch (error) {
      return finish(error as Error);
    }
    // Signals (a direct connection to systemd gets them all) are not ours to handle here.
    if (message.replySerial === undefined) return;
    const entry = pending.get(message.replySerial);
    if (!entry) return;
    pending.delete(message.replySerial);
    const { batch, index } = entry;
    if (message.type === MESSAGE_TYPE.error) {
      batch.reject(
        new DbusCallError(message.errorName ?? 'D-Bus error', String(message.body[0] ?? '')),
      );
    } else {
      batch.replies[index] = message.body;
      if (--batch.waiting === 0) batch.resolve(batch.replies);
    }
  }

  function callAll(messages: readonly Call[]): Promise<DbusValue[][]> {
    if (closed) return Promise.reject(new Error('The D-Bus connection is closed.'));
    if (messages.length === 0) return Promise.resolve([]);
    return new Promise<DbusValue[][]>((resolve, reject) => {
      const batch: Batch = {
        replies: new Array(messages.length),
        waiting: messages.length,
        resolve,
        reject,
      };
      const serials = messages.map((message, index) => {
        const id = ++serial;
        pending.set(id, { batch, index });
        return { ...message, serial: id };
      });
      batch.reject = (error) => {
        // One failed call fails the batch; the others' answers are dropped when they arrive.
        for (const { serial: id } of serials) pending.delete(id);
        reject(error);
      };
      socket.ref();
      // Written in slices, so systemd starts answering while the rest is still being encoded.
      for (let start = 0; start < serials.length; start += WRITE_SLICE) {
        socket.write(encodeMethodCalls(serials.slice(start, start + WRITE_SLICE)));
      }
    });
  }

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`No D-Bus answer on ${options.socketPath} within ${timeoutMs} ms.`)),
      timeoutMs,
    );
    let line = '';
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    const onAuth = (chunk: Buffer) => {
      line += chunk.toString('latin1');
      if (!line.includes('\r\n')) return;
      socket.off('data', onAuth);
      socket.off('error', fail);
      clearTimeout(timer);
      if (!line.startsWith('OK ')) return fail(new Error(`D-Bus refused us: ${line.trim()}`));
      // The server says nothing after OK until we speak, so no bytes are lost switching handlers.
      socket.on('data', onData);
      socket.on('error', (error) => finish(error));
      socket.on('close', () => finish());
      resolve();
    };
    socket.once('error', fail);
    socket.on('data', onAuth);
    // BEGIN goes with AUTH, as sd-bus itself sends it: systemd 252 leaves a call that arrives in
    // the same read as a late BEGIN unanswered until more bytes come.
    socket.once('connect', () => socket.write(`\0AUTH EXTERNAL ${uidHex()}\r\nBEGIN\r\n`));
  });

  const call = async (message: Call) => (await callAll([message]))[0]!;
  const connection: DbusConnection = {
    call,
    callAll,
    get closed() {
      return closed;
    },
    close: () => finish(),
  };
  if (options.bus) {
    await withTimeout(
      callAll([
        {
          destination: 'org.freedesktop.DBus',
          path: '/org/freedesktop/DBus',
          interface: 'org.freedesktop.DBus',
          member: 'Hello',
        },
      ]),
      timeoutMs,
    ).catch((error: unknown) => {
      finish();
      throw error;
    });
  }
  if (pending.size === 0) socket.unref();
  return connection;
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No D-Bus answer within ${ms} ms.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
