// Reads unit state straight from the user manager over one persistent D-Bus connection:
// one listing call plus pipelined property reads, and no process spawned.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { unitObjectPath, userBusAddress } from '../live/dbusUnitEvents';
import type { Call, DbusConnection } from './dbus/dbusConnection';
import { encodeCallTemplate, type DbusValue, type EncodedCall } from './dbus/dbusWire';
import { propertyInterface, showText } from './dbus/unitPropertyText';
import type { UnitProperties } from './showOutput';
import type { ListedUnit } from './systemctl';
import type { UnitSnapshot, UnitStateReader } from './unitStateReader';

const SYSTEMD = 'org.freedesktop.systemd1';
const MANAGER_PATH = '/org/freedesktop/systemd1';
const MANAGER = 'org.freedesktop.systemd1.Manager';
const PROPERTIES = 'org.freedesktop.DBus.Properties';

// ListUnitsByPatterns rows are (name, description, load, active, sub, following, path, …):
// the states come with the listing, read in the same call that found the unit.
const LISTED_COLUMN: Record<string, number> = { LoadState: 2, ActiveState: 3, SubState: 4 };
const PATH_COLUMN = 6;
const MAX_ENCODED_GETS = 8_192;

export interface DbusEndpoint {
  socketPath: string;
  /** A message bus needs Hello and a destination; the manager's own socket needs neither. */
  bus: boolean;
}

/**
 * Where the user manager answers D-Bus calls: its own socket (what `systemctl --user` itself
 * uses, one hop) when present, else the user bus. Null when neither is reachable.
 */
export function userManagerEndpoint(env: NodeJS.ProcessEnv): DbusEndpoint | null {
  const runtimeDir = env.XDG_RUNTIME_DIR;
  const privateSocket = runtimeDir ? join(runtimeDir, 'systemd', 'private') : null;
  if (privateSocket && existsSync(privateSocket)) return { socketPath: privateSocket, bus: false };
  const socketPath = /^unix:path=([^,;]+)/.exec(userBusAddress(env) ?? '')?.[1];
  return socketPath ? { socketPath, bus: true } : null;
}

type Row = DbusValue[];
// A property's value comes with the listing row, or from the reply to one Get.
type ValueSource = { listed: DbusValue } | { reply: number };

export function dbusUnitStateReader(connection: DbusConnection, bus: boolean): UnitStateReader {
  const target = bus ? { destination: SYSTEMD } : {};

  async function listRows(patterns: string[]): Promise<Row[]> {
    const [rows] = await connection.call({
      ...target,
      path: MANAGER_PATH,
      interface: MANAGER,
      member: 'ListUnitsByPatterns',
      signature: 'asas',
      body: [[], patterns],
    });
    return rows as Row[];
  }

  const toListed = (row: Row): ListedUnit => ({
    unit: row[0] as string,
    load: row[2] as string,
    active: row[3] as string,
    sub: row[4] as string,
  });

  // A status read repeats the same Gets every time: each is encoded once and then reused.
  const encodedGets = new Map<string, EncodedCall>();
  function getCall(path: string, property: string): Call {
    const key = `${path} ${property}`;
    let call = encodedGets.get(key);
    if (!call) {
      // Units come and go; a bounded cache never outgrows a few hundred sites' worth.
      if (encodedGets.size >= MAX_ENCODED_GETS) encodedGets.clear();
      call = encodeCallTemplate({
        ...target,
        path,
        interface: PROPERTIES,
        member: 'Get',
        signature: 'ss',
        body: [propertyInterface(property), property],
      });
      encodedGets.set(key, call);
    }
    return call;
  }

  return {
    async listUnits(patterns) {
      return (await listRows(patterns)).map(toListed);
    },
    async read(patterns, pick, properties): Promise<UnitSnapshot> {
      const rows = await listRows(patterns);
      const listed = rows.map(toListed);
      const byName = new Map(rows.map((row) => [row[0] as string, row]));
      const units = pick(listed);
      // Every Get goes out before any answer is awaited: systemd answers them back to back.
      const calls: Call[] = [];
      const plans = units.map((unit) => {
        const row = byName.get(unit);
        const path = row ? (row[PATH_COLUMN] as string) : unitObjectPath(unit);
        return properties.map((property): ValueSource => {
          const column = row ? LISTED_COLUMN[property] : undefined;
          if (column !== undefined) return { listed: row![column] as DbusValue };
          calls.push(getCall(path, property));
          return { reply: calls.length - 1 };
        });
      });
      const replies = await connection.callAll(calls);
      const result = new Map<string, UnitProperties>();
      units.forEach((unit, unitIndex) => {
        const props: UnitProperties = { Id: unit };
        plans[unitIndex]!.forEach((plan, index) => {
          const property = properties[index]!;
          const value = 'listed' in plan ? plan.listed : (replies[plan.reply]![0] as DbusValue);
          props[property] = showText(property, value);
        });
        result.set(unit, props);
      });
      return { listed, properties: result };
    },
    close: () => connection.close(),
  };
}
