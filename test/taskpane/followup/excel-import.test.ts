/**
 * Importing nämnd workbooks in Excel (ExcelApi 1.13): which tabs of a real .xlsx file are asked
 * for, in what form the file is handed to insertWorksheetsFromBase64, and the Swedish messages when
 * a file cannot be read or Excel refuses the tabs. Excel's own insertion cannot run here; the
 * request it gets is what is checked.
 */
import { buildFollowUpTab, readFollowUp } from '../../../src/core/followup';
import { WorkbookError } from '../../../src/io/port';
import { XlsxWorkbookPort } from '../../../src/io/xlsx/xlsx-port';
import { officeFollowUpImport } from '../../../src/taskpane/components/followup/excel-import';
import { sampleSpecs } from '../../core/followup/helpers';

interface InsertCall {
  base64: string;
  options: { sheetNamesToInsert?: string[]; positionType?: string };
}

/** An Excel.run that records insertWorksheetsFromBase64 and answers with the names, or fails. */
function fakeExcel(fail = false): { run: typeof Excel.run; calls: InsertCall[] } {
  const calls: InsertCall[] = [];
  const run = (async (batch: (context: unknown) => Promise<unknown>) => {
    const pending: { value: string[] }[] = [];
    const context = {
      workbook: {
        insertWorksheetsFromBase64(base64: string, options: InsertCall['options']) {
          calls.push({ base64, options });
          const result = { value: [] as string[] };
          pending.push(result);
          return result;
        },
      },
      async sync() {
        if (fail) throw new Error('InvalidOperation');
        for (const p of pending) p.value = calls[calls.length - 1].options.sheetNamesToInsert ?? [];
      },
    };
    return batch(context);
  }) as unknown as typeof Excel.run;
  return { run, calls };
}

/** A File as the file picker gives it (its own copy of the bytes). */
function fileOf(bytes: Uint8Array, name: string): File {
  return new File([new Uint8Array(bytes)], name);
}

async function nämndFile(name: string): Promise<{ file: File; bytes: Uint8Array; tab: string }> {
  const port = XlsxWorkbookPort.createEmpty();
  for (const spec of sampleSpecs()) await port.writeSheet(spec);
  const { model } = await readFollowUp(port);
  const written = await port.writeSheet(
    buildFollowUpTab({ model, report: 'august', board: 'Barn- och ungdomsnämnden', year: 2027, generatedAt: new Date('2027-09-15T08:00:00Z') }),
  );
  const bytes = await port.toBuffer();
  return { file: fileOf(bytes, name), bytes, tab: written.name };
}

describe('importing nämnd workbooks in Excel', () => {
  it('asks Excel for the follow-up tabs only, at the end, with the file as it is', async () => {
    const { file, bytes, tab } = await nämndFile('bun.xlsx');
    const excel = fakeExcel();
    const service = officeFollowUpImport(excel.run, () => true);
    expect(service.supported).toBe(true);
    const results = await service.importFiles([file]);
    expect(results).toEqual([{ file: 'bun.xlsx', sheets: [tab] }]);
    expect(excel.calls).toHaveLength(1);
    expect(excel.calls[0].options).toEqual({ sheetNamesToInsert: [tab], positionType: 'End' });
    expect(new Uint8Array(Buffer.from(excel.calls[0].base64, 'base64'))).toEqual(bytes);
  });

  it('says it cannot before ExcelApi 1.13, and skips a file without follow-up tabs', async () => {
    expect(officeFollowUpImport(fakeExcel().run, (_set, version) => version !== '1.13').supported).toBe(false);
    const port = XlsxWorkbookPort.createEmpty();
    for (const spec of sampleSpecs()) await port.writeSheet(spec);
    const excel = fakeExcel();
    const results = await officeFollowUpImport(excel.run, () => true).importFiles([fileOf(await port.toBuffer(), 'budget.xlsx')]);
    expect(results).toEqual([{ file: 'budget.xlsx', sheets: [] }]);
    expect(excel.calls).toHaveLength(0);
  });

  it('names the file in Swedish when it is not a workbook, or when Excel refuses its tabs', async () => {
    const service = officeFollowUpImport(fakeExcel().run, () => true);
    const notXlsx = service.importFiles([new File([new TextEncoder().encode('Nämnd;Belopp\n')], 'export.csv')]);
    await expect(notXlsx).rejects.toBeInstanceOf(WorkbookError);
    await expect(notXlsx).rejects.toThrow('Filen export.csv kunde inte läsas som en Excel-arbetsbok (.xlsx).');

    const { file } = await nämndFile('bun.xlsx');
    const refused = officeFollowUpImport(fakeExcel(true).run, () => true).importFiles([file]);
    await expect(refused).rejects.toThrow(/Flikarna i bun\.xlsx kunde inte hämtas in/);
  });
});
