/** `budgetkoll validate`: output formats, exit codes, progress, settings file. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROKEN_CASES, brokenWorkbook, cleanWorkbook, type Sheets } from '../fixtures/broken-cases';
import { expectClearLine, run, runCli, stderrLines } from './run-cli';
import { testSheetsToXlsx } from './xlsx-fixtures';

let dir: string;
let clean: string;
let overFrame: string;
let jump: string;

async function write(name: string, sheets: Sheets): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await testSheetsToXlsx(sheets));
  return path;
}

function writeText(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const caseOf = (rule: string) => BROKEN_CASES.find((c) => c.rule === rule)!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-validate-'));
  clean = await write('ren.xlsx', cleanWorkbook());
  overFrame = await write('over-ram.xlsx', brokenWorkbook(caseOf('RAM-OVER')));
  jump = await write('ramsprang.xlsx', brokenWorkbook(caseOf('RAM-JUMP')));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('validate --format json', () => {
  it('has exactly the documented shape', async () => {
    const result = await run('validate', '--format', 'json', overFrame, clean);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['files', 'unreadable']);
    const files = out.files as Record<string, unknown>[];
    expect(files.map((f) => Object.keys(f))).toEqual([
      ['file', 'findings', 'summary'],
      ['file', 'findings', 'summary'],
    ]);
    expect(files[0].file).toBe(overFrame);
    expect(files[0].summary).toEqual({ error: 1, warning: 0, info: 0 });
    expect(files[1]).toEqual({ file: clean, findings: [], summary: { error: 0, warning: 0, info: 0 } });
    const [finding] = files[0].findings as Record<string, unknown>[];
    expect(finding).toEqual({
      rule: 'RAM-OVER',
      severity: 'error',
      sheet: 'Ramar',
      cell: 'C2',
      message: expect.stringMatching(/^Barn- och ungdomsnämnden 2028: nettobudgeten 1\s035 tkr överstiger ramen 1\s030 tkr med 5 tkr\.$/),
      message_en: expect.stringMatching(/^Barn- och ungdomsnämnden 2028: /),
      fix: expect.stringMatching(/\S/),
      fix_en: expect.stringMatching(/^[\x20-\x7e–→]+$/),
      board: 'Barn- och ungdomsnämnden',
    });
    // The required keys come first, in the documented order.
    expect(Object.keys(finding).slice(0, 6)).toEqual(['rule', 'severity', 'sheet', 'cell', 'message', 'message_en']);
  });

  it('exit 0 when there are only warnings or info', async () => {
    const result = await run('validate', '--format', 'json', jump);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { files: { findings: { rule: string; severity: string }[] }[] };
    expect(out.files[0].findings).toEqual([expect.objectContaining({ rule: 'RAM-JUMP', severity: 'info' })]);
  });
});

describe('validate, text output', () => {
  it('groups by file and sheet, with severity, rule, cell, message, fix and a Swedish summary line', async () => {
    const result = await run('validate', overFrame);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(overFrame);
    expect(lines[1]).toBe('  Flik Ramar');
    expect(lines[2]).toMatch(/^ {4}fel +RAM-OVER +C2 +Barn- och ungdomsnämnden 2028: nettobudgeten 1\s035 tkr överstiger ramen 1\s030 tkr med 5 tkr\.$/);
    expect(lines[3]).toMatch(/^ +Åtgärd: \S/);
    expect(lines[4]).toBe('  Sammanfattning: 1 fel, 0 varningar, 0 info. Felen måste rättas innan budgeten lämnas in.');
    expect(lines).toHaveLength(5);
  });

  it('a clean file says so', async () => {
    const result = await run('validate', clean);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${clean}\n  Inga anmärkningar.\n  Sammanfattning: 0 fel, 0 varningar, 0 info. Inga fel.\n`);
  });

  it('many files end with a summary table per file, unreadable ones included', async () => {
    const missing = join(dir, 'saknas.xlsx');
    const result = await run('validate', clean, overFrame, jump, missing);
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toEqual([`budgetkoll: ${missing}: Filen finns inte.`]);
    const table = result.stdout.trimEnd().split('\n').slice(-6);
    expect(table[0]).toMatch(/^Fil +Fel +Varningar +Info +Resultat$/);
    expect(table[1]).toMatch(/^─+$/);
    expect(table[2]).toMatch(new RegExp(`^${clean} +0 +0 +0 +godkänd$`));
    expect(table[3]).toMatch(new RegExp(`^${overFrame} +1 +0 +0 +fel att rätta$`));
    expect(table[4]).toMatch(new RegExp(`^${jump} +0 +0 +1 +godkänd$`));
    expect(table[5]).toMatch(new RegExp(`^${missing} +– +– +– +kunde inte läsas$`));
  });

  it('draws a progress bar on stderr only when it is a terminal, and wipes it', async () => {
    const files = [clean, overFrame, jump];
    const tty = await runCli(['validate', ...files], { stderrIsTTY: true, columns: 100 });
    expect(tty.stderr).toContain('[');
    expect(tty.stderr).toContain('0/3');
    expect(tty.stderr).toContain('3/3');
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(tty.stdout).toBe((await run('validate', ...files)).stdout);
    const piped = await runCli(['validate', ...files], { stderrIsTTY: false });
    expect(piped.stderr).toBe('');
    const single = await runCli(['validate', clean], { stderrIsTTY: true });
    expect(single.stderr).toBe('');
  });
});

describe('validate --config', () => {
  it('overrides a threshold: a larger frameJump silences RAM-JUMP', async () => {
    const config = writeText('inst.json', JSON.stringify({ frameJump: 0.5, maxDirections: 6 }));
    const before = JSON.parse((await run('validate', '--format', 'json', jump)).stdout) as { files: { findings: unknown[] }[] };
    expect(before.files[0].findings).toHaveLength(1);
    const after = await run('validate', '--format', 'json', '--config', config, jump);
    expect(after.code).toBe(0);
    expect((JSON.parse(after.stdout) as { files: { findings: unknown[] }[] }).files[0].findings).toEqual([]);
  });

  it('toleranceKr applies where Parametrar sets no Tolerans; Parametrar goes first', async () => {
    const config = writeText('tolerans.json', '{"toleranceKr": 10000}');
    // The RAM-OVER case is 5 tkr over; Parametrar says Tolerans 0.5 tkr.
    const withParameter = await run('validate', '--format', 'json', '--config', config, overFrame);
    expect(withParameter.code).toBe(1);
    const sheets = brokenWorkbook(caseOf('RAM-OVER'));
    const params = sheets.find((s) => s.name === 'Parametrar')!;
    params.rows = params.rows.filter((r) => r[0] !== 'Tolerans');
    const noParameter = await write('over-ram-utan-tolerans.xlsx', sheets);
    expect((await run('validate', noParameter)).code).toBe(1);
    const result = await run('validate', '--format', 'json', '--config', config, noParameter);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { files: { findings: unknown[] }[] }).files[0].findings).toEqual([]);
  });

  it.each([
    ['{"frameJmp": 0.2}', /okänd inställning "frameJmp" i .*inst-fel\.json\. Menade du "frameJump"\? Tillåtna: toleranceKr, frameJump/],
    ['{"färg": "blå"}', /okänd inställning "färg".* Tillåtna: /],
    ['{"frameJump": 10}', /inställningen "frameJump" i .* ska vara en andel mellan 0 och 1/],
    ['{"frameJump": "10 %"}', /ska vara en andel/],
    ['{"maxDirections": 2.5}', /"maxDirections" .* ska vara ett heltal från 0/],
    ['{"riskScale": {"min": 4, "max": 1}}', /"riskScale" .* min är mindre än max/],
    ['{"riskScale": {"min": 1, "max": 4, "mitt": 2}}', /okänd nyckel "mitt"/],
    ['{"politicalTypes": []}', /"politicalTypes" .* en lista med texter/],
    ['[1, 2]', /ska innehålla ett JSON-objekt/],
    ['{frameJump: 0.2}', /är inte giltig JSON/],
  ])('a bad settings file %s is one Swedish line, exit 2, nothing on stdout', async (text, message) => {
    const config = writeText('inst-fel.json', text);
    const result = await run('validate', '--format', 'json', '--config', config, clean);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^budgetkoll: /);
    expect(lines[0]).toMatch(message);
  });

  it('a settings file that does not exist is one line, exit 2', async () => {
    const result = await run('validate', '--config', join(dir, 'finns-inte.json'), clean);
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toEqual([`budgetkoll: kan inte läsa inställningsfilen ${join(dir, 'finns-inte.json')}: filen finns inte.`]);
  });
});

describe('validate arguments', () => {
  it.each([
    [['validate'], 'validate: ange minst en arbetsbok'],
    [['validate', '--format', 'xml', 'a.xlsx'], 'validate: --format ska vara text eller json, inte "xml"'],
    [['validate', '--format'], 'flaggan --format behöver ett värde'],
    [['validate', '--snabb', 'a.xlsx'], 'okänd flagga --snabb'],
  ])('%j is one Swedish line and exit 2', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expectClearLine(lines[0]);
    expect(lines[0]).toContain(message);
  });

  it('--help explains formats, settings and exit codes', async () => {
    const result = await run('validate', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Användning: budgetkoll validate FIL.xlsx... [--format text|json] [--config inställningar.json]');
    for (const key of ['toleranceKr', 'frameJump', 'volumeJump', 'forecastMiss', 'riskScale', 'riskNeedsControl', 'maxDirections', 'maxDirectionLength', 'politicalTypes']) {
      expect(result.stdout).toContain(key);
    }
    expect(result.stdout).toContain('Slutkoder: 0 = inga fel, 1 = fel hittades, 2 =');
  });
});
