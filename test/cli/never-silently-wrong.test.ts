/**
 * Issue 13 on real .xlsx files through the CLI: an untouched template is not "ready to submit",
 * and rows typed under an Excel table are a finding at the first such cell.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBudgetModel } from '../../src/core/recognition';
import { validateModel } from '../../src/core/rules';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';
import { cleanWorkbook, type Sheets } from '../fixtures/broken-cases';
import { run } from './run-cli';
import { testSheetsToXlsx } from './xlsx-fixtures';

interface JsonOut {
  files: { findings: { rule: string; severity: string; sheet: string; cell: string; message: string; fix?: string }[] }[];
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-silent-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('an untouched template', () => {
  it('validate exits 1 with errors that name what is missing', async () => {
    const file = join(dir, 'mall.xlsx');
    expect((await run('template', '-o', file, '--year', '2027')).code).toBe(0);

    const text = await run('validate', file);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/fel\s+STRUCT-EMPTY-INPUT\s+A3\s+”Ramar” har rubriker men inga rader/);
    expect(text.stdout).toMatch(/fel\s+STRUCT-EMPTY-INPUT\s+A3\s+”Driftbudget” har rubriker men inga rader/);
    expect(text.stdout).toMatch(/Sammanfattning: 2 fel, .*Kan inte lämnas in – det saknas: (Driftbudget \(inga rader\) och Ramar \(inga rader\)|Ramar \(inga rader\) och Driftbudget \(inga rader\))\./);
    expect(text.stdout).not.toMatch(/kan lämnas in\b(?! –)/);

    const json = await run('validate', '--format', 'json', file);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as { files: { findings: { rule: string; sheet: string; cell: string }[] }[] };
    const empty = out.files[0].findings.filter((f) => f.rule === 'STRUCT-EMPTY-INPUT').map((f) => `${f.sheet}!${f.cell}`);
    expect(empty.sort()).toEqual(['Driftbudget!A3', 'Ramar!A3']);
  });
});

describe('rows typed under an Excel table', () => {
  /** Driftbudget as a table A2:G602 (a title in row 1, 600 rows), and two rows typed under it (603–604). */
  function workbook(): Sheets {
    const sheets = cleanWorkbook();
    const budget = sheets.find((x) => x.name === 'Driftbudget')!;
    const [header, ...rows] = budget.rows;
    const filled: (string | number | null)[][] = [];
    for (let i = 0; i < 600; i++) {
      const [board, activity, , label, a, b, c] = rows[i % rows.length] as (string | number)[];
      // Each of the five rows 120 times (one account each), its amounts split so the totals stay.
      filled.push([board, activity, String(5100 + i), label, (a as number) / 120, (b as number) / 120, (c as number) / 120]);
    }
    budget.rows = [['Driftbudget 2027–2029'], header, ...filled, filled[0], ['Kultur och fritidsnämnden', 'Bibliotek', '4010', 'Böcker', 10, 10, 10]];
    budget.tables = [{ name: 'Driftbudget', range: 'A2:G602' }];
    return sheets;
  }

  it('validate reports them at the first such cell (A603) on a real .xlsx; after "Utöka tabellen" (xlsx port) they are counted', async () => {
    const file = join(dir, 'rader-under-tabell.xlsx');
    writeFileSync(file, await testSheetsToXlsx(workbook()));

    const before = await run('validate', '--format', 'json', file);
    expect(before.code).toBe(1);
    const found = (JSON.parse(before.stdout) as JsonOut).files[0].findings;
    const outside = found.filter((f) => f.rule === 'STRUCT-OUTSIDE-TABLE');
    expect(outside.map((f) => `${f.severity} ${f.sheet}!${f.cell}`)).toEqual(['error Driftbudget!A603']);
    expect(outside[0].message).toBe('2 rader direkt under tabellen ”Driftbudget” (rad 603–604) har belopp men ligger utanför tabellen och räknas inte med.');
    expect(outside[0].fix).toMatch(/Utöka tabellen/);
    // Not counted yet: neither the duplicate nor the misspelt nämnd is seen.
    expect(found.filter((f) => f.rule === 'KEY-DUPLICATE' || f.rule === 'KEY-UNKNOWN-NAMND')).toEqual([]);

    // The playground's port (the xlsx adapter in the browser) reports the same finding.
    const port = await XlsxWorkbookPort.fromBuffer(readFileSync(file));
    const inPlayground = validateModel(await readBudgetModel(port, 'validation')).filter((f) => f.rule === 'STRUCT-OUTSIDE-TABLE');
    expect(inPlayground.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message }))).toEqual(
      outside.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message })),
    );
    expect(inPlayground[0].quickFix?.resizeTable).toEqual({ sheet: 'Driftbudget', table: 'Driftbudget', address: 'A2:G604' });

    await port.resizeTable({ sheet: 'Driftbudget', table: 'Driftbudget', address: 'A2:G604' });
    const fixed = join(dir, 'rader-under-tabell-utokad.xlsx');
    writeFileSync(fixed, await port.toBuffer());

    const after = (JSON.parse((await run('validate', '--format', 'json', fixed)).stdout) as JsonOut).files[0].findings;
    expect(after.filter((f) => f.rule === 'STRUCT-OUTSIDE-TABLE')).toEqual([]);
    expect(after.filter((f) => f.rule === 'KEY-DUPLICATE' || f.rule === 'KEY-UNKNOWN-NAMND').map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([
      'KEY-DUPLICATE Driftbudget!A603',
      'KEY-UNKNOWN-NAMND Driftbudget!A604',
    ]);
  });
});
