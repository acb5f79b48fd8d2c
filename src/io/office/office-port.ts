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
import { freeSheetName } from '../../core/workbook/sheet-names';
import { WorkbookError, type CellEdit, type CellEditResult, readResult, type PlannedRead, type ReadOptions, type ReadResult, type TableResize, type WorkbookPort, type WriteOptions, type WriteResult } from '../../core/workbook/port';
import { checkedResize, resizeUnsupportedError, tableNotFound } from '../table-resize';
import { officeErrorCode, toWorkbookError, workbookError, type AccessCause } from './errors';
import { probeAccessCause } from './access';
import { DEFAULT_PAYLOAD_BUDGET, jsonCellBytes } from './payload';
import { listWorkbook, readPlanned, throwIfAborted } from './read';
import { OPTIONAL_EXCEL_API, supportsExcelApi, type IsSetSupported } from './requirements';
import { editBytes, editChunks } from './edit-chunks';
import { refreshInPlace, type ExcelBatch, type PortBatches } from './refresh-in-place';
import { freeTableNames, loadTakenNames } from './table-names';
import { buildSheet } from './write';

export type { ExcelBatch } from './refresh-in-place';

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
    if (options.replace !== undefined) return refreshInPlace(this.batches(), spec, options.replace, options.signal);
    let newTab: NewTabProgress | null = null;
    try {
      return await this.runBatch(false, async (context) => {
        // Sync 1: every tab and table name (a free name must avoid them all).
        const { worksheets, tables } = loadTakenNames(context);
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

  /** The port's run, error wording and settings, for writes made in refresh-in-place.ts. */
  private batches(): PortBatches {
    return {
      runBatch: (undoGroup, batch) => this.runBatch(undoGroup, batch),
      explain: (error, sheet) => this.explain(error, sheet),
      budget: this.budget,
      pageLayout: supportsExcelApi(this.isSetSupported, OPTIONAL_EXCEL_API.pageLayout),
    };
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
