/**
 * What a WorkbookPort reads: plain data, the same whichever adapter produced it.
 * Core works only on these values; it never sees Office.js or ExcelJS objects.
 */

/** An Excel error value (#REF!, #DIV/0!, …) held in a cell. A value, not an exception. */
export class CellError {
  constructor(public readonly code: string) {}
  toString(): string {
    return this.code;
  }
}

/** The error codes Excel shows in cells. */
export const EXCEL_ERROR_CODES: readonly string[] = [
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA',
  '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!',
];

const ERROR_SET = new Set(EXCEL_ERROR_CODES);

/** True for the text of an Excel error value. Adapters use it to turn "#REF!" into a CellError. */
export function isErrorCode(text: string): boolean {
  return ERROR_SET.has(text);
}

/** One cell as read: dates arrive as Excel serial numbers. */
export type RawValue = number | string | boolean | null | CellError;

/** A rectangle of cells read from one sheet. */
export interface RawGrid {
  /** Worksheet name as in the workbook. */
  sheet: string;
  /** 0-based sheet row of values[0]. */
  top: number;
  /** 0-based sheet column of values[r][0]. */
  left: number;
  /** Row-major values; rows may be shorter than the widest row (missing = null). */
  values: RawValue[][];
  /** Formulas by absolute A1 address on the sheet ("E12" → "=SUM(E3:E11)"); only cells that hold one. */
  formulas: Record<string, string>;
  /** Number format codes, same shape as values, only when the read plan asked for them. */
  numberFormats?: string[][];
}

/** An Excel table (ListObject) as listed by the workbook index. */
export interface TableInfo {
  name: string;
  sheet: string;
  /** A1 range of the whole table including its header row, without the sheet name. */
  address: string;
}

/** A worksheet as listed by the workbook index. */
export interface SheetInfo {
  name: string;
  /** 0-based tab position. */
  position: number;
  visible: boolean;
  /** A1 range of the used area ("A1:H200"), or null for an empty sheet. */
  usedAddress: string | null;
  /** Text of cell A1 (where owned tabs keep their marker), or null. */
  firstCellText: string | null;
}

/** The first, cheap look at a workbook: names and sizes, no cell data. */
export interface WorkbookIndex {
  sheets: SheetInfo[];
  tables: TableInfo[];
}

/** One rectangle a job wants read. */
export interface ReadRange {
  /** Caller's key for the result (e.g. "Driftbudget"). */
  id: string;
  sheet: string;
  /** A1 range on the sheet, without sheet name. */
  address: string;
  /** Read formulas too (doubles the payload in Excel: ask only where a rule needs them). */
  formulas: boolean;
  /** Read number formats too (only for small inputs such as Parametrar). */
  numberFormats: boolean;
}

/** What core asks an adapter to read, decided from the index by a pure function. */
export interface ReadPlan {
  ranges: ReadRange[];
}

/** The result of one read phase. */
export interface RawWorkbook {
  index: WorkbookIndex;
  /** Grids by ReadRange.id, in plan order. */
  grids: Map<string, RawGrid>;
}

/** Value at a 0-based sheet position inside a grid, or null outside it. */
export function gridValue(grid: RawGrid, row: number, col: number): RawValue {
  const r = grid.values[row - grid.top];
  if (!r) return null;
  const v = r[col - grid.left];
  return v === undefined ? null : v;
}
