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

describe('suggestMapping on own layouts', () => {
  it('reads a header over two rows: keys merged down over rows 3–4, "Budget" across the years on row 3', () => {
    // A merged cell reads as its top-left cell: row 4 holds only the years.
    const merged: TestSheet = {
      name: 'Nämndernas budget',
      rows: [
        [null, 'Nämndernas driftbudget (kr)'],
        [],
        [null, 'Nämnd', 'Verksamhet', 'Konto', 'Budget', null, null],
        [null, null, null, null, 2027, 2028, 2029],
        [null, 'KS', 'Adm', '5010', 1_200_000, 1_250_000, 1_300_000],
      ],
    };
    const suggestion = suggest([merged], ['driftbudget', 'ramar', 'finansiering']);
    expect(suggestion.mapping.inputs).toEqual({
      Driftbudget: {
        sheet: 'Nämndernas budget',
        headerRow: 4,
        lastRow: null,
        columns: { Nämnd: 'B', Verksamhet: 'C', Konto: 'D', '2027': 'E', '2028': 'F', '2029': 'G' },
        // Only the header row's own texts: the check compares `seen` with the header row.
        seen: { '2027': '2027', '2028': '2028', '2029': '2029' },
        unit: 'kr',
        costs: 'positive',
      },
    });
    expect(suggestion.undecided).toEqual([]);
    expect(parseMapping(suggestion.mapping)).toEqual({ mapping: suggestion.mapping });
  });

  it('takes nothing from the row above a header with fewer than two years of its own', () => {
    const data: TestSheet = { name: 'Budget', rows: [['Nämnd', 'Verksamhet', 'Konto', '2027', '2028', '2029'], [], ['KS', 'Adm', '5010', 1, 2, 3]] };
    const { mapping } = suggest([data], ['driftbudget']);
    expect(mapping.inputs.Driftbudget).toMatchObject({ headerRow: 1 });
  });

  it('finds a "Totalt" row by its label in the Nämnd column when the amounts come first', () => {
    const yearsFirst: TestSheet = {
      name: 'Drift',
      rows: [
        ['Budget 2027', 'Plan 2028', 'Plan 2029', 'Nämnd', 'Verksamhet', 'Konto'],
        [-1200, -1250, -1300, 'KS', 'Adm', '5010'],
        [100, 100, 100, 'KS', 'Adm', '3110'],
        [-1100, -1150, -1200, 'Totalt', null, null],
      ],
    };
    const { mapping } = suggest([yearsFirst], ['driftbudget']);
    expect(mapping.inputs.Driftbudget).toMatchObject({ costs: 'negative', subtotals: { column: 'D', startsWith: ['Totalt'] } });
  });

  it('takes "KF-ram 2027" as a frame year, like "KF ram 2027"', () => {
    const frames: TestSheet = { name: 'Ramar KF', rows: [['Ramar i kronor'], ['Nämnd', 'KF-ram 2027', 'KF-ram 2028', 'KF-ram 2029'], ['KS', 71_000_000, 72_000_000, 73_000_000]] };
    const { mapping } = suggest([frames], ['ramar']);
    expect(mapping.inputs.Ramar).toMatchObject({ sheet: 'Ramar KF', headerRow: 2, columns: { Nämnd: 'A', '2027': 'B', '2028': 'C', '2029': 'D' }, unit: 'kr' });
  });
});
