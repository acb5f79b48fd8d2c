import { headerScanPlan, suggestMapping } from '../../../src/core/inputs/mapping-suggest';
import { parseMapping } from '../../../src/core/inputs/mapping-parse';
import { indexOf, readPlan, type TestSheet } from '../../helpers/raw-workbook';
import { BUDGET_SHEET, budgetSheet, exampleMapping, exampleSheets, framesSheet } from './mapping-example';

function suggest(sheets: TestSheet[], inputs?: Parameters<typeof suggestMapping>[2]) {
  const index = indexOf(sheets);
  return suggestMapping(index, readPlan(sheets, headerScanPlan(index)).grids, inputs);
}

describe('headerScanPlan', () => {
  it('reads the top rows of every sheet and table, not Budgetkoll’s own tabs', () => {
    const owned: TestSheet = { name: 'Kontrollrapport', rows: [['BUDGETKOLL:{"type":"kontrollrapport","version":1}'], ['x']] };
    const long: TestSheet = { name: 'Lång', rows: Array.from({ length: 100 }, (_, i) => [`rad ${i + 1}`, i]) };
    const plan = headerScanPlan(indexOf([...exampleSheets, long, owned]));
    expect(plan.ranges.map((r) => [r.id, r.sheet, r.address])).toEqual([
      [`scan:sheet:${BUDGET_SHEET}`, BUDGET_SHEET, 'A1:G15'],
      ['scan:sheet:KF-ramar', 'KF-ramar', 'A1:E6'],
      ['scan:sheet:Lång', 'Lång', 'A1:B25'],
      ['scan:table:KFramar', 'KF-ramar', 'B3:E6'],
    ]);
  });
});

describe('suggestMapping', () => {
  it('proposes the mapping of the issue’s example workbook without help', () => {
    const suggestion = suggest(exampleSheets);
    expect(suggestion.mapping).toEqual(exampleMapping);
    expect(parseMapping(suggestion.mapping)).toEqual({ mapping: exampleMapping });
  });

  it('shows the match: score, matched headers and where unit and sign came from', () => {
    const { details } = suggest(exampleSheets);
    expect(details.Driftbudget).toEqual({
      score: 100,
      matched: [
        { key: 'Nämnd', column: 'A', header: 'Nämnd/styrelse' },
        { key: 'Verksamhet', column: 'B', header: 'Verksamhet' },
        { key: 'Konto', column: 'C', header: 'Konto' },
        { key: '2027', column: 'D', header: 'Budget 2027 (mnkr)' },
        { key: '2028', column: 'E', header: 'Budget 2028 (mnkr)' },
        { key: '2029', column: 'F', header: 'Budget 2029 (mnkr)' },
      ],
      unitFrom: 'header',
      costsFrom: 'data',
    });
    // The table is named like Ramar ("KF ramar"): a bonus; the tkr comes from the title above it.
    expect(details.Ramar).toMatchObject({ score: 125, unitFrom: 'title', costsFrom: 'data' });
  });

  it('gives a region to one input only: Ramar and Utgångsramar do not take the budget sheet', () => {
    const { mapping } = suggest(exampleSheets);
    expect(Object.keys(mapping.inputs).sort()).toEqual(['Driftbudget', 'Ramar']);
  });

  it('takes the unit from a title row when the headers have none, and positive costs from the data', () => {
    const plain: TestSheet = {
      name: 'Budget',
      rows: [
        ['Budget i tusental kronor'],
        ['Styrelse/nämnd', 'Vht', 'Kostnadsslag', 'Benämning', '2027', '2028', '2029'],
        ['KS', 'Adm', '5010', 'Löner', 1200, 1250, 1300],
        ['KS', 'Adm', '3110', 'Avgifter', -100, -100, -100],
      ],
    };
    const { mapping, details } = suggest([plain], ['driftbudget']);
    expect(mapping.inputs.Driftbudget).toEqual({
      sheet: 'Budget',
      headerRow: 2,
      lastRow: null,
      columns: { Nämnd: 'A', Verksamhet: 'B', Konto: 'C', Benämning: 'D', '2027': 'E', '2028': 'F', '2029': 'G' },
      seen: { Nämnd: 'Styrelse/nämnd', Verksamhet: 'Vht', Konto: 'Kostnadsslag', Benämning: 'Benämning', '2027': '2027', '2028': '2028', '2029': '2029' },
      unit: 'tkr',
      costs: 'positive',
    });
    expect(details.Driftbudget).toMatchObject({ score: 105, unitFrom: 'title', costsFrom: 'data' });
  });

  it('finds Volymer’s worded year columns and leaves years outside the input’s out', () => {
    const volymer: TestSheet = {
      name: 'Blad3',
      rows: [
        ['Nämnd', 'Verksamhet', 'Mått', 'Styckkostnad', 'Utfall 2025', 'Prognos 2026', 'Utfall 2026', 'Prognos 2027', 'Prognos 2028', 'Prognos 2029'],
        ['BUN', 'Grundskola', 'Elever', 105_000, 4100, 4200, 4230, 4260, 4300, 4280],
      ],
    };
    const { mapping } = suggest([volymer], ['volymer']);
    expect(mapping.inputs.Volymer.columns).toEqual({
      Nämnd: 'A', Verksamhet: 'B', Volymmått: 'C', 'Kostnad per enhet (kr)': 'D',
      'Prognos 2026': 'F', 'Utfall 2026': 'G', 'Prognos 2027': 'H', 'Prognos 2028': 'I', 'Prognos 2029': 'J',
    });
    expect(parseMapping(mapping)).toEqual({ mapping });
  });

  it('says what it could not decide, and proposes nothing it cannot make valid', () => {
    const partial: TestSheet = { name: 'Utfall jan–aug', rows: [['Titel'], ['Nämnd', 'Verksamhet', 'Konto', 'Belopp (tkr)']] };
    const suggestion = suggest([partial], ['utfall']);
    expect(suggestion.mapping.inputs).toEqual({});
    expect(suggestion.undecided).toEqual([
      {
        input: 'Utfall',
        sv: 'Utfall: ”Utfall jan–aug” rad 2 har Nämnd, Verksamhet, Konto, Belopp (tkr) men saknar Period.',
        en: 'Utfall: "Utfall jan–aug" row 2 has Nämnd, Verksamhet, Konto, Belopp (tkr) but lacks Period.',
      },
    ]);
  });

  it('suggests nothing for a workbook with nothing like an input', () => {
    const suggestion = suggest([{ name: 'Blad1', rows: [['Hej'], [1, 2, 3]] }]);
    expect(suggestion).toEqual({ mapping: { version: 1, inputs: {} }, details: {}, undecided: [] });
  });

  it('proposes the same for the frames alone (a table named otherwise than the input is still found by its headers)', () => {
    const renamed: TestSheet = { ...framesSheet, tables: [{ name: 'Tabell1', range: 'B3:E6' }] };
    const { mapping } = suggest([budgetSheet, renamed]);
    expect(mapping.inputs.Ramar).toEqual({ ...exampleMapping.inputs.Ramar, table: 'Tabell1' });
  });
});
