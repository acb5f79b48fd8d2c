/**
 * The user's selection in Excel, for Koppla indata's "Använd markeringen": the selected range's
 * sheet and address (getSelectedRange, ExcelApi 1.1). A selection Excel cannot give as one range
 * (several areas, a chart or shape) is null; anything else Excel rejects becomes a WorkbookError.
 * Only the composition root for Excel imports this module.
 */
import { stripSheetName } from '../../core/a1';
import { officeErrorCode, toWorkbookError } from './errors';

export interface OfficeSelection {
  sheet: string;
  address: string;
}

/** Office codes meaning "the selection is not one range". */
const NOT_A_RANGE = new Set(['InvalidSelection', 'UnsupportedOperation', 'InvalidOperation']);

export function officeSelection(run: typeof Excel.run): { selectedRange(): Promise<OfficeSelection | null> } {
  return {
    async selectedRange() {
      try {
        return await run(async (context) => {
          const range = context.workbook.getSelectedRange();
          range.load('address');
          const worksheet = range.worksheet;
          worksheet.load('name');
          await context.sync();
          return { sheet: worksheet.name, address: stripSheetName(range.address) };
        });
      } catch (error) {
        const code = officeErrorCode(error);
        if (code !== null && NOT_A_RANGE.has(code)) return null;
        throw toWorkbookError(error);
      }
    },
  };
}
