// Turns the bytes of a log file into lines, with bounded memory whatever the file holds.

/** Longer lines are cut: one runaway line (a dumped payload) must not cost megabytes per view. */
export const MAX_LINE_BYTES = 16 * 1024;

const NEWLINE = 0x0a;
const CR = 0x0d;

// Cut before a UTF-8 continuation byte's lead, so a cut never leaves half a character behind.
function characterBoundary(bytes: Buffer, limit: number): number {
  let cut = limit;
  while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut--;
  return cut;
}

function decode(bytes: Buffer, limit: number, total: number, lastByte: number | undefined): string {
  if (total > limit) {
    const kept = bytes.subarray(0, characterBoundary(bytes, limit));
    return `${kept.toString('utf8')}… [line cut: ${total} bytes]`;
  }
  // CRLF files (a worker run through a Windows-minded tool) end lines with \r\n.
  const end = lastByte === CR ? bytes.length - 1 : bytes.length;
  // toString('utf8') puts U+FFFD for invalid bytes: a binary dump cannot break the reader.
  return bytes.toString('utf8', 0, end);
}

/** Feeds chunks in, gets whole lines out; a line without its newline yet waits for more. */
export class LineSplitter {
  private parts: Buffer[] = [];
  private kept = 0;
  private total = 0;
  private lastByte: number | undefined;
  /** True once the pending line began mid-line (reading started inside it). */
  private startsCut = false;

  constructor(private readonly maxLineBytes = MAX_LINE_BYTES) {}

  /** Bytes of the unfinished last line seen so far. */
  get pendingBytes(): number {
    return this.total;
  }

  /** Marks the next line as the tail of a line whose beginning was not read. */
  startMidLine(): void {
    this.startsCut = true;
  }

  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let from = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, from);
      if (newline === -1) {
        this.append(chunk.subarray(from));
        return lines;
      }
      // Fast path: a whole short line inside one chunk needs no copy.
      if (this.total === 0 && !this.startsCut && newline - from <= this.maxLineBytes) {
        const end = newline > from && chunk[newline - 1] === CR ? newline - 1 : newline;
        lines.push(chunk.toString('utf8', from, end));
      } else {
        this.append(chunk.subarray(from, newline));
        lines.push(this.take());
      }
      from = newline + 1;
    }
  }

  /** The unfinished last line, if any (end of file without a newline). */
  flush(): string | null {
    return this.total > 0 || this.startsCut ? this.take() : null;
  }

  /** Forgets the unfinished line (after a truncation or skipped bytes). */
  reset(): void {
    this.parts = [];
    this.kept = 0;
    this.total = 0;
    this.lastByte = undefined;
    this.startsCut = false;
  }

  private append(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.total += bytes.length;
    this.lastByte = bytes[bytes.length - 1];
    const room = this.maxLineBytes + 1 - this.kept;
    if (room <= 0) return;
    // Copy: the caller reuses its read buffer.
    const piece = Buffer.from(bytes.subarray(0, room));
    this.parts.push(piece);
    this.kept += piece.length;
  }

  private take(): string {
    const bytes = Buffer.concat(this.parts, this.kept);
    const text = decode(bytes, this.maxLineBytes, this.total, this.lastByte);
    const line = this.startsCut ? `…${text}` : text;
    this.reset();
    return line;
  }
}
