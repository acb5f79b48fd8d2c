/**
 * Which Excel JavaScript API requirement sets the Office adapter needs.
 *
 * MIN_EXCEL_API is the set every call the adapter makes unconditionally belongs to; the manifest
 * declares it and the docs quote it. The newest such call is `Range.dataValidation` (ExcelApi 1.8):
 * the dropdowns in generated tabs are part of the workbook format, so they are not optional.
 * Everything else unconditional is older:
 *   1.1  worksheets, getRange, values/formulas/numberFormat, tables.add, font/fill/borders,
 *        select, activate, delete, position, visibility, Range.clear, chart.delete,
 *        workbook.names, application.calculate
 *   1.2  merge, unmerge, rowHidden, columnWidth, worksheet protection (protect, unprotect),
 *        format.protection.locked, table.worksheet, table.convertToRange
 *   1.4  getItemOrNullObject, getUsedRangeOrNullObject, worksheet.names
 *   1.6  conditionalFormats (custom formula, clearAll), application.suspendApiCalculationUntilNextSync
 *   1.7  freezePanes (freeze, unfreeze), tabColor, range.hyperlink, Worksheet.copy (the backup
 *        behind a refresh in place)
 *   1.8  dataValidation (rule, clear)
 * 1.8 is Excel 2019 and every later Excel (2021 has 1.14; Microsoft 365, the web, Mac and iPad
 * are far beyond), so nothing still supported by Microsoft is excluded by it.
 * Newer sets are feature-detected at run time (OPTIONAL_EXCEL_API) and the adapter degrades
 * without them.
 */
export const MIN_EXCEL_API = '1.8';

export const OPTIONAL_EXCEL_API = {
  /** worksheet.pageLayout (paper size, orientation, fit to width, print titles, footer). */
  pageLayout: '1.9',
  /** Excel.run options with `delayForCellEdit`. */
  delayForCellEdit: '1.11',
  /** Excel.run option `mergeUndoGroup`: one user action is one undo step. */
  mergeUndoGroup: '1.20',
  /** workbook.insertWorksheetsFromBase64: importing the nämnder's follow-up tabs (excel-import.ts). */
  insertWorksheetsFromBase64: '1.13',
  /** Table.resize: the STRUCT-OUTSIDE-TABLE quick fix "Utöka tabellen" (office-port.ts resizeTable). */
  tableResize: '1.13',
} as const;

/**
 * How every Excel API member above MIN_EXCEL_API that the add-in uses is guarded: the
 * OPTIONAL_EXCEL_API entry whose `isSetSupported` check comes before each use, and where. Keys
 * are members as docs/excel-api-krav.md names them ("Excel.Worksheet.pageLayout"), or
 * "Excel.PageLayout.*" for every member of a class only reachable through a guarded one.
 * test/io/office/excel-api-table.test.ts fails when such a member is used without an entry here,
 * and when the docs' table is stale (`npm run docs:excel-api` regenerates it).
 */
export const GUARDED_EXCEL_API: Readonly<Record<string, { guard: keyof typeof OPTIONAL_EXCEL_API; how: string }>> = {
  'Excel.Worksheet.pageLayout': { guard: 'pageLayout', how: 'write.ts sets the print layout only when office-port.ts passes pageLayout: true' },
  'Excel.PageLayout.*': { guard: 'pageLayout', how: 'reached only through Worksheet.pageLayout' },
  'Excel.PageLayoutZoomOptions.*': { guard: 'pageLayout', how: 'reached only through Worksheet.pageLayout' },
  'Excel.HeaderFooterGroup.*': { guard: 'pageLayout', how: 'reached only through Worksheet.pageLayout' },
  'Excel.HeaderFooter.*': { guard: 'pageLayout', how: 'reached only through Worksheet.pageLayout' },
  'Excel.RunOptions.delayForCellEdit': {
    guard: 'delayForCellEdit',
    how: 'office-port.ts sets the run option only when supported; excel-import.ts only under ExcelApi 1.13',
  },
  'Excel.RunOptions.mergeUndoGroup': { guard: 'mergeUndoGroup', how: 'office-port.ts sets the run option only when supported' },
  'Excel.Workbook.insertWorksheetsFromBase64': { guard: 'insertWorksheetsFromBase64', how: 'excel-import.ts offers the import only when ExcelApi 1.13 is supported' },
  'Excel.InsertWorksheetOptions.*': { guard: 'insertWorksheetsFromBase64', how: 'the options of insertWorksheetsFromBase64' },
  'Excel.Table.resize': {
    guard: 'tableResize',
    how: 'office-port.ts resizeTable calls it only when ExcelApi 1.13 is supported; otherwise the user is told how to resize the table by hand (Tabelldesign → Ändra tabellstorlek)',
  },
};

/** `Office.context.requirements.isSetSupported` or a stand-in for tests. */
export type IsSetSupported = (name: string, minVersion: string) => boolean;

/** True when ExcelApi `version` is supported; a throwing check counts as "no". */
export function supportsExcelApi(isSetSupported: IsSetSupported, version: string): boolean {
  try {
    return isSetSupported('ExcelApi', version) === true;
  } catch {
    return false;
  }
}
