/**
 * A1 addressing: the one place that converts between 0-based (row, column) and A1 text.
 * Every module that needs an address uses these functions.
 */

const MAX_COLUMNS = 16384;
const MAX_ROWS = 1048576;

// Letters of the columns tabs actually use (A..ZZ), computed once: builders ask per cell.
const COMMON_LETTERS: string[] = [];

/** 0-based column index → letters ("A", "Z", "AA"). */
export function columnLetters(col: number): string {
  const common = COMMON_LETTERS[col];
  if (common !== undefined) return common;
  if (!Number.isInteger(col) || col < 0 || col >= MAX_COLUMNS) {
    throw new RangeError(`column index out of range: ${col}`);
  }
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
for (let c = 0; c < 702; c++) COMMON_LETTERS.push(lettersOf(c));

/** Letters → 0-based column index; -1 when not letters. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** 0-based (row, col) → "C5". */
export function toA1(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS) {
    throw new RangeError(`row index out of range: ${row}`);
  }
  return columnLetters(col) + String(row + 1);
}

/** 0-based (row, col) → "$C$5". */
export function toAbsoluteA1(row: number, col: number): string {
  return `$${columnLetters(col)}$${row + 1}`;
}

export interface CellPosition {
  row: number;
  col: number;
}

export interface RangePosition {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "C5" or "$C$5" → { row: 4, col: 2 }; null when it is not a single cell address. */
export function parseA1(address: string): CellPosition | null {
  const match = CELL_PATTERN.exec(address.trim());
  if (!match) return null;
  const col = columnIndex(match[1]);
  const row = Number(match[2]) - 1;
  if (col < 0 || col >= MAX_COLUMNS || row < 0 || row >= MAX_ROWS) return null;
  return { row, col };
}

/**
 * "A1:C5", "C5", "Sheet1!A1:C5" or "'My sheet'!A1:C5" → a range position (sheet part dropped).
 * Null when not an address.
 */
export function parseRangeA1(address: string): RangePosition | null {
  const withoutSheet = stripSheetName(address);
  const [first, second] = withoutSheet.split(':');
  const a = parseA1(first);
  if (!a) return null;
  const b = second === undefined ? a : parseA1(second);
  if (!b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Range position → "A1:C5" (or "A1" when it is one cell). */
export function rangeToA1(range: RangePosition): string {
  const start = toA1(range.top, range.left);
  if (range.top === range.bottom && range.left === range.right) return start;
  return `${start}:${toA1(range.bottom, range.right)}`;
}

/** Drops a leading "Sheet!" or "'Sheet name'!" from an address. */
export function stripSheetName(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** Quotes a sheet name for use in a formula reference: 'Min flik'!A1. Always quoted: safe for åäö and spaces. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A reference to a cell on another sheet, usable in Excel and LibreOffice formulas. */
export function sheetReference(sheet: string, row: number, col: number, absolute = true): string {
  const cell = absolute ? toAbsoluteA1(row, col) : toA1(row, col);
  return `${quoteSheetName(sheet)}!${cell}`;
}

/** True when the text is a valid A1 cell address. */
export function isA1(address: string): boolean {
  return parseA1(address) !== null;
}
