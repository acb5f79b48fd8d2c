/**
 * Why did Excel refuse a change? An `AccessDenied` error does not say, and the fix differs by
 * cause, so after one the Office adapter asks the workbook:
 *
 *   probeAccessCause(context: Excel.RequestContext, sheetName?: string): Promise<AccessCause>
 *
 *   - 'read-only'          when `Office.context.document.mode` is `Office.DocumentMode.ReadOnly`
 *                          (a file opened read-only; Excel on the web in View mode);
 *   - 'sheet-protected'    when `sheetName` is given and that sheet's `protection.protected` is true
 *                          (pass the sheet whose cells or format the failed batch changed);
 *   - 'workbook-protected' when `workbook.protection.protected` (ExcelApi 1.7) is true (the
 *                          structure is protected: adding, deleting, renaming, moving sheets);
 *   - 'unknown'            otherwise, or when the probe itself fails (it never throws).
 *
 * Checked in that order: the first cause found is the one to fix first. The probe only reads,
 * in one `context.sync` (two when the named sheet is missing), so it can run in a fresh
 * `Excel.run` after the failed one. Map the result with `accessDeniedError(cause, { sheet })` or
 * `toWorkbookError(error, { sheet, access: cause })` from errors.ts.
 */
import type { AccessCause } from './errors';

export type { AccessCause } from './errors';

/** `Office.context.document.mode` is ReadOnly; false outside Office or when it cannot be read. */
export function documentIsReadOnly(): boolean {
  try {
    if (typeof Office === 'undefined') return false;
    const mode = Office.context?.document?.mode;
    const readOnly = Office.DocumentMode?.ReadOnly ?? 'readOnly';
    return mode !== undefined && mode === readOnly;
  } catch {
    return false;
  }
}

export async function probeAccessCause(context: Excel.RequestContext, sheetName?: string): Promise<AccessCause> {
  if (documentIsReadOnly()) return 'read-only';
  try {
    const workbookProtection = context.workbook.protection;
    workbookProtection.load('protected');
    let sheet: Excel.Worksheet | null = null;
    let sheetProtection: Excel.WorksheetProtection | null = null;
    if (sheetName !== undefined) {
      // isNullObject is known after the sync without a load.
      sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheetProtection = sheet.protection;
      sheetProtection.load('protected');
    }
    try {
      await context.sync();
    } catch (error) {
      // A missing sheet can make its protection's load fail on some hosts: ask for the workbook alone.
      if (sheet === null) throw error;
      sheet = null;
      sheetProtection = null;
      workbookProtection.load('protected');
      await context.sync();
    }
    if (sheet && sheetProtection && !sheet.isNullObject && sheetProtection.protected === true) return 'sheet-protected';
    if (workbookProtection.protected === true) return 'workbook-protected';
    return 'unknown';
  } catch {
    return 'unknown';
  }
}
