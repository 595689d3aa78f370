import { isAbsolute } from 'node:path';
import { ServerMarkError } from '../../errors/serverMarkError';
import { rawFieldProblem } from '../../units/systemdSyntax';
import type { WorkerOptions } from '../workerOptions';
import {
  CONNECTION_NAME_PATTERN,
  ENV_NAME_PATTERN,
  ENV_VALUE_MAX,
  ENV_VARS_MAX,
  NUMBER_LIMITS,
  QUEUE_NAME_MAX,
  QUEUES_MAX,
  type NumericField,
} from './optionLimits';
import { needsFlag, type SiteOptionSupport, type WorkerField } from './optionSupport';

/** A change to some of a worker's options, as the window or the CLI sends it; checked here. */
export type WorkerOptionsPatch = { [K in WorkerField]?: unknown };

/** One message per field, keyed by option name (`env.NAME` for one variable), for the form. */
export type FieldErrors = Record<string, string>;

export type PatchOutcome =
  { ok: true; options: WorkerOptions } | { ok: false; errors: FieldErrors };

export interface ValidationContext {
  support: SiteOptionSupport;
  /** Connection names from the app's config/queue.php; null when they could not be read. */
  connections: readonly string[] | null;
  /** Checks a PHP binary; resolves to the path to store, rejects with a ServerMarkError saying why. */
  checkPhp(path: string): Promise<string>;
}

const FIELDS: readonly WorkerField[] = [
  'connection',
  'queues',
  'sleep',
  'tries',
  'timeout',
  'backoff',
  'memory',
  'maxJobs',
  'maxTime',
  'rest',
  'force',
  'json',
  'processes',
  'stopWaitSeconds',
  'env',
  'php',
];

export function isWorkerField(key: string): key is WorkerField {
  return (FIELDS as readonly string[]).includes(key);
}

// systemd refuses a whole unit for one invalid code point, so such text never reaches a unit file.
function unicodeProblem(value: string): string | null {
  if (!value.isWellFormed()) return 'is not valid UTF-8 text';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if ((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) {
      return 'contains a Unicode noncharacter, which systemd refuses';
    }
  }
  return null;
}

function wholeNumberProblem(field: NumericField, value: unknown): string | null {
  const { min, max } = NUMBER_LIMITS[field];
  const ok = typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
  return ok ? null : `must be a whole number from ${min} to ${max}`;
}

function queueNameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return 'must be text';
  if (name.length === 0) return 'must not be empty';
  if (name.length > QUEUE_NAME_MAX) return `must be at most ${QUEUE_NAME_MAX} characters`;
  const unicode = unicodeProblem(name);
  if (unicode) return unicode;
  if (/\p{Cc}/u.test(name)) return 'must not contain control characters';
  if (/\p{Cf}/u.test(name)) return 'must not contain invisible formatting characters';
  if (/[\s\p{Z}]/u.test(name)) return 'must not contain spaces';
  if (name.includes(',')) return 'must not contain commas (give each queue separately)';
  return null;
}

function queuesProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return 'must be a list of queue names';
  if (value.length > QUEUES_MAX) return `must list at most ${QUEUES_MAX} queues`;
  for (const [index, name] of value.entries()) {
    const problem = queueNameProblem(name);
    if (problem) return `queue ${index + 1} (${JSON.stringify(name)}) ${problem}`;
  }
  const duplicate = value.find((name, index) => value.indexOf(name) !== index);
  if (duplicate !== undefined) return `lists ${JSON.stringify(duplicate)} twice`;
  return null;
}

function connectionProblem(value: unknown, known: readonly string[] | null): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || !CONNECTION_NAME_PATTERN.test(value)) {
    return "must be a connection name from config/queue.php (letters, digits, _ and -, at most 64 characters), or empty for the app's default";
  }
  if (known && !known.includes(value)) {
    const list = known.length > 0 ? known.join(', ') : 'none';
    return `is not a connection in the app's config/queue.php (it has: ${list})`;
  }
  return null;
}

function envErrors(value: unknown, errors: FieldErrors): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.env = 'must map variable names to text values';
    return;
  }
  const entries = Object.entries(value);
  if (entries.length > ENV_VARS_MAX) {
    errors.env = `must have at most ${ENV_VARS_MAX} variables`;
    return;
  }
  for (const [name, text] of entries) {
    const key = `env.${name}`;
    // Assigning "__proto__" to a plain object changes its prototype instead of adding a key.
    if (!ENV_NAME_PATTERN.test(name) || name === '__proto__') {
      errors[key] =
        `${JSON.stringify(name)} is not a valid variable name: use letters, digits and _, not starting with a digit (at most 128)`;
    } else if (typeof text !== 'string') {
      errors[key] = 'must be text';
    } else if (text.includes('\0')) {
      errors[key] = 'must not contain a NUL character';
    } else if (text.length > ENV_VALUE_MAX) {
      errors[key] = `must be at most ${ENV_VALUE_MAX} characters`;
    } else {
      const unicode = unicodeProblem(text);
      if (unicode) errors[key] = unicode;
    }
  }
}

async function phpProblem(
  value: unknown,
  checkPhp: ValidationContext['checkPhp'],
): Promise<{ problem: string } | { path: string | null }> {
  if (value === null) return { path: null };
  if (typeof value !== 'string') return { problem: "must be a PHP binary's absolute path" };
  const raw = rawFieldProblem(value);
  if (raw) return { problem: `cannot be used because ${raw}` };
  if (!isAbsolute(value)) return { problem: 'must be an absolute path (e.g. /usr/bin/php8.3)' };
  try {
    return { path: await checkPhp(value) };
  } catch (error) {
    if (error instanceof ServerMarkError) return { problem: error.message };
    throw error;
  }
}

function versionProblem(
  field: WorkerField,
  options: WorkerOptions,
  support: SiteOptionSupport,
): string | null {
  const { supported, since, flag } = support.options[field];
  if (supported || !needsFlag(field, options)) return null;
  return `needs Laravel ${since} or later (${flag}); this site runs Laravel ${support.laravelVersion}`;
}

/**
 * Checks every changed option and returns the whole new set, or a message per bad field.
 * All fields are checked, so the form can show every problem at once; nothing is applied
 * unless everything is valid.
 */
export async function applyWorkerPatch(
  current: WorkerOptions,
  patch: WorkerOptionsPatch,
  context: ValidationContext,
): Promise<PatchOutcome> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new ServerMarkError('INVALID_OPTION', 'Worker settings must be an object of options.');
  }
  const errors: FieldErrors = {};
  const next = { ...current, queues: [...current.queues], env: { ...current.env } };
  const given = Object.keys(patch);

  for (const key of given) {
    if (!isWorkerField(key)) errors[key] = 'is not a worker option';
  }
  const has = (field: WorkerField) => Object.hasOwn(patch, field);
  const set = <K extends WorkerField>(field: K, value: unknown) => {
    (next as Record<WorkerField, unknown>)[field] = value;
  };

  for (const field of Object.keys(NUMBER_LIMITS) as NumericField[]) {
    if (!has(field)) continue;
    const value = patch[field];
    if (field === 'stopWaitSeconds' && value === null) {
      set(field, null);
      continue;
    }
    const problem = wholeNumberProblem(field, value);
    if (problem) errors[field] = problem;
    else set(field, value);
  }
  for (const field of ['force', 'json'] as const) {
    if (!has(field)) continue;
    if (typeof patch[field] === 'boolean') set(field, patch[field]);
    else errors[field] = 'must be true or false';
  }
  if (has('queues')) {
    const problem = queuesProblem(patch.queues);
    if (problem) errors.queues = problem;
    else set('queues', [...(patch.queues as string[])]);
  }
  if (has('connection')) {
    // An empty field in the form means "the app's default", which is stored as null.
    const connection = patch.connection === '' ? null : patch.connection;
    const problem = connectionProblem(connection, context.connections);
    if (problem) errors.connection = problem;
    else set('connection', connection);
  }
  if (has('env')) {
    const before = Object.keys(errors).length;
    envErrors(patch.env, errors);
    if (Object.keys(errors).length === before) {
      set('env', Object.fromEntries(Object.entries(patch.env as Record<string, string>)));
    }
  }
  if (has('php')) {
    const checked = await phpProblem(patch.php, context.checkPhp);
    if ('problem' in checked) errors.php = checked.problem;
    else set('php', checked.path);
  }
  // Only what this change sets is refused for the version; stored values get a warning instead.
  for (const field of given) {
    if (!isWorkerField(field) || errors[field]) continue;
    const problem = versionProblem(field, next, context.support);
    if (problem) errors[field] = problem;
  }

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, options: next };
}
