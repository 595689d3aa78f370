import { ServerMarkError } from '../errors/serverMarkError';

// systemd.syntax(7): ExecStart words may be quoted with C escapes, but %specifiers and $VARs
// are still expanded inside quotes, so both must be doubled to stay literal.

const CONTROL = /[\u0000-\u001f\u007f]/;

// systemd's UTF-8 check (unichar_is_valid) also refuses the noncharacters U+FDD0–U+FDEF and
// U+xFFFE/U+xFFFF: one anywhere in a setting makes the whole unit fail to load.
function notSystemdUtf8(value: string): boolean {
  if (!value.isWellFormed()) return true;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if ((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) return true;
  }
  return false;
}

function hexEscape(char: string): string {
  return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

function escapeQuoted(value: string, expandsDollar: boolean): string {
  let out = '';
  for (const char of value) {
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '%') out += '%%';
    else if (char === '$' && expandsDollar) out += '$$';
    else if (CONTROL.test(char)) out += hexEscape(char);
    else out += char;
  }
  return out;
}

/** One ExecStart= argument, quoted so systemd passes it through byte for byte. */
export function quoteExecArgument(value: string): string {
  if (notSystemdUtf8(value)) {
    throw new ServerMarkError('INVALID_OPTION', 'A command argument is not valid UTF-8 text.');
  }
  if (value.includes('\0')) {
    throw new ServerMarkError('INVALID_OPTION', 'A command argument contains a NUL character.');
  }
  return `"${escapeQuoted(value, true)}"`;
}

/** Environment="KEY=value": same quoting as ExecStart, except `$` is literal there. */
export function quoteEnvironmentAssignment(name: string, value: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new ServerMarkError(
      'INVALID_OPTION',
      `"${name}" is not a valid environment variable name: use letters, digits and _, not starting with a digit.`,
    );
  }
  if (notSystemdUtf8(value) || value.includes('\0')) {
    throw new ServerMarkError(
      'INVALID_OPTION',
      `The value of ${name} contains a NUL character or invalid UTF-8.`,
    );
  }
  return `"${escapeQuoted(`${name}=${value}`, false)}"`;
}

/**
 * Why a value cannot go into a raw (unquoted) field such as WorkingDirectory= or
 * Description=, or null when it can. Raw fields have no escapes, so anything systemd
 * would reinterpret is refused rather than mangled.
 */
export function rawFieldProblem(value: string): string | null {
  if (value.length === 0) return 'it is empty';
  if (notSystemdUtf8(value)) return 'it is not valid UTF-8 text';
  if (value.includes('\0')) return 'it contains a NUL character';
  if (/[\n\r]/.test(value)) return 'it contains a line break';
  if (CONTROL.test(value)) return 'it contains a control character';
  if (/^\s|\s$/.test(value)) return 'it starts or ends with whitespace';
  if (value.endsWith('\\')) return 'it ends with a backslash';
  return null;
}

/** Escape a value for a raw field: only specifiers are expanded there. */
export function escapeRawField(value: string, what: string): string {
  const problem = rawFieldProblem(value);
  if (problem) {
    throw new ServerMarkError('INVALID_PATH', `${what} cannot be used because ${problem}.`);
  }
  return value.replaceAll('%', '%%');
}

/** Why a path cannot be written into a unit file, or null when it can. */
export function unitPathProblem(path: string): string | null {
  const raw = rawFieldProblem(path);
  if (raw) return raw;
  if (!path.startsWith('/')) return 'it is not an absolute path';
  const parts = path.split('/').slice(1);
  if (parts.some((part) => part === '..' || part === '.')) return 'it contains "." or ".." parts';
  if (parts.some((part, index) => part === '' && index !== parts.length - 1 && path !== '/')) {
    return 'it contains an empty component ("//")';
  }
  if (parts.some((part) => Buffer.byteLength(part) > 255)) return 'a component is over 255 bytes';
  if (Buffer.byteLength(path) > 4095) return 'it is over 4095 bytes long';
  return null;
}

export function escapeUnitPath(path: string, what: string): string {
  const problem = unitPathProblem(path);
  if (problem) {
    throw new ServerMarkError(
      'INVALID_PATH',
      `${what} "${path}" cannot be used because ${problem}.`,
    );
  }
  return path.replaceAll('%', '%%');
}
