import { checkMappedHeaders, checkMapping, mappedReadRange, mappedSource } from '../../../src/core/inputs/mapping-check';
import type { Mapping } from '../../../src/core/inputs/mapping';
import { indexOf, readPlan, type TestSheet } from '../../helpers/raw-workbook';
import { BUDGET_SHEET, budgetSheet, exampleMapping, exampleSheets, framesSheet } from './mapping-example';

const drift = exampleMapping.inputs.Driftbudget;

function headerGrid(sheets: TestSheet[], mapping = drift) {
  const index = indexOf(sheets);
  const [range] = mappedReadRange('Driftbudget', mapping, index);
  return readPlan(sheets, { ranges: [range] }).grids.get(range.id)!;
}

describe('checkMapping', () => {
  it('finds nothing wrong with the example mapping on its workbook', () => {
    expect(checkMapping(exampleMapping, indexOf(exampleSheets))).toEqual([]);
  });

  it('reports a renamed sheet at its key, with a "Koppla om" and the likely new name', () => {
    const renamed: TestSheet = { ...budgetSheet, name: 'Budget 2027–2030' };
    expect(checkMapping(exampleMapping, indexOf([renamed, framesSheet]))).toEqual([
      {
        input: 'Driftbudget',
        key: 'inputs.Driftbudget.sheet',
        severity: 'error',
        sheet: BUDGET_SHEET,
        cell: 'A1',
        sv: `Driftbudget är kopplat till fliken ”${BUDGET_SHEET}”, som inte finns längre (omdöpt eller borttagen). Menade du ”Budget 2027–2030”? Koppla om indatat.`,
        en: `Driftbudget is mapped to the sheet "${BUDGET_SHEET}", which no longer exists (renamed or deleted). Did you mean "Budget 2027–2030"? Map the input again.`,
      },
    ]);
  });

  it('reports a renamed table', () => {
    const renamed: TestSheet = { ...framesSheet, tables: [{ name: 'Ramar2027', range: 'B3:E6' }] };
    const issues = checkMapping(exampleMapping, indexOf([budgetSheet, renamed]));
    expect(issues.map((i) => [i.key, i.sheet, i.cell])).toEqual([['inputs.Ramar.table', 'Ramar', 'A1']]);
    expect(issues[0].sv).toBe('Ramar är kopplat till tabellen ”KFramar”, som inte finns längre (omdöpt eller borttagen). Koppla om indatat.');
  });

  it('reports a column that is no longer on the sheet (a column deleted: the used range ends at E)', () => {
    const narrower: TestSheet = { ...budgetSheet, rows: budgetSheet.rows.map((r) => r.slice(0, 5)) };
    const issues = checkMapping(exampleMapping, indexOf([narrower, framesSheet]));
    expect(issues.map((i) => [i.key, i.cell, i.sv])).toEqual([
      ['inputs.Driftbudget.columns.2029', 'F4', `Kolumn F (2029) ligger utanför det ifyllda området på fliken ”${BUDGET_SHEET}”. Koppla om indatat.`],
    ]);
  });

  it('reports a column outside the mapped table, a subtotal column outside the sheet and a header row below the data', () => {
    const mapping: Mapping = {
      version: 1,
      inputs: {
        Ramar: { ...exampleMapping.inputs.Ramar, columns: { ...exampleMapping.inputs.Ramar.columns, '2029': 'F' } },
        Driftbudget: { ...drift, subtotals: { column: 'K', startsWith: ['Summa'] } },
      },
    };
    expect(checkMapping(mapping, indexOf(exampleSheets)).map((i) => [i.key, i.sheet, i.cell])).toEqual([
      ['inputs.Ramar.columns.2029', 'KF-ramar', 'F3'],
      ['inputs.Driftbudget.subtotals.column', BUDGET_SHEET, 'K4'],
    ]);
    const low = checkMapping({ version: 1, inputs: { Driftbudget: { ...drift, headerRow: 40 } } }, indexOf(exampleSheets));
    expect(low.map((i) => [i.key, i.cell])).toEqual([['inputs.Driftbudget.headerRow', 'A40']]);
  });

  it('reports an empty sheet and a sheet Budgetkoll owns', () => {
    const empty: TestSheet = { name: BUDGET_SHEET, rows: [] };
    expect(checkMapping({ version: 1, inputs: { Driftbudget: drift } }, indexOf([empty])).map((i) => i.key)).toEqual(['inputs.Driftbudget.sheet']);
    const owned: TestSheet = { ...budgetSheet, rows: [['BUDGETKOLL:{"type":"kontrollrapport","version":1}'], ...budgetSheet.rows.slice(1)] };
    expect(checkMapping({ version: 1, inputs: { Driftbudget: drift } }, indexOf([owned])).map((i) => i.key)).toEqual(['inputs.Driftbudget']);
  });

  it('reads nothing for an input whose sheet is gone', () => {
    const index = indexOf([framesSheet]);
    expect(mappedReadRange('Driftbudget', drift, index)).toEqual([]);
    expect(mappedSource('Driftbudget', drift, index)).toBeNull();
  });
});

describe('checkMappedHeaders', () => {
  it('accepts the headers seen when mapping, also re-spaced or re-cased', () => {
    expect(checkMappedHeaders('Driftbudget', drift, headerGrid([budgetSheet]))).toEqual([]);
    const recased: TestSheet = { ...budgetSheet, rows: budgetSheet.rows.map((r, i) => (i === 3 ? r.map((v) => (typeof v === 'string' ? ` ${v.toUpperCase()} ` : v)) : r)) };
    expect(checkMappedHeaders('Driftbudget', drift, headerGrid([recased]))).toEqual([]);
  });

  it('reports every mapped column whose header changed when a column was inserted (the columns moved)', () => {
    const inserted: TestSheet = { ...budgetSheet, rows: budgetSheet.rows.map((r, i) => (r.length === 0 ? r : [r[0], i === 3 ? 'Ansvar' : null, ...r.slice(1)])) };
    const issues = checkMappedHeaders('Driftbudget', drift, headerGrid([inserted]));
    expect(issues.map((i) => [i.key, i.sheet, i.cell])).toEqual([
      ['inputs.Driftbudget.columns.Verksamhet', BUDGET_SHEET, 'B4'],
      ['inputs.Driftbudget.columns.Konto', BUDGET_SHEET, 'C4'],
      ['inputs.Driftbudget.columns.2027', BUDGET_SHEET, 'D4'],
      ['inputs.Driftbudget.columns.2028', BUDGET_SHEET, 'E4'],
      ['inputs.Driftbudget.columns.2029', BUDGET_SHEET, 'F4'],
    ]);
    expect(issues[0].sv).toBe('Driftbudget: kolumn B (Verksamhet) hade rubriken ”Verksamhet” när indatat kopplades, nu står det ”Ansvar”. Har kolumnen flyttats? Koppla om indatat.');
    expect(issues[3].en).toBe('Driftbudget: column E (2028) had the header "Budget 2028 (mnkr)" when the input was mapped; now it reads "Budget 2027 (mnkr)". Has the column moved? Map the input again.');
  });

  it('reports a changed unit and an emptied header', () => {
    const changed: TestSheet = {
      ...budgetSheet,
      rows: budgetSheet.rows.map((r, i) => (i === 3 ? [r[0], null, ...r.slice(2, 3), 'Budget 2027 (tkr)', ...r.slice(4)] : r)),
    };
    const issues = checkMappedHeaders('Driftbudget', drift, headerGrid([changed]));
    expect(issues.map((i) => i.key)).toEqual(['inputs.Driftbudget.columns.Verksamhet', 'inputs.Driftbudget.columns.2027']);
    expect(issues[0].sv).toContain('nu är rubriken tom');
  });

  it('reads a table’s header from the table’s first row', () => {
    const index = indexOf(exampleSheets);
    const ramar = exampleMapping.inputs.Ramar;
    const [range] = mappedReadRange('Ramar', ramar, index);
    expect(range.address).toBe('B3:E6');
    const grid = readPlan(exampleSheets, { ranges: [range] }).grids.get(range.id)!;
    expect(checkMappedHeaders('Ramar', ramar, grid)).toEqual([]);
    expect(checkMappedHeaders('Ramar', { ...ramar, seen: { ...ramar.seen, Nämnd: 'Styrelse' } }, grid).map((i) => i.cell)).toEqual(['B3']);
  });
});
