import { INPUTS, inputDef } from '../../../src/core/inputs/catalogue';
import { generateSample, sampleToSheetSpecs } from '../../../src/core/sample';
import { buildBlankTemplate } from '../../../src/core/templates/blank-template';
import { HEADER_ROW } from '../../../src/core/templates/input-tab';
import { parseRangeA1 } from '../../../src/core/a1';
import { NUMBER_FORMATS } from '../../../src/core/workbook/styles';

const sample = generateSample({ rows: 800, seed: 4 });
const specs = sampleToSheetSpecs(sample);

describe('sampleToSheetSpecs', () => {
  it('builds the same tabs as the blank template, filled', () => {
    const blank = buildBlankTemplate({ year: sample.year });
    expect(specs.map((s) => s.name)).toEqual(blank.map((s) => s.name));
    expect(sampleToSheetSpecs(sample, { instructions: false }).map((s) => s.name)).toEqual(INPUTS.map((d) => d.name));
    for (let i = 1; i < specs.length; i++) {
      expect(specs[i].rows[HEADER_ROW]).toEqual(blank[i].rows[HEADER_ROW]);
      expect(specs[i].tables.map((t) => t.name)).toEqual(blank[i].tables.map((t) => t.name));
      expect(specs[i].columnWidths).toEqual(blank[i].columnWidths);
      expect(specs[i].freeze).toEqual(blank[i].freeze);
    }
  });

  it('puts a table over the header and exactly the sample rows, as input cells with their values', () => {
    for (const sheet of sample.sheets) {
      const spec = specs.find((s) => s.name === sheet.name)!;
      const range = parseRangeA1(spec.tables[0].range)!;
      expect(range.bottom - range.top).toBe(sheet.rows.length);
      expect(spec.tables[0].name).toBe(sheet.tableName);
      expect(spec.rows.slice(HEADER_ROW + 1).map((r) => r.map((c) => c?.value ?? null))).toEqual(sheet.rows);
      expect(spec.rows.slice(HEADER_ROW + 1).every((r) => r.every((c) => c?.style === 'input'))).toBe(true);
    }
  });

  it('applies the template number formats and validations to the filled rows', () => {
    const budget = specs.find((s) => s.name === 'Driftbudget')!;
    expect(budget.rows[HEADER_ROW + 1].slice(4).map((c) => c?.numberFormat)).toEqual(Array(3).fill(NUMBER_FORMATS.tkr));
    const ledger = specs.find((s) => s.name === 'Utfall')!;
    expect(ledger.rows[HEADER_ROW + 1][4]?.numberFormat).toBe('#,##0.0;[Red]-#,##0.0');
    expect(ledger.rows[HEADER_ROW + 1][3]?.numberFormat).toBe(NUMBER_FORMATS.text);
    const assignments = specs.find((s) => s.name === inputDef('uppdrag').name)!;
    const status = assignments.validations.find((v) => v.list?.includes('Pågår'))!;
    expect(parseRangeA1(status.range)!.bottom).toBe(assignments.rows.length - 1);
    expect(assignments.rows[HEADER_ROW + 1][3]?.numberFormat).toBe(NUMBER_FORMATS.date);
  });

  it('calls the Instruktioner tab an example workbook', () => {
    expect(String(specs[0].rows[0][0]?.value)).toContain('exempelarbetsbok 2027');
  });
});
