/**
 * How the playground gets workbooks: an interface so the page can be tested with fakes, and the
 * real implementation over the xlsx adapter, imported lazily so ExcelJS is its own chunk that
 * never weighs on the task pane.
 */
import type { RangePosition } from '../core/a1';
import type { WorkbookPort } from '../core/workbook/port';
import type { ChartSpec } from '../core/workbook/sheet-spec';

export type SelectListener = (sheet: string, address: string) => void;

export interface OpenWorkbook {
  port: WorkbookPort;
  /** The workbook as .xlsx bytes, for download. */
  toBuffer(): Promise<ArrayBuffer | Uint8Array>;
  /** How a sheet is laid out (hidden rows and columns, widths), where the workbook knows. */
  layout?(sheet: string): SheetLayout | null;
  /** The tab's colour as #RRGGBB, where it has one. */
  tabColor?(sheet: string): string | null;
  /** The tab's charts: those Budgetkoll wrote this session, else the file's clustered column charts (file-charts.ts). */
  charts?(sheet: string): readonly ChartSpec[];
}

/** A sheet's layout as the file has it: 0-based rows and columns, widths in characters. */
export interface SheetLayout {
  hiddenRows: ReadonlySet<number>;
  hiddenColumns: ReadonlySet<number>;
  /** Column widths in characters (Excel's unit), where set. */
  widths: ReadonlyMap<number, number>;
  /** True for a cell drawn in the background colour (white on white): shown empty, as Excel does. */
  concealed(row: number, col: number): boolean;
  /** Merged cells, 0-based; each is drawn as one cell showing its top-left value. */
  merges?: readonly RangePosition[];
  /** Rows and columns kept in view while scrolling (Excel's frozen panes), counted from A1. */
  frozen?: { rows: number; columns: number };
  /** Present on a protected sheet: whether a cell is locked (most) or open for input. */
  protection?: { locked(row: number, col: number): boolean };
}

export interface WorkbookLoader {
  /** Reads an .xlsx file; rejects with a WorkbookError ('unreadable') for a bad file. */
  open(buffer: ArrayBuffer, onSelect: SelectListener): Promise<OpenWorkbook>;
  /** The bundled sample: generateSample() at its default size, written into an empty workbook. */
  sample(onSelect: SelectListener): Promise<OpenWorkbook>;
}
