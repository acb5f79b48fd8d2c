/**
 * The WorkbookPort over Office.js (the add-in). One Excel.run per port call; inside it, loads are
 * queued and synced in phases whose number does not grow with the data, apart from payload-sized
 * chunks (see read.ts and write.ts). Everything Excel-specific lives in src/io/office.
 */
import { parseRangeA1, rangeToA1 } from '../../core/a1';
import { decodeMarker } from '../../core/workbook/marker';
import type { RawWorkbook, ReadPlan, WorkbookIndex } from '../../core/workbook/raw';
import type { SheetSpec } from '../../core/workbook/sheet-spec';
import { freeSheetName } from '../../core/workbook/sheet-names';
import type { CellEdit, CellEditResult, ReadOptions, WorkbookPort, WriteOptions, WriteResult } from '../port';
import { toWorkbookError, workbookError } from './errors';
import { DEFAULT_PAYLOAD_BUDGET } from './payload';
import { listWorkbook, readPlanned, throwIfAborted } from './read';
import { OPTIONAL_EXCEL_API, supportsExcelApi, type IsSetSupported } from './requirements';
import { buildSheet } from './write';
import { freeTableName } from '../../core/workbook/sheet-names';

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

/** What a replace is about to swap; kept outside the run so a clean-up can finish or undo it. */
interface WriteProgress {
  tempName: string;
  newId: string | null;
  old: { id: string; name: string; position: number } | null;
  /** Tables created under a stand-in name, to be renamed once the old tab is gone. */
  tableRenames: { from: string; to: string }[];
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

  async read(plan: (index: WorkbookIndex) => ReadPlan, options: ReadOptions = {}): Promise<RawWorkbook> {
    throwIfAborted(options.signal);
    try {
      return await this.runBatch(false, async (context) => {
        const listing = await listWorkbook(context, true);
        throwIfAborted(options.signal);
        const grids = await readPlanned(context, listing, plan(listing.index), this.budget, options);
        return { index: listing.index, grids };
      });
    } catch (error) {
      throw toWorkbookError(error);
    }
  }

  async writeSheet(spec: SheetSpec, options: WriteOptions = {}): Promise<WriteResult> {
    throwIfAborted(options.signal);
    let progress: WriteProgress | null = null;
    try {
      return await this.runBatch(true, async (context) => {
        // Sync 1: every tab and table name (a free name must avoid them all) and, for a replace,
        // the target's marker — read only, so a refused replace has touched nothing.
        const worksheets = context.workbook.worksheets;
        worksheets.load('items/name,items/position');
        const tables = context.workbook.tables;
        tables.load('items/name,items/worksheet/name');
        let target: { sheet: Excel.Worksheet; a1: Excel.Range } | null = null;
        if (options.replace !== undefined) {
          const sheet = worksheets.getItem(options.replace);
          sheet.load('id,name,position');
          const a1 = sheet.getRange('A1');
          a1.load('values');
          target = { sheet, a1 };
        }
        try {
          await context.sync();
        } catch (error) {
          throw toWorkbookError(error, { sheet: options.replace });
        }
        if (target && !decodeMarker(target.a1.values[0]?.[0])) {
          throw workbookError('not-owned', { sheet: target.sheet.name });
        }

        const name = freeSheetName(spec.name, worksheets.items.map((sheet) => sheet.name));
        const takenTables = new Set(tables.items.map((table) => table.name.toLocaleLowerCase('sv-SE')));
        const tableNames = new Map<string, string>();
        for (const table of spec.tables) {
          const name = freeTableName(table.name, takenTables);
          takenTables.add(name.toLocaleLowerCase('sv-SE'));
          tableNames.set(table.name, name);
        }

        const old = target ? { id: target.sheet.id, name: target.sheet.name, position: target.sheet.position } : null;
        const tableRenames = old ? renamesAfterSwap(tableNames, tables.items, old.name) : [];
        const current: WriteProgress = { tempName: name, newId: null, old, tableRenames };
        progress = current;

        const built = await buildSheet(context, {
          spec,
          name,
          tableNames,
          position: options.position ?? 'end',
          pageLayout: supportsExcelApi(this.isSetSupported, OPTIONAL_EXCEL_API.pageLayout),
          budget: this.budget,
          signal: options.signal,
          onCreated: (id) => (current.newId = id),
        });
        if (!target || !old) return { name };

        // The new tab is complete: only now the old one goes, and the new one takes its place.
        throwIfAborted(options.signal);
        target.sheet.delete();
        built.sheet.name = old.name;
        built.sheet.position = old.position;
        for (const rename of tableRenames) {
          const table = [...built.tables.entries()].find(([wanted]) => wanted === rename.to)?.[1];
          if (table) table.name = rename.to;
        }
        await context.sync();
        return { name: old.name };
      });
    } catch (error) {
      if (progress) {
        const recovered = await this.cleanUp(progress);
        if (recovered) return recovered;
      }
      throw toWorkbookError(error);
    }
  }

  async deleteOwnedSheet(name: string): Promise<void> {
    try {
      await this.runBatch(true, async (context) => {
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
      throw toWorkbookError(error, { sheet: name });
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
    const previous: { sheet: string; cell: string; formula: unknown; numberFormat: unknown }[] = [];
    try {
      await this.runBatch(true, async (context) => {
        const ranges = edits.map((edit) => {
          const range = context.workbook.worksheets.getItem(edit.sheet).getRange(edit.cell);
          range.load(['values', 'formulas', 'numberFormat']);
          return range;
        });
        await context.sync();
        edits.forEach((edit, i) => {
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
      });
      return result;
    } catch (error) {
      await this.restoreCells(previous);
      throw toWorkbookError(error);
    }
  }

  /** Puts back what writeCells changed before it failed; a failing restore is swallowed. */
  private async restoreCells(previous: { sheet: string; cell: string; formula: unknown; numberFormat: unknown }[]): Promise<void> {
    if (previous.length === 0) return;
    try {
      await this.runBatch(true, async (context) => {
        for (const p of previous) {
          const range = context.workbook.worksheets.getItem(p.sheet).getRange(p.cell);
          range.numberFormat = [[p.numberFormat as string]];
          range.formulas = [[p.formula as string]];
        }
        await context.sync();
      });
    } catch {
      // The first error is the one worth reporting.
    }
  }

  /**
   * After a failed write, in a run of its own: if the old tab of a replace is already gone, the
   * new tab is complete, so the swap is finished; otherwise the half-written tab is deleted.
   * A failing clean-up is swallowed: the error worth reporting is the first one.
   */
  private async cleanUp(progress: WriteProgress): Promise<WriteResult | null> {
    try {
      return await this.runBatch(true, async (context) => {
        const worksheets = context.workbook.worksheets;
        const created = worksheets.getItemOrNullObject(progress.newId ?? progress.tempName);
        created.load('name');
        const old = progress.old ? worksheets.getItemOrNullObject(progress.old.id) : null;
        old?.load('name');
        await context.sync();
        if (created.isNullObject) return null;
        if (progress.old && old?.isNullObject) {
          const tables = progress.tableRenames.map((rename) => {
            const table = context.workbook.tables.getItemOrNullObject(rename.from);
            table.load('name');
            return { table, to: rename.to };
          });
          created.name = progress.old.name;
          created.position = progress.old.position;
          await context.sync();
          for (const { table, to } of tables) if (!table.isNullObject) table.name = to;
          await context.sync();
          return { name: progress.old.name };
        }
        created.delete();
        await context.sync();
        return null;
      });
    } catch {
      return null;
    }
  }

  /** One Excel.run with the options this host supports. */
  private runBatch<T>(write: boolean, batch: ExcelBatch<T>): Promise<T> {
    const options: Excel.RunOptions = {};
    // A user typing in a cell delays the action instead of failing it.
    if (supportsExcelApi(this.isSetSupported, OPTIONAL_EXCEL_API.delayForCellEdit)) options.delayForCellEdit = true;
    // One user action is one undo step.
    if (write && supportsExcelApi(this.isSetSupported, OPTIONAL_EXCEL_API.mergeUndoGroup)) options.mergeUndoGroup = true;
    return Object.keys(options).length > 0 ? this.run(options, batch) : this.run(batch);
  }
}

/**
 * Tables of the new tab that got a stand-in name only because the tab being replaced holds the
 * wanted one: they take the wanted name once the old tab is deleted.
 */
function renamesAfterSwap(
  tableNames: Map<string, string>,
  existing: Excel.Table[],
  oldSheet: string,
): { from: string; to: string }[] {
  const renames: { from: string; to: string }[] = [];
  for (const [wanted, actual] of tableNames) {
    if (wanted === actual) continue;
    const holders = existing.filter((t) => t.name.toLocaleLowerCase('sv-SE') === wanted.toLocaleLowerCase('sv-SE'));
    if (holders.length > 0 && holders.every((t) => t.worksheet.name === oldSheet)) renames.push({ from: actual, to: wanted });
  }
  return renames;
}
