// Paths and names come from the user and the registry file: never let them drive the terminal.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function printable(text: string, keepNewlines = false): string {
  return text.replace(CONTROL, (char) =>
    keepNewlines && char === '\n' ? char : `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

const COMBINING = /^[\p{Mn}\p{Me}]$/u;
// Zero-width spaces and joiners, and variation selectors.
const isZeroWidth = (code: number) =>
  (code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f);
// East Asian wide and fullwidth blocks, and the common emoji planes.
const WIDE_RANGES: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** Terminal columns a string takes: combining marks take none, CJK and emoji take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (COMBINING.test(char) || isZeroWidth(code)) continue;
    width += WIDE_RANGES.some(([low, high]) => code >= low && code <= high) ? 2 : 1;
  }
  return width;
}
