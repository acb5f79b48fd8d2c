import { locateInputs, recognizeWorkbook, JOB_INPUTS } from '../../../src/core/recognition';
import type { Job } from '../../../src/core/recognition/recognize';
import { indexOf, readPlan, type TestSheet } from '../../helpers/raw-workbook';

function recognize(sheets: TestSheet[], job: Job = 'validation') {
  const located = locateInputs(indexOf(sheets), JOB_INPUTS[job]);
  return recognizeWorkbook(readPlan(sheets, located.plan), located, JOB_INPUTS[job]);
}

const ramar: TestSheet = {
  name: 'Ramar',
  rows: [
    ['Nämnd', 'Ram 2027 (tkr)', 'Ram 2028 (tkr)', 'Ram 2029 (tkr)'],
    ['Barn- och ungdomsnämnden', 1000, 1010, 1020],
    ['Kultur- och fritidsnämnden', 200, 205, 210],
  ],
};

const drift: TestSheet = {
  name: 'Driftbudget',
  rows: [
    ['Nämnd', 'Verksamhet', 'Konto', 'Benämning', 'Budget 2027', 'Plan 2028', 'Plan 2029'],
    ['Barn- och ungdomsnämnden', 'Grundskola', '5010', 'Löner', 800, 810, 820],
    ['Barn- och ungdomsnämnden', 'Grundskola', '3110', 'Avgifter', -20, -20, -20],
    [null, null, null, null, null, null, null],
    ['Kultur- och fritidsnämnden', 'Bibliotek', 5010, 'Löner', 200, 205, 210],
  ],
};

describe('recognition of the budget workbook', () => {
  it('finds inputs by sheet name and builds integer-kronor rows, skipping empty rows', () => {
    const model = recognize([ramar, drift]);
    expect(model.years).toEqual([2027, 2028, 2029]);
    expect(model.frames.map((f) => [f.board, f.amounts])).toEqual([
      ['Barn- och ungdomsnämnden', [1_000_000, 1_010_000, 1_020_000]],
      ['Kultur- och fritidsnämnden', [200_000, 205_000, 210_000]],
    ]);
    expect(model.operatingBudget).toHaveLength(3);
    expect(model.operatingBudget[1]).toMatchObject({ account: '3110', amounts: [-20_000, -20_000, -20_000], row: 2 });
    expect(model.operatingBudget[2]).toMatchObject({ account: '5010', row: 4 });
    expect(model.findings).toEqual([]);
  });

  it('finds a table by name ignoring case, underscores and diacritics, and reports a missing input', () => {
    const sheet: TestSheet = {
      name: 'Blad1',
      rows: [
        ['Titel'],
        ['Beskrivning', 'Typ', 'Nämnd', '2027', '2028', '2029'],
        ['Hyra ny skola', 'Lokalkostnad', 'Barn- och ungdomsnämnden', 0, 3200, 3200],
      ],
      tables: [{ name: 'tbl_Ovriga_forandringar', range: 'A2:F3' }],
    };
    const model = recognize([ramar, sheet], 'allocation');
    expect(model.layouts.ovrigaForandringar).toMatchObject({ sheet: 'Blad1', table: 'tbl_Ovriga_forandringar', headerRow: 1 });
    expect(model.otherChanges[0]).toMatchObject({ board: 'Barn- och ungdomsnämnden', amounts: [0, 3_200_000, 3_200_000] });
    expect(model.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['STRUCT-MISSING-TABLE', 'Volymer', 'A1']]);
  });

  it('finds the header row among the first 20 rows and accepts synonyms and units', () => {
    const volymer: TestSheet = {
      name: 'Volymer',
      rows: [
        ['Volymer för budget 2027'],
        [],
        ['Namnd', 'Vht', 'Volymmått', 'Styckkostnad (tkr)', 'Prognos 2026', 'Utfall 2026', 'Prognos 2027', 'Prognos 2028', 'Prognos 2029'],
        ['BUN', 'Grundskola', 'Elever', 105, 4200, 4230, 4260, 4300, 4280],
      ],
    };
    const model = recognize([{ name: 'Parametrar', rows: [['Parameter', 'Värde'], ['Budgetår', 2027]] }, volymer], 'allocation');
    expect(model.layouts.volymer?.headerRow).toBe(2);
    expect(model.volumes[0]).toMatchObject({ unitCost: 105_000, forecastY0: 4200, actualY0: 4230, forecast: [4260, 4300, 4280] });
  });

  it('reads mnkr and kr headers into kronor', () => {
    const r: TestSheet = { name: 'Ramar', rows: [['Nämnd', 'Ram 2027 (mnkr)', 'Ram 2028 (kr)', 'Ram 2029'], ['KS', 1.5, 2500, 3]] };
    expect(recognize([r, drift]).frames[0].amounts).toEqual([1_500_000, 2_500, 3_000]);
  });

  it('reports year columns that are not three consecutive years (STRUCT-YEARS) at the first year header', () => {
    const bad: TestSheet = { ...drift, rows: [['Nämnd', 'Verksamhet', 'Konto', 'Budget 2027', 'Plan 2029', 'Plan 2030'], ...drift.rows.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[5], r[6]])] };
    const model = recognize([ramar, bad]);
    const f = model.findings.find((x) => x.rule === 'STRUCT-YEARS');
    expect(f).toMatchObject({ sheet: 'Driftbudget', cell: 'D1', severity: 'error' });
    expect(f!.message).toContain('2027, 2029, 2030');
  });

  it('reports a missing column with the headers that were found', () => {
    const bad: TestSheet = { name: 'Driftbudget', rows: [['Nämnd', 'Verksamhet', 'Budget 2027', 'Plan 2028', 'Plan 2029'], ['KS', 'Adm', 1, 2, 3]] };
    const f = recognize([ramar, bad]).findings.find((x) => x.rule === 'STRUCT-MISSING-COLUMN');
    expect(f).toMatchObject({ sheet: 'Driftbudget', cell: 'A1' });
    expect(f!.message).toBe('”Driftbudget” saknar kolumnen ”Konto”. Hittade rubriker: Nämnd, Verksamhet, Budget 2027, Plan 2028, Plan 2029.');
  });

  it('turns unusable cells into CELL-* findings at the right cell, never exceptions', () => {
    const messy: TestSheet = {
      name: 'Driftbudget',
      rows: [
        ['Nämnd', 'Verksamhet', 'Konto', 'Budget 2027', 'Plan 2028', 'Plan 2029'],
        ['KS', 'Adm', '5010', '1 234,5', '−12', '#REF!'],
        ['KS', 'Adm', '5020', 'tio', null, 5],
        [null, 'Adm', '5030', 1, 1, 1],
      ],
    };
    const model = recognize([ramar, messy]);
    const found = model.findings.map((f) => [f.rule, f.cell]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['CELL-TEXT-NUMBER', 'D2'],
        ['CELL-TEXT-NUMBER', 'E2'],
        ['CELL-ERROR', 'F2'],
        ['CELL-NOT-NUMBER', 'D3'],
        ['CELL-EMPTY-AMOUNT', 'E3'],
        ['CELL-EMPTY-KEY', 'A4'],
      ]),
    );
    expect(model.operatingBudget[0].amounts).toEqual([1_234_500, -12_000, 0]);
    expect(model.findings.find((f) => f.rule === 'CELL-TEXT-NUMBER')!.message).toBe('”1 234,5” i Budget 2027 är ett tal lagrat som text.');
  });

  it('sets total rows apart: subtotals close their block, a plain Totalt after them closes all rows', () => {
    const withTotals: TestSheet = {
      name: 'Driftbudget',
      rows: [
        ['Nämnd', 'Verksamhet', 'Konto', 'Budget 2027', 'Plan 2028', 'Plan 2029'],
        ['KS', 'Adm', '5010', 10, 10, 10],
        ['KS', 'Adm', '5020', 5, 5, 5],
        ['Summa KS', null, null, '=SUM(D2:D3)', 15, 16],
        ['BUN', 'Skola', '5010', 7, 7, 7],
        ['Totalt', null, null, 22, 22, 22],
      ],
    };
    const model = recognize([ramar, withTotals]);
    expect(model.operatingBudget.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(model.totals.driftbudget).toEqual([
      { row: 3, closes: { first: 1, last: 2 }, amounts: [0, 15_000, 16_000], sums: [15_000, 15_000, 15_000], formulas: ['=SUM(D2:D3)', null, null] },
      { row: 5, closes: { first: 1, last: 4 }, amounts: [22_000, 22_000, 22_000], sums: [22_000, 22_000, 22_000], formulas: [null, null, null] },
    ]);
  });

  it('reads Parametrar: budget year, percentages as the user sees them, tolerance, and unknown names', () => {
    const params: TestSheet = {
      name: 'Parametrar',
      rows: [
        ['Parameter', 'Värde'],
        ['Budgetår', 2028],
        ['Uppräkning 2028', 0.025],
        ['Uppräkning 2029', 3],
        ['Uppräkning 2030', '2,5 %'],
        ['Tolerans', '1'],
        ['Modell', 'Nivå'],
        ['Korrigering', 'Permanent och retroaktiv'],
        ['Budgetåret', 2028],
      ],
      numberFormats: { B3: '0.0%' },
    };
    const r: TestSheet = { name: 'Ramar', rows: [['Nämnd', '2028', '2029', '2030'], ['KS', 1, 1, 1]] };
    const model = recognize([params, r, { ...drift, rows: [['Nämnd', 'Verksamhet', 'Konto', '2028', '2029', '2030'], ['KS', 'A', '5010', 1, 1, 1]] }]);
    expect(model.years).toEqual([2028, 2029, 2030]);
    expect(model.parameters).toMatchObject({ budgetYear: 2028, toleranceKr: 1000, mode: 'Nivå', correction: 'Permanent och retroaktiv' });
    expect(model.parameters.indexation[2028]).toBeCloseTo(0.025);
    expect(model.parameters.indexation[2029]).toBeCloseTo(0.03);
    expect(model.parameters.indexation[2030]).toBeCloseTo(0.025);
    expect(model.findings.map((f) => [f.rule, f.cell])).toEqual([['STRUCT-UNKNOWN-PARAMETER', 'A9']]);
  });

  it('warns when a table and a sheet for the same input disagree, and uses the table', () => {
    const tableSheet: TestSheet = { name: 'Data', rows: ramar.rows, tables: [{ name: 'Ramar', range: 'A1:D3' }] };
    const other: TestSheet = { name: 'Ramar', rows: [ramar.rows[0], ['KS', 1, 1, 1]] };
    const model = recognize([tableSheet, other, drift]);
    expect(model.frames).toHaveLength(2);
    expect(model.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['STRUCT-AMBIGUOUS', 'Ramar', 'A1']]);
  });

  it('ignores owned tabs (with a Budgetkoll marker) when looking for inputs', () => {
    const owned: TestSheet = { name: 'Ramar', rows: [['BUDGETKOLL:{"type":"kontrollrapport","version":1}'], ...ramar.rows] };
    const model = recognize([owned, drift]);
    expect(model.findings.map((f) => f.rule)).toContain('STRUCT-MISSING-TABLE');
  });
});
