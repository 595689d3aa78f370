import { mkdir, readdir, readFile, rename, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite';
import { parseWorkerUnitName } from './unitName';

// We enable instances ourselves (the same symlinks `systemctl enable` makes), which saves a
// systemctl round trip per toggle and keeps enabling exact even when the unit file is gone.
const WANTS_DIR = 'default.target.wants';

export interface UnitFiles {
  readonly unitDir: string;
  writeTemplate(template: string, text: string): Promise<void>;
  readTemplate(template: string): Promise<string | null>;
  /** Makes exactly these instances of the template start at login, and no others. */
  setEnabledInstances(template: string, instances: string[]): Promise<void>;
  /** Removes every template and enablement link of a site; returns the names removed. */
  removeSiteUnits(siteId: string): Promise<string[]>;
  /** Our unit files on disk (templates and enabled instances), for reconciling. */
  listOurUnitFiles(): Promise<string[]>;
}

async function listDir(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [] as string[]);
}

export function openUnitFiles(unitDir: string): UnitFiles {
  const wantsDir = join(unitDir, WANTS_DIR);
  const templatePrefix = (template: string) => template.replace(/@\.service$/, '@');

  return {
    unitDir,
    writeTemplate: (template, text) => writeFileAtomic(join(unitDir, template), text),
    readTemplate: (template) => readFile(join(unitDir, template), 'utf8').catch(() => null),
    async setEnabledInstances(template, instances) {
      const prefix = templatePrefix(template);
      const wanted = new Set(instances);
      for (const name of await listDir(wantsDir)) {
        if (name.startsWith(prefix) && !wanted.has(name))
          await rm(join(wantsDir, name), { force: true });
      }
      await mkdir(wantsDir, { recursive: true });
      const present = new Set(await listDir(wantsDir));
      for (const instance of instances) {
        if (present.has(instance)) continue;
        // Link under a temp name then rename, so a crash never leaves a half-made link.
        const temp = join(wantsDir, `.${instance}.tmp`);
        await rm(temp, { force: true });
        await symlink(join(unitDir, template), temp);
        await rename(temp, join(wantsDir, instance));
      }
    },
    async removeSiteUnits(siteId) {
      const removed: string[] = [];
      for (const [dir, names] of [
        [wantsDir, await listDir(wantsDir)],
        [unitDir, await listDir(unitDir)],
      ] as const) {
        for (const name of names) {
          if (parseWorkerUnitName(name)?.siteId === siteId) {
            await rm(join(dir, name), { force: true });
            removed.push(name);
          }
        }
      }
      return removed;
    },
    async listOurUnitFiles() {
      const names = [...(await listDir(unitDir)), ...(await listDir(wantsDir))];
      return names.filter((name) => parseWorkerUnitName(name) !== null);
    },
  };
}
