/**
 * Shared by the recalc tests of names and periods: a sample written through the xlsx port, and the
 * total row (Budget helår, Utfall t.o.m. period) of each nämnd's August tab after LibreOffice has
 * recalculated the workbook.
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { buildFollowUpTab } from '../../src/core/followup';
import type { BudgetModel } from '../../src/core/recognition';
import { sampleToSheetSpecs, type SampleWorkbook } from '../../src/core/sample';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';
import { recalculate } from './libreoffice';

export const YEAR = 2027;
export const REPORT = 'august' as const;
const GENERATED_AT = new Date('2027-09-15T08:00:00Z');

export interface Totals {
  budget: number;
  actual: number;
}

/** The recalculated total row of a tab: Budget helår (C) and Utfall t.o.m. period (E). */
function totals(sheet: Worksheet, board: string): Totals {
  for (let r = 1; r <= sheet.rowCount; r++) {
    if (sheet.getCell(r, 2).text === `Summa ${board}`) return { budget: Number(sheet.getCell(r, 3).result), actual: Number(sheet.getCell(r, 5).result) };
  }
  throw new Error(`no total row for ${board}`);
}

/** Writes each nämnd's August tab, recalculates the workbook and reads each tab's totals back. */
export async function recalculatedTotals(port: XlsxWorkbookPort, model: BudgetModel, boards: string[]): Promise<Map<string, Totals>> {
  const names = new Map<string, string>();
  for (const board of boards) {
    const { name } = await port.writeSheet(buildFollowUpTab({ model, report: REPORT, board, year: YEAR, generatedAt: GENERATED_AT }));
    names.set(board, name);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await recalculate(await port.toBuffer())) as unknown as ArrayBuffer);
  return new Map(boards.map((b) => [b, totals(wb.getWorksheet(names.get(b)!)!, b)]));
}

/** A workbook holding a sample's input tabs (no Instruktioner). */
export async function portOf(sample: SampleWorkbook): Promise<XlsxWorkbookPort> {
  const port = XlsxWorkbookPort.createEmpty();
  for (const spec of sampleToSheetSpecs(sample, { instructions: false })) await port.writeSheet(spec);
  return port;
}
