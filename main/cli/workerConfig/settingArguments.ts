import type { WorkerField } from '../../core/workers/config/optionSupport';
import type {
  FieldErrors,
  WorkerOptionsPatch,
} from '../../core/workers/config/validateWorkerOptions';
import { DEFAULT_WORKER_OPTIONS, type WorkerOptions } from '../../core/workers/workerOptions';

/** The keys `--set key=value` takes, as the form labels them; each maps to one worker option. */
export const SETTING_KEYS: Readonly<Record<string, WorkerField>> = Object.freeze({
  connection: 'connection',
  queue: 'queues',
  sleep: 'sleep',
  tries: 'tries',
  timeout: 'timeout',
  backoff: 'backoff',
  memory: 'memory',
  'max-jobs': 'maxJobs',
  'max-time': 'maxTime',
  rest: 'rest',
  force: 'force',
  json: 'json',
  processes: 'processes',
  'stop-wait': 'stopWaitSeconds',
  php: 'php',
  env: 'env',
});

// The core's own option names work too, so a key copied from --json output is understood.
const ALIASES: Readonly<Record<string, WorkerField>> = Object.freeze({
  queues: 'queues',
  maxJobs: 'maxJobs',
  maxTime: 'maxTime',
  stopWaitSeconds: 'stopWaitSeconds',
});

const NUMERIC = new Set<WorkerField>([
  'sleep',
  'tries',
  'timeout',
  'backoff',
  'memory',
  'maxJobs',
  'maxTime',
  'rest',
  'processes',
  'stopWaitSeconds',
]);

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

/** The CLI key for a field the core reported (`queues` → `queue`, `env.X` stays). */
export function settingKeyOf(field: string): string {
  if (field.startsWith('env.')) return field;
  return Object.entries(SETTING_KEYS).find(([, f]) => f === field)?.[0] ?? field;
}

function fieldOf(key: string): WorkerField | null {
  return SETTING_KEYS[key] ?? ALIASES[key] ?? null;
}

// Only plain decimal digits become numbers; anything else goes to the core as text, so the
// message for "1e3", "-1" or "" is the same one the window shows.
function valueFor(field: WorkerField, text: string): unknown {
  if (NUMERIC.has(field)) {
    if (field === 'stopWaitSeconds' && (text === '' || text === 'auto')) return null;
    return /^[0-9]+$/.test(text) ? Number(text) : text;
  }
  if (field === 'force' || field === 'json') {
    const word = text.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return text;
  }
  if (field === 'queues') return text === '' ? [] : text.split(',').map((q) => q.trim());
  if (field === 'connection') return text === '' ? null : text;
  if (field === 'php') return text === '' || text === 'site' ? null : text;
  return text;
}

export interface ParsedSettings {
  patch: WorkerOptionsPatch;
  /** Problems with the arguments themselves, keyed by the key as typed. */
  errors: FieldErrors;
}

/**
 * Turns `--set key=value` and `--unset key` into one change to the worker's options.
 * `env.NAME=value` sets one variable and keeps the others; `--unset env.NAME` drops one,
 * `--unset env` drops them all; `--unset key` puts an option back to its default.
 */
export function parseSettingArguments(
  sets: readonly string[],
  unsets: readonly string[],
  current: WorkerOptions,
): ParsedSettings {
  const patch: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  // A Map, so a variable named "__proto__" is kept as a name (and refused by the core).
  let env: Map<string, string> | null = null;
  const envCopy = () => (env ??= new Map(Object.entries(current.env)));

  for (const argument of sets) {
    const at = argument.indexOf('=');
    const key = at === -1 ? argument : argument.slice(0, at);
    if (at === -1) {
      errors[key || argument] = 'expected key=value (e.g. --set timeout=120)';
      continue;
    }
    const text = argument.slice(at + 1);
    if (key.startsWith('env.')) {
      envCopy().set(key.slice(4), text);
      continue;
    }
    const field = fieldOf(key);
    if (!field) errors[key] = `is not a setting (keys: ${Object.keys(SETTING_KEYS).join(', ')})`;
    else if (field === 'env') {
      if (text === '') env = new Map();
      else errors[key] = 'set variables one by one: --set env.NAME=value';
    } else patch[field] = valueFor(field, text);
  }

  for (const key of unsets) {
    if (key.startsWith('env.')) {
      envCopy().delete(key.slice(4));
      continue;
    }
    const field = fieldOf(key);
    if (!field) errors[key] = `is not a setting (keys: ${Object.keys(SETTING_KEYS).join(', ')})`;
    else if (field === 'env') env = new Map();
    else patch[field] = structuredClone(DEFAULT_WORKER_OPTIONS[field]);
  }
  if (env !== null) patch.env = Object.fromEntries(env);
  return { patch: patch as WorkerOptionsPatch, errors };
}
