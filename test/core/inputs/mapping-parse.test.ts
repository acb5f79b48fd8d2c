import { parseMapping, serializeMapping, type MappingError } from '../../../src/core/inputs/mapping-parse';
import type { Mapping } from '../../../src/core/inputs/mapping';
import { exampleMapping } from './mapping-example';

/** The issue's mapping file, as written there. */
const issueJson = {
  version: 1,
  inputs: {
    Driftbudget: {
      sheet: 'Budget 2027–2029',
      headerRow: 4,
      lastRow: null,
      columns: { Nämnd: 'A', Verksamhet: 'B', Konto: 'C', '2027': 'D', '2028': 'E', '2029': 'F' },
      unit: 'mnkr',
      costs: 'negative',
      subtotals: { column: 'A', startsWith: ['Summa'] },
    },
    Ramar: { table: 'KFramar', columns: { Nämnd: 'B', '2027': 'C', '2028': 'D', '2029': 'E' }, unit: 'tkr', costs: 'positive' },
  },
};

function drift(patch: Record<string, unknown>, remove: string[] = []): unknown {
  const input: Record<string, unknown> = { ...issueJson.inputs.Driftbudget, ...patch };
  for (const key of remove) delete input[key];
  return { version: 1, inputs: { Driftbudget: input } };
}

function errorsOf(json: unknown): MappingError[] {
  const result = parseMapping(json);
  if ('mapping' in result) throw new Error('expected errors, got a mapping');
  return result.errors;
}

function keysOf(json: unknown): string[] {
  return errorsOf(json).map((e) => e.key);
}

describe('parseMapping', () => {
  it('accepts the issue’s mapping file as it is', () => {
    const result = parseMapping(issueJson);
    expect(result).toEqual({ mapping: issueJson });
  });

  it('canonicalises input aliases, column synonyms, year headers and lower-case letters', () => {
    const result = parseMapping({
      version: 1,
      inputs: {
        Detaljbudget: {
          sheet: 'Blad1',
          headerRow: 2,
          columns: { 'Nämnd/styrelse': 'a', Vht: 'b', Kontoklass: 'c', 'Budget 2027': 'd', 'Plan 2028': 'e', '2029': 'f' },
          skipRows: [9, 3, 9],
        },
      },
    });
    expect(result).toEqual({
      mapping: {
        version: 1,
        inputs: {
          Driftbudget: {
            sheet: 'Blad1',
            headerRow: 2,
            lastRow: null,
            columns: { Nämnd: 'A', Verksamhet: 'B', Konto: 'C', '2027': 'D', '2028': 'E', '2029': 'F' },
            skipRows: [3, 9],
          },
        },
      },
    });
  });

  it('names worded year columns of Volymer by their group (Prognos/Utfall)', () => {
    const result = parseMapping({
      version: 1,
      inputs: {
        Volymer: {
          table: 'Vol',
          columns: { Nämnd: 'A', Verksamhet: 'B', Volymmått: 'C', 'Kostnad per enhet': 'D', 'Prognos 2026': 'E', 'Utfall 2026': 'F', 'Prognos 2027': 'G', 'Prognos 2028': 'H', 'Prognos 2029': 'I' },
        },
      },
    });
    expect('mapping' in result && Object.keys(result.mapping.inputs.Volymer.columns)).toEqual([
      'Nämnd', 'Verksamhet', 'Volymmått', 'Kostnad per enhet (kr)', 'Prognos 2026', 'Utfall 2026', 'Prognos 2027', 'Prognos 2028', 'Prognos 2029',
    ]);
  });

  it('names the key path of each error, in Swedish and English', () => {
    const [error] = errorsOf(drift({ columns: { Nämnd: 'A', Verksamhet: 'B', '2027': 'D', '2028': 'E', '2029': 'F' } }));
    expect(error).toEqual({
      key: 'inputs.Driftbudget.columns.Konto',
      sv: 'inputs.Driftbudget.columns.Konto: kolumnen Konto behövs men är inte kopplad',
      en: 'inputs.Driftbudget.columns.Konto: the column Konto is required but not mapped',
    });
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', [1, 2], ['(rot)']],
    ['an unknown top-level key', { ...issueJson, comment: 'x' }, ['comment']],
    ['another version', { ...issueJson, version: 2 }, ['version']],
    ['no inputs', { version: 1 }, ['inputs']],
    ['an unknown input', { version: 1, inputs: { Budget: {} } }, ['inputs.Budget']],
    ['an input mapped twice (name and alias)', { version: 1, inputs: { Driftbudget: issueJson.inputs.Driftbudget, Detaljbudget: issueJson.inputs.Driftbudget } }, ['inputs.Detaljbudget']],
    ['an unknown key of an input', drift({ header: 4 }), ['inputs.Driftbudget.header']],
    ['both sheet and table', drift({ table: 'T' }), ['inputs.Driftbudget', 'inputs.Driftbudget.headerRow']],
    ['neither sheet nor table', drift({}, ['sheet', 'headerRow', 'lastRow']), ['inputs.Driftbudget']],
    ['a sheet without a header row', drift({}, ['headerRow']), ['inputs.Driftbudget.headerRow']],
    ['a header row that is not a row', drift({ headerRow: 0 }), ['inputs.Driftbudget.headerRow']],
    ['a last row at the header row', drift({ lastRow: 4 }), ['inputs.Driftbudget.lastRow']],
    ['a last row with a table', { version: 1, inputs: { Ramar: { ...issueJson.inputs.Ramar, lastRow: 9 } } }, ['inputs.Ramar.lastRow']],
    ['a header row with a table', { version: 1, inputs: { Ramar: { ...issueJson.inputs.Ramar, headerRow: 3 } } }, ['inputs.Ramar.headerRow']],
    ['no columns', drift({}, ['columns']), ['inputs.Driftbudget.columns']],
    ['an unknown column', drift({ columns: { ...issueJson.inputs.Driftbudget.columns, Ansvar: 'G' } }), ['inputs.Driftbudget.columns.Ansvar']],
    ['a year key that is not a year', drift({ columns: { ...issueJson.inputs.Driftbudget.columns, '27': 'G' } }), ['inputs.Driftbudget.columns.27']],
    ['a year outside the input’s years', drift({ columns: { ...issueJson.inputs.Driftbudget.columns, '2031': 'G' } }), ['inputs.Driftbudget.columns.2031']],
    ['no year column', drift({ columns: { Nämnd: 'A', Verksamhet: 'B', Konto: 'C' } }), ['inputs.Driftbudget.columns']],
    ['a column letter beyond XFD', drift({ columns: { ...issueJson.inputs.Driftbudget.columns, Konto: 'XFE' } }), ['inputs.Driftbudget.columns.Konto']],
    ['a column given as a number', drift({ columns: { ...issueJson.inputs.Driftbudget.columns, Konto: 3 } }), ['inputs.Driftbudget.columns.Konto']],
    ['one letter for two columns', drift({ columns: { ...issueJson.inputs.Driftbudget.columns, Konto: 'B' } }), ['inputs.Driftbudget.columns.Konto']],
    ['a column mapped twice (label and synonym)', drift({ columns: { ...issueJson.inputs.Driftbudget.columns, Kontoklass: 'G' } }), ['inputs.Driftbudget.columns.Kontoklass']],
    ['an unknown unit', drift({ unit: 'Mkr' }), ['inputs.Driftbudget.unit']],
    ['a unit on an input without amounts', { version: 1, inputs: { 'Politiska inriktningar': { sheet: 'P', headerRow: 1, columns: { Nämnd: 'A', Inriktning: 'B' }, unit: 'tkr' } } }, ['inputs.Politiska inriktningar.unit']],
    ['an unknown sign convention', drift({ costs: 'minus' }), ['inputs.Driftbudget.costs']],
    ['a sign convention on Finansiering', { version: 1, inputs: { Finansiering: { sheet: 'F', headerRow: 1, columns: { Post: 'A', '2027': 'B', '2028': 'C', '2029': 'D' }, costs: 'negative' } } }, ['inputs.Finansiering.costs']],
    ['subtotals without startsWith', drift({ subtotals: { column: 'A' } }), ['inputs.Driftbudget.subtotals.startsWith']],
    ['subtotals with an empty text', drift({ subtotals: { column: 'A', startsWith: [''] } }), ['inputs.Driftbudget.subtotals.startsWith']],
    ['subtotals in a column that is not a column', drift({ subtotals: { column: '1', startsWith: ['Summa'] } }), ['inputs.Driftbudget.subtotals.column']],
    ['subtotals with an unknown key', drift({ subtotals: { column: 'A', startsWith: ['Summa'], by: 'text' } }), ['inputs.Driftbudget.subtotals.by']],
    ['skipped rows at or above the header', drift({ skipRows: [4, 10] }), ['inputs.Driftbudget.skipRows']],
    ['skipped rows that are not a list', drift({ skipRows: 10 }), ['inputs.Driftbudget.skipRows']],
    ['a seen header for an unmapped column', drift({ seen: { Benämning: 'Text' } }), ['inputs.Driftbudget.seen.Benämning']],
    ['a seen header that is not text', drift({ seen: { Konto: 5 } }), ['inputs.Driftbudget.seen.Konto']],
  ])('rejects %s', (_what, json, keys) => {
    expect(keysOf(json)).toEqual(keys);
  });

  it('reports every error at once, each in both languages', () => {
    const errors = errorsOf(drift({ unit: 'Mkr', costs: 'minus', headerRow: 0 }));
    expect(errors.map((e) => e.key)).toEqual(['inputs.Driftbudget.headerRow', 'inputs.Driftbudget.unit', 'inputs.Driftbudget.costs']);
    for (const e of errors) {
      expect(e.sv.startsWith(`${e.key}: `)).toBe(true);
      expect(e.en.startsWith(`${e.key}: `)).toBe(true);
      expect(e.sv).not.toEqual(e.en);
    }
  });
});

describe('serializeMapping', () => {
  it.each<[string, Mapping]>([
    ['the example mapping', exampleMapping],
    ['the issue’s mapping', issueJson as Mapping],
  ])('round-trips %s: parse(serialize(m)) equals m', (_what, mapping) => {
    const parsed = parseMapping(JSON.parse(serializeMapping(mapping)));
    expect(parsed).toEqual({ mapping });
    // And the canonical form is stable: serialising again gives the same text.
    expect('mapping' in parsed && serializeMapping(parsed.mapping)).toBe(serializeMapping(mapping));
  });
});
