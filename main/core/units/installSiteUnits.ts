// Writes a site's units, leaving alone files that already say the same: an unchanged file needs
// no fsync, and when nothing changed on disk, starting needs no daemon-reload (~0.1-0.2 s).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderedWorkerUnit } from './siteUnits';
import type { UnitFiles } from './unitFiles';

export interface InstalledUnits {
  instances: string[];
  /** Something on disk changed (a template or an enablement link): systemd must reload. */
  changed: boolean;
}

const WANTS_DIR = 'default.target.wants';

// Exactly these instances are enabled (links named after them), and no others of the template.
async function enabledExactly(
  unitFiles: UnitFiles,
  template: string,
  instances: readonly string[],
): Promise<boolean> {
  const prefix = template.replace(/@\.service$/, '@');
  const names = await readdir(join(unitFiles.unitDir, WANTS_DIR)).catch(() => [] as string[]);
  const linked = names.filter((name) => name.startsWith(prefix));
  return linked.length === instances.length && instances.every((i) => linked.includes(i));
}

export async function installSiteUnits(
  unitFiles: UnitFiles,
  rendered: readonly RenderedWorkerUnit[],
): Promise<InstalledUnits> {
  const instances: string[] = [];
  let changed = false;
  for (const { names, text } of rendered) {
    if ((await unitFiles.readTemplate(names.template)) !== text) {
      await unitFiles.writeTemplate(names.template, text);
      changed = true;
    }
    if (!(await enabledExactly(unitFiles, names.template, names.instances))) {
      await unitFiles.setEnabledInstances(names.template, names.instances);
      changed = true;
    }
    instances.push(...names.instances);
  }
  return { instances, changed };
}

/** Whether systemd must re-read unit files before starting these (already loaded) units. */
export function needsDaemonReload(properties: Map<string, Record<string, string>>): boolean {
  return [...properties.values()].some((unit) => unit.NeedDaemonReload === 'yes');
}
