/**
 * The WorkbookPort over Office.js (the add-in). One Excel.run per port call; inside it, loads are
 * queued and synced in phases whose number does not grow with the data, apart from payload-sized
 * chunks (see read.ts and write.ts). Everything Excel-specific lives in src/io/office.
 *
 * Two Excel facts shape the writes (docs/excel-dubbel.md cites Microsoft's pages):
 * - An undo group (`mergeUndoGroup`) throws UndoNotSupported if any call in it cannot be undone —
 *   Worksheet.delete/copy and sheet protection everywhere, a sheet's name, position and visibility
 *   on Windows and Mac. Only cell edits (quick fixes) are grouped; writing a tab is not.
 * - Deleting a sheet turns every formula that points at it into #REF!, for good. So a refresh
 *   rewrites an owned tab in place (same worksheet object) behind a hidden backup copy
 *   (Worksheet.copy, ExcelApi 1.7), never by deleting it and writing a new one.
 */
import { parseRangeA1, rangeToA1, stripSheetName } from '../../core/a1';
import { decodeMarker } from '../../core/workbook/marker';
import type { WorkbookIndex } from '../../core/workbook/raw';
import type { SheetSpec } from '../../core/workbook/sheet-spec';
import { freeSheetName, freeTableName } from '../../core/workbook/sheet-names';
import { WorkbookError, type CellEdit, type CellEditResult, readResult, type PlannedRead, type ReadOptions, type ReadResult, type TableResize, type WorkbookPort, type WriteOptions, type WriteResult } from '../../core/workbook/port';
import { checkedResize, resizeUnsupportedError, tableNotFound } from '../table-resize';
import { officeErrorCode, toWorkbookError, workbookError, type AccessCause } from './errors';
import { probeAccessCause } from './access';
import { DEFAULT_PAYLOAD_BUDGET, jsonCellBytes, jsonStringBytes, OPERATION_OVERHEAD } from './payload';
import { listWorkbook, readPlanned, throwIfAborted } from './read';
import { OPTIONAL_EXCEL_API, supportsExcelApi, type IsSetSupported } from './requirements';
import { buildSheet, clearOwnedSheet } from './write';

export type ExcelBatch<T> = (context: Excel.RequestContext) => Promise<T>;

/** The shape of `Excel.run` the adapter uses: with or without run options. */
export interface ExcelRunner {
  <T>(batch: ExcelBatch<T>): Promise<T>;
  <T>(options: Excel.RunOptions, batch: ExcelBatch<T>): Promise<T>;
}

export interface OfficePortOptions {
  /** `Office.context.requirements.isSetSupported` (bound), or a stand-in in tests. */
  isSetSupported: IsSetSupported;
  /** Largest request or response one sync may carry, in bytes of JSON. */
  payloadBudget?: number;
}

/** A refresh in place: the tab, its hidden backup, and whether the tab is complete again. */
interface InPlaceProgress {
  targetId: string;
  /** Null until the sync that made the copy has answered. */
  backupId: string | null;
  /** Every tab's name before the copy: a copy whose id never came back is the one not among them. */
  sheetsBefore: string[];
  name: string;
  position: number;
  visibility: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden';
  /** The backup's copies of the tab's tables → the names they take back if the backup is restored. */
  tableRenames: { from: string; to: string }[];
  /** True from the first sync that may change the tab: before it, a failure leaves the tab as it was. */
  touched: boolean;
  complete: boolean;
}

/** What writeCells changed, so a failure can put it back. */
interface PreviousCell {
  sheet: string;
  cell: string;
  formula: unknown;
  numberFormat: unknown;
}

/** A new tab being written: the free name it was added under, and its id once complete. */
interface NewTabProgress {
  name: string;
  id: string | null;
}

export class OfficeWorkbookPort implements WorkbookPort {
  private readonly budget: number;
  private readonly isSetSupported: IsSetSupported;

  constructor(
    private readonly run: ExcelRunner,
    options: OfficePortOptions,
  ) {
    this.isSetSupported = options.isSetSupported;
    this.budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  }

  async index(): Promise<WorkbookIndex> {
    try {
      return await this.runBatch(false, async (context) => (await listWorkbook(context, false)).index);
    } catch (error) {
      throw toWorkbookError(error);
    }
  }

  async read<T = undefined>(plan: (index: WorkbookIndex) => PlannedRead<T>, options: ReadOptions = {}): Promise<ReadResult<T>> {
    throwIfAborted(options.signal);
    try {
      return await this.runBatch(false, async (context) => {
        const listing = await listWorkbook(context, true);
        throwIfAborted(options.signal);
        const planned = plan(listing.index);
        const grids = await readPlanned(context, listing, planned, this.budget, options);
        return readResult({ index: listing.index, grids }, planned);
      });
    } catch (error) {
      throw toWorkbookError(error);
    }
  }

  async writeSheet(spec: SheetSpec, options: WriteOptions = {}): Promise<WriteResult> {
    throwIfAborted(options.signal);
    if (options.replace !== undefined) return this.refreshInPlace(spec, options.replace, options.signal);
    let newTab: NewTabProgress | null = null;
    try {
      return await this.runBatch(false, async (context) => {
        // Sync 1: every tab and table name (a free name must avoid them all).
        const worksheets = context.workbook.worksheets;
        worksheets.load('items/name');
        const tables = context.workbook.tables;
        tables.load('items/name');
        await context.sync();
        const name = freeSheetName(spec.name, worksheets.items.map((sheet) => sheet.name));
        const tableNames = await freeTableNames(context, spec, worksheets.items, tables.items);
        const current: NewTabProgress = { name, id: null };
        newTab = current;
        await buildSheet(context, {
          spec,
          name,
          tableNames,
          position: options.position ?? 'end',
          pageLayout: supportsExcelApi(this.isSetSupported, OPTIONAL_EXCEL_API.pageLayout),
          budget: this.budget,
          signal: options.signal,
          onCreated: (id) => (current.id = id),
        });
        return { name };
      });
    } catch (error) {
      if (newTab) await this.removeHalfWritten(newTab);
      throw await this.explain(error);
    }
  }

  /**
   * A refresh in place: the owned tab is copied to a hidden backup, cleared, and written again as
   * the same worksheet, so references to it survive. The backup goes once the tab is complete;
   * if anything fails before that, the backup takes the tab's place as it was (see restoreBackup).
   */
  private async refreshInPlace(spec: SheetSpec, replace: string, signal: AbortSignal | undefined): Promise<WriteResult> {
    let progress: InPlaceProgress | null = null;
    try {
      return await this.runBatch(false, async (context) => {
        // Sync 1, read only: the target, its marker and furniture, and every table and tab name.
        const worksheets = context.workbook.worksheets;
        worksheets.load('items/name');
        const tables = context.workbook.tables;
        tables.load('items/name,items/worksheet/name');
        const sheet = worksheets.getItem(replace);
        sheet.load('id,name,position,visibility');
        const a1 = sheet.getRange('A1');
        a1.load('values');
        const charts = sheet.charts;
        charts.load('items');
        try {
          await context.sync();
        } catch (error) {
          throw toWorkbookError(error, { sheet: replace });
        }
        if (!decodeMarker(a1.values[0]?.[0])) throw workbookError('not-owned', { sheet: sheet.name });
        const own = tables.items.filter((t) => t.worksheet.name === sheet.name);
        // The tab's own tables become ranges before the new ones are made, so their names are free.
        const others = tables.items.filter((t) => t.worksheet.name !== sheet.name);
        const tableNames = await freeTableNames(context, spec, worksheets.items, others);
        throwIfAborted(signal);

        // The backup: until the tab is complete again, this copy holds it exactly as it was.
        const current: InPlaceProgress = {
          targetId: sheet.id,
          backupId: null,
          sheetsBefore: worksheets.items.map((s) => s.name),
          name: sheet.name,
          position: sheet.position,
          visibility: sheet.visibility,
          tableRenames: [],
          touched: false,
          complete: false,
        };
        progress = current;
        const backup = sheet.copy('End' as Excel.WorksheetPositionType);
        backup.load('id');
        const backupTables = backup.tables;
        backupTables.load('items/name');
        await context.sync();
        current.backupId = backup.id;
        if (own.length > 0) current.tableRenames = await copiedTableNames(context, own, backupTables.items);
        backup.visibility = 'Hidden' as Excel.SheetVisibility;
        await context.sync();

        throwIfAborted(signal);
        current.touched = true;
        clearOwnedSheet(sheet, { charts, tables: own });
        await context.sync();
        await buildSheet(context, {
          spec,
          name: sheet.name,
          into: sheet,
          tableNames,
          position: 'end',
          pageLayout: supportsExcelApi(this.isSetSupported, OPTIONAL_EXCEL_API.pageLayout),
          budget: this.budget,
          signal,
          onCreated: () => undefined,
        });
        current.complete = true;
        backup.delete();
        await context.sync();
        return { name: current.name };
      });
    } catch (error) {
      if (progress) {
        const recovered = await this.restoreBackup(progress);
        if (recovered) return recovered;
      }
      throw await this.explain(error, replace);
    }
  }

  /**
   * After a failed refresh in place, in a run of its own. If the tab was complete, only the
   * backup's removal failed: it is removed now and the refresh stands. Otherwise the half-written
   * tab goes and the backup takes its name, place and visibility — the user's data is exactly as
   * it was, though formulas that pointed at the tab now show #REF! (Excel's rule for a deleted
   * sheet), which the follow-up check reports. A failing restore is swallowed: the first error
   * is the one worth reporting.
   */
  private async restoreBackup(progress: InPlaceProgress): Promise<WriteResult | null> {
    try {
      return await this.runBatch(false, async (context) => {
        const worksheets = context.workbook.worksheets;
        if (progress.backupId === null) {
          // The copy may exist though its id never came back: it is the tab that was not there before.
          worksheets.load('items/name');
          await context.sync();
          for (const sheet of worksheets.items) if (!progress.sheetsBefore.includes(sheet.name)) sheet.delete();
          await context.sync();
          return null;
        }
        const backup = worksheets.getItemOrNullObject(progress.backupId);
        backup.load('name');
        const target = worksheets.getItemOrNullObject(progress.targetId);
        target.load('name');
        await context.sync();
        if (progress.complete) {
          if (!backup.isNullObject) backup.delete();
          await context.sync();
          return { name: progress.name };
        }
        if (backup.isNullObject) return null;
        if (!progress.touched) {
          // The tab was never changed: only the backup goes.
          backup.delete();
          await context.sync();
          return null;
        }
        if (!target.isNullObject) target.delete();
        backup.name = progress.name;
        backup.position = progress.position;
        backup.visibility = progress.visibility as Excel.SheetVisibility;
        const tables = progress.tableRenames.map(({ from, to }) => ({ table: context.workbook.tables.getItemOrNullObject(from), to }));
        for (const { table } of tables) table.load('name');
        await context.sync();
        for (const { table, to } of tables) if (!table.isNullObject) table.name = to;
        await context.sync();
        return null;
      });
    } catch {
      return null;
    }
  }

  async deleteOwnedSheet(name: string): Promise<void> {
    try {
      await this.runBatch(false, async (context) => {
        const sheet = context.workbook.worksheets.getItem(name);
        sheet.load('name');
        const a1 = sheet.getRange('A1');
        a1.load('values');
        await context.sync();
        if (!decodeMarker(a1.values[0]?.[0])) throw workbookError('not-owned', { sheet: sheet.name });
        sheet.delete();
        await context.sync();
      });
    } catch (error) {
      throw await this.explain(error, name);
    }
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const position = parseRangeA1(address);
    if (!position) throw new RangeError(`selectCell: not an A1 address: ${address}`);
    try {
      await this.runBatch(false, async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(rangeToA1(position)).select();
        await context.sync();
      });
    } catch (error) {
      throw toWorkbookError(error, { sheet });
    }
  }

  async writeCells(edits: readonly CellEdit[]): Promise<CellEditResult> {
    const result: CellEditResult = { changed: [], skipped: [] };
    // What the changed cells held, so a failure can put it back in a run of its own.
    const previous: PreviousCell[] = [];
    try {
      // Cell edits can be undone: the whole fix, however many syncs it takes, is one undo step.
      await this.runBatch(true, async (context) => {
        for (const chunk of editChunks(edits, this.budget, (edit) => editBytes(edit.sheet, edit.cell, edit.value))) {
          const sheets = new Map<string, Excel.Worksheet>();
          const ranges = chunk.map((edit) => {
            let sheet = sheets.get(edit.sheet);
            if (!sheet) sheets.set(edit.sheet, (sheet = context.workbook.worksheets.getItem(edit.sheet)));
            const range = sheet.getRange(edit.cell);
            range.load(['values', 'formulas', 'numberFormat']);
            return range;
          });
          await context.sync();
          chunk.forEach((edit, i) => {
            const range = ranges[i];
            const formula = range.formulas[0][0];
            const value = range.values[0][0];
            if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) {
              result.skipped.push({ sheet: edit.sheet, cell: edit.cell, reason: 'Cellen innehåller en formel och ändras inte.' });
              return;
            }
            const format = range.numberFormat[0][0];
            previous.push({ sheet: edit.sheet, cell: edit.cell, formula, numberFormat: format });
            // Format first: a number must not stay under "@"; text that Excel would parse stays text.
            if (typeof edit.value === 'number') {
              if (format === '@') range.numberFormat = [['General']];
            } else if (/^[=+\-@]/.test(edit.value)) {
              range.numberFormat = [['@']];
            }
            range.values = [[edit.value]];
            result.changed.push({ sheet: edit.sheet, cell: edit.cell, before: value === '' ? null : (value as string | number | boolean), after: edit.value });
          });
          await context.sync();
        }
      });
      return result;
    } catch (error) {
      await this.restoreCells(previous);
      throw await this.explain(error, edits[0]?.sheet);
    }
  }

  /**
   * The STRUCT-OUTSIDE-TABLE quick fix: Table.resize (ExcelApi 1.13, feature-detected). Without
   * it the error tells the user how to resize the table by hand. One run, two syncs.
   */
  async resizeTable(resize: TableResize): Promise<void> {
    if (!supportsExcelApi(this.isSetSupported, OPTIONAL_EXCEL_API.tableResize)) throw resizeUnsupportedError(resize);
    try {
      await this.runBatch(false, async (context) => {
        const worksheet = context.workbook.worksheets.getItem(resize.sheet);
        const table = worksheet.tables.getItemOrNullObject(resize.table);
        const range = table.getRange();
        range.load('address');
        await context.sync();
        if (table.isNullObject) throw tableNotFound(resize);
        table.resize(worksheet.getRange(rangeToA1(checkedResize(stripSheetName(range.address), resize))));
        await context.sync();
      });
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      throw await this.explain(error, resize.sheet);
    }
  }

  /** Puts back what writeCells changed before it failed, in payload-sized syncs; a failing restore is swallowed. */
  private async restoreCells(previous: PreviousCell[]): Promise<void> {
    if (previous.length === 0) return;
    try {
      await this.runBatch(true, async (context) => {
        for (const chunk of editChunks(previous, this.budget, (p) => editBytes(p.sheet, p.cell, p.formula) + jsonCellBytes(p.numberFormat))) {
          for (const p of chunk) {
            const range = context.workbook.worksheets.getItem(p.sheet).getRange(p.cell);
            range.numberFormat = [[p.numberFormat as string]];
            range.formulas = [[p.formula as string]];
          }
          await context.sync();
        }
      });
    } catch {
      // The first error is the one worth reporting.
    }
  }

  /**
   * After a failed new tab, in a run of its own: the half-written tab is deleted (found by its
   * name; its id is known only once it is complete). A failing clean-up is swallowed: the error
   * worth reporting is the first one.
   */
  private async removeHalfWritten(progress: NewTabProgress): Promise<void> {
    try {
      await this.runBatch(false, async (context) => {
        const created = context.workbook.worksheets.getItemOrNullObject(progress.id ?? progress.name);
        created.load('name');
        await context.sync();
        if (created.isNullObject) return;
        created.delete();
        await context.sync();
      });
    } catch {
      // The first error is the one worth reporting.
    }
  }

  /**
   * The user's error for a failed write. Excel's AccessDenied does not say why, and the fix
   * differs (unprotect the sheet, unprotect the workbook's structure, open it for editing), so the
   * workbook is asked in a read-only run of its own before the message is chosen.
   */
  private async explain(error: unknown, sheet?: string): Promise<unknown> {
    if (officeErrorCode(error) !== 'AccessDenied') return toWorkbookError(error, { sheet });
    let access: AccessCause = 'unknown';
    try {
      access = await this.runBatch(false, (context) => probeAccessCause(context, sheet));
    } catch {
      // The probe never throws; a failing run leaves the general wording.
    }
    return toWorkbookError(error, { sheet, access });
  }

  /**
   * One Excel.run. `undoGroup` makes the run one undo step (ExcelApi 1.20) and may only be asked
   * for runs whose every call can be undone — cell values, formulas and formats; never sheet
   * deletion, copy, protection, or a sheet's name, position or visibility (UndoNotSupported).
   */
  private runBatch<T>(undoGroup: boolean, batch: ExcelBatch<T>): Promise<T> {
    const options: Excel.RunOptions = {};
    // A user typing in a cell delays the action instead of failing it.
    if (supportsExcelApi(this.isSetSupported, OPTIONAL_EXCEL_API.delayForCellEdit)) options.delayForCellEdit = true;
    if (undoGroup && supportsExcelApi(this.isSetSupported, OPTIONAL_EXCEL_API.mergeUndoGroup)) options.mergeUndoGroup = true;
    return Object.keys(options).length > 0 ? this.run(options, batch) : this.run(batch);
  }
}

/** Request bytes of one cell edit: getItem, getRange and a load or a write, with their arguments. */
function editBytes(sheet: string, cell: string, value: unknown): number {
  return 4 * OPERATION_OVERHEAD + jsonStringBytes(sheet) + jsonStringBytes(cell) + jsonCellBytes(value);
}

/**
 * Cuts a list of cell edits into chunks whose request stays under a quarter of the budget: the
 * response of a chunk carries each cell's value, formula and format, which can weigh more.
 */
function editChunks<T>(items: readonly T[], budget: number, bytes: (item: T) => number): T[][] {
  const limit = Math.max(OPERATION_OVERHEAD * 8, Math.floor(budget / 4));
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let used = 0;
  for (const item of items) {
    const cost = bytes(item);
    if (chunk.length > 0 && used + cost > limit) {
      chunks.push(chunk);
      chunk = [];
      used = 0;
    }
    chunk.push(item);
    used += cost;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * Free names for the spec's tables. A table's name is a defined name too, so it must avoid every
 * table and every defined name — workbook-scoped and sheet-scoped (a named range "Driftbudget" is
 * common). Sheet-scoped names need one more sync, made only when the spec has tables.
 */
async function freeTableNames(
  context: Excel.RequestContext,
  spec: SheetSpec,
  sheets: Excel.Worksheet[],
  tables: Excel.Table[],
): Promise<Map<string, string>> {
  const tableNames = new Map<string, string>();
  if (spec.tables.length === 0) return tableNames;
  const workbookNames = context.workbook.names;
  workbookNames.load('items/name');
  const sheetNames = sheets.map((sheet) => {
    const names = sheet.names;
    names.load('items/name');
    return names;
  });
  await context.sync();
  const taken = new Set<string>();
  const take = (name: string) => taken.add(name.toLocaleLowerCase('sv-SE'));
  for (const table of tables) take(table.name);
  for (const item of workbookNames.items) take(item.name);
  for (const names of sheetNames) for (const item of names.items) take(item.name);
  for (const table of spec.tables) {
    const name = freeTableName(table.name, taken);
    take(name);
    tableNames.set(table.name, name);
  }
  return tableNames;
}

/** Pairs the tables of a copied sheet with the originals they copy, by address. */
async function copiedTableNames(
  context: Excel.RequestContext,
  originals: Excel.Table[],
  copies: Excel.Table[],
): Promise<{ from: string; to: string }[]> {
  const ranges = (tables: Excel.Table[]) =>
    tables.map((table) => {
      const range = table.getRange();
      range.load('address');
      return { table, range };
    });
  const before = ranges(originals);
  const after = ranges(copies);
  await context.sync();
  const byAddress = new Map(before.map(({ table, range }) => [stripSheetName(range.address), table.name]));
  const renames: { from: string; to: string }[] = [];
  for (const { table, range } of after) {
    const original = byAddress.get(stripSheetName(range.address));
    if (original) renames.push({ from: table.name, to: original });
  }
  return renames;
}
