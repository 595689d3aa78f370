import { DEFAULT_WORKER_OPTIONS } from '../../core/workers/workerOptions';
import { ServerMarkError } from '../../core/errors/serverMarkError';
import type { FieldErrors } from '../../core/workers/config/validateWorkerOptions';
import type { WorkerChangeOutcome } from '../../core/workers/config/workerChanges';
import { formatError } from '../output/errorText';
import { toJsonText } from '../output/siteJson';
import {
  formatChangeSummary,
  formatFieldErrors,
  formatWorkerConfig,
} from '../output/workerConfigText';
import { printable } from '../output/terminalText';
import { usageHint } from '../help';
import { parseSettingArguments, settingKeyOf } from '../workerConfig/settingArguments';
import type { CliCommand, CommandContext } from './cliCommand';

const SITE_ARGUMENT = '<site> is a site id, name or directory.';

const SETTING_HELP = [
  'Settings (KEY as in the window; see docs/configuration.md for ranges and Laravel versions):',
  "  connection=NAME       queue connection from config/queue.php; empty = the app's default",
  "  queue=A,B             queues in priority order; empty = the connection's default queue",
  '  sleep=S               seconds to wait when no job is available (0–3600)',
  '  tries=N               attempts before a job fails (0 = unlimited, up to 1000)',
  '  timeout=S             seconds a job may run before it is killed (0 = no limit, up to 86400)',
  '  backoff=S             seconds before retrying a failed job (0–86400)',
  '  memory=MB             restart the worker above this memory (16–65536)',
  '  max-jobs=N            restart after N jobs (0 = no limit; Laravel 8.0+)',
  '  max-time=S            restart after S seconds (0 = no limit; Laravel 8.0+)',
  '  rest=S                seconds to rest between jobs (0–3600; Laravel 8.32+)',
  '  force=true|false      run even in maintenance mode',
  '  json=true|false       log one JSON object per line (Laravel 11.27+)',
  '  processes=N           processes for this worker (1–64)',
  '  stop-wait=S|auto      seconds systemd waits for the current job on stop (auto = timeout + 10)',
  "  php=PATH|site         PHP binary (absolute path); site = the site's PHP",
  '  env.NAME=VALUE        one environment variable (others are kept)',
];

function stringList(values: Record<string, unknown>, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

function workerOption(values: Record<string, unknown>): string | undefined {
  const value = values.worker;
  return typeof value === 'string' ? value : undefined;
}

/** Field errors: a headline, then one `key: message` per line; JSON keeps the fields as an object. */
function refuse(context: CommandContext, headline: string, errors: FieldErrors): number {
  if (context.json) {
    const fields = Object.fromEntries(
      Object.entries(errors).map(([field, message]) => [settingKeyOf(field), message]),
    );
    context.stderr(
      `${JSON.stringify({ error: { code: 'INVALID_OPTION', message: headline, fields } })}\n`,
    );
  } else {
    context.stderr(`servermark: ${printable(headline)}\n${formatFieldErrors(errors)}`);
  }
  return 1;
}

function printOutcome(
  context: CommandContext,
  verb: 'Saved' | 'Added',
  worker: string,
  outcome: Extract<WorkerChangeOutcome, { ok: true }>,
): number {
  if (context.json) {
    context.stdout(toJsonText(outcome));
    return 0;
  }
  const view = outcome.config.workers.filter((w) => w.name === worker);
  context.stdout(formatChangeSummary(verb, worker, outcome.config.name, outcome));
  context.stdout(formatWorkerConfig(outcome.config, view, context.style));
  return 0;
}

function missingWorker(context: CommandContext, command: CliCommand): number {
  const view = { code: 'USAGE', message: 'missing --worker NAME' };
  context.stderr(
    context.json
      ? formatError(view, true)
      : formatError(view, false) + usageHint([command], { group: 'worker', command }),
  );
  return 2;
}

export const workerConfig: CliCommand = {
  group: 'worker',
  action: 'config',
  usage: 'worker config <site> [--worker NAME] [--set K=V]…',
  summary: "Show or change a worker's queue:work options; a running worker restarts with them",
  help: [
    SITE_ARGUMENT,
    'Without --set or --unset it shows the settings (as --show does).',
    '',
    'Options:',
    '  --worker NAME   The worker to show or change (default: every worker for --show, "default" for --set)',
    '  --show          Print the settings, what this Laravel version supports, and warnings (the default)',
    '  --set KEY=VALUE Change a setting; repeat for several. Nothing is saved if any value is invalid',
    '  --unset KEY     Put a setting back to its default (env.NAME removes one variable, env all)',
    '  --json          Print the configuration (or the change outcome) as JSON',
    '',
    ...SETTING_HELP,
    '',
    'Examples:',
    '  servermark worker config shop --set queue=emails,default --set processes=3',
    '  servermark worker config shop --set timeout=120 --set stop-wait=150 --set env.APP_ENV=local',
    '  servermark worker config shop --worker emails --unset rest',
  ],
  options: {
    worker: { type: 'string' },
    show: { type: 'boolean' },
    set: { type: 'string', multiple: true },
    unset: { type: 'string', multiple: true },
  },
  positionals: [{ name: 'site' }],
  async run(context) {
    const { core, args, options, json, style, stdout } = context;
    const ref = args.site!;
    const sets = stringList(options, 'set');
    const unsets = stringList(options, 'unset');
    const chosen = workerOption(options);

    if (sets.length === 0 && unsets.length === 0) {
      const config = await core.workerConfig(ref);
      const workers = chosen ? config.workers.filter((w) => w.name === chosen) : config.workers;
      if (chosen && workers.length === 0) {
        throw new ServerMarkError(
          'WORKER_NOT_FOUND',
          `${config.name} has no worker named "${chosen}" (it has: ${config.workers.map((w) => w.name).join(', ')}).`,
        );
      }
      stdout(
        json ? toJsonText({ ...config, workers }) : formatWorkerConfig(config, workers, style),
      );
      return 0;
    }

    const name = chosen ?? 'default';
    const site = await core.resolveSite(ref);
    const current = site.workers.find((w) => w.name === name);
    if (!current) {
      throw new ServerMarkError(
        'WORKER_NOT_FOUND',
        `${site.name} has no worker named "${name}" (it has: ${site.workers.map((w) => w.name).join(', ')}).`,
      );
    }
    const headline = `the settings of worker ${name} of ${site.name} were not saved:`;
    const parsed = parseSettingArguments(sets, unsets, current.options);
    if (Object.keys(parsed.errors).length > 0) return refuse(context, headline, parsed.errors);
    const outcome = await core.configureWorker(site.id, name, parsed.patch);
    if (!outcome.ok) return refuse(context, headline, outcome.errors);
    return printOutcome(context, 'Saved', name, outcome);
  },
};

export const workerAdd: CliCommand = {
  group: 'worker',
  action: 'add',
  usage: 'worker add <site> --worker NAME [--set K=V]…',
  summary: 'Add a named worker to a site (started at once if the site runs)',
  help: [
    SITE_ARGUMENT,
    'NAME is 1 to 32 lowercase letters, digits and inner dashes, e.g. emails.',
    '',
    'Options:',
    '  --worker NAME   The new worker',
    '  --set KEY=VALUE Its settings, as for `worker config` (the rest are the defaults)',
    '  --json          Print the outcome as JSON',
    '',
    'Example:',
    '  servermark worker add shop --worker emails --set queue=emails --set processes=2',
  ],
  options: { worker: { type: 'string' }, set: { type: 'string', multiple: true } },
  positionals: [{ name: 'site' }],
  async run(context) {
    const name = workerOption(context.options);
    if (name === undefined) return missingWorker(context, workerAdd);
    const site = await context.core.resolveSite(context.args.site!);
    const defaults = { ...DEFAULT_WORKER_OPTIONS, queues: [], env: {} };
    const headline = `worker ${name} was not added to ${site.name}:`;
    const parsed = parseSettingArguments(stringList(context.options, 'set'), [], defaults);
    if (Object.keys(parsed.errors).length > 0) return refuse(context, headline, parsed.errors);
    const outcome = await context.core.addWorker(site.id, name, parsed.patch);
    if (!outcome.ok) return refuse(context, headline, outcome.errors);
    return printOutcome(context, 'Added', name, outcome);
  },
};

export const workerRemove: CliCommand = {
  group: 'worker',
  action: 'remove',
  usage: 'worker remove <site> --worker NAME',
  summary: 'Stop a worker (its current job finishes), delete its units and forget it',
  help: [
    SITE_ARGUMENT,
    'A site keeps at least one worker: to stop them all, use `worker stop`.',
    '',
    'Options:',
    '  --worker NAME   The worker to remove',
    '  --json          Print the site status afterwards as JSON',
  ],
  options: { worker: { type: 'string' } },
  positionals: [{ name: 'site' }],
  async run(context) {
    const name = workerOption(context.options);
    if (name === undefined) return missingWorker(context, workerRemove);
    const status = await context.core.removeWorker(context.args.site!, name);
    context.stdout(
      context.json
        ? toJsonText(status)
        : `Removed worker ${printable(name)} of ${printable(status.name)}; its processes are stopped and its units deleted.\n`,
    );
    return 0;
  },
};

export const WORKER_CONFIG_COMMANDS: readonly CliCommand[] = [
  workerConfig,
  workerAdd,
  workerRemove,
];
