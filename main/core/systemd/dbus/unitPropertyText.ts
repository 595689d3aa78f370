// D-Bus hands systemd's properties over typed; the rest of the core reads them as
// `systemctl show --timestamp=unix` prints them. This is the one place that translates.
import type { DbusValue } from './dbusWire';

export const UNIT_INTERFACE = 'org.freedesktop.systemd1.Unit';
export const SERVICE_INTERFACE = 'org.freedesktop.systemd1.Service';

// Properties of the service part of a unit; everything else we read lives on the unit part.
const SERVICE_PROPERTIES = new Set([
  'Result',
  'MainPID',
  'ControlPID',
  'NRestarts',
  'ExecMainCode',
  'ExecMainStatus',
  'ExecMainPID',
  'ExecMainStartTimestamp',
  'ExecMainExitTimestamp',
  'StatusText',
  'StatusErrno',
]);

// systemd's "no time" (0) and "infinity" (2^64-1, which a Number rounds to 2^64).
const NO_TIMESTAMP = new Set([0, 2 ** 64]);

export function propertyInterface(property: string): string {
  return SERVICE_PROPERTIES.has(property) ? SERVICE_INTERFACE : UNIT_INTERFACE;
}

/** The value as `systemctl show --timestamp=unix` prints it. */
export function showText(property: string, value: DbusValue): string {
  if (property.endsWith('Timestamp') && typeof value === 'number') {
    return NO_TIMESTAMP.has(value) ? '' : `@${Math.floor(value / 1_000_000)}`;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map((item) => showText('', item)).join(' ');
  return String(value);
}
