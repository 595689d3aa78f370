// The Exec key of a desktop entry, written per the Desktop Entry Specification ("The Exec
// key"): a path with spaces, quotes, $, % or backslashes must reach exec() unchanged.
import { isAbsolute } from 'node:path';
import { ServerMarkError } from '../errors/serverMarkError';

// Characters that force an argument into double quotes.
const RESERVED = /[ \t\n"'\\><~|&;$*?#()`]/;
// Inside double quotes, these four take a backslash.
const ESCAPED_IN_QUOTES = /["`$\\]/g;
// Runs its first argument with the rest: a launcher whose own path needs no escaping.
export const SHELL_LAUNCHER = ['/bin/sh', '-c', 'exec "$0" "$@"'] as const;

function quoteArgument(argument: string): string {
  const quoted =
    argument === '' || RESERVED.test(argument)
      ? `"${argument.replace(ESCAPED_IN_QUOTES, '\\$&')}"`
      : argument;
  // A lone % would start a field code (%f, %u…): a literal one is written %%.
  return quoted.replaceAll('%', '%%');
}

/**
 * The Exec value that runs exactly `argv`. Quoting comes first, then the string-type escape
 * (a backslash becomes two), so a literal backslash inside quotes ends up as four.
 */
export function desktopExecValue(argv: readonly string[]): string {
  const [program] = argv;
  if (program === undefined || !isAbsolute(program)) {
    throw new ServerMarkError(
      'INVALID_PATH',
      `The program to start at login must be an absolute path, not ${JSON.stringify(program ?? '')}.`,
    );
  }
  const control = argv.find((argument) => /[\u0000-\u001f\u007f]/.test(argument));
  if (control !== undefined) {
    throw new ServerMarkError(
      'INVALID_PATH',
      `${JSON.stringify(control)} contains a control character, which a desktop entry cannot hold. Move or rename the app.`,
    );
  }
  // GLib checks that the program exists before it turns %% back into %, so it would refuse a
  // program path holding %: such a program is started through /bin/sh (env would take a path
  // with = for a variable).
  const launched = program.includes('%') ? [...SHELL_LAUNCHER, ...argv] : argv;
  return launched.map(quoteArgument).join(' ').replaceAll('\\', '\\\\');
}

/** The reverse of desktopExecValue, as the spec reads an Exec value; for tests and checks. */
export function parseDesktopExecValue(value: string): string[] {
  // String-type escapes first: \s \n \t \r \\.
  const unescaped = value.replace(/\\([sntr\\])/g, (_match, code: string) =>
    code === 's' ? ' ' : code === 'n' ? '\n' : code === 't' ? '\t' : code === 'r' ? '\r' : '\\',
  );
  const argv: string[] = [];
  let current: string | null = null;
  for (let i = 0; i < unescaped.length; i++) {
    const char = unescaped[i]!;
    if (char === ' ') {
      if (current !== null) argv.push(current);
      current = null;
    } else if (char === '"') {
      current ??= '';
      for (i++; i < unescaped.length && unescaped[i] !== '"'; i++) {
        if (unescaped[i] === '\\' && /["`$\\]/.test(unescaped[i + 1] ?? '')) i++;
        current += unescaped[i];
      }
      if (i >= unescaped.length) throw new Error(`unterminated quote in Exec value ${value}`);
    } else {
      current = (current ?? '') + char;
    }
  }
  if (current !== null) argv.push(current);
  return argv.map((argument) => argument.replaceAll('%%', '%'));
}
