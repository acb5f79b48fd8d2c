/** Free names for the tables of a tab being written (office-port.ts, refresh-in-place.ts). */
import { freeTableName } from '../../core/workbook/sheet-names';
import type { SheetSpec } from '../../core/workbook/sheet-spec';

/**
 * Queues the load of every tab's and table's name, which a new tab's and its tables' free names
 * must avoid (and, with `tableSheets`, the tab each table is on); the caller syncs.
 */
export function loadTakenNames(context: Excel.RequestContext, tableSheets = false): { worksheets: Excel.WorksheetCollection; tables: Excel.TableCollection } {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const tables = context.workbook.tables;
  tables.load(tableSheets ? 'items/name,items/worksheet/name' : 'items/name');
  return { worksheets, tables };
}

/**
 * Free names for the spec's tables. A table's name is a defined name too, so it must avoid every
 * table and every defined name — workbook-scoped and sheet-scoped (a named range "Driftbudget" is
 * common). Sheet-scoped names need one more sync, made only when the spec has tables.
 */
export async function freeTableNames(
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
