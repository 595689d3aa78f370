import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface QueueWorkProcess {
  pid: number;
  argv: string[];
  cwd: string;
}

/** Every live `queue:work` process whose working directory is `dir`: proof of what really runs. */
export function queueWorkProcessesIn(dir: string): QueueWorkProcess[] {
  const found: QueueWorkProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (!argv.includes('queue:work')) continue;
      const state = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0];
      if (state === 'Z') continue;
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      if (cwd === dir) found.push({ pid: Number(entry), argv, cwd });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
