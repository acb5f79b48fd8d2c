/**
 * The broken-workbook corpus as real .xlsx files (docs/quality.md): each file yields its rule at the
 * right sheet and cell with a Swedish message and a fix, the clean workbook and the sample pass,
 * and files that are not workbooks get one clear Swedish line each and exit code 2.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VALIDATION_CHECKS } from '../../src/core/rules';
import { corpusFileName, makeBrokenCorpus, type CorpusFile } from '../../scripts/make-broken-corpus';
import { BROKEN_CASES } from '../fixtures/broken-cases';
import { expectClearLine, run, stderrLines } from './run-cli';
import { encryptedWorkbookBytes } from './xlsx-fixtures';

interface JsonFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
  message_en: string;
  fix?: string;
}

interface ValidateOutput {
  files: { file: string; findings: JsonFinding[]; summary: { error: number; warning: number; info: number } }[];
  unreadable: { file: string; message: string; message_en: string }[];
}

let dir: string;
let files: CorpusFile[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-corpus-'));
  files = await makeBrokenCorpus(dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the broken-workbook corpus', () => {
  it('has clean.xlsx and one <RULE>--<defect>.xlsx per case, covering every rule validation checks', () => {
    expect(files.map((f) => f.name)).toEqual(['clean.xlsx', ...BROKEN_CASES.map(corpusFileName)]);
    expect(corpusFileName(BROKEN_CASES.find((c) => c.rule === 'RAM-OVER')!)).toBe('RAM-OVER--over-ram.xlsx');
    const covered = new Set(files.map((f) => f.case?.rule));
    expect(VALIDATION_CHECKS.flatMap((c) => c.rules).filter((rule) => !covered.has(rule))).toEqual([]);
    // Real zip packages, not placeholders.
    for (const f of files) expect([...readFileSync(join(dir, f.name)).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('validate --format json over all of them: each file yields its rule at the right sheet and cell, in Swedish, with a fix', async () => {
    const paths = files.map((f) => join(dir, f.name));
    const result = await run('validate', '--format', 'json', ...paths);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1); // the broken files have errors
    const out = JSON.parse(result.stdout) as ValidateOutput;
    expect(out.files.map((f) => f.file)).toEqual(paths);
    expect(out.unreadable).toEqual([]);

    const wrong: string[] = [];
    out.files.forEach((report, i) => {
      const c = files[i].case;
      if (!c || c.job) return; // a follow-up case: see the next test
      const hit = report.findings.find((f) => f.rule === c.rule && f.sheet === c.sheet && f.cell === c.cell);
      if (!hit) {
        const seen = report.findings.filter((f) => f.rule === c.rule).map((f) => `${f.sheet}!${f.cell}`);
        wrong.push(`${files[i].name}: expected ${c.rule} at ${c.sheet}!${c.cell}, found ${seen.join(', ') || 'nothing'}`);
        return;
      }
      // Swedish first (the English text is separate), with what to do about it.
      if (!hit.message.trim() || hit.message === hit.message_en) wrong.push(`${files[i].name}: message not Swedish: ${hit.message}`);
      if (!hit.fix?.trim()) wrong.push(`${files[i].name}: no fix`);
      const expectedSummary = { error: 0, warning: 0, info: 0 };
      for (const f of report.findings) expectedSummary[f.severity as keyof typeof expectedSummary]++;
      if (JSON.stringify(report.summary) !== JSON.stringify(expectedSummary)) wrong.push(`${files[i].name}: summary does not count the findings`);
    });
    expect(wrong).toEqual([]);
  });

  it('followup over each follow-up case: exit 1, its rule at the right sheet and cell, in Swedish, and nothing written', async () => {
    const cases = files.filter((f) => f.case?.job === 'followUp');
    expect(cases.length).toBeGreaterThan(0);
    for (const f of cases) {
      const c = f.case!;
      const out = join(dir, `uppf-${f.name}`);
      const result = await run('followup', join(dir, f.name), '--all', '--report', 'august', '--year', '2027', '--format', 'json', '-o', out);
      expect({ file: f.name, code: result.code }).toEqual({ file: f.name, code: 1 });
      expect(result.stderr).toContain(`${c.sheet}!${c.cell}`);
      const parsed = JSON.parse(result.stdout) as { written: boolean; findings: JsonFinding[] };
      const hit = parsed.findings.find((x) => x.rule === c.rule && x.sheet === c.sheet && x.cell === c.cell);
      expect(hit && { rule: hit.rule, swedish: hit.message !== hit.message_en, fix: Boolean(hit.fix?.trim()) }).toEqual({ rule: c.rule, swedish: true, fix: true });
      expect(existsSync(out)).toBe(false);
    }
  });

  it('clean.xlsx has no findings at all and exits 0', async () => {
    const result = await run('validate', '--format', 'json', join(dir, 'clean.xlsx'));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout) as ValidateOutput;
    expect(out.files).toEqual([{ file: join(dir, 'clean.xlsx'), findings: [], summary: { error: 0, warning: 0, info: 0 } }]);
  });

  it('the Summa row of Ramar is a formula with its computed result cached, so the real file passes SUM-MISMATCH', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'clean.xlsx')) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet('Ramar')!.getCell('B4');
    expect(cell.formula).toBe('SUM(B2:B3)');
    expect(cell.result).toBe(1200);
  });
});

describe('the sample workbook', () => {
  it('sample (default size) written to .xlsx validates with exit 0 and no errors', async () => {
    const path = join(dir, 'exempel.xlsx');
    expect((await run('sample', '-o', path)).code).toBe(0);
    const result = await run('validate', '--format', 'json', path);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout) as ValidateOutput;
    expect(out.files).toHaveLength(1);
    expect(out.files[0].summary.error).toBe(0);
    expect(out.files[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('files that are not workbooks', () => {
  const bad: [string, () => Uint8Array, RegExp][] = [
    ['tom.xlsx', () => new Uint8Array(0), /tom \(0 byte\)/],
    ['inte-zip.xlsx', () => new TextEncoder().encode('Nämnd;Ram 2027\nSocialnämnden;12\n'), /ingen Excel-arbetsbok/],
    ['avkortad.xlsx', () => readFileSync(join(dir, 'clean.xlsx')).subarray(0, 3000), /skadad eller ofullständig/],
    ['losenord.xlsx', encryptedWorkbookBytes, /lösenordsskyddad/],
  ];

  it('each gets one clear Swedish line naming the file, exit 2; the readable file is still reported as valid JSON', async () => {
    const paths = bad.map(([name, bytes]) => {
      const path = join(dir, name);
      writeFileSync(path, bytes());
      return path;
    });
    const clean = join(dir, 'clean.xlsx');
    const result = await run('validate', '--format', 'json', paths[0], clean, ...paths.slice(1));
    expect(result.code).toBe(2);
    const lines = stderrLines(result);
    expect(lines).toHaveLength(bad.length);
    lines.forEach((line, i) => {
      expectClearLine(line);
      expect(line.startsWith(`budgetkoll: ${paths[i]}: `)).toBe(true);
      expect(line).toMatch(bad[i][2]);
    });
    // stdout is nothing but valid JSON, with the readable file in it.
    const out = JSON.parse(result.stdout) as ValidateOutput;
    expect(out.files.map((f) => f.file)).toEqual([clean]);
    expect(out.unreadable.map((u) => u.file)).toEqual(paths);
    expect(out.unreadable[3].message).toMatch(/lösenordsskyddad/);
  });

  it('in text mode a single unreadable file writes nothing on stdout', async () => {
    const path = join(dir, 'tom.xlsx');
    writeFileSync(path, new Uint8Array(0));
    const result = await run('validate', path);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(stderrLines(result)).toEqual([`budgetkoll: ${path}: Filen är tom (0 byte). Välj en Excel-arbetsbok (.xlsx).`]);
  });

  it('a file that does not exist, or a folder, is one line and exit 2', async () => {
    const missing = join(dir, 'saknas.xlsx');
    const result = await run('validate', missing, dir);
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toEqual([`budgetkoll: ${missing}: Filen finns inte.`, `budgetkoll: ${dir}: Det är en mapp, inte en fil.`]);
  });
});
