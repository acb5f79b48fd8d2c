/**
 * How the playground gets workbooks: an interface so the page can be tested with fakes, and the
 * real implementation over the xlsx adapter, imported lazily so ExcelJS is its own chunk that
 * never weighs on the task pane.
 */
import type { WorkbookPort } from '../core/workbook/port';

export type SelectListener = (sheet: string, address: string) => void;

export interface OpenWorkbook {
  port: WorkbookPort;
  /** The workbook as .xlsx bytes, for download. */
  toBuffer(): Promise<ArrayBuffer | Uint8Array>;
}

export interface WorkbookLoader {
  /** Reads an .xlsx file; rejects with a WorkbookError ('unreadable') for a bad file. */
  open(buffer: ArrayBuffer, onSelect: SelectListener): Promise<OpenWorkbook>;
  /** The bundled sample: generateSample() at its default size, written into an empty workbook. */
  sample(onSelect: SelectListener): Promise<OpenWorkbook>;
}
