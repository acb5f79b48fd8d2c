/**
 * Round trip through a real spreadsheet engine: formulas written by XlsxWorkbookPort (no cached
 * results) are recalculated by LibreOffice and must give the numbers computed here.
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { gridValue } from '../../src/core/workbook/raw';
import { emptySheetSpec, type SheetSpec, type SpecCell } from '../../src/core/workbook/sheet-spec';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';
import { CONTRACT_SEED } from '../io/port-contract';
import { fullSpec } from '../io/xlsx/full-spec';
import { seedWorkbook } from '../io/xlsx/harness';
import { rewritePart } from '../io/xlsx/zip';
import { findSoffice, recalculate, SOFFICE_MISSING } from './libreoffice';

/** Excel's ROUND: half away from zero. */
function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}

const OTHER = 'Övriga förändringar';
const FRAMES = 'Ramar';
const RESULT = 'Resursfördelning 2027';
const INDEXATION = 0.025;

const boards = ['Barn- och ungdomsnämnden', 'Socialnämnden', 'Kommunstyrelsen'];
const frames2026 = [152345.6, 98765.4, 45678.9];
const changes: [string, string, number][] = [
  ['Barn- och ungdomsnämnden', 'Ny förskola', 2500],
  ['Socialnämnden', 'Effektivisering', -300.4],
  ['Barn- och ungdomsnämnden', 'Hyreshöjning', 410.3],
  ['Kommunstyrelsen', 'Digitalisering', 150],
  ['Socialnämnden', 'Nytt boende', 1200.25],
];

const v = (value: string | number): SpecCell => ({ value });
const f = (formula: string): SpecCell => ({ formula });

function otherChangesSpec(): SheetSpec {
  return {
    ...emptySheetSpec(OTHER),
    rows: [[v('Nämnd'), v('Beskrivning'), v('Belopp 2027')], ...changes.map(([b, d, x]) => [v(b), v(d), v(x)])],
  };
}

function framesSpec(): SheetSpec {
  return { ...emptySheetSpec(FRAMES), rows: [[v('Nämnd'), v('Ram 2026')], ...boards.map((b, i) => [v(b), v(frames2026[i])])] };
}

const q = `'${OTHER}'`;
const amounts = `${q}!$C$2:$C$6`;
const keys = `${q}!$A$2:$A$6`;
const firstRow = 3; // 1-based sheet row of the first board

function resultSpec(): SheetSpec {
  const rows: (SpecCell | null)[][] = [
    [v('Uppräkning'), v(INDEXATION)],
    [v('Nämnd'), v('Ram 2026'), v('Uppräknad'), v('Förändringar'), v('Ram 2027'), v('Bedömning'), v('Största förändring')],
  ];
  boards.forEach((board, i) => {
    const r = firstRow + i;
    rows.push([
      v(board),
      f(`='${FRAMES}'!$B$${i + 2}`),
      f(`=ROUND(B${r}*(1+$B$1),0)`),
      f(`=SUMIFS(${amounts},${keys},$A${r})`),
      f(`=ROUND(C${r}+D${r},0)`),
      f(`=IF(E${r}-B${r}>5000,"Ökning","Normal")`),
      f(`=MAXIFS(${amounts},${keys},$A${r})`),
    ]);
  });
  const last = firstRow + boards.length - 1;
  rows.push([v('Summa'), f(`=SUM(B${firstRow}:B${last})`), null, f(`=SUM(D${firstRow}:D${last})`), f(`=SUM(E${firstRow}:E${last})`)]);
  rows.push([v('=1+1'), v('-5'), v('@SUMMA')]);
  return { ...emptySheetSpec(RESULT), rows };
}

/** What the sheet must show, computed independently of any spreadsheet. */
function expected() {
  return boards.map((board, i) => {
    const frame = frames2026[i];
    const indexed = round(frame * (1 + INDEXATION));
    const mine = changes.filter(([b]) => b === board).map(([, , x]) => x);
    const sum = mine.reduce((a, b) => a + b, 0);
    const total = round(indexed + sum);
    return { board, frame, indexed, sum, total, verdict: total - frame > 5000 ? 'Ökning' : 'Normal', max: Math.max(...mine) };
  });
}

function result(sheet: Worksheet, address: string): unknown {
  const cell = sheet.getCell(address);
  expect(cell.formula).toBeTruthy(); // still a formula after the round trip
  return cell.result;
}

describe('LibreOffice recalculation of a workbook written by XlsxWorkbookPort', () => {
  it('has LibreOffice available', () => {
    // Fails (never skips) so a CI without LibreOffice is noticed.
    if (!findSoffice()) throw new Error(SOFFICE_MISSING);
    expect(findSoffice()).toMatch(/soffice$/);
  });

  it('recalculates SUM, SUMIFS over a quoted Swedish sheet, ROUND, IF, MAXIFS and cross-sheet references', async () => {
    const port = XlsxWorkbookPort.createEmpty();
    expect((await port.writeSheet(otherChangesSpec())).name).toBe(OTHER);
    expect((await port.writeSheet(framesSpec())).name).toBe(FRAMES);
    expect((await port.writeSheet(resultSpec())).name).toBe(RESULT);

    const recalculated = await recalculate(await port.toBuffer());

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(recalculated as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([OTHER, FRAMES, RESULT]);
    const sheet = wb.getWorksheet(RESULT);
    if (!sheet) throw new Error('result sheet missing');

    const rows = expected();
    rows.forEach((e, i) => {
      const r = firstRow + i;
      expect(result(sheet, `B${r}`)).toBeCloseTo(e.frame, 9);
      expect(result(sheet, `C${r}`)).toBe(e.indexed);
      expect(result(sheet, `D${r}`)).toBeCloseTo(e.sum, 9);
      expect(result(sheet, `E${r}`)).toBe(e.total);
      expect(result(sheet, `F${r}`)).toBe(e.verdict);
      expect(result(sheet, `G${r}`)).toBeCloseTo(e.max, 9);
    });
    const totalRow = firstRow + boards.length;
    expect(result(sheet, `B${totalRow}`)).toBeCloseTo(frames2026.reduce((a, b) => a + b, 0), 9);
    expect(result(sheet, `D${totalRow}`)).toBeCloseTo(changes.reduce((a, [, , x]) => a + x, 0), 9);
    expect(result(sheet, `E${totalRow}`)).toBe(rows.reduce((a, e) => a + e.total, 0));
    // Sanity of the expected numbers themselves (hand-checked): 152345.6 × 1.025 = 156154.24 → 156154.
    expect(rows[0].indexed).toBe(156154);
    expect(rows[0].total).toBe(156154 + 2910);

    // Text that looks like a formula is still text after a real engine loaded and saved it.
    const textRow = totalRow + 1;
    expect(sheet.getCell(`A${textRow}`).formula).toBeFalsy();
    expect(sheet.getCell(`A${textRow}`).value).toBe('=1+1');
    expect(sheet.getCell(`B${textRow}`).value).toBe('-5');
    expect(sheet.getCell(`C${textRow}`).value).toBe('@SUMMA');

    // And the adapter reads LibreOffice's file back: values, and formulas at the right addresses.
    const back = await XlsxWorkbookPort.fromBuffer(recalculated);
    const read = await back.read(() => ({
      ranges: [{ id: 'r', sheet: RESULT, address: `A1:G${textRow}`, formulas: true, numberFormats: false }],
    }));
    const grid = read.grids.get('r');
    if (!grid) throw new Error('no grid');
    expect(gridValue(grid, firstRow - 1, 4)).toBe(rows[0].total);
    expect(gridValue(grid, firstRow, 5)).toBe(rows[1].verdict);
    expect(gridValue(grid, textRow - 1, 0)).toBe('=1+1');
    expect(grid.formulas[`D${firstRow}`]).toContain(`${q}!$C$2:$C$6`);
    expect(grid.formulas[`G${firstRow}`]).toMatch(/^=MAXIFS\(/); // "_xlfn." is not shown
    expect(grid.formulas[`A${textRow}`]).toBeUndefined();
  });

  it("keeps a user's table and an owned tab's structure intact through a real spreadsheet engine", async () => {
    // LibreOffice is a second, independent reader of what ExcelJS wrote: it must find the user's
    // table with its header row (ExcelJS alone would have dropped it) and our tab's features.
    // The user's file as Excel writes tables: without headerRowCount (it defaults to 1).
    const userFile = rewritePart(await seedWorkbook([...CONTRACT_SEED]), 'xl/tables/table1.xml', (xml) =>
      xml.replace(/ headerRowCount="1"/, ''),
    );
    const port = await XlsxWorkbookPort.fromBuffer(userFile);
    const { name } = await port.writeSheet(fullSpec());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await recalculate(await port.toBuffer())) as unknown as ArrayBuffer);

    const tablesOf = (ws: Worksheet) =>
      Object.values((ws as unknown as { tables: Record<string, { table: { name: string; tableRef: string; headerRow: boolean } }> }).tables).map(
        (t) => t.table,
      );
    const user = wb.getWorksheet('Driftbudget');
    if (!user) throw new Error('user sheet missing');
    expect(tablesOf(user)).toEqual([expect.objectContaining({ name: 'tbl_Driftbudget', tableRef: 'A1:F4', headerRow: true })]);
    expect(user.getCell('A1').value).toBe('Nämnd');
    expect(user.getCell('D5').result).toBeCloseTo(2950.5, 9); // the user's SUM, calculated

    const owned = wb.getWorksheet(name);
    if (!owned) throw new Error('owned sheet missing');
    expect(owned.getRow(1).hidden).toBe(true);
    expect(tablesOf(owned)).toEqual([expect.objectContaining({ name: 'Uppföljning_april', tableRef: 'A3:D5', headerRow: true })]);
    expect(owned.getCell('C6').result).toBe(-950); // =SUM(C4:C5)
    expect(owned.getCell('D5').result).toBeCloseTo(0.3, 9); // =C5/1000
    expect(owned.getCell('A7').value).toBe('=HYPERLINK("http://example.com")');
    expect(owned.getCell('B8').isMerged).toBe(true);
    // Not asserted: sheet protection and unlocked cells survive, but LibreOffice writes them as
    // sheet="true" / locked="false", which ExcelJS 4.4 does not read back; freeze panes are view
    // settings, which a headless conversion does not carry over.
    const validations = (owned as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;
    expect(validations.B4.type).toBe('list');
    expect(validations.B4.formulae[0]).toBe('"Ej påbörjat,Pågår,Klart,Avbrutet"'); // LibreOffice adds an unused formula2
    expect(validations.C5).toMatchObject({ type: 'whole' });
  });
});
