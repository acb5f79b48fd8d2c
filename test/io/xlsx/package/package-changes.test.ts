/**
 * The package writer's changes to a user's workbook beyond writing tabs (the playground's
 * download): owned tabs deleted with the parts only they use, a tab added first, values typed
 * into the user's own cells, an Excel table resized, and docProps/app.xml's list of tabs. Every
 * part that is not edited stays byte for byte as it was.
 */
import { inflateRawSync } from 'node:zlib';
import { emptySheetSpec, type SheetSpec } from '../../../../src/core/workbook/sheet-spec';
import { gridValue, type RawGrid } from '../../../../src/core/workbook/raw';
import { writePackage, PackageWriteError, type PackageChanges, type PackageSheet } from '../../../../src/io/xlsx/package';
import { patchSheetCells } from '../../../../src/io/xlsx/package/cell-patch';
import { localRecord, readSourceEntries, type SourceEntry } from '../../../../src/io/xlsx/package/zip-container';
import { XlsxReadPort } from '../../../../src/io/xlsx/read-port';
import { changesPackage, changesParts, INPUT_SHEET, INPUT_SHEET_XML, OWNED_CHART_SHEET, OWNED_CHART_SHEET_PARTS } from './changes-package';
import { deps, zipOf } from './input-package';

const OWNED_OLD = 'Budgetkoll gammal';
const NEW_FIRST = 'Budgetkoll översikt';

function firstSpec(): SheetSpec {
  return {
    ...emptySheetSpec(NEW_FIRST),
    rows: [[{ value: 'Översikt', style: 'title' }], [{ value: 'Rubrik', style: 'header' }], [{ value: 1 }]],
    print: { orientation: 'portrait', fitToWidth: false, repeatRows: '$2:$2', pageNumbers: false },
  };
}

function entriesOf(bytes: Uint8Array): Map<string, SourceEntry> {
  return new Map(readSourceEntries(bytes).map((e) => [e.name, e]));
}

function partText(bytes: Uint8Array, name: string): string {
  const entry = entriesOf(bytes).get(name);
  if (!entry) throw new Error(`no ${name}`);
  const record = localRecord(bytes, entry);
  const start = 30 + (record[26] | (record[27] << 8)) + (record[28] | (record[29] << 8));
  const data = record.subarray(start, start + entry.compressedSize);
  return new TextDecoder().decode(entry.method === 8 ? inflateRawSync(data) : data);
}

async function readGrid(bytes: Uint8Array, sheet: string, address: string): Promise<RawGrid> {
  const port = await XlsxReadPort.fromBuffer(bytes, { inflateRaw: deps.inflateRaw });
  const raw = await port.read(() => ({ ranges: [{ id: 'g', sheet, address, formulas: true, numberFormats: true }] }));
  return raw.grids.get('g')!;
}

/** Every entry of `before` not named in `except` is in `after` with the same local record and central record (but the offset). */
function expectCopied(before: Uint8Array, after: Uint8Array, except: readonly string[]): string[] {
  const a = entriesOf(before);
  const b = entriesOf(after);
  const copied = [...a.keys()].filter((name) => !except.includes(name));
  for (const name of copied) {
    const x = a.get(name)!;
    const y = b.get(name);
    expect({ name, present: y !== undefined }).toEqual({ name, present: true });
    expect({ name, same: Buffer.from(localRecord(after, y!)).equals(Buffer.from(localRecord(before, x))) }).toEqual({ name, same: true });
    const c1 = Buffer.from(x.central);
    const c2 = Buffer.from(y!.central);
    expect(c2.subarray(0, 42).equals(c1.subarray(0, 42)) && c2.subarray(46).equals(c1.subarray(46))).toBe(true);
  }
  return copied;
}

const cellTag = (sheetXml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*>[\\s\\S]*?</c>`).exec(sheetXml)?.[0];
const xfs = (styles: string) => /<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(styles)![1].match(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)!;
const styleOf = (cell: string) => Number(/\ss="(\d+)"/.exec(cell)?.[1] ?? 0);

describe('writePackage: deleting owned tabs and adding one first', () => {
  let input: Uint8Array;
  let output: Uint8Array;

  beforeAll(async () => {
    input = changesPackage();
    output = await writePackage(input, [{ spec: firstSpec(), position: 'start' }], deps, { deleted: [OWNED_OLD, OWNED_CHART_SHEET.toUpperCase()] });
  });

  it('removes the tabs, their relationships, content types, tables, drawings with charts, comments and printer settings', () => {
    const names = [...entriesOf(output).keys()];
    for (const part of [...OWNED_CHART_SHEET_PARTS, 'xl/worksheets/sheet2.xml', 'xl/worksheets/_rels/sheet2.xml.rels', 'xl/tables/table1.xml']) expect(names).not.toContain(part);
    const types = partText(output, '[Content_Types].xml');
    for (const part of ['sheet2.xml', 'sheet5.xml', 'table1.xml', 'drawing3.xml', 'chart2.xml', 'colors2.xml', 'comments2.xml', 'printerSettings1.bin']) expect(types).not.toContain(`/${part}"`);
    const rels = partText(output, 'xl/_rels/workbook.xml.rels');
    expect(rels).not.toMatch(/Id="rId3"|Id="rId14"/);
    // The image both drawings use stays: the user's drawing still refers to it.
    expect(names).toContain('xl/media/image1.png');
    expect(names).toContain('xl/drawings/drawing1.xml');
  });

  it('copies every other part byte for byte', () => {
    const edited = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml'];
    const dropped = [...OWNED_CHART_SHEET_PARTS, 'xl/worksheets/sheet2.xml', 'xl/worksheets/_rels/sheet2.xml.rels', 'xl/tables/table1.xml', 'xl/calcChain.xml'];
    const copied = expectCopied(input, output, [...edited, ...dropped]);
    expect(copied).toEqual(expect.arrayContaining(['xl/worksheets/sheet4.xml', 'xl/tables/table5.xml', 'xl/media/image1.png', 'xl/charts/chart1.xml', 'docProps/custom.xml']));
  });

  it('puts the new tab first and renumbers localSheetId, activeTab and firstSheet; names on deleted tabs get #REF!', () => {
    const workbook = partText(output, 'xl/workbook.xml');
    const sheets = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
    expect(sheets).toEqual([NEW_FIRST, 'Data', 'Blad ett', 'Diagram1', 'Pivot', INPUT_SHEET]);
    // Inmatning was at 5, is at 4 after the deletions and 5 again after the first tab; the active tab follows it.
    expect(workbook).toContain('activeTab="5"');
    // firstSheet was the deleted chart tab: the first visible tab, shifted by the new one.
    expect(workbook).toContain('firstSheet="1"');
    expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="5" hidden="1">${INPUT_SHEET}!$A$1:$B$3</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'${NEW_FIRST}'!$2:$2</definedName>`);
    expect(workbook.match(/_xlnm\.Print_Titles/g)).toHaveLength(1);
    expect(workbook).toContain('<definedName name="Diagramdata">#REF!</definedName>');
    expect(workbook).toContain('<definedName name="Två_källor">Data!$B$2+#REF!</definedName>');
    expect(workbook).toContain('<definedName name="Summa_data">Data!$B$2:$B$3</definedName>');
  });

  it('lists the tabs after the change in docProps/app.xml, keeping the other headings and named ranges', () => {
    const app = partText(output, 'docProps/app.xml');
    expect(app).toContain('<vt:variant><vt:lpstr>Kalkylblad</vt:lpstr></vt:variant><vt:variant><vt:i4>5</vt:i4></vt:variant><vt:variant><vt:lpstr>Diagram</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>');
    expect(app).toContain('<HeadingPairs><vt:vector size="6" baseType="variant">');
    const titles = [.../<TitlesOfParts>(.*)<\/TitlesOfParts>/.exec(app)![1].matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
    expect(titles).toEqual([NEW_FIRST, 'Data', 'Blad ett', 'Pivot', INPUT_SHEET, 'Diagram1', "'Budgetkoll gammal'!Utskriftsrubriker", 'Summa_data']);
    expect(app).toContain('<TitlesOfParts><vt:vector size="8" baseType="lpstr">');
    expect(app).toContain('<AppVersion>16.0300</AppVersion>');
  });

  it('opens in the lean reader with the tabs in order; the new tab and the user’s tabs read', async () => {
    const port = await XlsxReadPort.fromBuffer(output, { inflateRaw: deps.inflateRaw });
    const index = await port.index();
    expect(index.sheets.map((s) => s.name)).toEqual([NEW_FIRST, 'Data', 'Blad ett', 'Pivot', INPUT_SHEET]);
    expect(index.tables.map((t) => t.name)).toEqual(['Utfall']);
    expect(gridValue(await readGrid(output, NEW_FIRST, 'A1:A3'), 2, 0)).toBe(1);
    expect(gridValue(await readGrid(output, INPUT_SHEET, 'A1:B2'), 1, 0)).toBe('Lön');
  });

  it('refuses to delete a tab that is not there, and to leave no tab', async () => {
    await expect(writePackage(changesPackage(), [], deps, { deleted: ['Finns inte'] })).rejects.toThrow(PackageWriteError);
    await expect(writePackage(changesPackage(), [], deps, { deleted: ['Finns inte'] })).rejects.toThrow(/Fliken "Finns inte" som skulle tas bort finns inte/);
    const everything = ['Data', 'Blad ett', OWNED_OLD, 'Diagram1', 'Pivot', INPUT_SHEET, OWNED_CHART_SHEET];
    await expect(writePackage(changesPackage(), [], deps, { deleted: everything })).rejects.toThrow(/minst en flik/);
  });

  it('keeps app.xml byte for byte when its layout is not the one Excel writes (no HeadingPairs)', async () => {
    // input-package.ts's app.xml has TitlesOfParts only.
    const { inputPackage } = await import('./input-package');
    const before = inputPackage();
    const after = await writePackage(before, [{ spec: firstSpec(), position: 'start' }], deps, { deleted: [OWNED_OLD] });
    expectCopied(before, after, ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/calcChain.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/_rels/sheet2.xml.rels', 'xl/tables/table1.xml']);
  });
});

describe('writePackage: cell edits in the user’s own tabs', () => {
  const EDITS: PackageChanges['cellEdits'] = [
    { sheet: INPUT_SHEET, cell: 'B2', value: 120 }, // a cell without r in a row without r
    { sheet: INPUT_SHEET, cell: 'C2', value: 'Notering' }, // a cell missing after implicit ones
    { sheet: INPUT_SHEET, cell: 'B3', value: 75 }, // a number under the text format
    { sheet: INPUT_SHEET, cell: 'A4', value: '=inte en formel' }, // a missing row; text that looks like a formula
    { sheet: INPUT_SHEET, cell: 'B5', value: 5 }, // a self-closing row
    { sheet: INPUT_SHEET, cell: 'A6', value: 7 }, // a formula cell: the formula goes
    { sheet: INPUT_SHEET, cell: 'B7', value: 3 }, // a cell that uses a shared formula
    { sheet: INPUT_SHEET, cell: 'A12', value: ' sist ' }, // after the last row
    { sheet: INPUT_SHEET, cell: 'A1', value: 'Konto' },
    { sheet: 'data', cell: 'B2', value: 'x < y & "z"' },
    { sheet: 'Data', cell: 'B3', value: 1 },
    { sheet: 'Data', cell: 'B3', value: 2 }, // the last edit of a cell wins
  ];
  let input: Uint8Array;
  let output: Uint8Array;
  let sheet: string;
  let styles: string;

  beforeAll(async () => {
    input = changesPackage();
    output = await writePackage(input, [], deps, { cellEdits: EDITS });
    sheet = partText(output, 'xl/worksheets/sheet4.xml');
    styles = partText(output, 'xl/styles.xml');
  });

  it('writes the values where they belong, with or without r attributes, in missing and self-closing rows', async () => {
    const grid = await readGrid(output, INPUT_SHEET, 'A1:D12');
    const at = (a: string) => {
      const m = /^([A-Z])(\d+)$/.exec(a)!;
      return gridValue(grid, Number(m[2]) - 1, m[1].charCodeAt(0) - 65);
    };
    expect(['A1', 'B1', 'A2', 'B2', 'C2', 'A3', 'B3', 'A4', 'B5', 'A6', 'B7', 'A9', 'A12'].map((a) => [a, at(a)])).toEqual([
      ['A1', 'Konto'], ['B1', 'Belopp'], ['A2', 'Lön'], ['B2', 120], ['C2', 'Notering'], ['A3', 'Hyra'], ['B3', 75], ['A4', '=inte en formel'], ['B5', 5], ['A6', 7], ['B7', 3], ['A9', 1], ['A12', ' sist '],
    ]);
    expect(grid.formulas.A6).toBeUndefined();
    expect(grid.formulas.B6).toBe('=A6*2');
    const data = await readGrid(output, 'Data', 'A1:C3');
    expect(gridValue(data, 1, 1)).toBe('x < y & "z"');
    expect(gridValue(data, 2, 1)).toBe(2);
    expect(data.formulas.C3).toBe('=SUM(B2:B3)');
  });

  it('patches the XML in place: rows in order, the self-closing row opened, the dimension widened, the rest as it was', () => {
    const rows = [...sheet.matchAll(/<row(?:\s[^>]*)?>/g)].map((m) => m[0]);
    expect(rows).toEqual(['<row r="1">', '<row>', '<row r="3">', '<row r="4">', '<row r="5" ht="20" customHeight="1">', '<row r="6">', '<row r="7">', '<row r="9">', '<row r="12">']);
    expect(sheet).toContain('<row><c t="inlineStr"><is><t>Lön</t></is></c><c r="B2"><v>120</v></c><c r="C2" t="inlineStr"><is><t xml:space="preserve">Notering</t></is></c></row>');
    expect(sheet).toContain('<c r="A6"><v>7</v></c><c r="B6"><f t="shared" ref="B6:B7" si="0">A6*2</f><v>300</v></c>');
    expect(sheet).toContain('<row r="7"><c r="B7"><v>3</v></c></row>');
    expect(sheet).toContain('<dimension ref="A1:D12"/>');
    expect(sheet).toContain('<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>');
    expect(partText(output, 'xl/worksheets/sheet1.xml')).toContain('<c r="B2" t="inlineStr"><is><t xml:space="preserve">x &lt; y &amp; &quot;z&quot;</t></is></c>');
  });

  it('a number in a text-formatted cell gets a copy of its format with General; formula-like text gets the text format', () => {
    const list = xfs(styles);
    expect(list.slice(0, 4)).toEqual(xfs(partText(input, 'xl/styles.xml')));
    expect(/<cellXfs count="(\d+)"/.exec(styles)![1]).toBe(String(list.length));
    const b3 = list[styleOf(cellTag(sheet, 'B3')!)];
    expect(b3).toBe('<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>');
    const a4 = list[styleOf(cellTag(sheet, 'A4')!)];
    expect(a4).toBe('<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    // Other cells keep their style.
    expect(styleOf(cellTag(sheet, 'A9')!)).toBe(2);
  });

  it('copies every other part byte for byte; app.xml too (the tabs did not change)', () => {
    const edited = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet4.xml', 'xl/worksheets/sheet1.xml', 'xl/calcChain.xml'];
    const copied = expectCopied(input, output, edited);
    expect(copied).toContain('docProps/app.xml');
    expect(copied).toContain('xl/tables/table5.xml');
  });

  it('leaves styles.xml as it was when no format is needed', async () => {
    const out = await writePackage(input, [], deps, { cellEdits: [{ sheet: INPUT_SHEET, cell: 'B2', value: 1 }, { sheet: INPUT_SHEET, cell: 'A3', value: 'Hyra och el' }] });
    expectCopied(input, out, ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet4.xml', 'xl/calcChain.xml']);
  });

  it.each<[string, PackageChanges, RegExp]>([
    ['the master of a shared formula', { cellEdits: [{ sheet: INPUT_SHEET, cell: 'B6', value: 1 }] }, /B6 på fliken "Inmatning" har en delad formel/],
    ['a tab that is not there', { cellEdits: [{ sheet: 'Saknas', cell: 'A1', value: 1 }] }, /Fliken "Saknas" finns inte/],
    ['a deleted tab', { deleted: [OWNED_OLD], cellEdits: [{ sheet: OWNED_OLD, cell: 'A1', value: 1 }] }, /finns inte/],
    ['a chart sheet', { cellEdits: [{ sheet: 'Diagram1', cell: 'A1', value: 1 }] }, /inget vanligt kalkylblad/],
    ['an address that is not a cell', { cellEdits: [{ sheet: 'Data', cell: 'Z', value: 1 }] }, /ingen celladress/],
  ])('refuses %s with a Swedish message', async (_what, changes, message) => {
    const attempt = writePackage(changesPackage(), [], deps, changes);
    await expect(attempt).rejects.toThrow(PackageWriteError);
    await expect(writePackage(changesPackage(), [], deps, changes)).rejects.toThrow(message);
  });

  it('refuses a cell of a multi-cell array formula; a one-cell array formula is dropped like any formula', async () => {
    const parts = changesParts().map(([name, content]): [string, string | Uint8Array] => [
      name,
      name === 'xl/worksheets/sheet4.xml' ? String(content).replace('<row r="9"><c r="A9" s="2"><v>1</v></c></row>', '<row r="9"><c r="A9"><f t="array" ref="A9:A10">B2:B3*2</f><v>200</v></c><c r="B9"><f t="array" ref="B9">1+1</f><v>2</v></c></row><row r="10"><c r="A10"><v>100</v></c></row>') : content,
    ]);
    await expect(writePackage(zipOf(parts), [], deps, { cellEdits: [{ sheet: INPUT_SHEET, cell: 'A10', value: 1 }] })).rejects.toThrow(/A10 på fliken "Inmatning" ingår i en matrisformel \(A9:A10\)/);
    const out = await writePackage(zipOf(parts), [], deps, { cellEdits: [{ sheet: INPUT_SHEET, cell: 'B9', value: 1 }] });
    expect(partText(out, 'xl/worksheets/sheet4.xml')).toContain('<c r="B9"><v>1</v></c></row>');
  });

  it('refuses edits to a tab written in the same call', async () => {
    const sheets: PackageSheet[] = [{ spec: { ...emptySheetSpec('Budgetkoll'), rows: [[{ value: 1 }]] }, replace: OWNED_OLD }];
    await expect(writePackage(changesPackage(), sheets, deps, { cellEdits: [{ sheet: 'Budgetkoll', cell: 'A1', value: 2 }] })).rejects.toThrow(/skrivs av Budgetkoll i samma ändring/);
  });
});

describe('writePackage: resizing an Excel table', () => {
  let input: Uint8Array;
  let output: Uint8Array;

  beforeAll(async () => {
    input = changesPackage();
    output = await writePackage(input, [], deps, { tableResizes: [{ sheet: INPUT_SHEET, table: 'utfall', address: 'A1:D4' }], cellEdits: [{ sheet: INPUT_SHEET, cell: 'A4', value: 'El' }] });
  });

  it('gives the table the range, the filter range and the gained columns (empty header → KolumnN, a duplicate numbered)', () => {
    const table = partText(output, 'xl/tables/table5.xml');
    expect(table).toContain('ref="A1:D4"');
    expect(table).toContain('<autoFilter ref="A1:D4"><filterColumn colId="1">');
    expect(table).toContain('<tableColumns count="4"><tableColumn id="1" name="Konto"/><tableColumn id="2" name="Belopp"/><tableColumn id="3" name="Kolumn3"/><tableColumn id="4" name="Belopp2"/></tableColumns>');
  });

  it('writes the new header names into the header cells, and the lean reader sees the new range', async () => {
    const grid = await readGrid(output, INPUT_SHEET, 'A1:D4');
    expect([0, 1, 2, 3].map((c) => gridValue(grid, 0, c))).toEqual(['Konto', 'Belopp', 'Kolumn3', 'Belopp2']);
    expect(gridValue(grid, 3, 0)).toBe('El');
    const port = await XlsxReadPort.fromBuffer(output, { inflateRaw: deps.inflateRaw });
    expect((await port.index()).tables.filter((t) => t.sheet === INPUT_SHEET)).toEqual([{ name: 'Utfall', sheet: INPUT_SHEET, address: 'A1:D4' }]);
  });

  it('loses columns and keeps a totals row out of the filter range', async () => {
    const withTotals = zipOf(changesParts().map(([name, content]) => [name, name === 'xl/tables/table5.xml' ? String(content).replace('totalsRowShown="0"', 'totalsRowCount="1"') : content]));
    const out = await writePackage(withTotals, [], deps, { tableResizes: [{ sheet: INPUT_SHEET, table: 'Utfall', address: 'A1:A6' }] });
    const table = partText(out, 'xl/tables/table5.xml');
    expect(table).toContain('<tableColumns count="1"><tableColumn id="1" name="Konto"/></tableColumns>');
    // The filter criterion was on the lost column.
    expect(table).toContain('ref="A1:A6"');
    expect(table).toContain('<autoFilter ref="A1:A5"/>');
  });

  it('copies every other part byte for byte', () => {
    expectCopied(input, output, ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet4.xml', 'xl/tables/table5.xml', 'xl/calcChain.xml']);
  });

  it.each<[string, PackageChanges['tableResizes'], RegExp]>([
    ['an unknown table', [{ sheet: INPUT_SHEET, table: 'Saknas', address: 'A1:B5' }], /Tabellen "Saknas" finns inte på fliken "Inmatning"/],
    ['a new header row', [{ sheet: INPUT_SHEET, table: 'Utfall', address: 'A2:B5' }], /rubrikraden måste vara kvar/],
  ])('refuses %s with a Swedish message', async (_what, tableResizes, message) => {
    await expect(writePackage(changesPackage(), [], deps, { tableResizes })).rejects.toThrow(PackageWriteError);
    await expect(writePackage(changesPackage(), [], deps, { tableResizes })).rejects.toThrow(message);
  });
});

describe('patchSheetCells on its own', () => {
  const style = { sheet: 'Blad', style: (current: number) => current };

  it('fills an empty, self-closing sheetData of a part with a prefixed main namespace', () => {
    const xml = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1"/><x:sheetData/></x:worksheet>';
    const out = patchSheetCells(xml, [{ row: 2, col: 1, value: 'b' }, { row: 0, col: 0, value: 1 }], style).join('');
    expect(out).toBe(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:B3"/><x:sheetData>' +
        '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t xml:space="preserve">b</x:t></x:is></x:c></x:row>' +
        '</x:sheetData></x:worksheet>',
    );
  });

  it('gives a new cell its row’s or column’s style, and keeps a row’s extLst last', () => {
    const xml =
      '<worksheet><cols><col min="3" max="4" width="9" style="5" customWidth="1"/></cols><sheetData>' +
      '<row r="1" s="7" customFormat="1"><c r="A1"><v>1</v></c><extLst><ext uri="x"/></extLst></row></sheetData></worksheet>';
    const out = patchSheetCells(xml, [{ row: 0, col: 1, value: 2 }, { row: 1, col: 2, value: 3 }], style).join('');
    expect(out).toContain('<row r="1" s="7" customFormat="1"><c r="A1"><v>1</v></c><c r="B1" s="7"><v>2</v></c><extLst><ext uri="x"/></extLst></row>');
    expect(out).toContain('<row r="2"><c r="C2" s="5"><v>3</v></c></row>');
  });

  it('leaves the text as it was without edits', () => {
    expect(patchSheetCells(INPUT_SHEET_XML, [], style)).toEqual([INPUT_SHEET_XML]);
  });
});
