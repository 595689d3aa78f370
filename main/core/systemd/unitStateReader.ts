import type { UnitProperties } from './showOutput';
import type { ListedUnit, Systemctl } from './systemctl';

/** What systemd says about our units at one moment: the loaded ones, and details of some. */
export interface UnitSnapshot {
  listed: ListedUnit[];
  /** Keyed by unit name; each holds the properties asked for, as `systemctl show` prints them. */
  properties: Map<string, UnitProperties>;
}

/** How the core reads unit state; status() goes through this and nothing else. */
export interface UnitStateReader {
  /** Loaded units (any state) whose names match the glob patterns. */
  listUnits(patterns: string[]): Promise<ListedUnit[]>;
  /** Lists, then reads `properties` of the listed units that `pick` chooses. */
  read(
    patterns: string[],
    pick: (listed: ListedUnit[]) => string[],
    properties: readonly string[],
  ): Promise<UnitSnapshot>;
  close(): void;
}

/** Two systemctl runs per read: `list-units`, then one `show` of the picked units. */
export function systemctlUnitStateReader(systemctl: Systemctl): UnitStateReader {
  return {
    listUnits: (patterns) => systemctl.listUnits(patterns),
    async read(patterns, pick, properties) {
      const listed = await systemctl.listUnits(patterns);
      return { listed, properties: await systemctl.show(pick(listed), properties) };
    },
    close() {},
  };
}
