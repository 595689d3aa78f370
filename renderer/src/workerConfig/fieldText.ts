import type { NumberLimit, NumericField, WorkerField } from '../../../main/ipc/contract';

/** The label of every option, as the form shows it and messages name it. */
export const FIELD_LABELS: Record<WorkerField, string> = {
  connection: 'Connection',
  queues: 'Queues',
  sleep: 'Sleep',
  tries: 'Tries',
  timeout: 'Timeout',
  backoff: 'Backoff',
  memory: 'Memory limit',
  maxJobs: 'Max jobs',
  maxTime: 'Max time',
  rest: 'Rest',
  force: 'Run in maintenance mode',
  json: 'JSON output',
  processes: 'Processes',
  stopWaitSeconds: 'Stop wait',
  env: 'Environment variables',
  php: 'PHP binary',
};

/** What each number does, in a few words; what 0 means comes from main's limits. */
export const NUMBER_HINTS: Record<NumericField, string> = {
  sleep: 'Pause between polls while the queue is empty.',
  tries: 'Attempts before a job is marked failed.',
  timeout: 'Longest a job may run before the worker kills it.',
  backoff: 'Wait before a failed job is tried again.',
  memory: 'After a job leaves the worker above this, it exits and is restarted.',
  maxJobs: 'Restart the worker after this many jobs.',
  maxTime: 'Restart the worker after it has run this long.',
  rest: 'Pause after each job.',
  processes: 'Identical processes working the same queues, side by side.',
  stopWaitSeconds: 'How long a stop or restart waits for the current job before killing it.',
};

/** The unit shown after the number. */
export const UNIT_TEXT: Record<NumberLimit['unit'], string> = {
  seconds: 's',
  MB: 'MB',
  jobs: 'jobs',
  attempts: 'attempts',
  processes: 'processes',
};

/** Main's field messages start lower-case ("must be …"): under a field they read as sentences. */
export function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?)]$/.test(text) ? text : `${text}.`;
}
