/**
 * KEY-SPELLING-VARIANT on a real .xlsx (issue 13, case 1): a Driftbudget nämnd with a trailing
 * space and a Utfall verksamhet with a decomposed "ä". `validate` exits 1 naming the Driftbudget
 * cell; `followup` exits 1 naming both cells and writes nothing; after the cells are corrected
 * (what the quick fix writes) `followup` writes the tabs.
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
/** The cells made variant, and their canonical text. */
const variants: { sheet: string; cell: string; text: string; canonical: string }[] = [];

async function edit(path: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  change(wb);
  writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/** The address of the first cell in column `col` (1-based) of a sheet whose text matches. */
function firstCell(ws: ExcelJS.Worksheet, col: number, match: (text: string) => boolean): string {
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(col).value;
    if (typeof v === 'string' && match(v)) return ws.getRow(r).getCell(col).address;
  }
  throw new Error('no such cell');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-spelling-'));
  broken = join(dir, 'budget.xlsx');
  expect((await run('sample', '-o', broken, '--rows', String(MIN_SAMPLE_ROWS), '--year', '2027')).code).toBe(0);
  await edit(broken, (wb) => {
    const drift = wb.getWorksheet('Driftbudget')!;
    const a = firstCell(drift, 1, (t) => t === SOC);
    drift.getCell(a).value = `${SOC} `;
    variants.push({ sheet: 'Driftbudget', cell: a, text: `${SOC} `, canonical: SOC });
    const utfall = wb.getWorksheet('Utfall')!;
    const b = firstCell(utfall, 2, (t) => t.normalize('NFD') !== t);
    const activity = utfall.getCell(b).value as string;
    utfall.getCell(b).value = activity.normalize('NFD');
    variants.push({ sheet: 'Utfall', cell: b, text: activity.normalize('NFD'), canonical: activity });
  });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('names with invisible differences', () => {
  it('validate exits 1 with KEY-SPELLING-VARIANT at the Driftbudget cell, saying what is invisible', async () => {
    const result = await run('validate', broken, '--format', 'json');
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout) as { files: { findings: { rule: string; sheet: string; cell: string; message: string; severity: string }[] }[] };
    const found = out.files[0].findings.filter((f) => f.rule === 'KEY-SPELLING-VARIANT');
    expect(found).toEqual([expect.objectContaining({ sheet: 'Driftbudget', cell: variants[0].cell, severity: 'error' })]);
    expect(found[0].message).toContain('”Socialnämnden␠” har ett mellanslag på slutet');
    const text = await run('validate', broken);
    expect(text.stdout).toContain(variants[0].cell);
  });

  it('followup exits 1 naming the cells and writes nothing', async () => {
    const out = join(dir, 'uppf.xlsx');
    const result = await run('followup', broken, '--report', 'august', '--all', '-o', out);
    expect(result.code).toBe(1);
    for (const v of variants) expect(result.stderr).toContain(`${v.sheet}!${v.cell}`);
    expect(result.stderr).toMatch(/osynlig skillnad.*inget skrevs/);
    expect(result.stdout).toContain('KEY-SPELLING-VARIANT');
    expect(existsSync(out)).toBe(false);
  });

  it('after the cells are corrected to the canonical names, followup writes the tabs', async () => {
    const fixed = join(dir, 'fixed.xlsx');
    writeFileSync(fixed, readFileSync(broken));
    await edit(fixed, (wb) => {
      for (const v of variants) wb.getWorksheet(v.sheet)!.getCell(v.cell).value = v.canonical;
    });
    expect((await run('validate', fixed, '--format', 'json')).stdout).not.toContain('KEY-SPELLING-VARIANT');
    const result = await run('followup', fixed, '--report', 'august', '--board', SOC, '-o', join(dir, 'fixed-uppf.xlsx'));
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'fixed-uppf.xlsx'))).toBe(true);
  });
});
