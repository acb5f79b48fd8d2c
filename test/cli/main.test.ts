import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { INPUTS } from '../../src/core/inputs/catalogue';
import { generateSample } from '../../src/core/sample';
import { inputHeaders, inputTableName } from '../../src/core/templates/input-layout';
import { readBudgetModel } from '../../src/core/recognition';
import { validateModel } from '../../src/core/rules';
import { main } from '../../src/cli/main';
import { nodeIo } from '../../src/cli/node-io';
import { VERSION } from '../../src/cli/version';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = { ...nodeIo(), stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** One clear Swedish line on stderr, no stack trace. */
function expectOneLine(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^budgetkoll: /);
  expect(stderr).not.toMatch(/\bat .*\(|Error:/);
}

async function readXlsx(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function headerOf(ws: ExcelJS.Worksheet): string[] {
  const row = ws.getRow(2);
  const out: string[] = [];
  for (let c = 1; c <= row.cellCount; c++) out.push(row.getCell(c).text);
  return out;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('budgetkoll', () => {
  it('--help lists the implemented commands in Swedish on stdout, exit 0', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Användning: budgetkoll <kommando>');
    expect(result.stdout).toMatch(/^\s+template\s+Skapa en tom standardmall/m);
    expect(result.stdout).toMatch(/^\s+sample\s+Skapa en realistisk exempelarbetsbok/m);
    expect(result.stdout).toMatch(/^\s+validate\s+Kontrollera arbetsböcker mot alla regler/m);
    expect(result.stdout).toMatch(/^\s+allocate\s+Räkna resursfördelningen/m);
    expect(result.stdout).toMatch(/^\s+followup\s+Skapa eller uppdatera uppföljningsflikar/m);
    expect(result.stdout).toMatch(/^\s+consolidate\s+Sammanställ nämndernas uppföljningsflikar/m);
    expect(result.stdout).toContain('1 = fel hittades i en arbetsbok');
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    expect(await run('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('without a command shows the help on stderr and exits 2', async () => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Kommandon:');
  });

  it('an unknown command is one Swedish line on stderr, exit 2', async () => {
    const result = await run('kontrollera', 'fil.xlsx');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLine(result.stderr);
    expect(result.stderr).toContain('okänt kommando "kontrollera"');
  });

  it.each([
    [['template'], 'ange filen att skriva med -o'],
    [['template', '-o', 'mall.xls'], 'måste sluta på .xlsx'],
    [['template', '-o', 'x.xlsx', '--year', 'nästa'], '--year ska vara ett heltal'],
    [['template', '-o', 'x.xlsx', '--färg', 'blå'], 'okänd flagga --färg'],
    [['template', '-o', 'x.xlsx', 'extra'], 'oväntat argument'],
    [['sample', '-o'], 'flaggan --output behöver ett värde'],
    [['sample', '-o', ''], 'ange filen att skriva med -o'],
    [['sample', '-o', 'x.xlsx', '--rows', 'många'], '--rows ska vara ett heltal'],
    [['sample', '-o', 'x.xlsx', '--rows', '300000'], '--rows ska vara ett heltal från'],
    [['sample', '-o', 'x.xlsx', '--seed=-1'], '--seed ska vara ett heltal'],
  ])('%j: bad arguments are one Swedish line, exit 2, nothing written', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toContain(message);
    expect(existsSync('x.xlsx')).toBe(false);
  });

  it('each command has its own --help', async () => {
    expect((await run('template', '--help')).stdout).toContain('Användning: budgetkoll template -o FIL.xlsx');
    const sample = await run('sample', '-h');
    expect(sample.code).toBe(0);
    expect(sample.stdout).toContain('Användning: budgetkoll sample [-o FIL.xlsx] [--rows N]');
  });

  it('sample without -o writes exempel-N.xlsx in the current directory (npm run sample -- --rows N)', async () => {
    const here = process.cwd();
    const work = join(dir, 'arbetsmapp');
    mkdirSync(work);
    process.chdir(work);
    try {
      const result = await run('sample', '--rows', '400');
      expect(result.code).toBe(0);
      expect(readdirSync(work)).toEqual(['exempel-400.xlsx']);
      expect((await readXlsx(join(work, 'exempel-400.xlsx'))).getWorksheet('Driftbudget')!.actualRowCount).toBe(402);
    } finally {
      process.chdir(here);
    }
  });

  it('an unwritable path is one Swedish line, exit 2, and no file', async () => {
    const target = join(dir, 'saknas', 'mall.xlsx');
    const result = await run('template', '-o', target);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toContain('mappen finns inte');
    expect(existsSync(target)).toBe(false);
  });

  it('template -o writes a real workbook with every input as a table with the catalogue headers', async () => {
    const target = join(dir, 'mall.xlsx');
    const result = await run('template', '-o', target, '--year', '2027', '--kommun', 'Alingsås kommun');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Skrev');
    const wb = await readXlsx(target);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Instruktioner', ...INPUTS.map((d) => d.name)]);
    for (const def of INPUTS) {
      const ws = wb.getWorksheet(def.name)!;
      expect(headerOf(ws)).toEqual(inputHeaders(def, 2027));
      // ExcelJS 4.4 reads tables back keyed by name.
      expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual([inputTableName(def)]);
    }
    const params = wb.getWorksheet('Parametrar')!;
    expect(params.getCell('A3').value).toBe('Kommun');
    expect(params.getCell('B3').value).toBe('Alingsås kommun');
    expect(params.getCell('B4').value).toBe(2027);
    // No temporary files left beside the result.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('sample -o --rows 2000 writes the S sample: expected sheets, headers and row counts, and it validates clean', async () => {
    const target = join(dir, 'exempel.xlsx');
    const result = await run('sample', '-o', target, '--rows', '2000', '--seed', '7');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Skrev .*exempel\.xlsx: 15 flikar, 2\s000 rader i Driftbudget/);
    const expected = generateSample({ rows: 2000, seed: 7 });
    const wb = await readXlsx(target);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Instruktioner', ...INPUTS.map((d) => d.name)]);
    for (const sheet of expected.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      expect(headerOf(ws)).toEqual(sheet.header);
      // Instruction line + header + data rows.
      expect(ws.actualRowCount).toBe(2 + sheet.rows.length);
    }
    const budget = wb.getWorksheet('Driftbudget')!;
    expect(budget.actualRowCount).toBe(2002);
    expect(budget.getRow(3).getCell(1).value).toBe(expected.sheets[2].rows[0][0]);
    expect(budget.getRow(2002).getCell(5).value).toBe(expected.sheets[2].rows[1999][4]);

    // The whole chain: the written file, read back through the adapter, passes validation.
    const port = await XlsxWorkbookPort.fromBuffer(readFileSync(target));
    const model = await readBudgetModel(port, 'validation');
    expect(model.layouts.driftbudget?.table).toBe('Driftbudget');
    expect(validateModel(model).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('bin/budgetkoll.js says in Swedish to build the CLI when dist is missing', async () => {
    const fake = join(dir, 'paket');
    mkdirSync(join(fake, 'bin'), { recursive: true });
    copyFileSync(join(__dirname, '..', '..', 'bin', 'budgetkoll.js'), join(fake, 'bin', 'budgetkoll.js'));
    const error = await promisify(execFile)(process.execPath, [join(fake, 'bin', 'budgetkoll.js'), '--help']).catch((e: unknown) => e);
    const failed = error as { code: number; stderr: string; stdout: string };
    expect(failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr.trim()).toBe('budgetkoll: kommandoradsverktyget är inte byggt. Kör "npm run build:cli" i projektmappen först.');
  });
});
