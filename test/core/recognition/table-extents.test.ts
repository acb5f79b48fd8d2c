/** Cells typed next to an Excel table (issue 13, case 3): a finding at the first such cell, never silence. */
import { JOB_INPUTS, locateInputs, recognizeWorkbook } from '../../../src/core/recognition';
import { MAX_ROWS_BELOW_TABLE } from '../../../src/core/recognition/locate';
import { validateModel } from '../../../src/core/rules';
import { editsFor, resizeFor } from '../../../src/core/rules/quick-fixes';
import { cleanWorkbook, type Sheets } from '../../fixtures/broken-cases';
import { indexOf, readPlan } from '../../helpers/raw-workbook';

function check(sheets: Sheets) {
  const request = JOB_INPUTS.validation;
  const located = locateInputs(indexOf(sheets), request);
  const model = recognizeWorkbook(readPlan(sheets, located.plan), located, request);
  return { located, model, findings: validateModel(model).filter((f) => f.rule !== 'SUM-MISMATCH') };
}

const sheetOf = (sheets: Sheets, name: string) => sheets.find((s) => s.name === name)!;

/** The clean workbook with Driftbudget as an Excel table over its header and five rows (A1:G6). */
function withBudgetTable(): Sheets {
  const sheets = cleanWorkbook();
  sheetOf(sheets, 'Driftbudget').tables = [{ name: 'Driftbudget', range: 'A1:G6' }];
  return sheets;
}

const BUN = 'Barn- och ungdomsnämnden';

describe('rows and columns next to an Excel table', () => {
  it('a tidy table reads exactly the table: no extra ranges, no finding', () => {
    const { located, findings } = check(withBudgetTable());
    expect(located.plan.ranges.filter((r) => r.id.includes('+'))).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('two rows typed under the table: an error at the first such cell, with a fix that extends the table; after it the rows are counted', () => {
    const sheets = withBudgetTable();
    const budget = sheetOf(sheets, 'Driftbudget');
    budget.rows.push([BUN, 'Grundskola', '5010', 'Löner', 900, 925, 950], ['Kultur och fritidsnämnden', 'Bibliotek', '4010', 'Böcker', 10, 10, 10]);

    const before = check(sheets).findings;
    expect(before.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`)).toEqual(['STRUCT-OUTSIDE-TABLE error Driftbudget!A7']);
    const [finding] = before;
    expect(finding.message).toBe('2 rader direkt under tabellen ”Driftbudget” (rad 7–8) har belopp men ligger utanför tabellen och räknas inte med.');
    expect(finding.message_en).toBe('2 rows directly below the table "Driftbudget" (rows 7–8) have amounts but lie outside the table and are not counted.');
    expect(finding.range).toBe('A7:G8');
    expect(finding.fix).toMatch(/Tabelldesign → Ändra tabellstorlek/);
    expect(resizeFor(finding)).toEqual({ sheet: 'Driftbudget', table: 'Driftbudget', address: 'A1:G8' });
    expect(finding.quickFix?.label).toBe('Utöka tabellen till A1:G8');
    expect(editsFor(finding)).toEqual([]); // a resize, not a cell edit

    budget.tables = [{ name: 'Driftbudget', range: resizeFor(finding)!.address }];
    const after = check(sheets).findings;
    expect(after.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(
      expect.arrayContaining(['KEY-DUPLICATE Driftbudget!A7', 'KEY-UNKNOWN-NAMND Driftbudget!A8']),
    );
    expect(after.some((f) => f.rule === 'STRUCT-OUTSIDE-TABLE')).toBe(false);
  });

  it('a note typed under the table (no amounts) is a warning', () => {
    const sheets = withBudgetTable();
    sheetOf(sheets, 'Driftbudget').rows.push([null, 'Källa: ekonomisystemet']);
    const [finding] = check(sheets).findings;
    expect(finding).toMatchObject({ rule: 'STRUCT-OUTSIDE-TABLE', severity: 'warning', sheet: 'Driftbudget', cell: 'B7' });
    expect(finding.message).toBe('1 rad direkt under tabellen ”Driftbudget” (rad 7) ligger utanför tabellen och läses inte.');
  });

  it('rows after a fully empty row are not part of the table and not a finding', () => {
    const sheets = withBudgetTable();
    sheetOf(sheets, 'Driftbudget').rows.push([], [BUN, 'Grundskola', '5020', 'Löner', 1, 1, 1]);
    expect(check(sheets).findings).toEqual([]);
  });

  it('a column typed right of the table: a warning at its first cell, the fix extends the table to the right', () => {
    const sheets = withBudgetTable();
    const rows = sheetOf(sheets, 'Driftbudget').rows;
    rows[0][7] = 'Kommentar';
    rows[2][7] = 'ny';
    rows[2][8] = 'x';
    const [finding, ...rest] = check(sheets).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'STRUCT-OUTSIDE-TABLE', severity: 'warning', sheet: 'Driftbudget', cell: 'H1', range: 'H1:I6' });
    expect(finding.message).toBe('2 kolumner direkt till höger om tabellen ”Driftbudget” (kolumn H–I) ligger utanför tabellen och läses inte.');
    expect(resizeFor(finding)?.address).toBe('A1:I6');
  });

  it('reads a bounded number of rows below a table', () => {
    const sheets = withBudgetTable();
    const rows = sheetOf(sheets, 'Driftbudget').rows;
    for (let i = 0; i < MAX_ROWS_BELOW_TABLE + 50; i++) rows.push([BUN, 'Grundskola', String(5100 + i), 'Rad', 1, 1, 1]);
    const { located, findings } = check(sheets);
    expect(located.plan.ranges.find((r) => r.id === 'driftbudget#table+below')?.address).toBe(`A7:G${6 + MAX_ROWS_BELOW_TABLE}`);
    const finding = findings.find((f) => f.rule === 'STRUCT-OUTSIDE-TABLE')!;
    expect(finding.message).toContain(`(rad 7–${6 + MAX_ROWS_BELOW_TABLE} och fler)`);
  });
});
