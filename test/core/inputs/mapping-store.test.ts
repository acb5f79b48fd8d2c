import { buildMappingTab, MAPPING_TAB_NAME, storedMapping } from '../../../src/core/inputs/mapping-store';
import { parseMapping, serializeMapping } from '../../../src/core/inputs/mapping-parse';
import { JOB_INPUTS, locateJobInputs, recognizeWorkbook } from '../../../src/core/recognition';
import { toTkrSuffix } from '../../../src/core/followup/formulas';
import { formatAmountIn } from '../../../src/core/text/numbers';
import { validateModel } from '../../../src/core/rules';
import { kronorParts } from '../../../src/core/allocation/result-tab-cells';
import { encodeMarker } from '../../../src/core/workbook/marker';
import type { Mapping } from '../../../src/core/inputs/mapping';
import { indexOf, readPlan, type TestSheet } from '../../helpers/raw-workbook';
import { BUDGET_SHEET, budgetSheet, exampleMapping, exampleSheets, framesSheet } from './mapping-example';

/** The Koppling tab as a test sheet: its A1 text is what the index reports as firstCellText. */
function mappingSheet(mapping: Mapping): TestSheet {
  const spec = buildMappingTab(mapping, new Date('2027-03-01T10:00:00Z'));
  return { name: spec.name, rows: spec.rows.map((row) => row.map((cell) => (cell && typeof cell.value !== 'undefined' ? cell.value : null))) };
}

function recognize(sheets: TestSheet[], mapping?: Mapping) {
  const index = indexOf(sheets);
  const located = locateJobInputs(index, 'validation', mapping);
  return recognizeWorkbook(readPlan(sheets, located.plan), located, JOB_INPUTS.validation);
}

describe('the Koppling tab', () => {
  it('carries the mapping in its marker: stored and read back equal', () => {
    const sheet = mappingSheet(exampleMapping);
    expect(sheet.name).toBe(MAPPING_TAB_NAME);
    const stored = storedMapping(indexOf([...exampleSheets, sheet]));
    expect(stored).toEqual({ sheet: MAPPING_TAB_NAME, mapping: exampleMapping });
    expect(serializeMapping((stored as { mapping: Mapping }).mapping)).toBe(serializeMapping(exampleMapping));
  });

  it('says in words what is mapped, for a controller who opens it', () => {
    const texts = mappingSheet(exampleMapping).rows.flat().filter((v): v is string => typeof v === 'string');
    expect(texts).toContain(`'${BUDGET_SHEET}'!A4:F, belopp i mnkr, kostnader negativa`);
    expect(texts).toContain('Budget 2027 (mnkr)');
  });

  it('is used by every job without a mapping file: the example reads as mapped', () => {
    const model = recognize([...exampleSheets, mappingSheet(exampleMapping)]);
    expect(model.operatingBudget).toHaveLength(7);
    expect(model.frames).toHaveLength(3);
    expect(model.findings).toEqual([]);
    expect(model.mappedInputs.map((m) => m.summary.sv)).toEqual([
      'Ramar: tabellen KFramar, belopp i tkr, kostnader positiva',
      `Driftbudget: '${BUDGET_SHEET}'!A4:F15, belopp i mnkr, kostnader negativa`,
    ]);
  });

  it('is overridden by a mapping given to the job (a CLI --mapping file)', () => {
    const positive = parseMapping({ version: 1, inputs: { Driftbudget: { ...JSON.parse(serializeMapping(exampleMapping)).inputs.Driftbudget, costs: 'positive' } } });
    const model = recognize([...exampleSheets, mappingSheet(exampleMapping)], (positive as { mapping: Mapping }).mapping);
    expect(model.operatingBudget[0].amounts[0]).toBe(-62_400_000);
    // Ramar is not in the given mapping: found by name as before (the table KFramar answers to "KF ramar").
    expect(model.mappedInputs.map((m) => m.input)).toEqual(['driftbudget']);
  });

  it('that cannot be parsed is an error at its A1, and the inputs are found by name', () => {
    const broken: TestSheet = { name: MAPPING_TAB_NAME, rows: [[encodeMarker({ type: 'koppling', version: 1, mapping: { version: 1, inputs: { Driftbudget: { sheet: BUDGET_SHEET, columns: {} } } } })]] };
    const model = recognize([...exampleSheets, broken]);
    const stale = model.findings.filter((f) => f.rule === 'MAP-STALE');
    expect(stale.length).toBeGreaterThan(0);
    expect(stale[0]).toMatchObject({ severity: 'error', sheet: MAPPING_TAB_NAME, cell: 'A1' });
    expect(stale[0].message).toContain('går inte att läsa');
    expect(model.findings.map((f) => f.rule)).toContain('STRUCT-MISSING-TABLE');
  });
});

describe('a mapping that no longer fits is a finding, never a silent misread', () => {
  it('a renamed sheet: MAP-STALE naming the key and a similar sheet; not STRUCT-MISSING-TABLE too', () => {
    const renamed = { ...budgetSheet, name: 'Budget 2027–2030' };
    const model = recognize([renamed, framesSheet], exampleMapping);
    const stale = model.findings.filter((f) => f.rule === 'MAP-STALE');
    expect(stale).toHaveLength(1);
    expect(stale[0].message).toContain('Menade du ”Budget 2027–2030”?');
    expect(stale[0].fix).toContain('Koppla om');
    expect(model.findings.map((f) => f.rule)).not.toContain('STRUCT-MISSING-TABLE');
    expect(model.operatingBudget).toEqual([]);
  });

  it('a column moved: the header differs from what was seen, the input is not read', () => {
    const moved: TestSheet = { ...budgetSheet, rows: budgetSheet.rows.map((r, i) => (i >= 3 ? [r[0], r[2], r[1], ...r.slice(3)] : r)) };
    const model = recognize([moved, framesSheet], exampleMapping);
    const stale = model.findings.filter((f) => f.rule === 'MAP-STALE');
    expect(stale.map((f) => [f.sheet, f.cell])).toEqual([
      [BUDGET_SHEET, 'B4'],
      [BUDGET_SHEET, 'C4'],
    ]);
    expect(stale[0].message).toContain('Har kolumnen flyttats?');
    expect(model.operatingBudget).toEqual([]);
    expect(model.frames).toHaveLength(3);
  });
});

describe('formulas over a mapped workbook carry the unit and the sign', () => {
  it('toTkrSuffix: negative factors for costs shown negative', () => {
    expect(toTkrSuffix(1000)).toBe('');
    expect(toTkrSuffix(1_000_000)).toBe('*1000');
    expect(toTkrSuffix(1)).toBe('/1000');
    expect(toTkrSuffix(-1000)).toBe('*-1');
    expect(toTkrSuffix(-1_000_000)).toBe('*-1000');
    expect(toTkrSuffix(-1)).toBe('/-1000');
  });

  it('kronorParts: ROUND(cell × −1 000 000, 0) for mnkr shown negative', () => {
    expect(kronorParts('Budget', 3, -1_000_000)?.[1]).toBe('*-1000000,0)');
  });
});

describe('findings speak the unit of the user’s cells', () => {
  it('formatAmountIn: mnkr with up to three decimals, kr, and tkr as before; the sign of the factor does not matter', () => {
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(formatAmountIn(336_600_000, -1_000_000))).toBe('336,6 mnkr');
    expect(plain(formatAmountIn(1_234, 1))).toBe('1 234 kr');
    expect(plain(formatAmountIn(612_340_000, 1000))).toBe('612 340 tkr');
    expect(plain(formatAmountIn(612_340_000, undefined))).toBe('612 340 tkr');
  });

  it('a budget over its frame in a mapped mnkr workbook is told in mnkr, at the frame cell', () => {
    // Frames in mnkr on the budget sheet's neighbour; Socialnämnden's budget 2027 (336,6) is over its frame (330).
    const frames: TestSheet = {
      name: 'KF-ramar',
      rows: [['Ramar (mnkr)'], [null, 'Nämnd', 'Ram 2027', 'Ram 2028', 'Ram 2029'], [null, 'Kommunstyrelsen', 70.7, 71.7, 72.7], [null, 'Socialnämnden', 330, 343.3, 350.1], [null, 'Barn- och utbildningsnämnden', 401.5, 409.5, 417.7]],
    };
    const mapping = JSON.parse(serializeMapping(exampleMapping));
    mapping.inputs.Ramar = { sheet: 'KF-ramar', headerRow: 2, columns: { Nämnd: 'B', '2027': 'C', '2028': 'D', '2029': 'E' }, unit: 'mnkr', costs: 'positive' };
    const model = recognize([budgetSheet, frames], (parseMapping(mapping) as { mapping: Mapping }).mapping);
    const over = validateModel(model).filter((f) => f.rule === 'RAM-OVER');
    expect(over.map((f) => [f.sheet, f.cell])).toEqual([['KF-ramar', 'C4']]);
    expect(over[0].message).toContain('336,6 mnkr');
    expect(over[0].message).toContain('330 mnkr');
  });
});

describe('rows to skip that still hold figures', () => {
  it('MAP-SKIPPED-ROW: recognition leaves the row out, and says the follow-up formulas would count it', () => {
    const mapping = JSON.parse(serializeMapping(exampleMapping));
    mapping.inputs.Driftbudget.skipRows = [7];
    const model = recognize(exampleSheets, (parseMapping(mapping) as { mapping: Mapping }).mapping);
    const skipped = model.findings.filter((f) => f.rule === 'MAP-SKIPPED-ROW');
    expect(skipped.map((f) => [f.severity, f.sheet, f.cell])).toEqual([['warning', BUDGET_SHEET, 'A7']]);
    expect(model.operatingBudget).toHaveLength(6);
  });
});
