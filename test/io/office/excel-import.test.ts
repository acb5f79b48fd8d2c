/**
 * Importing nämnd workbooks in Excel (ExcelApi 1.13), against the strict Excel double: which tabs
 * of a real .xlsx file are asked for, in what form the file is handed to insertWorksheetsFromBase64,
 * that the tabs are reported by the names they have (Excel answers with worksheet IDs), and the
 * Swedish messages when a file cannot be read, is too large for Excel on the web, or Excel refuses
 * its tabs (a name the workbook already has, or any other Office error, by its code).
 */
import { randomBytes } from 'node:crypto';
import { buildFollowUpTab, readFollowUp } from '../../../src/core/followup';
import { emptySheetSpec } from '../../../src/core/workbook/sheet-spec';
import { WorkbookError } from '../../../src/core/workbook/port';
import { XlsxWorkbookPort } from '../../../src/io/xlsx/xlsx-port';
import { officeFollowUpImport, insertRequestBytes, WEB_REQUEST_LIMIT } from '../../../src/io/office/excel-import';
import { sampleSpecs } from '../../core/followup/helpers';
import { ExcelDouble, type ExcelDoubleOptions } from './excel-double';
import { rejection } from './office-fixtures';
import { deflatePart, minimalWorkbook, sheetPieces } from '../xlsx/hostile-zip';

jest.setTimeout(60000);

const INSERT = 'workbook.insertWorksheetsFromBase64';

interface NämndFile {
  file: File;
  bytes: Uint8Array;
  /** The follow-up tab's name. */
  tab: string;
  /** All sheet names of the file, in order. */
  sheets: string[];
}

/** A File as the file picker gives it (its own copy of the bytes). */
function fileOf(bytes: Uint8Array, name: string): File {
  return new File([new Uint8Array(bytes)], name);
}

/** A nämnd's workbook: the sample inputs and one filled-in follow-up tab; `padding` adds a sheet of incompressible text. */
async function nämndFile(name: string, padding = 0): Promise<NämndFile> {
  const port = XlsxWorkbookPort.createEmpty();
  for (const spec of sampleSpecs()) await port.writeSheet(spec);
  const { model } = await readFollowUp(port);
  const written = await port.writeSheet(
    buildFollowUpTab({ model, report: 'august', board: 'Barn- och ungdomsnämnden', year: 2027, generatedAt: new Date('2027-09-15T08:00:00Z') }),
  );
  if (padding > 0) {
    const rows = Array.from({ length: Math.ceil(padding / 1000) }, () => [{ value: randomBytes(750).toString('base64') }]);
    await port.writeSheet({ ...emptySheetSpec('Bilaga'), rows });
  }
  const bytes = await port.toBuffer();
  const sheets = (await port.index()).sheets.map((s) => s.name);
  return { file: fileOf(bytes, name), bytes, tab: written.name, sheets };
}

/**
 * A double whose insertWorksheetsFromBase64 knows this file: the file's sheets, each with its name
 * in A1. Records what base64 it was given.
 */
function excelFor(source: NämndFile, options: ExcelDoubleOptions = {}): { excel: ExcelDouble; sent: string[] } {
  const sent: string[] = [];
  const expected = Buffer.from(source.bytes).toString('base64');
  const excel = new ExcelDouble({
    ...options,
    sheetsFromBase64: (base64) => {
      sent.push(base64);
      if (base64 !== expected) throw new Error('not the file');
      return source.sheets.map((name) => ({ name, rows: [[name]] }));
    },
  });
  excel.addSheet('Driftbudget', [['Nämnd', 'Verksamhet']]);
  excel.addSheet('Ramar', [['Nämnd', 'Ram 2027']]);
  return { excel, sent };
}

const run = (excel: ExcelDouble) => excel.run as unknown as typeof Excel.run;


describe('importing nämnd workbooks in Excel', () => {
  let bun: NämndFile;
  beforeAll(async () => {
    bun = await nämndFile('bun.xlsx');
  });

  it('inserts the follow-up tabs only, at the end, from the file as it is, and reports them by name (not by ID)', async () => {
    const { excel, sent } = excelFor(bun);
    const service = officeFollowUpImport(run(excel), () => true, { platform: 'PC' });
    expect(service.supported).toBe(true);
    const results = await service.importFiles([bun.file]);
    expect(results).toEqual([{ file: 'bun.xlsx', sheets: [bun.tab] }]);
    expect(excel.sheetNames()).toEqual(['Driftbudget', 'Ramar', bun.tab]);
    expect(excel.cell(bun.tab, 'A1').value).toBe(bun.tab);
    expect(sent).toHaveLength(1);
    expect(new Uint8Array(Buffer.from(sent[0], 'base64'))).toEqual(bun.bytes);
    // One run: the names, the insertion, the new tabs' names; it waits while a cell is edited.
    expect(excel.runs).toEqual([{ options: { delayForCellEdit: true }, syncs: 3 }]);
  });

  it('says it cannot before ExcelApi 1.13, and skips a file without follow-up tabs', async () => {
    const { excel } = excelFor(bun);
    expect(officeFollowUpImport(run(excel), (_set, version) => version !== '1.13').supported).toBe(false);
    const port = XlsxWorkbookPort.createEmpty();
    for (const spec of sampleSpecs()) await port.writeSheet(spec);
    const results = await officeFollowUpImport(run(excel), () => true).importFiles([fileOf(await port.toBuffer(), 'budget.xlsx')]);
    expect(results).toEqual([{ file: 'budget.xlsx', sheets: [] }]);
    expect(excel.runs).toHaveLength(0);
  });

  it('names the file in Swedish when it is not a workbook', async () => {
    const { excel } = excelFor(bun);
    const notXlsx = officeFollowUpImport(run(excel), () => true).importFiles([new File([new TextEncoder().encode('Nämnd;Belopp\n')], 'export.csv')]);
    await expect(notXlsx).rejects.toBeInstanceOf(WorkbookError);
    await expect(notXlsx).rejects.toThrow('export.csv: Filen är ingen Excel-arbetsbok. Välj en .xlsx-fil');
  });

  it('refuses a file whose part inflates past the size it declares (a zip bomb), naming the file; nothing is sent', async () => {
    const { excel } = excelFor(bun);
    // Declared as 100 kB, inflates to 64 MB: stopped at the declared size, in the browser's inflater too.
    const sheet = deflatePart(sheetPieces([{ unit: '<row/>', times: 64 * 1024 * 1024 / 6 }]));
    const bomb = minimalWorkbook({ ...sheet, declaredSize: 100_000 });
    const importing = officeFollowUpImport(run(excel), () => true).importFiles([fileOf(bomb, 'bomb.xlsx')]);
    await expect(importing).rejects.toBeInstanceOf(WorkbookError);
    await expect(importing).rejects.toThrow(/^bomb\.xlsx: Filen läses inte, den passerar en säkerhetsgräns/);
    expect(excel.runs).toHaveLength(0);
  });

  it('names the tabs the workbook already has, whatever their case, and inserts nothing', async () => {
    const { excel } = excelFor(bun);
    excel.addSheet(bun.tab.toLocaleUpperCase('sv-SE'), [['Förra årets']]);
    const error = await rejection(officeFollowUpImport(run(excel), () => true).importFiles([bun.file]));
    expect(error.message).toBe(
      `Flikarna i bun.xlsx hämtades inte in: arbetsboken har redan en flik med namnet ”${bun.tab}”. Byt namn på eller ta bort den och försök igen.`,
    );
    expect(error.messageEn).toContain(`the workbook already has a tab named "${bun.tab}"`);
    expect(excel.operationCounts.get(INSERT)).toBeUndefined();
    expect(excel.sheetNames()).toEqual(['Driftbudget', 'Ramar', bun.tab.toLocaleUpperCase('sv-SE')]);
  });

  it('keeps the Office error code when Excel refuses for another reason, and does not blame names', async () => {
    const { excel } = excelFor(bun);
    excel.failAt({ kind: INSERT, nth: 1, code: 'GeneralException' });
    const error = await rejection(officeFollowUpImport(run(excel), () => true).importFiles([bun.file]));
    expect(error.kind).toBe('unknown');
    expect(error.message).toMatch(/^Flikarna i bun\.xlsx kunde inte hämtas in\. .*felkod GeneralException/);
    expect(error.messageEn).toContain('error code GeneralException');
    expect(error.message).not.toMatch(/namn/);

    const protectedBook = excelFor(bun).excel;
    protectedBook.failAt({ kind: INSERT, nth: 1, code: 'AccessDenied' });
    const denied = await rejection(officeFollowUpImport(run(protectedBook), () => true).importFiles([bun.file]));
    expect(denied.kind).toBe('protected');
    expect(denied.message).toMatch(/^Flikarna i bun\.xlsx kunde inte hämtas in\. .*skydd/);
  });

  it('says that Excel on the web leaves charts and the like out; desktop Excel gets no such note', async () => {
    const web = excelFor(bun, { platform: 'web' }).excel;
    expect(await officeFollowUpImport(run(web), () => true, { platform: 'OfficeOnline' }).importFiles([bun.file])).toEqual([
      { file: 'bun.xlsx', sheets: [bun.tab], notes: ['web-objects-left-out'] },
    ]);
    const mac = excelFor(bun, { platform: 'mac' }).excel;
    expect(await officeFollowUpImport(run(mac), () => true, { platform: 'Mac' }).importFiles([bun.file])).toEqual([
      { file: 'bun.xlsx', sheets: [bun.tab] },
    ]);
  });
});

describe('a file too large for one request in Excel on the web', () => {
  let big: NämndFile;
  beforeAll(async () => {
    // 5.5 MB of base64 text (random, so it packs to about 4 MB): the request is over 5 MB.
    big = await nämndFile('stor.xlsx', 5_500_000);
    expect(insertRequestBytes(Buffer.from(big.bytes).toString('base64'), [big.tab])).toBeGreaterThan(WEB_REQUEST_LIMIT);
  });

  it('is refused before anything is sent, naming the file and what to do instead', async () => {
    const { excel, sent } = excelFor(big, { platform: 'web' });
    const error = await rejection(officeFollowUpImport(run(excel), () => true, { platform: 'OfficeOnline' }).importFiles([big.file]));
    expect(error.kind).toBe('payload-too-large');
    expect(error.message).toMatch(/^Filen stor\.xlsx är för stor för att hämtas in i Excel på webben \(\d+,\d MB;/);
    expect(error.message).toContain('Hämta in den i Excel för skrivbordet, eller spara en kopia av filen utan de andra flikarna');
    expect(error.messageEn).toContain('Import it in desktop Excel');
    expect(sent).toHaveLength(0);
    expect(excel.syncCount).toBe(0);
    expect(excel.sheetNames()).toEqual(['Driftbudget', 'Ramar']);
  });

  it('goes to desktop Excel, which takes larger requests', async () => {
    const { excel } = excelFor(big, { platform: 'windows', payloadLimit: 50_000_000 });
    const results = await officeFollowUpImport(run(excel), () => true, { platform: 'PC' }).importFiles([big.file]);
    expect(results).toEqual([{ file: 'stor.xlsx', sheets: [big.tab] }]);
    expect(excel.largestRequest).toBeGreaterThan(WEB_REQUEST_LIMIT);
  });
});
