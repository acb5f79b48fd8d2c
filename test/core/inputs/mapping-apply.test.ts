import { applyMapping, rowsLeftOut } from '../../../src/core/inputs/mapping-apply';
import { mappedReadRange, mappedSource } from '../../../src/core/inputs/mapping-check';
import { describeMapping, type Mapping } from '../../../src/core/inputs/mapping';
import { JOB_INPUTS, locateInputs, recognizeWorkbook } from '../../../src/core/recognition';
import { indexOf, readPlan, type TestSheet } from '../../helpers/raw-workbook';
import { BUDGET_SHEET, budgetSheet, exampleMapping, exampleSheets, expectedMnkr } from './mapping-example';

/** Reads a workbook through a mapping as the jobs do: locateInputs with the mapping, then the real recognizer. */
function recognizeMapped(sheets: TestSheet[], mapping: Mapping) {
  const index = indexOf(sheets);
  const located = locateInputs(index, JOB_INPUTS.validation, mapping);
  const raw = readPlan(sheets, located.plan);
  const model = recognizeWorkbook(raw, located, JOB_INPUTS.validation);
  const applied: Record<string, ReturnType<typeof applyMapping>> = {};
  for (const [name, m] of Object.entries(mapping.inputs)) {
    const source = mappedSource(name, m, index)!;
    applied[name] = applyMapping(name, m, raw.grids.get(source.readId)!);
  }
  return { model, applied, index };
}

function budgetByBoard(rows: { board: string; amounts: [number, number, number] }[]): Record<string, number[]> {
  const sums: Record<string, number[]> = {};
  for (const r of rows) {
    const s = (sums[r.board] ??= [0, 0, 0]);
    r.amounts.forEach((a, i) => (s[i] += a));
  }
  return sums;
}

const mnkrToKronor = (values: number[]) => values.map((v) => Math.round(v * 1_000_000));

describe('the example workbook without a mapping', () => {
  it('gives "Driftbudget saknas" and nothing else (the issue’s starting point)', () => {
    const index = indexOf(exampleSheets);
    const located = locateInputs(index, JOB_INPUTS.validation);
    const model = recognizeWorkbook(readPlan(exampleSheets, located.plan), located, JOB_INPUTS.validation);
    expect(model.operatingBudget).toEqual([]);
    expect(model.findings.map((f) => [f.rule, f.sheet])).toContainEqual(['STRUCT-MISSING-TABLE', 'Driftbudget']);
  });
});

describe('applyMapping with the real recognizer', () => {
  const { model, applied } = recognizeMapped(exampleSheets, exampleMapping);

  it('reads the budget per nämnd per year in kronor: the example’s mnkr × 1 000 000, costs positive', () => {
    expect(model.years).toEqual([2027, 2028, 2029]);
    const sums = budgetByBoard(model.operatingBudget);
    expect(Object.keys(sums)).toEqual(Object.keys(expectedMnkr));
    for (const [board, mnkr] of Object.entries(expectedMnkr)) expect(sums[board]).toEqual(mnkrToKronor(mnkr));
  });

  it('does not count subtotal or total rows: 7 data rows, and the Totalt equals the sum of the nämnder', () => {
    expect(model.operatingBudget).toHaveLength(7);
    expect(model.totals.driftbudget).toEqual([]);
    const all = Object.values(budgetByBoard(model.operatingBudget)).reduce((a, b) => a.map((x, i) => x + b[i]));
    expect(all).toEqual(mnkrToKronor([808.8, 824.5, 840.5]));
    expect(applied.Driftbudget.subtotalRows).toEqual([8, 11, 14, 15]);
    expect(rowsLeftOut(applied.Driftbudget)).toEqual({ sv: 'Rader som lämnades utanför: 4 summarader', en: 'Rows left out: 4 subtotal rows' });
  });

  it('keeps every cell where it is: rows and columns point at the user’s own cells', () => {
    expect(model.layouts.driftbudget).toMatchObject({ sheet: BUDGET_SHEET, table: null, headerRow: 3, columns: { board: 0, activity: 1, account: 2 }, yearColumns: { amount: [3, 4, 5] } });
    expect(model.operatingBudget[0]).toMatchObject({ sheet: BUDGET_SHEET, row: 4, board: 'Kommunstyrelsen', activity: 'Administration', account: '5010', amounts: [62_400_000, 63_100_000, 64_000_000] });
    expect(model.operatingBudget[1].amounts).toEqual([-4_200_000, -4_200_000, -4_300_000]);
    // The unit and the sign stay in the user's cells: the layout's factor is −1 000 000 (mnkr, costs
    // negative), so formulas referencing them scale and turn the sign right.
    expect(model.layouts.driftbudget?.kronorPerUnit).toEqual({ 3: -1_000_000, 4: -1_000_000, 5: -1_000_000 });
    expect(applied.Driftbudget).toMatchObject({ unit: 'mnkr', kronorPerUnit: 1_000_000 });
    expect(model.mappedInputs.map((m) => m.input)).toEqual(['ramar', 'driftbudget']);
    expect(model.mappedInputs[1].leftOut?.sv).toBe('Rader som lämnades utanför: 4 summarader');
  });

  it('reads the frames from the table KFramar in tkr', () => {
    expect(model.layouts.ramar).toMatchObject({ sheet: 'KF-ramar', table: 'KFramar', headerRow: 2, columns: { board: 1 } });
    expect(model.frames.map((f) => [f.board, f.amounts])).toEqual([
      ['Kommunstyrelsen', [71_000_000, 72_000_000, 73_000_000]],
      ['Socialnämnden', [336_600_000, 343_300_000, 350_100_000]],
      ['Barn- och utbildningsnämnden', [401_500_000, 409_500_000, 417_700_000]],
    ]);
  });

  it('leaves recognition nothing to complain about', () => {
    expect(model.findings).toEqual([]);
  });
});

describe('applyMapping in detail', () => {
  const index = indexOf([budgetSheet]);
  const m = exampleMapping.inputs.Driftbudget;
  const [range] = mappedReadRange('Driftbudget', m, index);
  const grid = readPlan([budgetSheet], { ranges: [range] }).grids.get(range.id)!;

  it('reads from the header row to the used bottom over the mapped columns', () => {
    expect(range).toEqual({ id: 'driftbudget#mapped', sheet: BUDGET_SHEET, address: 'A4:F15', formulas: false, numberFormats: false });
  });

  it('writes the canonical headers with the unit, and blanks unmapped columns', () => {
    const wide = readPlan([budgetSheet], { ranges: [{ ...range, address: 'A1:G15' }] }).grids.get(range.id)!;
    const result = applyMapping('Driftbudget', m, wide);
    expect(result.grid.top).toBe(3);
    expect(result.grid.left).toBe(0);
    expect(result.grid.values[0]).toEqual(['Nämnd', 'Verksamhet', 'Konto', 'Budget 2027 (mnkr)', 'Budget 2028 (mnkr)', 'Budget 2029 (mnkr)', null]);
    expect(result.grid.values[2]).toEqual(['Kommunstyrelsen', 'Administration', '3110', 4.2, 4.2, 4.3, null]);
  });

  it('never changes a value: costs negative is the factor’s sign, not the cells’', () => {
    const withText = { ...grid, values: grid.values.map((r) => [...r]) };
    withText.values[1][3] = '−62,4';
    const result = applyMapping('Driftbudget', m, withText);
    expect(result.grid.values[1].slice(3)).toEqual(['−62,4', -63.1, -64]);
    expect(applyMapping('Driftbudget', { ...m, costs: 'positive' }, grid).grid.values[1].slice(3)).toEqual([-62.4, -63.1, -64]);
  });

  it('blanks skipped rows and stops at lastRow', () => {
    const result = applyMapping('Driftbudget', { ...m, skipRows: [6], lastRow: 11 }, grid);
    expect(result.skippedRows).toEqual([6]);
    expect(result.subtotalRows).toEqual([8, 11]);
    expect(result.grid.values).toHaveLength(8);
    expect(result.grid.values[2].every((v) => v === null)).toBe(true);
    expect(rowsLeftOut(result)?.sv).toBe('Rader som lämnades utanför: 2 summarader och 1 överhoppad rad');
  });

  it('throws on a grid without the header row (a caller’s mistake)', () => {
    expect(() => applyMapping('Driftbudget', { ...m, headerRow: 2 }, grid)).toThrow(/header row 2/);
  });

  it('reads a note row the mapping skips as nothing, and one it does not skip as a row without figures', () => {
    const noted: TestSheet = { ...budgetSheet, rows: [...budgetSheet.rows, [], ['Not: beloppen är avrundade.']] };
    const skipped = recognizeMapped([noted], { version: 1, inputs: { Driftbudget: { ...m, skipRows: [17] } } });
    expect(skipped.model.operatingBudget).toHaveLength(7);
    const kept = recognizeMapped([noted], { version: 1, inputs: { Driftbudget: m } });
    expect(kept.model.operatingBudget).toHaveLength(8);
    expect(kept.model.operatingBudget[7]).toMatchObject({ row: 16, board: 'Not: beloppen är avrundade.', amounts: [0, 0, 0] });
  });
});

describe('describeMapping', () => {
  it('says where, in which unit and with which sign, in Swedish and English', () => {
    const index = indexOf(exampleSheets);
    expect(describeMapping('Driftbudget', exampleMapping.inputs.Driftbudget, index)).toEqual({
      sv: "Driftbudget: 'Budget 2027–2029'!A4:F15, belopp i mnkr, kostnader negativa",
      en: "Driftbudget: 'Budget 2027–2029'!A4:F15, amounts in mnkr, costs negative",
    });
    expect(describeMapping('Driftbudget', { ...exampleMapping.inputs.Driftbudget, lastRow: 212 }).sv).toBe(
      "Driftbudget: 'Budget 2027–2029'!A4:F212, belopp i mnkr, kostnader negativa",
    );
    expect(describeMapping('Driftbudget', exampleMapping.inputs.Driftbudget).sv).toBe("Driftbudget: 'Budget 2027–2029'!A4:F, belopp i mnkr, kostnader negativa");
    expect(describeMapping('Ramar', exampleMapping.inputs.Ramar)).toEqual({
      sv: 'Ramar: tabellen KFramar, belopp i tkr, kostnader positiva',
      en: 'Ramar: the table KFramar, amounts in tkr, costs positive',
    });
    expect(describeMapping('Politiska inriktningar', { sheet: 'Mål', headerRow: 2, lastRow: 9, columns: { Nämnd: 'A', Inriktning: 'C' } }).sv).toBe("Politiska inriktningar: 'Mål'!A2:C9");
  });
});
