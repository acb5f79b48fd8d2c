/** The sample workbook as plain data: one entry per input tab, header plus rows. */
import type { InputId } from '../inputs/catalogue';

export type SampleValue = string | number | null;

export interface SampleSheet {
  /** The catalogue input this tab holds. */
  input: InputId;
  /** Tab name (the input's name). */
  name: string;
  /** Excel table name over the header and rows. */
  tableName: string;
  /** Header texts, exactly the template's. */
  header: string[];
  rows: SampleValue[][];
  /** Per-column number formats replacing the template's (null = the template's). */
  numberFormats?: (string | null)[];
}

export interface SampleWorkbook {
  /** Budget year Y1. */
  year: number;
  kommun: string;
  seed: number;
  /** Inhabitants of the invented kommun at this size. */
  population: number;
  sheets: SampleSheet[];
}

export interface SampleOptions {
  /** Driftbudget rows (default 600; S = 2 000, M = 20 000, L = 200 000). */
  rows?: number;
  seed?: number;
  /** Budget year Y1 (default 2027). */
  year?: number;
}
