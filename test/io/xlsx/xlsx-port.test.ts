import ExcelJS from 'exceljs';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { CellError, gridValue, type RawGrid } from '../../../src/core/workbook/raw';
import { withMarker, encodeMarker } from '../../../src/core/workbook/marker';
import { emptySheetSpec, type SheetSpec } from '../../../src/core/workbook/sheet-spec';
import { WorkbookError } from '../../../src/core/workbook/port';
import { XlsxWorkbookPort } from '../../../src/io/xlsx/xlsx-port';
import { CONTRACT_SEED, describePortContract } from '../port-contract';
import { fullSpec, MARKER } from './full-spec';
import { inspectWorkbook, reload, seedWorkbook, xlsxPortUnderTest } from './harness';
import { readZip, rewritePart, zipText } from './zip';

describePortContract('xlsx (ExcelJS)', xlsxPortUnderTest);

/** An .xlsx built directly with ExcelJS (standing in for a user's file). */
async function bytesOf(build: (wb: Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function readAll(port: XlsxWorkbookPort, sheet: string, address: string, numberFormats = false): Promise<RawGrid> {
  const result = await port.read(() => ({ ranges: [{ id: 'g', sheet, address, formulas: true, numberFormats }] }));
  const grid = result.grids.get('g');
  if (!grid) throw new Error('no grid');
  return grid;
}

async function caught(promise: Promise<unknown>): Promise<WorkbookError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookError);
    return e as WorkbookError;
  }
  throw new Error('expected a WorkbookError');
}


function sheetOf(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

describe('XlsxWorkbookPort reading', () => {
  it('normalises every kind of cell value', async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet('Värden');
      ws.getCell('A1').value = new Date(Date.UTC(2027, 7, 31));
      ws.getCell('B1').value = { richText: [{ text: 'Barn- och ' }, { font: { bold: true }, text: 'ungdomsnämnden' }] };
      ws.getCell('C1').value = { error: '#N/A' } as CellValue;
      ws.getCell('D1').value = { text: 'Till Ramar', hyperlink: "#'Ramar'!A1" };
      ws.getCell('E1').value = false;
      ws.getCell('F1').value = '';
      ws.getCell('G1').value = -1234.5;
      ws.getCell('A2').value = { formula: 'SUM(G1,1)', result: -1233.5 } as CellValue;
      ws.getCell('B2').value = { formula: 'UPPER("a")', result: 'A' } as CellValue;
      ws.getCell('C2').value = { formula: '1/0', result: { error: '#DIV/0!' } } as CellValue;
      ws.getCell('D2').value = { formula: 'G1>0', result: false } as CellValue;
      ws.getCell('E2').value = { formula: 'NOW()' } as CellValue; // never calculated
      ws.getCell('A3').value = 'Sammanslaget';
      ws.mergeCells('A3:C3');
      wb.addWorksheet('Ramar');
    });
    const port = await XlsxWorkbookPort.fromBuffer(bytes);
    const g = await readAll(port, 'Värden', 'A1:G3');
    expect(gridValue(g, 0, 0)).toBe(46630); // 2027-08-31 as an Excel serial
    expect(gridValue(g, 0, 1)).toBe('Barn- och ungdomsnämnden');
    expect(gridValue(g, 0, 2)).toEqual(new CellError('#N/A'));
    expect(gridValue(g, 0, 2)).toBeInstanceOf(CellError);
    expect(gridValue(g, 0, 3)).toBe('Till Ramar');
    expect(gridValue(g, 0, 4)).toBe(false);
    expect(gridValue(g, 0, 5)).toBeNull();
    expect(gridValue(g, 0, 6)).toBe(-1234.5);
    expect(gridValue(g, 1, 0)).toBe(-1233.5);
    expect(gridValue(g, 1, 1)).toBe('A');
    expect(gridValue(g, 1, 2)).toEqual(new CellError('#DIV/0!'));
    expect(gridValue(g, 1, 3)).toBe(false);
    expect(gridValue(g, 1, 4)).toBeNull();
    expect(g.formulas).toEqual({ A2: '=SUM(G1,1)', B2: '=UPPER("a")', C2: '=1/0', D2: '=G1>0', E2: '=NOW()' });
    // Merged cells: the value sits in the top-left cell only, as in Excel.
    expect([0, 1, 2].map((c) => gridValue(g, 2, c))).toEqual(['Sammanslaget', null, null]);
  });

  it('gives each cell of a shared (filled-down) formula its own formula text', async () => {
    const bytes = await bytesOf((wb) => {
      wb.addWorksheet('Uppföljning T1').getCell('A2').value = 5;
      const ws = wb.addWorksheet('Data');
      for (let r = 2; r <= 5; r++) ws.getCell(`A${r}`).value = r;
      ws.getCell('B2').value = { formula: `A2*2+'Uppföljning T1'!A2+LEN("B2")`, shareType: 'shared', ref: 'B2:B5', result: 9 } as CellValue;
      for (let r = 3; r <= 5; r++) ws.getCell(`B${r}`).value = { sharedFormula: 'B2', result: r * 2 } as CellValue;
    });
    const port = await XlsxWorkbookPort.fromBuffer(bytes);
    const g = await readAll(port, 'Data', 'A1:B5');
    expect(g.formulas).toEqual({
      B2: `=A2*2+'Uppföljning T1'!A2+LEN("B2")`,
      B3: `=A3*2+'Uppföljning T1'!A3+LEN("B2")`,
      B4: `=A4*2+'Uppföljning T1'!A4+LEN("B2")`,
      B5: `=A5*2+'Uppföljning T1'!A5+LEN("B2")`,
    });
    expect(gridValue(g, 4, 1)).toBe(10);
  });

  it('returns number formats as stored, General where none is set', async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet('Parametrar');
      ws.getCell('A1').value = 'Uppräkning 2027';
      ws.getCell('B1').value = 0.025;
      ws.getCell('B1').numFmt = '0.0%';
      ws.getCell('A2').value = 'Tolerans';
      ws.getCell('B2').value = 0.5;
    });
    const port = await XlsxWorkbookPort.fromBuffer(bytes);
    const g = await readAll(port, 'Parametrar', 'A1:B2', true);
    expect(g.numberFormats).toEqual([
      ['General', '0.0%'],
      ['General', 'General'],
    ]);
    expect(gridValue(g, 0, 1)).toBe(0.025);
  });

  it('trims trailing empty cells and rows but keeps absolute positions', async () => {
    const port = await XlsxWorkbookPort.fromBuffer(await seedWorkbook([{ name: 'Blad', rows: [[null, null], [null, 'x', null]] }]));
    const g = await readAll(port, 'Blad', 'A1:Z100');
    expect(g.values).toEqual([[], [null, 'x']]);
    expect(gridValue(g, 1, 1)).toBe('x');
    expect(gridValue(g, 50, 20)).toBeNull();
  });

  it('reports progress and can be cancelled between chunks', async () => {
    const rows = Array.from({ length: 50001 }, (_, i) => (i === 0 ? ['Nämnd', 'Belopp'] : [`N${i % 7}`, i]));
    const port = await XlsxWorkbookPort.fromBuffer(await seedWorkbook([{ name: 'Utfall', rows }]));
    const fractions: number[] = [];
    const result = await port.read(
      () => ({ ranges: [{ id: 'u', sheet: 'Utfall', address: 'A1:B50001', formulas: false, numberFormats: false }] }),
      { onProgress: (f) => fractions.push(f) },
    );
    expect(gridValue(result.grids.get('u') as RawGrid, 50000, 1)).toBe(50000);
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[fractions.length - 1]).toBe(1);

    const controller = new AbortController();
    const error = await caught(
      port.read(() => ({ ranges: [{ id: 'u', sheet: 'Utfall', address: 'A1:B50001', formulas: false, numberFormats: false }] }), {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    );
    expect(error.kind).toBe('cancelled');
  });

  it('lists hidden sheets as not visible and reads sheet names case-insensitively', async () => {
    const bytes = await bytesOf((wb) => {
      wb.addWorksheet('Synlig').getCell('A1').value = 1;
      const hidden = wb.addWorksheet('Dold');
      hidden.state = 'hidden';
      hidden.getCell('C3').value = 'gömd';
    });
    const port = await XlsxWorkbookPort.fromBuffer(bytes);
    const index = await port.index();
    expect(index.sheets.map((s) => [s.name, s.visible, s.usedAddress])).toEqual([
      ['Synlig', true, 'A1'],
      ['Dold', false, 'C3'],
    ]);
    const g = await readAll(port, 'dold', 'C3');
    expect(g.sheet).toBe('Dold');
    expect(gridValue(g, 2, 2)).toBe('gömd');
  });
});

describe('XlsxWorkbookPort opening files', () => {
  async function unreadable(bytes: Uint8Array | ArrayBuffer): Promise<WorkbookError> {
    const error = await caught(XlsxWorkbookPort.fromBuffer(bytes));
    expect(error.kind).toBe('unreadable');
    // One clear line for people: Swedish, no stack, no library text.
    expect(error.message).not.toMatch(/\n|\bat \w|Error|zip|central directory|undefined/i);
    expect(error.message).toMatch(/[åäö]/);
    expect(error.messageEn).not.toBe(error.message);
    return error;
  }

  function ole(streamName: string): Uint8Array {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (let i = 0; i < streamName.length; i++) bytes[1024 + 2 * i] = streamName.charCodeAt(i);
    return bytes;
  }

  it('explains an empty file', async () => {
    expect((await unreadable(new Uint8Array(0))).message).toMatch(/tom/);
    expect((await unreadable(new ArrayBuffer(0))).message).toMatch(/tom/);
  });

  it('explains a file that is not a workbook', async () => {
    const csv = new TextEncoder().encode('Nämnd;Belopp\nSocialnämnden;12\n');
    expect((await unreadable(csv)).message).toMatch(/ingen Excel-arbetsbok/);
  });

  it('explains a damaged (truncated) workbook', async () => {
    const good = await seedWorkbook([...CONTRACT_SEED]);
    const error = await unreadable(good.slice(0, Math.floor(good.length / 2)));
    expect(error.message).toMatch(/skadad/);
    expect(error.cause).toBeDefined(); // the library's error is kept for logs
  });

  it('explains a password-protected workbook', async () => {
    expect((await unreadable(ole('EncryptionInfo'))).message).toMatch(/lösenordsskyddad/);
  });

  it('explains an old .xls file', async () => {
    expect((await unreadable(ole('Workbook'))).message).toMatch(/\.xls\b/);
  });

  it('explains an OpenDocument spreadsheet', async () => {
    const header = new Uint8Array(120);
    header.set([0x50, 0x4b, 0x03, 0x04]);
    header.set(new TextEncoder().encode('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'), 30);
    expect((await unreadable(header)).message).toMatch(/\.ods/);
  });

  it('explains a zip without worksheets', async () => {
    const noSheets = await bytesOf(() => undefined);
    expect((await unreadable(noSheets)).message).toMatch(/ingen Excel-arbetsbok/);
  });
});

describe('XlsxWorkbookPort writing', () => {
  it('writes styles, formats, validations, freeze, print, protection and more that survive saving', async () => {
    const { port } = await xlsxPortUnderTest([...CONTRACT_SEED]);
    const { name } = await port.writeSheet(fullSpec());
    expect(name).toBe('Uppföljning');
    const wb = await reload(await port.toBuffer());
    const ws = sheetOf(wb, 'Uppföljning');

    // The marker row (spec rows moved down by one).
    expect(ws.getRow(1).hidden).toBe(true);
    expect(ws.getCell('A1').value).toBe(encodeMarker(MARKER));

    // Named styles.
    const header = ws.getCell('A3');
    expect(header.font?.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(header.border?.bottom?.style).toBe('thin');
    expect(header.alignment?.wrapText).toBe(true);
    const input = ws.getCell('B4');
    expect(input.protection?.locked).toBe(false);
    expect(input.fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
    expect(input.border?.left?.style).toBe('thin');
    expect(ws.getCell('A4').protection?.locked).not.toBe(false);
    expect(ws.getCell('A2').font).toMatchObject({ bold: true, size: 16, color: { argb: 'FF1F3864' } });
    expect(ws.getCell('A6').border?.top?.style).toBe('double');
    expect(ws.getCell('B7').font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });

    // Number formats; text that looks like a formula is text and formatted as text.
    expect(ws.getCell('C4').numFmt).toBe('#,##0;[Red]-#,##0');
    expect(ws.getCell('D4').numFmt).toBe('0.0%');
    expect(ws.getCell('A7').value).toBe('=HYPERLINK("http://example.com")');
    expect(ws.getCell('A7').numFmt).toBe('@');
    expect(ws.getCell('C6').formula).toBe('SUM(C4:C5)');

    // Internal link.
    expect(ws.getCell('B7').value).toEqual({ text: 'Gå till rapporten', hyperlink: "#'Kontrollrapport'!$B$3" });

    // Column widths, merge, tab colour.
    expect(ws.getColumn(1).width).toBe(28);
    expect(ws.getColumn(3).width).toBe(16);
    expect(ws.getCell('C8').isMerged).toBe(true);
    expect(ws.getCell('C8').master.address).toBe('A8');
    // Merged across: each row of E4:F5 on its own.
    expect(ws.getCell('F4').master.address).toBe('E4');
    expect(ws.getCell('F5').master.address).toBe('E5');
    expect(ws.getCell('E5').master.address).toBe('E5');
    expect(ws.properties.tabColor).toEqual({ argb: 'FF1F3864' });

    // Validations (ExcelJS reads them back per cell).
    const dv = (ws as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } }).dataValidations.model;
    expect(dv.B4).toMatchObject({ type: 'list', formulae: ['"Ej påbörjat,Pågår,Klart,Avbrutet"'], showErrorMessage: true, error: 'Välj en status i listan.' });
    expect(dv.B5).toMatchObject({ type: 'list' });
    expect(dv.C4).toMatchObject({ type: 'whole', operator: 'between', formulae: [-100000, 100000] });
    expect(dv.D5).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(dv.E4).toMatchObject({ type: 'date', operator: 'between' });
    expect((dv.E4.formulae as Date[])[0].toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(String(dv.C4.error)).toMatch(/heltal mellan -100000 och 100000/);

    // Conditional format with the warning look.
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[] }).conditionalFormattings[0];
    expect(cf.ref).toBe('C4:C5');
    expect(cf.rules[0]).toMatchObject({ type: 'expression', formulae: ['AND($C4<0,$B4<>"Klart")'] });

    // Table over the block, header row intact.
    const table = (ws as unknown as { tables: Record<string, { table: { tableRef: string; headerRow: boolean; columns: { name: string }[] } }> }).tables
      .Uppföljning_april;
    expect(table.table.tableRef).toBe('A3:D5');
    expect(table.table.headerRow).toBe(true);
    expect(table.table.columns.map((c) => c.name)).toEqual(['Nämnd', 'Status', 'Avvikelse (tkr)', 'Andel']);

    // Freeze panes (marker row + spec rows) and print setup.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(ws.headerFooter.oddFooter).toContain('Sida &P av &N');

    // Protection without a password; formatting rows and columns allowed, all cells selectable.
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
    expect(protection.selectLockedCells).not.toBe(false);
    expect(protection.selectUnlockedCells).not.toBe(false);
    expect(protection.hashValue).toBeUndefined();

    // Excel recalculates written formulas (they carry no cached value) on open.
    expect(zipText(readZip(await port.toBuffer()), 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('prefixes functions newer than Excel 2007 in the file and reads them back without the prefix', async () => {
    const port = XlsxWorkbookPort.createEmpty();
    await port.writeSheet({ ...emptySheetSpec('F'), rows: [[{ value: 3 }, { formula: '=IFS(A1>2,"stor",TRUE,"liten")' }]] });
    const ws = sheetOf(await reload(await port.toBuffer()), 'F');
    expect(ws.getCell('B1').formula).toBe('_xlfn.IFS(A1>2,"stor",TRUE,"liten")');
    expect((await readAll(port, 'F', 'A1:B1')).formulas).toEqual({ B1: '=IFS(A1>2,"stor",TRUE,"liten")' });
  });

  it('puts a list longer than 255 characters in a hidden column', async () => {
    const options = Array.from({ length: 30 }, (_, i) => `Verksamhetsområde nummer ${i + 1}`);
    const port = XlsxWorkbookPort.createEmpty();
    await port.writeSheet({
      ...emptySheetSpec('Listor'),
      rows: [[{ value: 'Val' }, { value: 'Värde' }]],
      validations: [
        { range: 'B2:B5', kind: 'list', list: options },
        { range: 'C2', kind: 'list', list: ['Ja, helt', 'Nej'] },
      ],
    });
    const ws = sheetOf(await reload(await port.toBuffer()), 'Listor');
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    // One empty column between the content (A:B) and the hidden list columns.
    expect(dv.B2.formulae).toEqual(['$D$1:$D$30']);
    expect(dv.C2.formulae).toEqual(['$E$1:$E$2']); // a comma in a value cannot be inline either
    expect(ws.getColumn(3).hidden).toBe(false);
    expect(ws.getColumn(4).hidden).toBe(true);
    expect(ws.getColumn(5).hidden).toBe(true);
    expect(ws.getCell('D30').value).toBe('Verksamhetsområde nummer 30');
    expect(ws.getCell('E1').value).toBe('Ja, helt');
  });

  it('writes non-finite numbers as #NUM! rather than an invalid file', async () => {
    const port = XlsxWorkbookPort.createEmpty();
    await port.writeSheet({ ...emptySheetSpec('N'), rows: [[{ value: Number.NaN }, { value: Infinity }, { value: 1 }]] });
    const g = await readAll(port, 'N', 'A1:C1');
    expect(g.values[0]).toEqual([new CellError('#NUM!'), new CellError('#NUM!'), 1]);
    expect(inspectWorkbook(await reload(await port.toBuffer()))[0].values).toEqual({ A1: '#NUM!', B1: '#NUM!', C1: 1 });
  });

  it('gives tables free, legal names and at least one data row', async () => {
    const put = await xlsxPortUnderTest([...CONTRACT_SEED]);
    await put.port.writeSheet({
      ...emptySheetSpec('Mall'),
      rows: [[{ value: 'Nämnd' }, { value: 'Nämnd' }, null], [], [{ value: 'Post' }, { value: 'Belopp' }]],
      tables: [
        { name: 'tbl_driftbudget', range: 'A1:C2' },
        { name: '2027 Övriga förändringar', range: 'A3:B3' },
      ],
    });
    const index = await put.port.index();
    const mine = index.tables.filter((t) => t.sheet === 'Mall');
    expect(mine).toEqual([
      { name: 'tbl_driftbudget_2', sheet: 'Mall', address: 'A1:C2' },
      { name: '_2027_Övriga_förändringar', sheet: 'Mall', address: 'A3:B4' },
    ]);
    const ws = sheetOf(await reload(await put.port.toBuffer()), 'Mall');
    // Header names must be unique and non-empty; Excel would otherwise repair the file.
    expect([ws.getCell('A1').value, ws.getCell('B1').value, ws.getCell('C1').value]).toEqual(['Nämnd', 'Nämnd2', 'Kolumn3']);
  });

  it('keeps the active tab active when a tab is put first', async () => {
    const put = await xlsxPortUnderTest([...CONTRACT_SEED]);
    await put.port.selectCell('Övriga förändringar', 'B4');
    await put.port.writeSheet({ ...emptySheetSpec('Först'), rows: [[{ value: 1 }]] }, { position: 'start' });
    const wb = await reload(await put.port.toBuffer());
    const active = (wb.views[0] as unknown as { activeTab: number }).activeTab;
    expect(wb.worksheets[active].name).toBe('Övriga förändringar');
  });

  it('replaces an owned tab: same position, new content, its old tables gone and their names free again', async () => {
    const put = await xlsxPortUnderTest([...CONTRACT_SEED]);
    const first = await put.port.writeSheet(fullSpec());
    expect((await put.port.index()).tables.map((t) => t.name)).toContain('Uppföljning_april');
    await put.port.writeSheet({ ...emptySheetSpec('Annat'), rows: [[{ value: 'efter' }]] });
    const again = await put.port.writeSheet(fullSpec(), { replace: first.name });
    expect(again.name).toBe(first.name);
    const index = await put.port.index();
    expect(index.sheets.map((s) => s.name)).toEqual(['Driftbudget', 'Övriga förändringar', 'Kontrollrapport', 'Tom', 'Uppföljning', 'Annat']);
    expect(index.tables.filter((t) => t.name.startsWith('Uppföljning'))).toEqual([
      { name: 'Uppföljning_april', sheet: 'Uppföljning', address: 'A3:D5' },
    ]);
  });
});

describe('XlsxWorkbookPort failures leave the workbook as it was', () => {
  it('removes the half-written tab when a merge is invalid', async () => {
    const put = await xlsxPortUnderTest([...CONTRACT_SEED]);
    const before = await put.inspect();
    const bad: SheetSpec = { ...fullSpec(), merges: ['A3:B4', 'B4:C5'] };
    const error = await caught(put.port.writeSheet(bad));
    expect(error.kind).toBe('unknown');
    expect(error.message).toMatch(/kunde inte skrivas/);
    expect(error.cause).toBeDefined();
    expect(await put.inspect()).toEqual(before);
    expect((await put.port.index()).sheets.map((s) => s.name)).toEqual(['Driftbudget', 'Övriga förändringar', 'Kontrollrapport', 'Tom']);
    expect((await put.port.index()).tables.map((t) => t.name)).toEqual(['tbl_Driftbudget']);
  });

  it('keeps the old tab, its place and the tab order when a replacing write fails', async () => {
    const put = await xlsxPortUnderTest([...CONTRACT_SEED]);
    const before = await put.inspect();
    const bad: SheetSpec = { ...fullSpec(), rows: [...fullSpec().rows, [{ formula: '=SUM(A1:A2' }]] };
    const error = await caught(put.port.writeSheet(bad, { replace: 'Kontrollrapport', position: 'start' }));
    expect(error.kind).toBe('unknown');
    expect(await put.inspect()).toEqual(before);
  });

  it('removes a tab whose table overlaps a merge', async () => {
    const put = await xlsxPortUnderTest([...CONTRACT_SEED]);
    const before = await put.inspect();
    await caught(put.port.writeSheet({ ...fullSpec(), merges: ['A3:B3'] }));
    expect(await put.inspect()).toEqual(before);
  });

  it('removes the half-written tab when cancelled in the middle of a long write', async () => {
    const put = await xlsxPortUnderTest([...CONTRACT_SEED]);
    const before = await put.inspect();
    // A signal that reads as aborted from its second check on: the first check is before writing,
    // the next one after the first slice of rows.
    let checks = 0;
    const signal = { get aborted() { return ++checks > 1; } } as unknown as AbortSignal;
    const rows = Array.from({ length: 12000 }, (_, i) => [{ value: `Rad ${i}` }, { value: i }]);
    const error = await caught(put.port.writeSheet({ ...emptySheetSpec('Lång'), rows }, { signal }));
    expect(error.kind).toBe('cancelled');
    expect(checks).toBeGreaterThan(1);
    expect(await put.inspect()).toEqual(before);
  });

  it('refuses to delete the only visible tab', async () => {
    const port = XlsxWorkbookPort.createEmpty();
    await port.writeSheet(withMarker({ ...emptySheetSpec('Rapport'), rows: [[{ value: 'x' }]] }, MARKER));
    const error = await caught(port.deleteOwnedSheet('Rapport'));
    expect(error.message).toMatch(/enda synliga/);
    expect((await port.index()).sheets.map((s) => s.name)).toEqual(['Rapport']);
  });

  it('will not save a workbook without tabs', async () => {
    const error = await caught(XlsxWorkbookPort.createEmpty().toBuffer());
    expect(error.message).toMatch(/inga flikar/);
  });
});

describe('XlsxWorkbookPort and the user\'s own content', () => {
  /** The seed as Excel writes its tables: headerRowCount left out (it defaults to 1). */
  async function excelLikeSeed(withFilter: boolean): Promise<Uint8Array> {
    return rewritePart(await seedWorkbook([...CONTRACT_SEED]), 'xl/tables/table1.xml', (xml) => {
      let out = xml.replace(/ headerRowCount="1"/, '');
      if (!withFilter) out = out.replace(/<autoFilter[^>]*>.*?<\/autoFilter>/, '');
      return out;
    });
  }

  function savedTable(bytes: Uint8Array): string {
    return zipText(readZip(bytes), 'xl/tables/table1.xml');
  }

  it("keeps the header row of a user's table when saving (plain ExcelJS 4.4 turns it into data)", async () => {
    const excelFile = await excelLikeSeed(true);
    expect(savedTable(excelFile)).not.toMatch(/headerRowCount/);

    // The bug this guards against: load + save with plain ExcelJS writes headerRowCount="0".
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(excelFile as unknown as ArrayBuffer);
    expect(savedTable(new Uint8Array(await plain.xlsx.writeBuffer()))).toMatch(/headerRowCount="0"/);

    const port = await XlsxWorkbookPort.fromBuffer(excelFile);
    const saved = savedTable(await port.toBuffer());
    expect(saved).toMatch(/headerRowCount="1"/);
    expect(saved).toMatch(/<autoFilter ref="A1:F4">/);
    expect(saved).not.toMatch(/hiddenButton="1"/);
    expect((await port.index()).tables).toEqual([{ name: 'tbl_Driftbudget', sheet: 'Driftbudget', address: 'A1:F4' }]);
  });

  it("keeps a user's table without filter buttons valid when saving", async () => {
    const port = await XlsxWorkbookPort.fromBuffer(await excelLikeSeed(false));
    const saved = savedTable(await port.toBuffer());
    expect(saved).toMatch(/headerRowCount="1"/);
    // ExcelJS always writes an autoFilter; it needs a range, and the buttons stay hidden.
    expect(saved).toMatch(/<autoFilter ref="A1:F4">/);
    expect(saved).not.toMatch(/hiddenButton="0"/);
  });

  it('treats a table whose first row does not hold its generic column names as headerless', async () => {
    const bytes = await rewritePart(
      await seedWorkbook([{ name: 'Blad', rows: [['Kolumn1', 'Kolumn2'], [1, 2], [3, 4]], tables: [{ name: 'Utan', range: 'A1:B3' }] }]),
      'xl/tables/table1.xml',
      (xml) => xml.replace(/ headerRowCount="1"/, ' headerRowCount="0"').replace(/ref="A1:B3"/g, 'ref="A2:B3"'),
    );
    const port = await XlsxWorkbookPort.fromBuffer(bytes);
    expect(savedTable(await port.toBuffer())).toMatch(/headerRowCount="0"/);
  });

  it("drops print titles ExcelJS cannot write for a tab whose name holds an apostrophe", async () => {
    const seeded = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Kim's budget");
      ws.getCell('A1').value = 'Rubrik';
      ws.pageSetup.printTitlesRow = '1:1';
      wb.addWorksheet('Annan').pageSetup.printTitlesRow = '2:2';
    });
    // As Excel writes it: the apostrophe doubled inside the quoted name.
    const excelFile = rewritePart(seeded, 'xl/workbook.xml', (xml) => xml.replace("&apos;Kim&apos;s budget&apos;", "&apos;Kim&apos;&apos;s budget&apos;"));
    const port = await XlsxWorkbookPort.fromBuffer(excelFile);
    await port.writeSheet({
      ...emptySheetSpec("Per's rapport"),
      rows: [[{ value: 'x' }]],
      print: { orientation: 'portrait', fitToWidth: true, repeatRows: '$1:$1', pageNumbers: false },
    });
    const workbookXml = zipText(readZip(await port.toBuffer()), 'xl/workbook.xml');
    const definedNames = /<definedNames>.*<\/definedNames>/s.exec(workbookXml)?.[0] ?? '';
    expect(definedNames).not.toMatch(/Kim|Per/); // no broken '…'s…'!$1:$1 references
    expect(definedNames).toMatch(/&apos;Annan&apos;!\$2:\$2/); // other tabs keep theirs
  });

  it('saves the selection: active tab and active cell', async () => {
    const put = await xlsxPortUnderTest([...CONTRACT_SEED]);
    await put.port.selectCell('Kontrollrapport', '$C$3');
    expect(put.selected()).toBe('Kontrollrapport!C3');
    const wb = await reload(await put.port.toBuffer());
    expect((wb.views[0] as unknown as { activeTab: number }).activeTab).toBe(2);
    expect(sheetOf(wb, 'Kontrollrapport').views[0]).toMatchObject({ activeCell: 'C3' });
    // ExcelJS does not read tabSelected back: look at the saved XML. Exactly one selected tab.
    const parts = readZip(await put.port.toBuffer());
    const selectedFlags = [1, 2, 3, 4].map((i) => /tabSelected="1"/.test(zipText(parts, `xl/worksheets/sheet${i}.xml`)));
    expect(selectedFlags).toEqual([false, false, true, false]);
  });
});
