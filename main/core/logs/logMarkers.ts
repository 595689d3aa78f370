import { quoteExecArgument } from '../units/systemdSyntax';
import { SERVERMARK_TAG } from './logLine';

// Start, stop and exit lines come from the unit itself rather than from the core: systemd runs
// ExecStartPre/ExecStop/ExecStopPost for every start and stop, whoever causes it (the window,
// the CLI, `systemctl`, a crash and its automatic restart), and hands ExecStopPost how the
// process ended ($EXIT_CODE, $EXIT_STATUS, $SERVICE_RESULT), which the core never sees. Their
// output goes to the same file as the worker's (StandardOutput=append:). Each command is
// "-"-prefixed, so a failing marker can never fail or block the worker itself.

// The scripts are constants; every value reaches them as a separate argument ($1, $2), never
// spliced into shell text. quoteExecArgument doubles $ and %, so systemd leaves them alone.
const NOW = 't=$(PATH="/usr/bin:/bin:$PATH" date -u +%Y-%m-%dT%H:%M:%SZ 2>/dev/null) || t=-';
const TAG = SERVERMARK_TAG;

const STARTING = `${NOW}; printf '${TAG} %s process %s starting: %s\\n' "$t" "$1" "$2"`;

// ExecStop runs for a requested stop or restart ($MAINPID set) and also, with $MAINPID unset,
// after the process ended on its own; only the first is a request worth a line.
const STOPPING = `[ -n "$MAINPID" ] || exit 0; ${NOW}; printf '${TAG} %s process %s stopping: SIGTERM, the current job may finish first (up to %s s)\\n' "$t" "$1" "$2"`;

// Laravel's exits in Laravel terms (docs/systemd.md): 12 is --memory, SIGKILL is usually a job
// over --timeout (queue:work kills itself) or a kill from outside.
const EXITED = [
  `${NOW}; case "$EXIT_CODE" in`,
  `exited) case "$EXIT_STATUS" in`,
  `0) how='exited normally (status 0)';;`,
  `12) how='exited with status 12: it reached its memory limit (--memory)';;`,
  `203) how='could not start: the PHP binary is missing or not executable (status 203)';;`,
  `*) how="exited with status $EXIT_STATUS";; esac;;`,
  `killed) how="was killed by signal SIG$EXIT_STATUS";;`,
  `dumped) how="crashed with signal SIG$EXIT_STATUS (core dumped)";;`,
  `*) how='stopped';; esac;`,
  `printf '${TAG} %s process %s %s (systemd result: %s)\\n' "$t" "$1" "$how" "\${SERVICE_RESULT:-unknown}"`,
].join(' ');

// Control characters would split a marker over several log lines.
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

// Shell-style quoting for display, so the logged command can be read (and pasted) word by word.
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

export interface LogMarkerSpec {
  /** The worker's command line as it runs (absolute PHP, artisan, queue:work arguments). */
  command: string[];
  stopWaitSeconds: number;
}

/** The [Service] lines that write a worker's start, stop and exit into its log. */
export function logMarkerDirectives(spec: LogMarkerSpec): string[] {
  const sh = (script: string, ...args: string[]) =>
    ['-/bin/sh', '-c', quoteExecArgument(script), 'sh', '"%i"', ...args].join(' ');
  const command = quoteExecArgument(oneLine(spec.command.map(shellWord).join(' ')));
  return [
    `ExecStartPre=${sh(STARTING, command)}`,
    `ExecStop=${sh(STOPPING, quoteExecArgument(String(spec.stopWaitSeconds)))}`,
    `ExecStopPost=${sh(EXITED)}`,
  ];
}
