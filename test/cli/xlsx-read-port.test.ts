/**
 * The lean read path (src/io/xlsx/read-port.ts, used by the CLI) against the ExcelJS adapter: for
 * the same file, index() and read() must give exactly the same RawWorkbook, so core cannot tell
 * which path read it. Plus what only a hand-written package has (inline strings, prefixed XML,
 * rows without addresses, the 1904 date system), checked against known values.
 */
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { generateSample, sampleToSheetSpecs } from '../../src/core/sample';
import { CellError, type ReadPlan, type ReadRange, type WorkbookIndex } from '../../src/core/workbook/raw';
import { WorkbookError } from '../../src/core/workbook/port';
import { XlsxReadPort } from '../../src/io/xlsx/read-port';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';
import { BROKEN_CASES, brokenWorkbook, cleanWorkbook } from '../fixtures/broken-cases';
import { workedExample } from '../fixtures/worked-example';
import { readZip, writeZip } from '../io/xlsx/zip';
import { encryptedWorkbookBytes, testSheetsToXlsx } from './xlsx-fixtures';

const inflateRaw = (data: Uint8Array) => inflateRawSync(data);

function lean(bytes: Uint8Array): Promise<XlsxReadPort> {
  return XlsxReadPort.fromBuffer(bytes, { inflateRaw });
}

/** Every used range with formulas and number formats, every table, and a few odd rectangles. */
function everything(index: WorkbookIndex): ReadPlan {
  const ranges: ReadRange[] = [];
  for (const s of index.sheets) {
    if (s.usedAddress) ranges.push({ id: `${s.name}#used`, sheet: s.name, address: s.usedAddress, formulas: true, numberFormats: true });
    ranges.push({ id: `${s.name}#big`, sheet: s.name, address: 'A1:Z5000', formulas: false, numberFormats: false });
    ranges.push({ id: `${s.name}#inner`, sheet: s.name, address: 'B2:C4', formulas: true, numberFormats: false });
  }
  for (const t of index.tables) ranges.push({ id: `table:${t.name}`, sheet: t.sheet, address: t.address, formulas: true, numberFormats: true });
  return { ranges };
}

async function expectSameAsExcelJs(bytes: Uint8Array): Promise<void> {
  const reference = await XlsxWorkbookPort.fromBuffer(bytes);
  const port = await lean(bytes);
  expect(await port.index()).toEqual(await reference.index());
  const expected = await reference.read(everything);
  const actual = await port.read(everything);
  expect([...actual.grids.keys()]).toEqual([...expected.grids.keys()]);
  for (const [id, grid] of expected.grids) expect({ id, grid: actual.grids.get(id) }).toEqual({ id, grid });
}

/** A workbook with what real files hold: shared formulas, rich text, dates, merges, errors, hidden tabs. */
async function variedWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blandat & "citat"');
  ws.getCell('A1').value = 'Nämnd';
  ws.getCell('B1').value = 'Ram 2027 (tkr)';
  ws.getCell('C1').value = 'Ram 2028 (tkr)';
  ws.getCell('A2').value = 'Barn- och ungdomsnämnden';
  ws.getCell('B2').value = 1000.5;
  ws.getCell('C2').value = -0.000125;
  ws.getCell('A3').value = { richText: [{ text: 'Kultur- ' }, { font: { bold: true }, text: 'och fritidsnämnden' }] };
  ws.getCell('B3').value = 2.5e15;
  ws.getCell('C3').value = '130';
  ws.getCell('A4').value = 'Summa';
  ws.getCell('B4').value = { formula: 'SUM(B2:B3)', result: 2.5e15 + 1000.5, shareType: 'shared', ref: 'B4:C4' } as ExcelJS.CellValue;
  ws.getCell('C4').value = { sharedFormula: 'B4', result: 0 } as ExcelJS.CellValue;
  ws.getCell('D2').value = true;
  ws.getCell('D3').value = false;
  ws.getCell('E2').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  ws.getCell('E3').value = { formula: 'A2&"!"', result: 'Barn- och ungdomsnämnden!' } as ExcelJS.CellValue;
  ws.getCell('E4').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
  ws.getCell('F2').value = new Date(Date.UTC(2027, 7, 31));
  ws.getCell('F3').value = 0.025;
  ws.getCell('F3').numFmt = '0.0%';
  ws.getCell('F4').value = 12;
  ws.getCell('F4').numFmt = '#,##0 "tkr"';
  ws.getCell('G2').value = { text: 'Länk', hyperlink: 'https://example.org' } as ExcelJS.CellValue;
  ws.getCell('G3').value = '';
  ws.getCell('G4').value = '  <mellanslag & tecken>  ';
  ws.mergeCells('A6:C7');
  ws.getCell('A6').value = 'Sammanslagen';
  ws.getCell('H9').style = { numFmt: '0.00' }; // styled but empty: not part of the used range
  const offset = wb.addWorksheet('Förskjuten');
  offset.getCell('C5').value = 'Parameter';
  offset.getCell('D5').value = 'Värde';
  offset.getCell('C6').value = 'Uppräkning 2027';
  offset.getCell('D6').value = 2.8;
  wb.addWorksheet('Tom');
  const hidden = wb.addWorksheet('Dold', { state: 'hidden' });
  hidden.getCell('A1').value = 'BUDGETKOLL:{"type":"kontrollrapport","version":1}';
  const out: unknown = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

describe('XlsxReadPort reads exactly what XlsxWorkbookPort reads', () => {
  it('the sample workbook (all fifteen tabs, tables, instructions)', async () => {
    const port = XlsxWorkbookPort.createEmpty();
    for (const spec of sampleToSheetSpecs(generateSample({ rows: 400, seed: 3 }))) await port.writeSheet(spec);
    await expectSameAsExcelJs(await port.toBuffer());
  });

  it('a workbook with shared formulas, rich text, dates, merges, errors, hyperlinks and hidden tabs', async () => {
    await expectSameAsExcelJs(await variedWorkbook());
  });

  it('every file of the broken-workbook corpus and the worked example', async () => {
    for (const sheets of [cleanWorkbook(), ...BROKEN_CASES.map(brokenWorkbook), workedExample()]) {
      await expectSameAsExcelJs(await testSheetsToXlsx(sheets));
    }
  });

  it('reads grids in plan order and only what the plan asks for', async () => {
    const port = await lean(await testSheetsToXlsx(cleanWorkbook()));
    const raw = await port.read(() => ({
      ranges: [
        { id: 'b', sheet: 'Driftbudget', address: 'E2:F3', formulas: false, numberFormats: false },
        { id: 'a', sheet: 'ramar', address: 'A4:D4', formulas: true, numberFormats: false },
      ],
    }));
    expect([...raw.grids.keys()]).toEqual(['b', 'a']);
    expect(raw.grids.get('b')).toEqual({ sheet: 'Driftbudget', top: 1, left: 4, values: [[900, 925], [130, 135]], formulas: {} });
    expect(raw.grids.get('a')).toEqual({
      sheet: 'Ramar',
      top: 3,
      left: 0,
      values: [['Summa', 1200, 1235, 1270]],
      formulas: { B4: '=SUM(B2:B3)', C4: '=SUM(C2:C3)', D4: '=SUM(D2:D3)' },
    });
  });

  it('reports progress and honours cancellation', async () => {
    const port = await lean(await testSheetsToXlsx(cleanWorkbook()));
    const seen: number[] = [];
    await port.read((index) => everything(index), { onProgress: (f) => seen.push(f) });
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const controller = new AbortController();
    controller.abort();
    await expect(port.read(everything, { signal: controller.signal })).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('is a read path: it implements the reader only, no write method', async () => {
    const port = await lean(await testSheetsToXlsx(cleanWorkbook()));
    for (const write of ['writeSheet', 'deleteOwnedSheet', 'selectCell', 'writeCells', 'resizeTable']) expect(write in port).toBe(false);
  });

  it('hands back what the plan located', async () => {
    const port = await lean(await testSheetsToXlsx(cleanWorkbook()));
    const raw = await port.read((index) => ({ ranges: [], located: index.sheets.map((s) => s.name) }));
    expect(raw.located).toEqual((await port.index()).sheets.map((s) => s.name));
    expect((await port.read(() => ({ ranges: [] }))).located).toBeUndefined();
  });
});

describe('XlsxReadPort on packages ExcelJS does not write', () => {
  /** A minimal package around hand-written sheet XML (stored, not deflated). */
  function handWritten(sheetXml: string, extra: { workbookPr?: string; sharedStrings?: string; styles?: string } = {}): Uint8Array {
    const enc = (s: string) => new TextEncoder().encode(s);
    const parts = new Map<string, Uint8Array>([
      ['[Content_Types].xml', enc('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
      [
        'xl/workbook.xml',
        enc(
          `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${extra.workbookPr ?? ''}<sheets><sheet name="Ramar" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
      ],
      [
        'xl/_rels/workbook.xml.rels',
        enc(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>' +
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
            '</Relationships>',
        ),
      ],
      ['xl/worksheets/sheet1.xml', enc(sheetXml)],
      ['xl/sharedStrings.xml', enc(extra.sharedStrings ?? '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')],
      ['xl/styles.xml', enc(extra.styles ?? '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')],
    ]);
    return writeZip(parts);
  }

  async function readAll(bytes: Uint8Array) {
    const port = await lean(bytes);
    const index = await port.index();
    const raw = await port.read((i) => ({
      ranges: i.sheets.filter((s) => s.usedAddress).map((s) => ({ id: s.name, sheet: s.name, address: s.usedAddress!, formulas: true, numberFormats: true })),
    }));
    return { index, grid: raw.grids.get('Ramar')! };
  }

  it('inline strings, rich shared strings with phonetic runs, entities and a prefixed namespace', async () => {
    const sheet =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:C2"/><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Nämnd</x:t></x:is></x:c><x:c r="B1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:r><x:t xml:space="preserve">Bygg- &amp; </x:t></x:r><x:r><x:t>miljö</x:t></x:r></x:is></x:c><x:c r="B2"><x:v>1.5E3</x:v></x:c><x:c r="C2" t="e"><x:v>#N/A</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const sst =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Ram 2027</t></si>' +
      '<si><r><t>Ram </t></r><r><rPr><b/></rPr><t>2028 &#x2013; &lt;tkr&gt;</t></r><rPh sb="0" eb="1"><t>ラム</t></rPh></si></sst>';
    const { index, grid } = await readAll(handWritten(sheet, { sharedStrings: sst }));
    expect(index.sheets[0]).toMatchObject({ name: 'Ramar', usedAddress: 'A1:C2', firstCellText: 'Nämnd' });
    expect(grid.values).toEqual([
      ['Nämnd', 'Ram 2027', 'Ram 2028 – <tkr>'],
      ['Bygg- & miljö', 1500, new CellError('#N/A')],
    ]);
  });

  it('rows and cells without addresses follow the previous ones; shared formulas are translated', async () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row><c><v>1</v></c><c><v>2</v></c></row>' +
      '<row><c r="A2"><v>3</v></c><c><v>4</v></c></row>' +
      '<row r="5"><c r="A5"><f t="shared" ref="A5:B5" si="0">SUM(A1:A2)</f><v>4</v></c><c r="B5"><f t="shared" si="0"/><v>6</v></c></row>' +
      '</sheetData><mergeCells count="0"/></worksheet>';
    const { index, grid } = await readAll(handWritten(sheet));
    expect(index.sheets[0].usedAddress).toBe('A1:B5');
    expect(grid.values).toEqual([[1, 2], [3, 4], [], [], [4, 6]]);
    expect(grid.formulas).toEqual({ A5: '=SUM(A1:A2)', B5: '=SUM(B1:B2)' });
  });

  it('dates of a 1904 workbook become 1900-system serials; number formats come from the styles', async () => {
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>' +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" s="1"><v>44803</v></c><c r="B1" s="2"><v>0.025</v></c><c r="C1"><v>7</v></c></row>' +
      '</sheetData></worksheet>';
    const { grid } = await readAll(handWritten(sheet, { workbookPr: '<workbookPr date1904="1"/>', styles }));
    expect(grid.values).toEqual([[44803 + 1462, 0.025, 7]]);
    expect(grid.numberFormats).toEqual([['yyyy\\-mm\\-dd', '0.00%', 'General']]);
  });
});

describe('XlsxReadPort on files that are not workbooks', () => {
  async function unreadable(bytes: Uint8Array): Promise<WorkbookError> {
    const error = await lean(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).kind).toBe('unreadable');
    return error as WorkbookError;
  }

  it('says what is wrong, in the same words as the ExcelJS adapter', async () => {
    const good = await testSheetsToXlsx(cleanWorkbook());
    expect((await unreadable(new Uint8Array(0))).message).toMatch(/tom/);
    expect((await unreadable(encryptedWorkbookBytes())).message).toMatch(/lösenordsskyddad/);
    expect((await unreadable(good.subarray(0, good.length >> 1))).message).toMatch(/skadad/);
    expect((await unreadable(new TextEncoder().encode('PK but not really a zip'))).message).toMatch(/skadad/);
    // A zip without a workbook in it.
    const noWorkbook = new Map(readZip(good));
    noWorkbook.delete('xl/workbook.xml');
    expect((await unreadable(writeZip(noWorkbook))).message).toMatch(/ingen Excel-arbetsbok/);
  });

  it('a damaged worksheet part is found when it is read, as the same one-line error', async () => {
    const bytes = (await testSheetsToXlsx(cleanWorkbook())).slice();
    const name = new TextEncoder().encode('xl/worksheets/sheet2.xml');
    let at = -1;
    for (let i = 0; i + 30 + name.length < bytes.length && at < 0; i++) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4 && name.every((b, k) => bytes[i + 30 + k] === b)) at = i;
    }
    expect(at).toBeGreaterThan(0);
    const data = at + 30 + name.length + (bytes[at + 28] | (bytes[at + 29] << 8));
    bytes.fill(0xff, data + 2, data + 40); // garbage inside the deflated stream
    const port = await lean(bytes); // the directory is intact
    const error = await port.index().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(/skadad/);
  });
});
