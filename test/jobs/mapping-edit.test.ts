import { parseMapping } from '../../src/core/inputs/mapping-parse';
import { inputDef } from '../../src/core/inputs/catalogue';
import {
  addInput,
  columnSlots,
  detectColumns,
  mappableSheets,
  mappingY1,
  parseRowList,
  placeInput,
  readHeaderRow,
  selectionPlace,
  setColumn,
  setY1,
  updateInput,
} from '../../src/jobs/mapping-edit';
import { BUDGET_SHEET, exampleMapping, exampleSheets } from '../core/inputs/mapping-example';
import { SheetsPort } from '../taskpane/check/sheets-port';

const port = () => new SheetsPort(JSON.parse(JSON.stringify(exampleSheets)));

describe('the header row for the dropdowns', () => {
  it('reads a sheet row in one read: its non-empty cells with their letters', async () => {
    const p = port();
    const row = await readHeaderRow(p, { sheet: BUDGET_SHEET, headerRow: 4 });
    expect(p.reads).toHaveLength(1);
    expect(row).toEqual({
      sheet: BUDGET_SHEET,
      row: 4,
      cells: [
        { letter: 'A', text: 'Nämnd/styrelse' },
        { letter: 'B', text: 'Verksamhet' },
        { letter: 'C', text: 'Konto' },
        { letter: 'D', text: 'Budget 2027 (mnkr)' },
        { letter: 'E', text: 'Budget 2028 (mnkr)' },
        { letter: 'F', text: 'Budget 2029 (mnkr)' },
        { letter: 'G', text: 'Kommentar' },
      ],
    });
  });

  it('limits the row to a selection’s columns, reads a table’s first row, and says null for a missing sheet', async () => {
    expect((await readHeaderRow(port(), { sheet: BUDGET_SHEET, headerRow: 4, limit: { left: 1, right: 3 } }))!.cells.map((c) => c.letter)).toEqual(['B', 'C', 'D']);
    expect((await readHeaderRow(port(), { table: 'KFramar' }))!.cells.map((c) => c.text)).toEqual(['Nämnd', 'Ram 2027', 'Ram 2028', 'Ram 2029']);
    expect(await readHeaderRow(port(), { sheet: 'Finns inte', headerRow: 1 })).toBeNull();
    expect(await readHeaderRow(port(), { sheet: BUDGET_SHEET, headerRow: 99 })).toEqual({ sheet: BUDGET_SHEET, row: 99, cells: [] });
  });
});

describe('detecting columns', () => {
  it('maps a header row the way the proposal does, years included and the comment left out', async () => {
    const row = (await readHeaderRow(port(), { sheet: BUDGET_SHEET, headerRow: 4 }))!;
    const { columns, seen } = detectColumns('Driftbudget', row.cells);
    expect(columns).toEqual(exampleMapping.inputs.Driftbudget.columns);
    expect(seen).toEqual(exampleMapping.inputs.Driftbudget.seen);
  });
});

describe('editing', () => {
  const drift = inputDef('driftbudget');

  it('lists the slots of an input from its Y1, and moves the year keys to another Y1', () => {
    const m = exampleMapping.inputs.Driftbudget;
    expect(mappingY1(drift, m)).toBe(2027);
    expect(columnSlots(drift, 2027).map((s) => s.key)).toEqual(['Nämnd', 'Verksamhet', 'Konto', 'Benämning', '2027', '2028', '2029']);
    const moved = setY1(exampleMapping, 'Driftbudget', 2028).inputs.Driftbudget;
    expect(moved.columns).toMatchObject({ '2028': 'D', '2029': 'E', '2030': 'F' });
    expect(moved.seen).toMatchObject({ '2028': 'Budget 2027 (mnkr)' });
  });

  it('sets and clears a column with its seen header, and keeps the mapping valid', () => {
    const row = { sheet: BUDGET_SHEET, row: 4, cells: [{ letter: 'G', text: 'Kommentar' }] };
    const withText = setColumn(exampleMapping, 'Driftbudget', 'Benämning', 'G', row);
    expect(withText.inputs.Driftbudget.columns['Benämning']).toBe('G');
    expect(withText.inputs.Driftbudget.seen!['Benämning']).toBe('Kommentar');
    expect('mapping' in parseMapping(withText)).toBe(true);
    const without = setColumn(exampleMapping, 'Driftbudget', 'Konto', null, null);
    expect(without.inputs.Driftbudget.columns.Konto).toBeUndefined();
    expect(parseMapping(without)).toEqual({ errors: [expect.objectContaining({ key: 'inputs.Driftbudget.columns.Konto' })] });
  });

  it('places an input on a selection: header row at the top, last row at the bottom, columns from its header row', async () => {
    expect(selectionPlace({ sheet: BUDGET_SHEET, address: 'A4:F15' })).toEqual({ sheet: BUDGET_SHEET, headerRow: 4, lastRow: 15, limit: { left: 0, right: 5 } });
    expect(selectionPlace({ sheet: BUDGET_SHEET, address: '$A$4' })).toEqual({ sheet: BUDGET_SHEET, headerRow: 4, lastRow: null });
    expect(selectionPlace({ sheet: BUDGET_SHEET, address: 'A4:G4' })).toEqual({ sheet: BUDGET_SHEET, headerRow: 4, lastRow: null, limit: { left: 0, right: 6 } });
    const where = selectionPlace({ sheet: BUDGET_SHEET, address: 'A4:E15' })!;
    const row = await readHeaderRow(port(), { sheet: where.sheet, headerRow: where.headerRow, limit: where.limit });
    const placed = placeInput(exampleMapping, 'Driftbudget', where, row).inputs.Driftbudget;
    expect(placed).toMatchObject({ sheet: BUDGET_SHEET, headerRow: 4, lastRow: 15, unit: 'mnkr', costs: 'negative' });
    expect(placed.columns).toEqual({ Nämnd: 'A', Verksamhet: 'B', Konto: 'C', '2027': 'D', '2028': 'E' });
  });

  it('adds an input with the defaults of its kind and edits its conventions', () => {
    const added = addInput({ version: 1, inputs: {} }, 'Finansiering', 'Blad1').inputs.Finansiering;
    expect(added).toEqual({ sheet: 'Blad1', headerRow: 1, lastRow: null, columns: {}, unit: 'tkr' });
    const m = updateInput(exampleMapping, 'Driftbudget', { subtotals: undefined, skipRows: [20] }).inputs.Driftbudget;
    expect('subtotals' in m).toBe(false);
    expect(m.skipRows).toEqual([20]);
  });

  it('reads row lists', () => {
    expect(parseRowList('12, 15–17')).toEqual([12, 15, 16, 17]);
    expect(parseRowList('')).toEqual([]);
    expect(parseRowList('12, x')).toBeNull();
    expect(parseRowList('0')).toBeNull();
  });

  it('offers only the workbook’s own sheets', async () => {
    const p = port();
    await p.writeSheet({ ...(await import('../../src/core/inputs/mapping-store')).buildMappingTab(exampleMapping, new Date(2027, 0, 1)) });
    expect(mappableSheets(await p.index())).toEqual([BUDGET_SHEET, 'KF-ramar']);
  });
});
