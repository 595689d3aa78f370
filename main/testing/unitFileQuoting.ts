// Test-side quoting for unit files, following docs/systemd.md ("Writing unit files from user data").

function rejectControlChars(value: string, field: string): void {
  // Newlines would start a new unit setting and NUL cannot be represented at all.
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new Error(`${field} contains a control character: ${JSON.stringify(value)}`);
  }
}

/** One ExecStart= word: wrapped in "…", with \ and " escaped, % → %%, $ → $$. */
export function quoteExecArg(arg: string): string {
  if (arg.includes('\u0000'))
    throw new Error(`ExecStart argument contains NUL: ${JSON.stringify(arg)}`);
  let quoted = '"';
  for (const ch of arg) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') quoted += '\\\\';
    else if (ch === '"') quoted += '\\"';
    else if (ch === '%') quoted += '%%';
    else if (ch === '$') quoted += '$$';
    else if (code < 0x20 || code === 0x7f) quoted += `\\x${code.toString(16).padStart(2, '0')}`;
    else quoted += ch;
  }
  return `${quoted}"`;
}

/** A whole ExecStart= command line from argv. */
export function execStartLine(argv: readonly string[]): string {
  return argv.map(quoteExecArg).join(' ');
}

/** Raw settings (WorkingDirectory=, StandardOutput=append:) take no quotes; only specifiers need %%. */
export function escapeRawUnitValue(value: string, field = 'value'): string {
  rejectControlChars(value, field);
  if (value !== value.trim()) throw new Error(`${field} has leading or trailing whitespace`);
  if (value.endsWith('\\'))
    throw new Error(`${field} ends with a backslash (it would join the next line)`);
  return value.replaceAll('%', '%%');
}
