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
 *   1.7  freezePanes (freeze, unfreeze), tabColor, range.hyperlink
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
  /** Worksheet.copy: a refresh rewrites an owned tab in place behind a hidden backup copy. */
  worksheetCopy: '1.10',
  /** Excel.run options with `delayForCellEdit`. */
  delayForCellEdit: '1.11',
  /** Excel.run option `mergeUndoGroup`: one user action is one undo step. */
  mergeUndoGroup: '1.20',
} as const;

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
