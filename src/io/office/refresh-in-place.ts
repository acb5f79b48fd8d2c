/**
 * A refresh in place (office-port.ts): the owned tab is copied to a hidden backup, cleared and
 * written again as the same worksheet, so formulas that point at it survive; on a failure the
 * backup takes the tab's place again.
 */
import { stripSheetName } from '../../core/a1';
import { decodeMarker } from '../../core/workbook/marker';
import type { WriteResult } from '../../core/workbook/port';
import type { SheetSpec } from '../../core/workbook/sheet-spec';
import { toWorkbookError, workbookError } from './errors';
import { throwIfAborted } from './read';
import { freeTableNames, loadTakenNames } from './table-names';
import { buildSheet, clearOwnedSheet } from './write';

export type ExcelBatch<T> = (context: Excel.RequestContext) => Promise<T>;

/** What the port lends a write made outside it: its Excel.run, its error wording and its settings. */
export interface PortBatches {
  /** One Excel.run (see OfficeWorkbookPort.runBatch). */
  runBatch<T>(undoGroup: boolean, batch: ExcelBatch<T>): Promise<T>;
  /** The user's error for a failed write. */
  explain(error: unknown, sheet?: string): Promise<unknown>;
  /** Largest request or response one sync may carry, in bytes of JSON. */
  budget: number;
  /** True when page layout (ExcelApi 1.9) can be written. */
  pageLayout: boolean;
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

/**
 * A refresh in place: the owned tab is copied to a hidden backup, cleared, and written again as
 * the same worksheet, so references to it survive. The backup goes once the tab is complete;
 * if anything fails before that, the backup takes the tab's place as it was (see restoreBackup).
 */
export async function refreshInPlace(batches: PortBatches, spec: SheetSpec, replace: string, signal: AbortSignal | undefined): Promise<WriteResult> {
  let progress: InPlaceProgress | null = null;
  try {
    return await batches.runBatch(false, async (context) => {
      // Sync 1, read only: the target, its marker and furniture, and every table and tab name.
      const { worksheets, tables } = loadTakenNames(context, true);
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
        pageLayout: batches.pageLayout,
        budget: batches.budget,
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
      const recovered = await restoreBackup(batches, progress);
      if (recovered) return recovered;
    }
    throw await batches.explain(error, replace);
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
async function restoreBackup(batches: PortBatches, progress: InPlaceProgress): Promise<WriteResult | null> {
  try {
    return await batches.runBatch(false, async (context) => {
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
