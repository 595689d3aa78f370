import type { SiteStatus } from '../../core/workers/siteStatus';
import { formatError } from '../output/errorText';
import { toJsonText } from '../output/siteJson';
import { formatActionResult, formatStatusDetail, formatStatusTable } from '../output/siteText';
import type { CliCore } from '../cliIo';
import type { CliCommand, CommandContext } from './cliCommand';
import { formatStatusChange, StatusChanges } from '../output/statusChanges';
import { workerLogs } from './workerLogs';

const SITE_ARGUMENT = '<site> is a site id, name or directory.';

type WorkerAction = 'start' | 'stop' | 'restart';

const ACTIONS: Record<
  WorkerAction,
  { summary: string; call: (core: CliCore, ref: string) => Promise<SiteStatus> }
> = {
  start: {
    summary: "Write the site's worker units and start them",
    call: (core, ref) => core.startWorkers(ref),
  },
  stop: {
    summary: "Stop the site's workers, letting the current job finish, and delete their units",
    call: (core, ref) => core.stopWorkers(ref),
  },
  restart: {
    summary: "Restart the site's workers, e.g. after deploying new code",
    call: (core, ref) => core.restartWorkers(ref),
  },
};

function workerActionCommand(action: WorkerAction): CliCommand {
  return {
    group: 'worker',
    action,
    usage: `worker ${action} <site>`,
    summary: ACTIONS[action].summary,
    help: [SITE_ARGUMENT, '', 'Options:', '  --json   Print the resulting status object as JSON'],
    options: {},
    positionals: [{ name: 'site' }],
    async run({ core, args, json, style, stdout, stderr }) {
      const status = await ACTIONS[action].call(core, args.site!);
      stdout(json ? toJsonText(status) : formatActionResult(status, style));
      // systemd accepted the start but the workers already gave up: a script must notice.
      if (action !== 'stop' && status.state === 'failed') {
        const message = `The workers of ${status.name} failed: ${status.reason?.text ?? 'systemd reports them failed.'}`;
        stderr(formatError({ code: 'WORKERS_FAILED', message }, json));
        return 1;
      }
      return 0;
    },
  };
}

export const workerStatus: CliCommand = {
  group: 'worker',
  action: 'status',
  usage: 'worker status [<site>]',
  summary: 'Show the worker state of every site, or of one, as systemd reports it',
  help: [
    SITE_ARGUMENT,
    '',
    'Options:',
    '  --json   Print a JSON array of status objects (site, name, path, state, reason, units, workers…)',
    '  --watch  Keep running and print each change as it happens, whatever made it',
    '           (with --json: one JSON object per line per change), until Ctrl+C',
  ],
  options: { watch: { type: 'boolean' } },
  positionals: [{ name: 'site', optional: true }],
  async run(context) {
    const { core, args, json, style, stdout, options } = context;
    const ref = args.site;
    if (options.watch) return watchStatus(context, ref);
    const statuses = await core.status(ref === undefined ? undefined : [ref]);
    if (json) stdout(toJsonText(statuses));
    else if (ref !== undefined && statuses[0]) stdout(formatStatusDetail(statuses[0], style));
    else stdout(formatStatusTable(statuses, style));
    return 0;
  },
};

/** Prints the current state, then every change until interrupted. */
async function watchStatus(
  { core, json, style, stdout, untilInterrupted }: CommandContext,
  ref: string | undefined,
): Promise<number> {
  const siteId = ref === undefined ? undefined : (await core.resolveSite(ref)).id;
  const changes = new StatusChanges(siteId);
  const print = (statuses: SiteStatus[]) => {
    for (const change of changes.next(statuses)) {
      stdout(json ? `${JSON.stringify(change)}\n` : formatStatusChange(change, style));
    }
  };
  const unsubscribe = core.onStatus(print);
  let failure: unknown = null;
  const interrupted = untilInterrupted();
  const live = await core.startLive((error) => (failure = error));
  print(await core.status());
  await interrupted;
  unsubscribe();
  live.stop();
  if (failure) throw failure;
  return 0;
}

export const WORKER_COMMANDS = [
  workerActionCommand('start'),
  workerActionCommand('stop'),
  workerActionCommand('restart'),
  workerStatus,
  workerLogs,
];
