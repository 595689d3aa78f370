import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Old generations kept beside a log (`x.log.1`): a log never takes more than about
 * (1 + LOG_GENERATIONS) × the size cap on disk.
 */
export const LOG_GENERATIONS = 1;

/** One process's log: the file systemd appends to, and its rotated generations, newest first. */
export interface InstanceLog {
  instance: string;
  path: string;
}

/** The file systemd appends instance `instance` of the unit `prefix@.service` to (renderUnit). */
export function instanceLogFile(logDir: string, prefix: string, instance: string): string {
  return join(logDir, `${prefix}@${instance}.log`);
}

/** `x.log.1` is the most recent rotated generation of `x.log`. */
export function generationFile(path: string, generation: number): string {
  return `${path}.${generation}`;
}

/**
 * Which file a path names: inode numbers are reused at once after a delete, so the birth time
 * (where the file system records one) tells a recreated log from the one we were reading.
 */
export function fileIdentity(info: { dev: number; ino: number; birthtimeMs: number }): string {
  return `${info.dev}:${info.ino}:${info.birthtimeMs}`;
}

// Numeric instances in number order ("2" before "10"), anything else after, by name.
function byInstance(a: InstanceLog, b: InstanceLog): number {
  const [x, y] = [Number(a.instance), Number(b.instance)];
  if (Number.isInteger(x) && Number.isInteger(y)) return x - y;
  return a.instance.localeCompare(b.instance);
}

/**
 * The logs of every instance of `prefix@.service` present in `logDir`, including instances
 * that no longer run (their history stays readable) and ones with only old generations left.
 */
export async function listInstanceLogs(logDir: string, prefix: string): Promise<InstanceLog[]> {
  let names: string[];
  try {
    names = await readdir(logDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const instances = new Set<string>();
  const head = `${prefix}@`;
  for (const name of names) {
    if (!name.startsWith(head)) continue;
    const match = /^([^@/]+)\.log(?:\.\d+)?$/.exec(name.slice(head.length));
    if (match) instances.add(match[1]!);
  }
  return [...instances]
    .map((instance) => ({ instance, path: instanceLogFile(logDir, prefix, instance) }))
    .sort(byInstance);
}
