/**
 * UTF-PERIOD-FORM on a real .xlsx (issue 13): Utfall periods typed as text "2027/08" and "2027-3".
 * `followup` exits 1 naming both cells, lists the findings and writes nothing; after the cells
 * hold what the quick fix writes ("2027-08", "2027-03") `followup` writes the tabs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { MIN_SAMPLE_ROWS } from '../../src/core/sample/generate';
import { run } from './run-cli';

const SOC = 'Socialnämnden';
let dir: string;
let broken: string;
/** The cells changed, the text typed and the canonical form. */
const typed: { cell: string; text: string; canonical: string }[] = [];

async function edit(path: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  change(wb);
  writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-period-'));
  broken = join(dir, 'budget.xlsx');
  expect((await run('sample', '-o', broken, '--rows', String(MIN_SAMPLE_ROWS), '--year', '2027')).code).toBe(0);
  await edit(broken, (wb) => {
    const utfall = wb.getWorksheet('Utfall')!;
    const forms: Record<string, [string, string]> = { '2027-08': ['2027/08', '2027-08'], '2027-03': ['2027-3', '2027-03'] };
    for (let r = 1; r <= utfall.rowCount; r++) {
      const row = utfall.getRow(r);
      const period = row.getCell(4).value;
      if (row.getCell(1).value !== SOC || typeof period !== 'string' || !forms[period]) continue;
      const [text, canonical] = forms[period];
      delete forms[period];
      row.getCell(4).value = text;
      typed.push({ cell: row.getCell(4).address, text, canonical });
    }
  });
  expect(typed).toHaveLength(2);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('Utfall periods in a form the formulas do not count', () => {
  it('followup exits 1 naming the cells, lists UTF-PERIOD-FORM and writes nothing', async () => {
    const out = join(dir, 'uppf.xlsx');
    const result = await run('followup', broken, '--report', 'august', '--all', '-o', out);
    expect(result.code).toBe(1);
    for (const t of typed) expect(result.stderr).toContain(`Utfall!${t.cell}`);
    expect(result.stderr).toMatch(/2 perioder i Utfall är inte skrivna som ”ÅÅÅÅ-MM”.*inget skrevs/);
    expect(result.stdout).toContain('UTF-PERIOD-FORM');
    expect(existsSync(out)).toBe(false);

    const json = await run('followup', broken, '--report', 'august', '--all', '-o', out, '--format', 'json');
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { written: boolean; findings: { rule: string; sheet: string; cell: string; message: string }[] };
    expect(parsed.written).toBe(false);
    expect(parsed.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`).sort()).toEqual(typed.map((t) => `UTF-PERIOD-FORM Utfall!${t.cell}`).sort());
    const slash = parsed.findings.find((f) => f.cell === typed.find((t) => t.text === '2027/08')!.cell)!;
    expect(slash.message).toContain('”2027/08” läser Budgetkoll som 2027-08');
  });

  it('after the cells hold the canonical form, followup writes the tabs', async () => {
    const fixed = join(dir, 'fixed.xlsx');
    writeFileSync(fixed, readFileSync(broken));
    await edit(fixed, (wb) => {
      for (const t of typed) wb.getWorksheet('Utfall')!.getCell(t.cell).value = t.canonical;
    });
    const out = join(dir, 'fixed-uppf.xlsx');
    const result = await run('followup', fixed, '--report', 'august', '--board', SOC, '-o', out);
    expect(result.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
