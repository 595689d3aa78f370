import type { WorkerField } from '../../core/workers/config/optionSupport';
import type { FieldErrors } from '../../core/workers/config/validateWorkerOptions';
import type { WorkerChangeOutcome } from '../../core/workers/config/workerChanges';
import type {
  SiteWorkerConfig,
  WorkerConfigView,
} from '../../core/workers/config/workerConfigView';
import { settingKeyOf } from '../workerConfig/settingArguments';
import type { Style } from './style';
import { printable } from './terminalText';

const SOURCE_TEXT: Record<SiteWorkerConfig['queueConfig']['source'], string> = {
  app: 'queue config loaded by the app',
  file: 'queue config read from config/queue.php',
  none: 'queue config unknown',
};

function seconds(value: number, zeroMeans?: string): string {
  return value === 0 && zeroMeans ? `0 (${zeroMeans})` : `${value} s`;
}

function quoteArgument(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

function rows(site: SiteWorkerConfig, worker: WorkerConfigView): [WorkerField | string, string][] {
  const o = worker.options;
  const { connection } = worker;
  const unsupported = (field: WorkerField, text: string) => {
    const support = site.support.options[field];
    return support.supported ? text : `${text} (needs Laravel ${support.since})`;
  };
  const connectionText = [
    connection.name ?? 'app default (unknown)',
    connection.isAppDefault && connection.name ? ' (app default)' : '',
    connection.retryAfter !== null ? ` · retry_after ${connection.retryAfter} s` : '',
  ].join('');
  const env = Object.entries(o.env).map(([name, value]) => `${name}=${value}`);
  return [
    ['connection', connectionText],
    [
      'queue',
      o.queues.length > 0
        ? o.queues.join(',')
        : `${connection.defaultQueue ?? 'default'} (the connection's default)`,
    ],
    ['sleep', seconds(o.sleep)],
    ['tries', o.tries === 0 ? '0 (unlimited)' : String(o.tries)],
    ['timeout', seconds(o.timeout, 'no limit')],
    ['backoff', seconds(o.backoff)],
    ['memory', `${o.memory} MB`],
    ['max-jobs', unsupported('maxJobs', o.maxJobs === 0 ? '0 (no limit)' : String(o.maxJobs))],
    ['max-time', unsupported('maxTime', seconds(o.maxTime, 'no limit'))],
    ['rest', unsupported('rest', seconds(o.rest))],
    ['force', String(o.force)],
    ['json', unsupported('json', String(o.json))],
    ['processes', String(o.processes)],
    [
      'stop-wait',
      o.stopWaitSeconds === null
        ? `auto (${worker.effectiveStopWaitSeconds} s = timeout + 10)`
        : `${o.stopWaitSeconds} s`,
    ],
    ['php', o.php ?? `site PHP (${worker.command[0]})`],
    ['env', env.length > 0 ? env.join('\n') : '(none)'],
    ['command', worker.command.map(quoteArgument).join(' ')],
  ];
}

/** `worker config --show`: each worker's settings under the keys `--set` takes, then its warnings. */
export function formatWorkerConfig(
  site: SiteWorkerConfig,
  workers: WorkerConfigView[],
  style: Style,
): string {
  const version = site.support.laravelVersion ?? 'unknown';
  let text = `${style.bold(printable(site.name))} (${site.site}) · Laravel ${printable(version)} · ${SOURCE_TEXT[site.queueConfig.source]}\n`;
  if (site.queueConfig.problem) text += `  ${style.dim(printable(site.queueConfig.problem))}\n`;
  for (const worker of workers) {
    text += `worker ${style.bold(worker.name)}\n`;
    const lines = rows(site, worker);
    const width = Math.max(...lines.map(([label]) => label.length));
    for (const [label, value] of lines) {
      const [first, ...more] = value.split('\n');
      text += `  ${label.padEnd(width)}  ${printable(first ?? '')}\n`;
      for (const line of more) text += `  ${''.padEnd(width)}  ${printable(line)}\n`;
    }
    for (const warning of worker.warnings) {
      const where = warning.field ? `${settingKeyOf(warning.field)}: ` : '';
      text += `  ${style.state('starting', 'warning')}  ${where}${printable(warning.message)}\n`;
    }
  }
  return text;
}

/** One line per refused field, with the key as `--set` takes it. */
export function formatFieldErrors(errors: FieldErrors): string {
  return Object.entries(errors)
    .map(([field, message]) => `  ${printable(settingKeyOf(field))}: ${printable(message)}\n`)
    .join('');
}

/** What a successful `--set` or `add` did to the running processes. */
export function formatChangeSummary(
  verb: 'Saved' | 'Added',
  worker: string,
  siteName: string,
  outcome: Extract<WorkerChangeOutcome, { ok: true }>,
): string {
  const what = `${verb} worker ${worker} of ${printable(siteName)}`;
  if (outcome.restarted.length === 0 && outcome.stopped.length === 0) {
    return `${what}; it is not running, so the next start uses these settings.\n`;
  }
  const parts = [`${verb === 'Added' ? 'started' : 'restarted'} ${outcome.restarted.length}`];
  if (outcome.stopped.length > 0) parts.push(`stopped ${outcome.stopped.length}`);
  return `${what}; ${parts.join(', ')} process${outcome.restarted.length === 1 && outcome.stopped.length === 0 ? '' : 'es'}.\n`;
}
