/**
 * The grids of the lean read path (read-port.ts): one RawGrid per planned range, built from the
 * scanned cells of its sheet in document order, with one string object per distinct short text.
 */
import { toA1, type RangePosition } from '../../core/a1';
import type { RawGrid, RawValue, ReadRange } from '../../core/workbook/raw';
import { trimGrid } from './cells';
import type { CellStyles } from './package-parts';
import type { ScannedCell } from './scanned-cell';

/** Most texts a TextPool keeps, and the longest text it keeps. */
const POOL_ENTRIES = 65536;
const POOL_TEXT_LENGTH = 64;

/**
 * One string object per distinct short text of a read: inline strings (how Budgetkoll and many
 * tools write text) are decoded afresh for every cell, and a ledger repeats the same nämnd,
 * verksamhet and period on every row (Utfall on L: 2 million strings, a few hundred texts).
 */
export class TextPool {
  private readonly pool = new Map<string, string>();

  get(text: string): string {
    if (text.length > POOL_TEXT_LENGTH) return text;
    const known = this.pool.get(text);
    if (known !== undefined) return known;
    if (this.pool.size < POOL_ENTRIES) this.pool.set(text, text);
    return text;
  }
}

/**
 * Builds one RawGrid from scanned cells, row by row, with the shape XlsxWorkbookPort.read gives:
 * rows trimmed of trailing empty cells (a formula cell counts when formulas are read), number
 * formats per cell that is kept, trailing empty rows dropped.
 */
export class GridBuilder {
  private readonly grid: RawGrid;
  private row = -1;
  private values: RawValue[] = [];
  private formats: string[] = [];
  private filledTo = 0;

  constructor(
    sheet: string,
    readonly request: ReadRange,
    private readonly pos: RangePosition,
    private readonly styles: CellStyles,
    private readonly texts: TextPool,
  ) {
    this.grid = {
      sheet,
      top: pos.top,
      left: pos.left,
      values: [],
      formulas: {},
      ...(request.numberFormats ? { numberFormats: [] } : {}),
    };
  }

  covers(row: number, col: number): boolean {
    const p = this.pos;
    return row >= p.top && row <= p.bottom && col >= p.left && col <= p.right;
  }

  add(cell: ScannedCell, value: RawValue, formula: string | null): void {
    if (cell.row !== this.row) this.startRow(cell.row);
    const i = cell.col - this.pos.left;
    if (i < this.values.length) return; // a repeated or out-of-order cell: the first one counts
    // Formats are gathered only when asked for: otherwise each row's array would be garbage.
    const formats = this.grid.numberFormats !== undefined;
    while (this.values.length < i) {
      this.values.push(null);
      if (formats) this.formats.push('General');
    }
    this.values.push(typeof value === 'string' ? this.texts.get(value) : value);
    if (formats) this.formats.push(this.styles.formats[cell.style] ?? 'General');
    if (value !== null) this.filledTo = this.values.length;
    if (formula) {
      this.grid.formulas[toA1(cell.row, cell.col)] = formula;
      this.filledTo = this.values.length;
    }
  }

  /** Cells covered by a merge (all but its top-left) read as empty, as in Excel and ExcelJS. */
  applyMerges(merges: readonly RangePosition[]): void {
    this.endRow();
    const g = this.grid;
    for (const m of merges) {
      for (let r = Math.max(m.top, g.top); r <= m.bottom && r - g.top < g.values.length; r++) {
        const row = g.values[r - g.top];
        for (let c = Math.max(m.left, g.left); c <= m.right && c - g.left < row.length; c++) {
          if (r === m.top && c === m.left) continue;
          row[c - g.left] = null;
          delete g.formulas[toA1(r, c)];
        }
        let n = row.length;
        while (n > 0 && row[n - 1] === null && g.formulas[toA1(r, g.left + n - 1)] === undefined) n--;
        row.length = n;
        if (g.numberFormats) g.numberFormats[r - g.top].length = n;
      }
    }
  }

  finish(): RawGrid {
    this.endRow();
    trimGrid(this.grid);
    return this.grid;
  }

  private startRow(row: number): void {
    this.endRow();
    const g = this.grid;
    // Rows skipped in the file (or before the first cell of the range) are empty rows.
    while (g.top + g.values.length < row) {
      g.values.push([]);
      g.numberFormats?.push([]);
    }
    this.row = row;
  }

  private endRow(): void {
    if (this.row < 0) return;
    const g = this.grid;
    if (this.row - g.top === g.values.length) {
      this.values.length = this.filledTo;
      g.values.push(this.values);
      if (g.numberFormats) {
        this.formats.length = this.filledTo;
        g.numberFormats.push(this.formats);
      }
    }
    this.row = -1;
    this.values = [];
    this.formats = [];
    this.filledTo = 0;
  }
}
