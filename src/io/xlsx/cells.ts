/**
 * Reading ExcelJS cells as RawValues: the hot path of every read (200 000-row sheets), so it walks
 * rows and cells directly (findRow/findCell), switches on the cell type and allocates nothing but
 * the result arrays.
 */
import type { Cell, Row, Worksheet } from 'exceljs';
import { parseA1, toA1, type RangePosition } from '../../core/a1';
import { CellError, type RawGrid, type RawValue } from '../../core/workbook/raw';
import { fromFileFormula, translateSharedFormula } from './formula-text';

/** ExcelJS.ValueType, as plain numbers so the switch needs no runtime enum lookup. */
export const CellType = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
} as const;

/** ExcelJS.FormulaType.Shared: a cell that derives its formula from a master cell. */
const SHARED_FORMULA = 2;

const MS_PER_DAY = 86400000;
/** Days from Excel's 1900 epoch (serial 0) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/** A Date (ExcelJS builds them in UTC from the file's serial) → Excel serial number, 1900 system. */
export function dateToSerial(date: Date): RawValue {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

function richTextToString(value: { richText?: { text?: string }[] }): string {
  let text = '';
  for (const run of value.richText ?? []) text += run.text ?? '';
  return text;
}

/** Any value ExcelJS may hold (cell value, formula result, hyperlink text) → RawValue. */
export function toRawValue(value: unknown): RawValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'string':
      return value === '' ? null : value;
    case 'boolean':
      return value;
    case 'object': {
      if (value instanceof Date) return dateToSerial(value);
      const v = value as { error?: unknown; richText?: unknown; text?: unknown; result?: unknown; formula?: unknown };
      if (typeof v.error === 'string') return new CellError(v.error);
      if (Array.isArray(v.richText)) return toRawValue(richTextToString(value as { richText: { text?: string }[] }));
      if (v.text !== undefined) return toRawValue(v.text);
      if (v.formula !== undefined || 'result' in v) return toRawValue(v.result);
      return null;
    }
    default:
      return null;
  }
}

/** The value of one cell as core sees it: formula cells give their cached result. */
export function cellValue(cell: Cell): RawValue {
  switch (cell.type as number) {
    case CellType.Null:
    case CellType.Merge: // the covered cells of a merge read as empty, as in Excel
      return null;
    case CellType.Number: {
      const n = cell.value as number;
      return Number.isFinite(n) ? n : null;
    }
    case CellType.String: {
      const s = cell.value as string;
      return s === '' ? null : s;
    }
    case CellType.Boolean:
      return cell.value as boolean;
    case CellType.Formula:
      return toRawValue(cell.result);
    default:
      return toRawValue(cell.value);
  }
}

/** True when a cell holds something (a value or a formula), i.e. it counts for the used range. */
export function isFilled(cell: Cell): boolean {
  const type = cell.type as number;
  if (type === CellType.Null || type === CellType.Merge) return false;
  if (type === CellType.String) return cell.value !== '';
  return true;
}

/** Text of a cell as shown (enough for markers and headers): null when empty. */
export function cellText(cell: Cell | undefined): string | null {
  if (!cell) return null;
  const v = cellValue(cell);
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * The formula of a formula cell as Excel shows it ("=…"). Shared-formula cells are derived from
 * their master with our own translation (see translateSharedFormula).
 */
export function cellFormula(cell: Cell, sheet: Worksheet): string | null {
  if (cell.formulaType === SHARED_FORMULA) {
    const masterAddress = (cell.value as { sharedFormula?: string }).sharedFormula;
    const at = masterAddress ? parseA1(masterAddress) : null;
    const master = at ? sheet.findRow(at.row + 1)?.findCell(at.col + 1) : undefined;
    const masterFormula = master?.formula;
    if (master && masterFormula) {
      const body = translateSharedFormula(masterFormula, Number(cell.row) - Number(master.row), Number(cell.col) - Number(master.col));
      return fromFileFormula(body);
    }
  }
  const text = cell.formula;
  return text ? fromFileFormula(text) : null;
}

/**
 * The used area of a sheet (the bounding box of cells that hold a value or formula), found a slice
 * of rows at a time so the caller can yield between slices (xlsx-port.ts).
 */
export interface UsedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Grows the area by the filled cells of rows fromRow..toRow (1-based, inclusive). */
export function extendUsedArea(sheet: Worksheet, area: UsedArea, fromRow: number, toRow: number): void {
  for (let r = fromRow; r <= toRow; r++) {
    const row = sheet.findRow(r);
    if (!row) continue;
    const count = row.cellCount;
    let first = -1;
    let last = -1;
    for (let c = 1; c <= count; c++) {
      const cell = row.findCell(c);
      if (cell && isFilled(cell)) {
        if (first < 0) first = c;
        last = c;
      }
    }
    if (first < 0) continue;
    if (area.top < 0) area.top = r - 1;
    area.bottom = r - 1;
    if (first - 1 < area.left) area.left = first - 1;
    if (last - 1 > area.right) area.right = last - 1;
  }
}

export function usedAreaRange(area: UsedArea): RangePosition | null {
  return area.top < 0 ? null : { top: area.top, left: area.left, bottom: area.bottom, right: area.right };
}

export interface GridRequest {
  sheetName: string;
  range: RangePosition;
  formulas: boolean;
  numberFormats: boolean;
}

/**
 * Reads one rectangle. Rows are trimmed of trailing empty cells and the grid of trailing empty rows
 * (RawGrid allows short rows; gridValue reads them as null), which keeps 200 000-row reads lean.
 * `fromRow`/`toRow` (0-based, inclusive) let a caller read a long range in chunks into `into`.
 */
export function readRows(sheet: Worksheet, request: GridRequest, into: RawGrid, fromRow: number, toRow: number): void {
  const { left, right } = request.range;
  const values = into.values;
  const formats = into.numberFormats;
  for (let r = fromRow; r <= toRow; r++) {
    const row: Row | undefined = sheet.findRow(r + 1);
    const out: RawValue[] = [];
    if (row) {
      const last = Math.min(right, row.cellCount - 1);
      let filledTo = 0;
      for (let c = left; c <= last; c++) {
        const cell = row.findCell(c + 1);
        if (!cell) {
          out.push(null);
          continue;
        }
        const value = cellValue(cell);
        out.push(value);
        if (value !== null) filledTo = out.length;
        if (request.formulas && (cell.type as number) === CellType.Formula) {
          const formula = cellFormula(cell, sheet);
          if (formula) {
            into.formulas[toA1(r, c)] = formula;
            filledTo = out.length;
          }
        }
      }
      out.length = filledTo;
    }
    values.push(out);
    if (formats) {
      const rowFormats: string[] = new Array<string>(out.length);
      for (let i = 0; i < out.length; i++) {
        const cell = row?.findCell(left + i + 1);
        rowFormats[i] = cell?.numFmt || 'General';
      }
      formats.push(rowFormats);
    }
  }
}

/** Drops trailing empty rows (and their number-format rows) once a grid is complete. */
export function trimGrid(grid: RawGrid): void {
  let n = grid.values.length;
  while (n > 0 && grid.values[n - 1].length === 0) n--;
  grid.values.length = n;
  if (grid.numberFormats) grid.numberFormats.length = n;
}
