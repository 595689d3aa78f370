import { MAX_LOG_LINES } from '../../core/logs/workerLogs';
import type { LogLine } from '../../core/logs/logLine';
import { usageHint } from '../help';
import { formatError } from '../output/errorText';
import { formatLogLine, logLineJson } from '../output/logText';
import type { CliCommand } from './cliCommand';

const DEFAULT_LINES = 100;

function stringOption(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export const workerLogs: CliCommand = {
  group: 'worker',
  action: 'logs',
  usage: 'worker logs <site> [--worker NAME] [-n N] [-f]',
  summary: "Print a worker's output (all its processes, by time), and follow it with -f",
  help: [
    '<site> is a site id, name or directory.',
    '',
    'Options:',
    '  --worker NAME   The worker (default: "default")',
    `  -n, --lines N   How many of the newest lines to print first (default ${DEFAULT_LINES}, at most ${MAX_LOG_LINES})`,
    '  -f, --follow    Keep printing new lines as they are written, until Ctrl+C',
    '  --json          One JSON object per line: {"text","instance","at","kind"}',
    '',
    'Lines starting with [ServerMark] are written by the unit: each start, requested stop and',
    'exit (with how the process ended), including crashes and automatic restarts.',
    'Files live in $XDG_STATE_HOME/servermark/logs and are capped by the logMaxBytes setting.',
  ],
  options: {
    worker: { type: 'string' },
    lines: { type: 'string', short: 'n' },
    follow: { type: 'boolean', short: 'f' },
  },
  positionals: [{ name: 'site' }],
  async run({ core, args, options, json, style, stdout, stderr, untilInterrupted }) {
    const rawLines = stringOption(options, 'lines');
    const lines = rawLines === undefined ? DEFAULT_LINES : Number(rawLines);
    if (!/^\d+$/.test(rawLines ?? '0') || lines > MAX_LOG_LINES) {
      const view = {
        code: 'USAGE',
        message: `-n must be a whole number from 0 to ${MAX_LOG_LINES}`,
      };
      stderr(
        json
          ? formatError(view, true)
          : formatError(view, false) +
              usageHint([workerLogs], { group: 'worker', command: workerLogs }),
      );
      return 2;
    }
    const request = { worker: stringOption(options, 'worker'), lines };
    let showInstance = false;
    const print = (batch: LogLine[]) => {
      // Several processes: say which one wrote each line, as soon as a second one shows up.
      showInstance ||= batch.some((line) => line.instance !== '1');
      for (const line of batch) {
        stdout(
          json ? logLineJson(line) : formatLogLine(line, { colour: style.enabled, showInstance }),
        );
      }
    };

    if (options.follow !== true) {
      const read = await core.logs.read(args.site!, request);
      showInstance = read.files.length > 1;
      print(read.lines);
      return 0;
    }
    // Listen for Ctrl+C before following, so an early one is not lost.
    const interrupted = untilInterrupted();
    const subscription = await core.logs.follow(args.site!, request, print);
    showInstance = subscription.initial.files.length > 1;
    print(subscription.initial.lines);
    await interrupted;
    await subscription.stop();
    return 0;
  },
};
