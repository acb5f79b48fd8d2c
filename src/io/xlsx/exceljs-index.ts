/** The WorkbookIndex of an ExcelJS workbook (xlsx-port.ts), found in time slices. */
import type { Workbook } from 'exceljs';
import { rangeToA1, type RangePosition } from '../../core/a1';
import type { SheetInfo, TableInfo, WorkbookIndex } from '../../core/workbook/raw';
import { cellText, extendUsedArea, usedAreaRange, type UsedArea } from './cells';
import { sheetTables, tableRange } from './load';
import * as messages from './messages';

/** Rows are read in steps of ROWS_PER_STEP; the read yields to the host after about SLICE_MS. */
export const ROWS_PER_STEP = 500;
export const SLICE_MS = 30;

export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw messages.cancelled();
}

/** The workbook's index, yielding to the host about every SLICE_MS while it finds the used ranges. */
export async function buildIndexSliced(wb: Workbook, signal: AbortSignal | undefined): Promise<WorkbookIndex> {
  const used: (RangePosition | null)[] = [];
  let sliceStart = Date.now();
  for (const sheet of wb.worksheets) {
    const area: UsedArea = { top: -1, left: Number.MAX_SAFE_INTEGER, bottom: -1, right: -1 };
    const last = sheet.rowCount;
    for (let from = 1; from <= last; from += ROWS_PER_STEP) {
      extendUsedArea(sheet, area, from, Math.min(last, from + ROWS_PER_STEP - 1));
      if (Date.now() - sliceStart > SLICE_MS) {
        await yieldToHost();
        throwIfAborted(signal);
        sliceStart = Date.now();
      }
    }
    used.push(usedAreaRange(area));
  }
  return indexWith(wb, used);
}

function indexWith(wb: Workbook, usedRanges: (RangePosition | null)[]): WorkbookIndex {
  const sheets: SheetInfo[] = [];
  const tables: TableInfo[] = [];
  wb.worksheets.forEach((sheet, position) => {
    const used = usedRanges[position];
    sheets.push({
      name: sheet.name,
      position,
      visible: sheet.state === 'visible',
      usedAddress: used ? rangeToA1(used) : null,
      firstCellText: cellText(sheet.findRow(1)?.findCell(1)),
    });
    for (const model of sheetTables(sheet)) {
      const pos = tableRange(model);
      if (pos) tables.push({ name: model.name, sheet: sheet.name, address: rangeToA1(pos) });
    }
  });
  return { sheets, tables };
}
