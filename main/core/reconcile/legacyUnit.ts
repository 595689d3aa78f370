import { parseWorkerUnitName, UNIT_PREFIX } from '../units/unitName';
import type { WorkerOptions } from '../workers/workerOptions';

/** What a unit written by the original ServerMark ran (docs: seed-system.md). */
export interface LegacyUnit {
  /** WorkingDirectory= as written (the original wrote the raw path, unescaped). */
  workingDirectory: string | null;
  /** The PHP binary of ExecStart=, e.g. /usr/bin/php8.2. */
  php: string | null;
  /** The app directory taken from `<dir>/artisan` in ExecStart=. */
  artisanDirectory: string | null;
  /** queue:work options we understood, to carry over. */
  options: Partial<WorkerOptions>;
  /** queue:work arguments we did not understand (reported, not carried over). */
  ignored: string[];
}

/** servermark-queue-<slug>.service: our prefix, but none of our `_<id>_<worker>@` parts. */
export function isLegacyUnitName(name: string): boolean {
  return (
    name.startsWith(UNIT_PREFIX) && name.endsWith('.service') && parseWorkerUnitName(name) === null
  );
}

function settings(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq <= 0 || /^\s*[#;[]/.test(line)) continue;
    found.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return found;
}

/** Words of a quoted ExecStart= (a unit fixed by hand): "…" with C escapes, else spaces. */
function quotedWords(value: string): string[] {
  const words: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const match of value.matchAll(pattern)) {
    words.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2]!);
  }
  return words;
}

const NUMBER_OPTIONS: Record<string, keyof WorkerOptions> = {
  sleep: 'sleep',
  tries: 'tries',
  timeout: 'timeout',
  memory: 'memory',
  backoff: 'backoff',
  rest: 'rest',
  'max-time': 'maxTime',
  'max-jobs': 'maxJobs',
};

function parseQueueWorkArguments(args: string[]): Pick<LegacyUnit, 'options' | 'ignored'> {
  const options: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const arg of args) {
    const option = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!option) {
      if (options.connection === undefined && /^[A-Za-z0-9_.-]{1,64}$/.test(arg))
        options.connection = arg;
      else ignored.push(arg);
      continue;
    }
    const [, name, value] = option;
    const numberKey = NUMBER_OPTIONS[name!];
    if (numberKey && value !== undefined && /^\d{1,9}$/.test(value))
      options[numberKey] = Number(value);
    else if (name === 'queue' && value) options.queues = value.split(',').filter(Boolean);
    else if (name === 'force' && value === undefined) options.force = true;
    else ignored.push(arg);
  }
  return { options: options as Partial<WorkerOptions>, ignored };
}

/** Reads a legacy unit's text; null when it is not a queue worker the original wrote. */
export function parseLegacyUnit(text: string): LegacyUnit | null {
  const found = settings(text);
  const execStart = found.get('ExecStart');
  if (!execStart || !execStart.includes('queue:work')) return null;
  let php: string | null = null;
  let artisan: string | null = null;
  let args: string[] = [];
  // The original wrote `<php> <path>/artisan queue:work …` unquoted: the path may hold spaces
  // and quotes. Only a unit fixed by hand has quoted words (then `/artisan" queue:work`).
  const space = execStart.indexOf(' ');
  const marker = execStart.indexOf('/artisan queue:work', space);
  if (space > 0 && marker > space && !execStart.startsWith('"')) {
    php = execStart.slice(0, space);
    artisan = execStart.slice(space + 1, marker + '/artisan'.length);
    args = execStart
      .slice(marker + '/artisan queue:work'.length)
      .split(/\s+/)
      .filter(Boolean);
  } else {
    const words = quotedWords(execStart);
    const at = words.indexOf('queue:work');
    php = words[0] ?? null;
    artisan = at >= 2 ? words[at - 1]! : null;
    args = at >= 0 ? words.slice(at + 1) : [];
  }
  const workingDirectory = found.get('WorkingDirectory')?.replace(/^-/, '') || null;
  return {
    workingDirectory,
    php,
    artisanDirectory: artisan?.endsWith('/artisan') ? artisan.slice(0, -'/artisan'.length) : null,
    ...parseQueueWorkArguments(args),
  };
}
