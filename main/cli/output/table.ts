import { displayWidth, printable } from './terminalText';

export interface Cell {
  text: string;
  /** Applied after padding, so escape codes never upset the alignment. */
  paint?: (text: string) => string;
}

export type CellInput = string | Cell;

const GAP = '  ';

function toCell(input: CellInput): Cell {
  return typeof input === 'string'
    ? { text: printable(input) }
    : { ...input, text: printable(input.text) };
}

/** Left-aligned columns, two spaces apart, no trailing spaces. */
export function renderTable(
  headers: string[],
  rows: CellInput[][],
  paintHeader = (t: string) => t,
): string {
  const cells = rows.map((row) => row.map(toCell));
  const widths = headers.map((header, column) =>
    Math.max(displayWidth(header), ...cells.map((row) => displayWidth(row[column]?.text ?? ''))),
  );
  const line = (row: Cell[]) => {
    const last = row.findLastIndex((cell) => cell.text !== '');
    return row
      .slice(0, last + 1)
      .map((cell, column) => {
        const pad = column === last ? '' : ' '.repeat(widths[column]! - displayWidth(cell.text));
        return (cell.paint ?? ((t: string) => t))(cell.text) + pad;
      })
      .join(GAP);
  };
  const header = line(headers.map((text) => ({ text, paint: paintHeader })));
  return [header, ...cells.map(line)].join('\n') + '\n';
}
