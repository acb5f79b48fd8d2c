/** A follow-up tab as read back from a workbook: the data read-tab produces and check/refresh use. */
import type { TabMarker } from '../workbook/marker';
import type { RawValue } from '../workbook/raw';
import type { FollowUpReport } from './reports';
import type { RowFields, RowKey } from './row-keys';

export interface FilledCell {
  /** A1 address on the tab. */
  cell: string;
  /** 0-based sheet row and column. */
  row: number;
  col: number;
  /** The value as read (a formula's cached result). */
  value: RawValue;
  /** The formula ("=…") when the cell holds one, else null. */
  formula: string | null;
}

export interface FilledRow {
  key: RowKey;
  /** 0-based sheet row. */
  row: number;
  /** The row's text as shown in column B. */
  label: string;
  fields: RowFields;
  /** Input cells by field. */
  inputs: Record<string, FilledCell>;
  /** Cells that the generated tab holds as formulas, by field. */
  formulas: Record<string, FilledCell>;
  /** Constants from the source data, by field. */
  constants: Record<string, FilledCell>;
  /** For a "Borttagna rader" row: where the kept value came from. */
  removed?: { key: RowKey; field: string };
}

export interface FilledTab {
  /** Worksheet name. */
  sheet: string;
  /** The workbook file it was read from, when not the workbook being worked on (CLI, imports). */
  workbook?: string;
  marker: TabMarker;
  kind: 'uppfoljning' | 'sammanstallning';
  /** The report, or null when the marker names none Budgetkoll knows. */
  report: FollowUpReport | null;
  board: string;
  year: number | null;
  version: number;
  generatedAt: string | null;
  /** The period end shown in the header ("2027-08-31") and its cell. */
  periodEnd: FilledCell | null;
  /** The tab's Status cell (Utkast / Klar för inlämning). */
  status: FilledCell | null;
  /** Every keyed row, in sheet order. */
  rows: FilledRow[];
}

/** One value a person typed, with the key of the row it belongs to. */
export interface TypedInput {
  key: RowKey;
  field: string;
  value: string | number | boolean;
  /** The row's text where it was typed (for the "Borttagna rader" block). */
  label: string;
  /** Read from a live row, or from the "Borttagna rader" block of an earlier refresh. */
  origin: 'row' | 'removed';
}

/** Everything typed on a tab, for a rebuild to put back. */
export interface FilledTabInputs {
  values: TypedInput[];
}
