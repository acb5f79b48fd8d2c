/**
 * The WorkbookPort: the only way core's callers touch a workbook. Two adapters implement it —
 * Office (Excel.run, the add-in) and xlsx (ExcelJS, the CLI and the playground) — and both pass
 * one shared contract test suite (test/io/port-contract.ts).
 */
import type { ReadPlan, RawWorkbook, WorkbookIndex } from '../core/workbook/raw';
import type { SheetSpec } from '../core/workbook/sheet-spec';
import type { CellEdit } from '../core/rules/quick-fixes';
import type { TableResize } from '../core/findings';

export interface ReadOptions {
  /** Cancels a long read between chunks; the promise rejects with a CancelledError. */
  signal?: AbortSignal;
  /** Fraction done, 0..1, for a progress bar. */
  onProgress?: (fraction: number) => void;
  /**
   * The tabs the plan can use, known by name and A1 text (where owned tabs keep their marker). A
   * hint: a port may then leave the other tabs out of the index it gives the plan, and not measure
   * their used areas (the xlsx read port skips scanning them; `consolidate` of 30 large files).
   */
  sheets?: (sheet: { name: string; firstCellText: string | null }) => boolean;
}

export interface WriteOptions {
  /**
   * Name of an owned tab (one with a Budgetkoll marker) to rewrite with the spec. It keeps its
   * name and place, and references to it from other tabs keep pointing at it (in Excel it is
   * rewritten in place, never deleted); a failure leaves the old tab as it was.
   */
  replace?: string;
  /** Where to put a new tab: at the end (default) or first. */
  position?: 'end' | 'start';
  signal?: AbortSignal;
}

export interface WriteResult {
  /** The name the tab got (free, ≤ 31 characters). */
  name: string;
}

/** A workbook the CLI writes tabs into and then saves as a file (xlsx/package-port.ts). */
export interface SavableWorkbookPort extends WorkbookPort {
  /** The workbook as .xlsx bytes, with every tab written. */
  toBuffer(): Promise<Uint8Array>;
}

export interface WorkbookPort {
  /** Lists tabs and tables (names, used ranges, owned-tab markers). One cheap round trip. */
  index(): Promise<WorkbookIndex>;

  /**
   * One read phase: lists the workbook, lets `plan` (a pure core function) choose what to read,
   * then reads those ranges' values (and formulas/number formats where asked) in as few
   * round trips as the payload limits allow.
   */
  read(plan: (index: WorkbookIndex) => ReadPlan, options?: ReadOptions): Promise<RawWorkbook>;

  /** Writes a spec as a new tab under a free name; on failure nothing is left behind. */
  writeSheet(spec: SheetSpec, options?: WriteOptions): Promise<WriteResult>;

  /** Deletes a tab Budgetkoll owns; refuses (NotOwnedError) any other tab. */
  deleteOwnedSheet(name: string): Promise<void>;

  /** Activates the tab and selects the cell (for click-to-cell links). */
  selectCell(sheet: string, address: string): Promise<void>;

  /**
   * Writes values into the user's own cells: only ever on an explicit click (a quick fix).
   * Text is written as text; a number replaces a text format. A cell holding a formula is never
   * overwritten (it is listed as skipped). On failure, cells already changed get their old values
   * back before the error is thrown.
   */
  writeCells(edits: readonly CellEdit[]): Promise<CellEditResult>;

  /**
   * Extends an Excel table to a new range on its sheet (the STRUCT-OUTSIDE-TABLE quick fix
   * "Utöka tabellen"): only ever on an explicit click. The header row stays where it is and no
   * cell changes; rows and columns the table now covers are read as part of it. Throws a
   * WorkbookError (not-found for an unknown table; where the host cannot resize a table, one that
   * tells the user how to do it by hand).
   */
  resizeTable(resize: TableResize): Promise<void>;
}

export type { TableResize } from '../core/findings';

export type { CellEdit } from '../core/rules/quick-fixes';

export interface CellEditResult {
  /** The cells changed, with what they held before. */
  changed: { sheet: string; cell: string; before: string | number | boolean | null; after: number | string }[];
  /** Cells left alone, with why (Swedish). */
  skipped: { sheet: string; cell: string; reason: string }[];
}

/** Typed I/O errors: mapped from host errors; their messages are Swedish and meant for users. */
export type WorkbookErrorKind =
  | 'unreadable'
  | 'payload-too-large'
  | 'protected'
  | 'read-only'
  | 'undo-not-supported'
  | 'cell-edit-mode'
  | 'not-owned'
  | 'not-found'
  | 'cancelled'
  | 'busy'
  | 'unknown';

export class WorkbookError extends Error {
  constructor(
    public readonly kind: WorkbookErrorKind,
    /** Swedish, user-facing. */
    message: string,
    /** English, user-facing. */
    public readonly messageEn: string = message,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}
