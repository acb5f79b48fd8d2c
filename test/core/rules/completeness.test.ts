/** Completeness: an empty or incomplete workbook is never "ready to submit" (issue 13, case 2). */
import { listPhrase, submissionGaps } from '../../../src/core/findings';
import { JOB_INPUTS, locateInputs, recognizeWorkbook } from '../../../src/core/recognition';
import { buildControlReport } from '../../../src/core/reports/control-report';
import { validateModel } from '../../../src/core/rules';
import { cleanWorkbook, type Sheets } from '../../fixtures/broken-cases';
import { indexOf, readPlan } from '../../helpers/raw-workbook';

function validate(sheets: Sheets) {
  const request = JOB_INPUTS.validation;
  const located = locateInputs(indexOf(sheets), request);
  return validateModel(recognizeWorkbook(readPlan(sheets, located.plan), located, request));
}

const sheetOf = (sheets: Sheets, name: string) => sheets.find((s) => s.name === name)!;
const errors = (sheets: Sheets) => validate(sheets).filter((f) => f.severity === 'error' && f.rule !== 'SUM-MISMATCH');

/** The untouched template: Ramar and Driftbudget as Excel tables with headers and one empty row. */
function untouchedTemplate(): Sheets {
  return [
    { name: 'Ramar', rows: [['Nämnd', 'Ram 2027', 'Ram 2028', 'Ram 2029'], [null, null, null, null]], tables: [{ name: 'Ramar', range: 'A1:D2' }] },
    {
      name: 'Driftbudget',
      rows: [['Nämnd', 'Verksamhet', 'Konto', 'Benämning', 'Budget 2027', 'Plan 2028', 'Plan 2029'], [null, null, null, null, null, null, null]],
      tables: [{ name: 'Driftbudget', range: 'A1:G2' }],
    },
  ];
}

describe('completeness', () => {
  it('an untouched template: one STRUCT-EMPTY-INPUT per needed input, at its first data cell, naming what is missing', () => {
    const found = errors(untouchedTemplate());
    expect(found.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(['STRUCT-EMPTY-INPUT Driftbudget!A2', 'STRUCT-EMPTY-INPUT Ramar!A2']);
    expect(found[1].message).toBe('”Ramar” har rubriker men inga rader. Den behövs för budgetkontrollen.');
    expect(found[1].message_en).toBe('"Ramar" has headers but no rows. It is needed for the budget check.');
    expect(submissionGaps(found).map((g) => g.sv)).toEqual(['Driftbudget (inga rader)', 'Ramar (inga rader)']);
  });

  it('an empty Ramar is one finding, not KEY-UNKNOWN-NAMND on every budget row', () => {
    const sheets = cleanWorkbook();
    sheetOf(sheets, 'Ramar').rows.splice(1);
    const found = errors(sheets);
    expect(found.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(['STRUCT-EMPTY-INPUT Ramar!A2']);
  });

  it('an empty Driftbudget is one finding, not KEY-NAMND-NO-BUDGET for every nämnd', () => {
    const sheets = cleanWorkbook();
    sheetOf(sheets, 'Driftbudget').rows.splice(1);
    const found = errors(sheets).filter((f) => !f.rule.startsWith('RAM-'));
    expect(found.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(['STRUCT-EMPTY-INPUT Driftbudget!A2']);
  });

  it('a year column with no figures: STRUCT-EMPTY-YEAR at its header, in Ramar and Driftbudget', () => {
    const sheets = cleanWorkbook();
    for (const row of sheetOf(sheets, 'Ramar').rows.slice(1, 3)) row[2] = null;
    sheetOf(sheets, 'Ramar').rows[3][2] = null;
    for (const row of sheetOf(sheets, 'Driftbudget').rows.slice(1)) row[6] = '';
    const found = validate(sheets).filter((f) => f.rule === 'STRUCT-EMPTY-YEAR');
    expect(found.map((f) => `${f.sheet}!${f.cell} ${f.message}`)).toEqual([
      'Driftbudget!G1 ”Driftbudget” har inga belopp för 2029: kolumnen är tom på alla rader.',
      'Ramar!C1 ”Ramar” har inga belopp för 2028: kolumnen är tom på alla rader.',
    ]);
    expect(submissionGaps(found).map((g) => g.en)).toEqual(['Driftbudget 2029 (no figures)', 'Ramar 2028 (no figures)']);
  });

  it('one filled cell is enough: a year with a 0 has figures', () => {
    const sheets = cleanWorkbook();
    const rows = sheetOf(sheets, 'Driftbudget').rows.slice(1);
    rows.forEach((row, i) => (row[6] = i === 0 ? 0 : null));
    expect(validate(sheets).filter((f) => f.rule === 'STRUCT-EMPTY-YEAR')).toEqual([]);
  });

  it('a nämnd in Ramar with empty frame cells: KEY-NAMND-NO-FRAME at the nämnd cell; its budget rows are mentioned', () => {
    const sheets = cleanWorkbook();
    sheetOf(sheets, 'Ramar').rows[2] = ['Kultur- och fritidsnämnden', null, null, ''];
    const found = validate(sheets).filter((f) => f.rule === 'KEY-NAMND-NO-FRAME');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ sheet: 'Ramar', cell: 'A3', range: 'B3:D3', severity: 'error', board: 'Kultur- och fritidsnämnden' });
    expect(found[0].message).toBe('Kultur- och fritidsnämnden står i Ramar men ramcellerna är tomma för alla år, fast nämnden har rader i Driftbudget.');
    expect(submissionGaps(found)).toEqual([{ sv: 'ram för Kultur- och fritidsnämnden', en: 'frame for Kultur- och fritidsnämnden' }]);
  });

  it('a nämnd with frames but no budget rows (KEY-NAMND-NO-BUDGET) and budget rows without a frame (KEY-UNKNOWN-NAMND) are gaps and errors', () => {
    const sheets = cleanWorkbook();
    sheetOf(sheets, 'Ramar').rows.splice(3, 0, ['Valnämnden', 1, 1, 1]);
    sheetOf(sheets, 'Driftbudget').rows.push(['Miljönämnden', 'Tillsyn', '5010', 'Löner', 1, 1, 1]);
    const found = errors(sheets);
    expect(found.find((f) => f.rule === 'KEY-NAMND-NO-BUDGET')).toMatchObject({ sheet: 'Ramar', cell: 'A4' });
    expect(found.find((f) => f.rule === 'KEY-UNKNOWN-NAMND')).toMatchObject({ sheet: 'Driftbudget', cell: 'A7' });
    expect(submissionGaps(found).map((g) => g.sv)).toEqual(['Driftbudget för Valnämnden']);
  });

  it('the clean workbook has no gaps', () => {
    expect(submissionGaps(validate(cleanWorkbook()))).toEqual([]);
  });

  it('the Kontrollrapport says the workbook cannot be submitted and what is missing', () => {
    const findings = validate(untouchedTemplate());
    const spec = buildControlReport({ findings, frames: [], years: null, generatedAt: new Date(Date.UTC(2027, 0, 5)) });
    const texts = spec.rows.flat().map((c) => (typeof c === 'object' && c !== null && 'value' in c ? String(c.value) : String(c)));
    expect(texts).toContain(
      'Arbetsboken kan inte lämnas in – det saknas: Driftbudget (inga rader) och Ramar (inga rader). Klicka på cellen i listan nedan för att gå dit.',
    );
    expect(texts.join('\n')).not.toMatch(/kan lämnas in\./);
  });

  it('lists phrases the Swedish and the English way', () => {
    expect(listPhrase(['A', 'B', 'C'], 'sv')).toBe('A, B och C');
    expect(listPhrase(['A', 'B'], 'en')).toBe('A and B');
    expect(listPhrase([], 'en')).toBe('');
  });
});
