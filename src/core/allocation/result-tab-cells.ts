/**
 * The cells, formats, columns and references the allocation result tab (result-tab.ts) is made of.
 */
import { columnLetters, quoteSheetName, toA1, toAbsoluteA1 } from '../a1';
import type { BudgetModel, SourceRef, VolumeRow } from '../recognition/model';
import type { SpecCell } from '../workbook/sheet-spec';
import type { StyleName } from '../workbook/styles';

/** Kronor shown as whole tkr: the trailing comma divides by 1 000 (Excel and LibreOffice alike). */
export const TKR_FROM_KRONOR_FORMAT = '#,##0,;[Red]-#,##0,';
export const KR_FORMAT = '#,##0.00;[Red]-#,##0.00';
export const WHOLE_FORMAT = '#,##0;[Red]-#,##0';
export const INDEX_FORMAT = '0.000000';
export const PERCENT_FORMAT = '0.0##%';

/** Columns of the summary block (0-based). */
export const SUMMARY_COLUMNS = {
  board: 0,
  year: 1,
  compensation: 2,
  other: 3,
  indexedBase: 4,
  proposed: 5,
  frame: 6,
  difference: 7,
} as const;

/** Columns of the step-5 block (0-based): nämnd, description, type, then Y1..Y3. */
export const OTHER_CHANGE_COLUMNS = { board: 0, description: 1, type: 2, firstYear: 3 } as const;



/** The tab's wanted name. */
export function allocationTabName(year: number): string {
  return `Resursfördelning ${year}`;
}

export type Row = (SpecCell | null)[];

export const text = (value: string, style: StyleName = 'text'): SpecCell => ({ value, style });
export const header = (value: string): SpecCell => ({ value, style: 'header' });
/**
 * A formula cell; `cached` is the figure the core computed for it (SpecCell.value: the file's cached
 * result, so a viewer that does not recalculate shows it). Every formula of this tab is over input
 * cells the core read, so the core knows each one (test/recalc/cached-values.test.ts checks them).
 */
export const formula = (body: string, numberFormat: string, cached?: number | null): SpecCell =>
  cached === undefined || cached === null || !Number.isFinite(cached)
    ? { formula: `=${body}`, style: 'computed', numberFormat }
    : { formula: `=${body}`, style: 'computed', numberFormat, value: cached };

/**
 * Rows of one part of the tab, knowing on which row (0-based) each lands. Content coordinates:
 * withMarker later moves the rows, and the references to them, one row down for the marker row.
 */
export class Rows {
  readonly rows: Row[] = [];
  constructor(readonly start: number) {}
  /** Row (0-based, content coordinates) of the next row pushed. */
  get next(): number {
    return this.start + this.rows.length;
  }
  push(row: Row = []): number {
    const at = this.next;
    this.rows.push(row);
    return at;
  }
}

/** A reference to a cell of this tab, e.g. "$C$12" or "G40". */
export const local = (row: number, col: number, absolute = false) => (absolute ? toAbsoluteA1(row, col) : toA1(row, col));
export const absRange = (top: number, bottom: number, col: number) => `${toAbsoluteA1(top, col)}:${toAbsoluteA1(bottom, col)}`;

/**
 * ROUND(cell × kronor per unit, 0): an amount cell in kronor as the core reads it (row-reader's
 * amount, toKronor), as the text before and after the cell's row number; null for a missing column.
 */
export function kronorParts(sheet: string, col: number | undefined, kronorPerUnit: number | undefined): [string, string] | null {
  if (col === undefined || col < 0) return null;
  const factor = kronorPerUnit ?? 1000;
  return [`ROUND(${quoteSheetName(sheet)}!$${columnLetters(col)}$`, factor === 1 ? ',0)' : `*${factor},0)`];
}

export function kronorOf(ref: SourceRef, col: number | undefined, kronorPerUnit: number | undefined): string {
  const parts = kronorParts(ref.sheet, col, kronorPerUnit);
  return parts ? parts[0] + String(ref.row + 1) + parts[1] : '0';
}

/** The Volymer rows by sheet row (the activities of a result point at theirs by row). */
export function volumeRows(model: BudgetModel): Map<number, VolumeRow> {
  const layout = model.layouts.volymer;
  const rows = new Map<number, VolumeRow>();
  for (const v of model.volumes) if (!layout || v.sheet === layout.sheet) rows.set(v.row, v);
  return rows;
}

/** Σ of one column of a block for the rows whose (constant, canonical) nämnd equals the key cell. */
export function sumForBoard(block: { top: number; bottom: number } | null, keyCol: number, valueCol: number, keyCell: string): string {
  if (!block) return '0';
  return `SUMPRODUCT((${absRange(block.top, block.bottom, keyCol)}=${keyCell})*(${absRange(block.top, block.bottom, valueCol)}))`;
}
