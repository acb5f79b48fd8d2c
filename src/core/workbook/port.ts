/**
 * The workbook port: the only way core's callers touch a workbook, declared here in the core and
 * implemented in `src/io/` — Office (Excel.run, the add-in) and xlsx (the CLI and the playground).
 * It comes in two halves: a `WorkbookReader` (index, read) and a `WorkbookWriter` (the writes). A
 * read-only path such as the lean xlsx read port implements only the reader; a function that only
 * reads takes a reader. The full ports pass one shared contract test suite
 * (test/io/port-contract.ts).
 */
import type { TableResize } from '../findings';
import type { CellEdit } from '../rules/quick-fixes';
import type { RawWorkbook, ReadPlan, WorkbookIndex } from './raw';
import type { SheetSpec } from './sheet-spec';

export type { TableResize } from '../findings';

export type { CellEdit } from '../rules/quick-fixes';

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

/**
 * What a read plan returns: the ranges to read and, optionally, `located` — whatever the plan
 * worked out from the index (where the inputs are, which tabs it asked for). The port hands
 * `located` back with the data, so the caller needs nothing the plan writes to on the side.
 */
export type PlannedRead<T = undefined> = ReadPlan & { located?: T };

/** What one read phase returns: the data, and what the plan located (undefined if it said nothing). */
export type ReadResult<T = undefined> = RawWorkbook & { located: T };

/** An adapter's read result: the workbook it read and the `located` of the plan it ran. */
export function readResult<T>(raw: RawWorkbook, planned: PlannedRead<T>): ReadResult<T> {
  return { ...raw, located: planned.located as T };
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

/** The reading half of the port: what recognition, validation and every read phase need. */
export interface WorkbookReader {
  /** Lists tabs and tables (names, used ranges, owned-tab markers). One cheap round trip. */
  index(): Promise<WorkbookIndex>;

  /**
   * One read phase: lists the workbook, lets `plan` (a pure core function) choose what to read,
   * then reads those ranges' values (and formulas/number formats where asked) in as few
   * round trips as the payload limits allow. Returns the data with the plan's `located`.
   */
  read<T = undefined>(plan: (index: WorkbookIndex) => PlannedRead<T>, options?: ReadOptions): Promise<ReadResult<T>>;
}

/** The writing half of the port: Budgetkoll's own tabs, and the user's cells only on a click. */
export interface WorkbookWriter {
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

/** A workbook that is read and written: the task pane's, the playground's, the CLI's output. */
export type WorkbookPort = WorkbookReader & WorkbookWriter;

/** A workbook the CLI writes tabs into and then saves as a file (xlsx/package-port.ts). */
export interface SavableWorkbookPort extends WorkbookReader, WorkbookWriter {
  /** The workbook as .xlsx bytes, with every tab written. */
  toBuffer(): Promise<Uint8Array>;
}

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

/**
 * Whether `error` is a WorkbookError: an instance of the class, or one that crossed a boundary
 * where the class was lost (a worker, another chunk's copy) but kept its name and kind.
 */
export function isWorkbookError(error: unknown): error is WorkbookError {
  return error instanceof WorkbookError || (error instanceof Error && error.name === 'WorkbookError' && 'kind' in error);
}
