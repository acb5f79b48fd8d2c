/**
 * Inlämning on real .xlsx files through the CLI: submit, then verify the copy as the receiving
 * team does; change one input cell → that cell; a hand-edited receipt → tampered; a second
 * submission → version 2 with the first in the Ändringslogg. The sample workbook is written by
 * `budgetkoll sample`, and cells are changed the way a user would, with ExcelJS.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommentFlag } from '../../src/cli/commands/submit';
import type { VerifyJson } from '../../src/cli/commands/verify';
import { run } from './run-cli';

let dir: string;
let book: string;
let config: string;

/** Every warning of a file as --comment flags (what a controller answers before submitting). */
async function commentFlags(file: string): Promise<string[]> {
  const r = await run('validate', file, '--format', 'json', '--config', config);
  const findings = JSON.parse(r.stdout).files[0].findings as { rule: string; severity: string; sheet: string; cell: string }[];
  return findings.filter((f) => f.severity === 'warning').flatMap((f) => ['--comment', `${f.rule}@'${f.sheet.replace(/'/g, "''")}'!${f.cell}=Förklarat i nämndens skrivelse`]);
}

async function editCell(file: string, out: string, sheet: string, address: string, value: ExcelJS.CellValue): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  wb.getWorksheet(sheet)!.getCell(address).value = value;
  writeFileSync(out, new Uint8Array(await wb.xlsx.writeBuffer()));
}

async function verifyJson(...files: string[]): Promise<{ code: number; json: VerifyJson }> {
  const r = await run('verify', ...files, '--format', 'json', '--config', config);
  return { code: r.code, json: JSON.parse(r.stdout) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bk-submit-'));
  book = join(dir, 'budget.xlsx');
  expect((await run('sample', '-o', book, '--rows', '400', '--seed', '3')).code).toBe(0);
  // A stricter volume-jump threshold than the default 15 %: two of the sample's volume forecasts
  // become warnings (VOL-JUMP) a controller must comment on, with no error.
  config = join(dir, 'strikt.json');
  writeFileSync(config, JSON.stringify({ volumeJump: 0.03 }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--comment flags', () => {
  it('parse RULE@Sheet!CELL=TEXT, quoted sheets, a bare cell, and text holding "="', () => {
    expect(parseCommentFlag("RAM-UNDER@'Övriga förändringar'!c5=a = b")).toMatchObject({ rule: 'RAM-UNDER', sheet: 'Övriga förändringar', cell: 'C5', text: 'a = b' });
    expect(parseCommentFlag('VOL-JUMP@E12=Ny skola')).toMatchObject({ rule: 'VOL-JUMP', sheet: null, cell: 'E12', text: 'Ny skola' });
    expect(() => parseCommentFlag('utan-snabel')).toThrow(/REGEL@Flik!CELL=TEXT/);
  });
});

describe('budgetkoll submit and verify', () => {
  let submitted: string;

  it('refuses while a warning lacks a comment (exit 1), listing the flag to give', async () => {
    const flags = await commentFlags(book);
    expect(flags.length).toBeGreaterThan(0);
    const r = await run('submit', book, '--by', 'Anna Andersson', '--config', config, '-o', join(dir, 'nej.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--comment "');
    expect(() => readFileSync(join(dir, 'nej.xlsx'))).toThrow();
  });

  it('submits with every warning commented: the copy verifies as intact, the file not submitted does not', async () => {
    submitted = join(dir, 'inlamnad.xlsx');
    const r = await run('submit', book, '--by', 'Anna Andersson', '--config', config, ...(await commentFlags(book)), '-o', submitted);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Fingeravtryck: [0-9a-f]{64}/);
    const { code, json } = await verifyJson(submitted, book);
    expect(code).toBe(0);
    expect(json.files.map((f) => f.status)).toEqual(['intact', 'not-submitted']);
    expect(json.files[0].submitted).toMatchObject({ number: 1, by: 'Anna Andersson' });
    expect(json.files[0].findings_then).toEqual(json.files[0].findings_now);
  });

  it('one input cell changed after submission: exactly that cell, exit 1', async () => {
    const changed = join(dir, 'andrad.xlsx');
    await editCell(submitted, changed, 'Driftbudget', 'E5', 123456);
    const { code, json } = await verifyJson(changed);
    expect(code).toBe(1);
    expect(json.files[0].status).toBe('changed');
    expect(json.files[0].changed).toEqual([{ sheet: 'Driftbudget', cell: 'E5', kind: 'changed' }]);
    const text = await run('verify', changed, '--config', config);
    expect(text.stdout).toContain('ändrad efter inlämning: 1 cell');
    expect(text.stdout).toContain('Driftbudget!E5  ändrad');
  });

  it('a hand-edited fingerprint on the Inlämning tab is reported as tampered, not as valid', async () => {
    const tampered = join(dir, 'manipulerad.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(submitted) as unknown as ArrayBuffer);
    const tab = wb.getWorksheet('Inlämning')!;
    let edited = false;
    tab.eachRow((row) => {
      if (row.getCell(1).text === 'Fingeravtryck (SHA-256)') {
        row.getCell(2).value = '0'.repeat(64);
        edited = true;
      }
    });
    expect(edited).toBe(true);
    writeFileSync(tampered, new Uint8Array(await wb.xlsx.writeBuffer()));
    const { code, json } = await verifyJson(tampered);
    expect(code).toBe(1);
    expect(json.files[0].status).toBe('tampered');
    expect(json.files[0].reason).toContain('ändrats för hand');
  });

  it('submitting again gives version 2, with version 1 in the Ändringslogg', async () => {
    const again = join(dir, 'inlamnad-2.xlsx');
    const r = await run('submit', submitted, '--by', 'Bo Berg', '--config', config, ...(await commentFlags(submitted)), '-o', again);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(version 2)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(again) as unknown as ArrayBuffer);
    expect(wb.worksheets.filter((s) => s.name.startsWith('Inlämning'))).toHaveLength(1);
    const texts: string[] = [];
    wb.getWorksheet('Inlämning')!.eachRow((row) => texts.push(row.getCell(3).text));
    expect(texts).toEqual(expect.arrayContaining(['Anna Andersson', 'Bo Berg']));
    expect((await verifyJson(again)).json.files[0]).toMatchObject({ status: 'intact', submitted: { number: 2, by: 'Bo Berg' } });
  });

  it('an error in the workbook refuses the submission (exit 1) and writes nothing', async () => {
    const broken = join(dir, 'fel.xlsx');
    await editCell(book, broken, 'Ramar', 'B3', -5);
    const out = join(dir, 'fel-inlamnad.xlsx');
    const r = await run('submit', broken, '--by', 'Anna', '--config', config, ...(await commentFlags(broken)), '-o', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fel måste rättas först');
    expect(() => readFileSync(out)).toThrow();
  });
});
