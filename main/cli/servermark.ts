import { toErrorView } from '../core/errors/serverMarkError';
import { createServerMark } from '../core/serverMark';
import type { CliCore, CliIo } from './cliIo';
import type { CliCommand } from './commands/cliCommand';
import { DOCTOR_COMMANDS } from './commands/doctor';
import { SITES_COMMANDS } from './commands/sites';
import { WORKER_COMMANDS } from './commands/worker';
import { WORKER_CONFIG_COMMANDS } from './commands/workerConfig';
import { helpText, usageHint } from './help';
import { formatError } from './output/errorText';
import { toJsonText } from './output/siteJson';
import { colourWanted, createStyle } from './output/style';
import { parseCommandLine, UsageError } from './parseArguments';
import { cliVersion } from './version';

export const COMMANDS: readonly CliCommand[] = [
  ...SITES_COMMANDS,
  ...WORKER_COMMANDS,
  ...WORKER_CONFIG_COMMANDS,
  ...DOCTOR_COMMANDS,
];

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Parses, runs one command and returns the exit code; never throws and never exits. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const stdout = (text: string) => void io.stdout.write(text);
  const stderr = (text: string) => void io.stderr.write(text);
  // Known before parsing, so even a bad command line gets a JSON error when --json is there.
  const endOfOptions = argv.indexOf('--');
  const wantsJson = (endOfOptions === -1 ? argv : argv.slice(0, endOfOptions)).includes('--json');
  let parsed;
  try {
    parsed = parseCommandLine(argv, COMMANDS);
  } catch (error) {
    if (!(error instanceof UsageError)) {
      stderr(formatError(toErrorView(error), wantsJson));
      return EXIT_FAILURE;
    }
    const view = { code: 'USAGE', message: error.message };
    stderr(
      wantsJson
        ? formatError(view, true)
        : formatError(view, false) + usageHint(COMMANDS, error.topic),
    );
    return EXIT_USAGE;
  }

  if (parsed.kind === 'help') {
    stdout(helpText(COMMANDS, parsed.topic, cliVersion()));
    return EXIT_OK;
  }
  if (parsed.kind === 'version') {
    stdout(parsed.json ? toJsonText({ version: cliVersion() }) : `servermark ${cliVersion()}\n`);
    return EXIT_OK;
  }

  const { command, json } = parsed;
  let core: CliCore | undefined;
  try {
    core = io.createCore(io.env);
    return await command.run({
      core,
      options: parsed.options,
      args: parsed.args,
      json,
      style: createStyle(!json && colourWanted(io)),
      stdout,
      stderr,
      untilInterrupted: () => io.untilInterrupted(),
    });
  } catch (error) {
    stderr(formatError(toErrorView(error), json));
    return EXIT_FAILURE;
  } finally {
    core?.close?.();
  }
}

/** The real process: argv, stdio and environment of this node process. */
export async function runCli(): Promise<number> {
  // `servermark sites list | head` closes the pipe early: that is not an error worth a stack.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  return main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    createCore: (env): CliCore => createServerMark({ env }),
    untilInterrupted: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
  });
}
