/**
 * The STRUCT-OUTSIDE-TABLE quick fix in the Office adapter, over the Excel double: rows typed under
 * a table are a finding; Table.resize (ExcelApi 1.13) takes them in and they are then counted;
 * without 1.13 the user is told how to do it by hand; Excel's refusals are kept.
 */
import { readBudgetModel } from '../../../src/core/recognition';
import { validateModel } from '../../../src/core/rules';
import { resizeFor } from '../../../src/core/rules/quick-fixes';
import { WorkbookError } from '../../../src/core/workbook/port';
import { cleanWorkbook, type Sheets } from '../../fixtures/broken-cases';
import { ExcelDouble } from './excel-double';
import { portOver, upTo } from './office-fixtures';

const BUN = 'Barn- och ungdomsnämnden';

/** The clean workbook with Driftbudget as a table A1:G6 and two rows typed under it (7–8). */
function workbook(): Sheets {
  const sheets = cleanWorkbook();
  const budget = sheets.find((s) => s.name === 'Driftbudget')!;
  budget.tables = [{ name: 'Driftbudget', range: 'A1:G6' }];
  budget.rows.push([BUN, 'Grundskola', '5010', 'Löner', 900, 925, 950], ['Kultur och fritidsnämnden', 'Bibliotek', '4010', 'Böcker', 10, 10, 10]);
  return sheets;
}

function doubleOf(sheets: Sheets): ExcelDouble {
  const double = new ExcelDouble();
  for (const s of sheets) double.addSheet(s.name, s.rows, { tables: s.tables });
  return double;
}

const check = async (port: ReturnType<typeof portOver>) => validateModel(await readBudgetModel(port, 'validation')).filter((f) => f.rule !== 'SUM-MISMATCH');

describe('Office adapter: rows typed under a table', () => {
  it('are a finding at the first such cell; after Table.resize they are counted', async () => {
    const double = doubleOf(workbook());
    const port = portOver(double);
    const before = await check(port);
    expect(before.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(['STRUCT-OUTSIDE-TABLE Driftbudget!A7']);

    await port.resizeTable(resizeFor(before[0])!);
    expect((await port.index()).tables.find((t) => t.name === 'Driftbudget')?.address).toBe('A1:G8');
    const after = await check(port);
    expect(after.some((f) => f.rule === 'STRUCT-OUTSIDE-TABLE')).toBe(false);
    expect(after.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(expect.arrayContaining(['KEY-DUPLICATE Driftbudget!A7', 'KEY-UNKNOWN-NAMND Driftbudget!A8']));
    const model = await readBudgetModel(port, 'validation');
    expect(model.operatingBudget.map((r) => r.row + 1)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('without ExcelApi 1.13: an error that says how to resize the table by hand, and nothing changes', async () => {
    const double = doubleOf(workbook());
    const port = portOver(double, { isSetSupported: upTo('1.12') });
    const error = await port.resizeTable({ sheet: 'Driftbudget', table: 'Driftbudget', address: 'A1:G8' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(/Tabelldesign → Ändra tabellstorlek och ange A1:G8/);
    expect((error as WorkbookError).messageEn).toMatch(/Table Design → Resize Table and enter A1:G8/);
    expect((await portOver(double).index()).tables.find((t) => t.name === 'Driftbudget')?.address).toBe('A1:G6');
  });

  it('Excel refuses a resize over another table: a WorkbookError, the table as it was', async () => {
    const sheets = workbook();
    sheets.find((s) => s.name === 'Driftbudget')!.tables!.push({ name: 'Annan', range: 'I1:J3' });
    const port = portOver(doubleOf(sheets));
    await expect(port.resizeTable({ sheet: 'Driftbudget', table: 'Driftbudget', address: 'A1:J8' })).rejects.toBeInstanceOf(WorkbookError);
    expect((await port.index()).tables.find((t) => t.name === 'Driftbudget')?.address).toBe('A1:G6');
  });
});
