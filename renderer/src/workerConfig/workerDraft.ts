import type {
  FieldErrors,
  NumericField,
  WorkerOptions,
  WorkerOptionsPatch,
} from '../../../main/ipc/contract';

export const NUMERIC_FIELDS: readonly NumericField[] = [
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
];

/** One environment variable row; `id` keeps React's keys stable while names are typed. */
export interface EnvRow {
  id: number;
  name: string;
  value: string;
}

/** The form's values as typed: numbers stay text until Save, so main can say what is wrong. */
export interface WorkerDraft {
  /** Empty means the app's default connection. */
  connection: string;
  queues: string[];
  numbers: Record<NumericField, string>;
  force: boolean;
  json: boolean;
  env: EnvRow[];
  /** Empty means the site's PHP. */
  php: string;
}

let nextEnvRowId = 1;

export function envRow(name = '', value = ''): EnvRow {
  return { id: nextEnvRowId++, name, value };
}

export function draftFrom(options: WorkerOptions): WorkerDraft {
  const numbers = {} as Record<NumericField, string>;
  for (const field of NUMERIC_FIELDS) {
    const value = options[field];
    numbers[field] = value === null ? '' : String(value);
  }
  return {
    connection: options.connection ?? '',
    queues: [...options.queues],
    numbers,
    force: options.force,
    json: options.json,
    env: Object.entries(options.env).map(([name, value]) => envRow(name, value)),
    php: options.php ?? '',
  };
}

// A whole number goes as a number; anything else goes as typed, and main answers with its range.
function numberValue(field: NumericField, text: string): unknown {
  const trimmed = text.trim();
  if (field === 'stopWaitSeconds' && trimmed === '') return null;
  return /^-?\d{1,16}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function sameEnv(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] === a[key]);
}

export type PatchOutcome = { patch: WorkerOptionsPatch } | { errors: FieldErrors };

/**
 * Only what differs from the saved options goes to main, which checks every value. The one
 * check made here is a variable named twice: an object cannot carry both to main.
 */
export function patchFrom(options: WorkerOptions, draft: WorkerDraft): PatchOutcome {
  const patch: WorkerOptionsPatch = {};
  const connection = draft.connection.trim() || null;
  if (connection !== options.connection) patch.connection = connection;
  if (!sameList(draft.queues, options.queues)) patch.queues = [...draft.queues];
  for (const field of NUMERIC_FIELDS) {
    const value = numberValue(field, draft.numbers[field]);
    if (value !== options[field]) patch[field] = value;
  }
  if (draft.force !== options.force) patch.force = draft.force;
  if (draft.json !== options.json) patch.json = draft.json;
  const php = draft.php.trim() || null;
  if (php !== options.php) patch.php = php;

  const env: Record<string, string> = Object.create(null);
  for (const row of draft.env) {
    const name = row.name.trim();
    // A row left completely empty is a row the user has not filled in yet.
    if (name === '' && row.value === '') continue;
    if (Object.hasOwn(env, name)) {
      return { errors: { env: `${name || 'A variable with no name'} is listed twice.` } };
    }
    env[name] = row.value;
  }
  if (!sameEnv(env, options.env)) patch.env = { ...env };
  return { patch };
}

/** True when Save would send something. */
export function isDirty(options: WorkerOptions, draft: WorkerDraft): boolean {
  const outcome = patchFrom(options, draft);
  return 'errors' in outcome || Object.keys(outcome.patch).length > 0;
}
