export type UnitProperties = Record<string, string>;

/**
 * `systemctl show` prints one block per unit, blank-line separated, in D-Bus property
 * order rather than the order asked for: key each block by its Id.
 */
export function parseShowOutput(output: string): Map<string, UnitProperties> {
  const units = new Map<string, UnitProperties>();
  for (const block of output.split(/\n\s*\n/)) {
    const properties: UnitProperties = {};
    for (const line of block.split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) properties[line.slice(0, eq)] = line.slice(eq + 1);
    }
    if (properties.Id) units.set(properties.Id, properties);
  }
  return units;
}
