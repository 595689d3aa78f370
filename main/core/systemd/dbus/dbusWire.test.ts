import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  decodeMessage,
  encodeMethodCall,
  encodeMethodCalls,
  messageLength,
  splitSignature,
} from './dbusWire';

// dbus-native is an independent implementation of the same format: agreeing with it, byte for
// byte, is the check that neither side guessed the alignment rules.
const reference = createRequire(import.meta.url)('@homebridge/dbus-native/lib/message.js') as {
  marshall(message: Record<string, unknown>): Buffer;
};

const listCall = {
  serial: 7,
  path: '/org/freedesktop/systemd1',
  interface: 'org.freedesktop.systemd1.Manager',
  member: 'ListUnitsByPatterns',
  signature: 'asas',
  body: [[], ['servermark-queue-*', 'café-*']],
};

describe('encodeMethodCall', () => {
  it('matches an independent encoder byte for byte', () => {
    expect(encodeMethodCall(listCall).toString('hex')).toBe(
      reference.marshall({ type: 1, ...listCall }).toString('hex'),
    );
    const get = {
      serial: 4_000_000_000,
      destination: 'org.freedesktop.systemd1',
      path: '/org/freedesktop/systemd1/unit/servermark_2dqueue_2dshop_5fab12cd34_5fdefault_401_2eservice',
      interface: 'org.freedesktop.DBus.Properties',
      member: 'Get',
      signature: 'ss',
      body: ['org.freedesktop.systemd1.Service', 'MainPID'],
    };
    expect(encodeMethodCall(get).toString('hex')).toBe(
      reference.marshall({ type: 1, ...get }).toString('hex'),
    );
  });

  it('puts calls back to back, each aligned from its own start', () => {
    const odd = { ...listCall, body: [[], ['x']] };
    const joined = encodeMethodCalls([odd, { ...listCall, serial: 8 }]);
    const first = encodeMethodCall(odd);
    expect(first.length % 8).not.toBe(0);
    expect(messageLength(joined)).toBe(first.length);
    expect(decodeMessage(joined.subarray(first.length)).serial).toBe(8);
  });
});

describe('decodeMessage', () => {
  it('reads back what an independent encoder wrote, nested structs and variants included', () => {
    const bytes = reference.marshall({
      type: 2,
      serial: 3,
      replySerial: 9,
      signature: 'a(ssu)vvtix',
      body: [
        [
          ['a.service', 'A', 1],
          ['b.service', 'B', 4_294_967_295],
        ],
        ['s', 'success'],
        ['t', 1_733_339_701_123_456],
        1_733_339_701_000_000,
        -12,
        -5,
      ],
    });
    const message = decodeMessage(bytes);
    expect(message).toMatchObject({ type: 2, serial: 3, replySerial: 9 });
    expect(message.body).toEqual([
      [
        ['a.service', 'A', 1],
        ['b.service', 'B', 4_294_967_295],
      ],
      'success',
      1_733_339_701_123_456,
      1_733_339_701_000_000,
      -12,
      -5,
    ]);
  });

  it('reads error replies with their name and text', () => {
    const bytes = reference.marshall({
      type: 3,
      serial: 5,
      replySerial: 2,
      errorName: 'org.freedesktop.DBus.Error.UnknownProperty',
      signature: 's',
      body: ['Unknown property'],
    });
    expect(decodeMessage(bytes)).toMatchObject({
      type: 3,
      errorName: 'org.freedesktop.DBus.Error.UnknownProperty',
      body: ['Unknown property'],
    });
  });

  it('tells how long a message is only once its fixed header is there', () => {
    const bytes = encodeMethodCall(listCall);
    expect(messageLength(bytes.subarray(0, 15))).toBeNull();
    expect(messageLength(bytes.subarray(0, 16))).toBe(bytes.length);
  });

  it('refuses bytes that are not a D-Bus message, and truncated ones', () => {
    expect(() => decodeMessage(Buffer.from('GET / HTTP/1.1\r\n\r\n'))).toThrow(/Not a D-Bus/);
    const bytes = encodeMethodCall(listCall);
    expect(() => decodeMessage(bytes.subarray(0, bytes.length - 3))).toThrow(/Truncated/);
  });
});

describe('splitSignature', () => {
  it('splits into complete types', () => {
    expect(splitSignature('a(ssssssouso)sa{sv}u')).toEqual(['a(ssssssouso)', 's', 'a{sv}', 'u']);
  });

  it('refuses unbalanced or unknown types', () => {
    expect(() => splitSignature('(ss')).toThrow(/Unbalanced/);
    expect(() => splitSignature('z')).toThrow(/Unsupported/);
  });
});
