/**
 * `budgetkoll followup`, `consolidate` and the follow-up part of `validate`, over real .xlsx files
 * made from the sample generator: tab names, refresh keeping typed values, the KS compilation from
 * two nämnd workbooks, UPF findings at the right cells, exit codes.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { followUpTabNames, readFollowUp, type FilledRow, type FilledTab } from '../../src/core/followup';
import { MIN_SAMPLE_ROWS } from '../../src/core/sample/generate';
import { openForReading } from '../../src/cli/open-workbook';
import { nodeIo } from '../../src/cli/node-io';
import { expectClearLine, run, stderrLines } from './run-cli';

let dir: string;
let sample: string;

const SOC = 'Socialnämnden';
const BUN = 'Barn- och ungdomsnämnden';

interface FollowUpOut {
  output: string;
  year: number;
  tabs: { name: string; board: string; report: string; period_end: string; action: string; kept_inputs: number }[];
  inputs: { found: string[]; missing: string[] };
}

async function readBack(path: string): Promise<{ tabs: FilledTab[]; sheets: string[] }> {
  const port = await openForReading(nodeIo(), path);
  const { tabs } = await readFollowUp(port);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return { tabs, sheets: wb.worksheets.map((w) => w.name) };
}

/** Edits cells of one sheet with ExcelJS, as a person in Excel would, and saves in place. */
async function edit(path: string, sheet: string, change: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  change(ws);
  const out = await wb.xlsx.writeBuffer();
  writeFileSync(path, new Uint8Array(out as ArrayBuffer));
}

/** A formula cell given the cached result Excel would have saved. */
function setResult(ws: ExcelJS.Worksheet, cell: string, result: number): void {
  const c = ws.getCell(cell);
  const formula = (c.value as ExcelJS.CellFormulaValue | null)?.formula;
  if (!formula) throw new Error(`${cell} holds no formula`);
  c.value = { formula, result } as ExcelJS.CellFormulaValue;
}

const economyRows = (tab: FilledTab): FilledRow[] => tab.rows.filter((r) => r.key.section === 'ekonomi' && !r.key.total && !r.removed);
const economyTotal = (tab: FilledTab): FilledRow => tab.rows.find((r) => r.key.section === 'ekonomi' && r.key.total === true)!;

async function followUp(...args: string[]): Promise<FollowUpOut> {
  const result = await run('followup', ...args, '--format', 'json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as FollowUpOut;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-followup-'));
  sample = join(dir, 'budget.xlsx');
  const made = await run('sample', '-o', sample, '--rows', String(MIN_SAMPLE_ROWS), '--year', '2027');
  expect(made.code).toBe(0);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('budgetkoll followup', () => {
  it('writes one nämnd\'s tab into a copy and leaves the input file as it was', async () => {
    const before = readFileSync(sample);
    const out = await followUp(sample, '--report', 'august', '--board', SOC, '-o', join(dir, 'soc.xlsx'));
    expect(out.tabs.map((t) => [t.name, t.board, t.report, t.period_end, t.action])).toEqual([['Delår aug 2027 Socialnämnden', SOC, 'august', '2027-08-31', 'created']]);
    expect(out.inputs.found).toEqual(expect.arrayContaining(['Driftbudget', 'Utfall']));
    expect(readFileSync(sample).equals(before)).toBe(true);
    const { tabs, sheets } = await readBack(join(dir, 'soc.xlsx'));
    expect(sheets).toContain('Delår aug 2027 Socialnämnden');
    expect(sheets).toContain('Driftbudget');
    expect(tabs.map((t) => [t.sheet, t.board, t.report, t.year])).toEqual([['Delår aug 2027 Socialnämnden', SOC, 'august', 2027]]);
    expect(economyRows(tabs[0]).length).toBeGreaterThan(0);
  });

  it('--all writes a tab for every nämnd, named as followUpTabNames says, and prints those names', async () => {
    const out = await followUp(sample, '--report', 'december', '--all', '-o', join(dir, 'alla.xlsx'));
    expect(out.tabs.length).toBeGreaterThan(5);
    expect(out.tabs.map((t) => t.board)).toEqual(expect.arrayContaining([SOC, BUN]));
    const names = followUpTabNames('december', [...out.tabs.map((t) => t.board), 'Kommunen'], 2027);
    for (const t of out.tabs) expect(t.name).toBe(names.get(t.board));
    expect(out.tabs.find((t) => t.board === BUN)!.name).toBe('Årsbokslut 2027 Barn- o ungd.n.');
    const { tabs, sheets } = await readBack(join(dir, 'alla.xlsx'));
    expect(tabs.map((t) => t.sheet)).toEqual(out.tabs.map((t) => t.name));
    for (const t of out.tabs) expect(sheets).toContain(t.name);
  });

  it('--board Kommunen writes the kommun-level tab, with text output naming it', async () => {
    const result = await run('followup', sample, '--report', 'april', '--board', 'kommunen', '-o', join(dir, 'kommun.xlsx'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('MU april 2027 Kommunen');
    expect(result.stdout).toContain('hela kommunen (ny flik)');
    expect(result.stdout).toMatch(/Indata som används: .*Driftbudget/);
    const { tabs } = await readBack(join(dir, 'kommun.xlsx'));
    expect(tabs.map((t) => [t.sheet, t.board, t.report])).toEqual([['MU april 2027 Kommunen', 'Kommunen', 'april']]);
  });

  it('refreshes an earlier tab instead of duplicating it, keeping a typed prognos', async () => {
    const first = join(dir, 'refresh-1.xlsx');
    await followUp(sample, '--report', 'august', '--board', SOC, '-o', first);
    const { tabs } = await readBack(first);
    const row = economyRows(tabs[0])[0];
    const forecastCell = row.inputs.forecast.cell;
    await edit(first, tabs[0].sheet, (ws) => {
      ws.getCell(forecastCell).value = 4321;
    });

    const second = join(dir, 'refresh-2.xlsx');
    const out = await followUp(first, '--report', 'august', '--board', SOC, '--board', BUN, '-o', second);
    expect(out.tabs.map((t) => [t.name, t.action])).toEqual([
      ['Delår aug 2027 Socialnämnden', 'refreshed'],
      ['Delår aug 2027 Barn- o ungd.n.', 'created'],
    ]);
    expect(out.tabs[0].kept_inputs).toBeGreaterThanOrEqual(1);
    const back = await readBack(second);
    expect(back.sheets.filter((s) => s.startsWith('Delår aug 2027 Socialnämnden'))).toEqual(['Delår aug 2027 Socialnämnden']);
    const soc = back.tabs.find((t) => t.board === SOC)!;
    const again = economyRows(soc).find((r) => r.key.item === row.key.item)!;
    expect(again.inputs.forecast.value).toBe(4321);
  });

  it('without -o writes <fil>-uppfoljning.xlsx beside the file, and never writes over it', async () => {
    const input = join(dir, 'default.xlsx');
    writeFileSync(input, readFileSync(sample));
    const first = await run('followup', input, '--report', 'april', '--board', SOC);
    expect(first.code).toBe(0);
    expect(existsSync(join(dir, 'default-uppfoljning.xlsx'))).toBe(true);
    const bytes = readFileSync(join(dir, 'default-uppfoljning.xlsx'));
    const second = await run('followup', input, '--report', 'april', '--board', SOC);
    expect(second.code).toBe(2);
    expect(stderrLines(second)).toHaveLength(1);
    expectClearLine(stderrLines(second)[0]);
    expect(second.stderr).toContain('finns redan');
    expect(readFileSync(join(dir, 'default-uppfoljning.xlsx')).equals(bytes)).toBe(true);
  });

  it('an unknown nämnd: exit 2, one Swedish line with "Menade du …?", nothing written', async () => {
    const target = join(dir, 'okand.xlsx');
    const result = await run('followup', sample, '--report', 'august', '--board', 'Socialnamnd', '-o', target);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(stderrLines(result)).toHaveLength(1);
    expectClearLine(stderrLines(result)[0]);
    expect(result.stderr).toContain('Menade du "Socialnämnden"?');
    expect(existsSync(target)).toBe(false);
  });

  it('bad arguments and unreadable files: exit 2 with one line', async () => {
    for (const args of [
      [sample, '--board', SOC, '-o', join(dir, 'x.xlsx')],
      [sample, '--report', 'maj', '--all', '-o', join(dir, 'x.xlsx')],
      [sample, '--report', 'april', '-o', join(dir, 'x.xlsx')],
      [sample, '--report', 'april', '--all', '-o', sample],
      [join(dir, 'finns-inte.xlsx'), '--report', 'april', '--all', '-o', join(dir, 'x.xlsx')],
    ]) {
      const result = await run('followup', ...args);
      expect(result.code).toBe(2);
      expect(stderrLines(result)).toHaveLength(1);
      expectClearLine(stderrLines(result)[0]);
    }
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});

describe('budgetkoll consolidate', () => {
  const files: string[] = [];
  const totals: Record<string, number[]> = {};

  beforeAll(async () => {
    // Two nämnd workbooks, each the budget with its own nämnd's tab, saved as Excel would (cached results).
    for (const [board, base] of [[BUN, 1000], [SOC, 200]] as const) {
      const path = join(dir, `namnd-${base}.xlsx`);
      await followUp(sample, '--report', 'august', '--board', board, '-o', path);
      const { tabs } = await readBack(path);
      const total = economyTotal(tabs[0]);
      const values = [base, base * 8 / 12, base * 0.6, base * 8 / 12 - base * 0.6, base + 50, -50];
      const fields = ['budget', 'budgetToDate', 'actual', 'diffToDate', 'forecast', 'diffYear'];
      await edit(path, tabs[0].sheet, (ws) => fields.forEach((f, i) => setResult(ws, total.formulas[f].cell, values[i])));
      totals[board] = values;
      files.push(path);
    }
  });

  it('gives one row per nämnd with its copied figures and the kommun total, in a new workbook', async () => {
    const output = join(dir, 'ks.xlsx');
    const result = await run('consolidate', ...files, '--report', 'august', '-o', output, '--format', 'json');
    // The nämnd tabs have no prognos per verksamhet yet: errors found (UPF-PROGNOS-MISSING).
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout) as { tab: string; year: number; files: { file: string; tabs: { board: string }[]; findings: { rule: string }[] }[]; unreadable: unknown[] };
    expect(out.tab).toBe('Sammanställning Delår aug 2027');
    expect(out.year).toBe(2027);
    expect(out.files.map((f) => f.tabs.map((t) => t.board))).toEqual([[BUN], [SOC]]);
    expect(out.files[0].findings.map((f) => f.rule)).toContain('UPF-PROGNOS-MISSING');
    expect(out.unreadable).toEqual([]);

    const { tabs, sheets } = await readBack(output);
    expect(sheets).toEqual(['Sammanställning Delår aug 2027']);
    const ks = tabs[0];
    expect(ks.kind).toBe('sammanstallning');
    const rows = ks.rows.filter((r) => r.key.section === 'ekonomi' && !r.key.total);
    expect(rows.map((r) => r.key.board)).toEqual([BUN, SOC]);
    for (const r of rows) {
      expect(r.constants.budget.value).toBe(totals[r.key.board][0]);
      expect(r.constants.forecast.value).toBe(totals[r.key.board][4]);
    }
    const total = economyTotal(ks);
    expect(total.key.board).toBe('Kommunen');
    const col = total.formulas.budget.cell.replace(/\d+$/, '');
    expect(total.formulas.budget.formula).toBe(`=SUM(${rows[0].constants.budget.cell}:${col}${rows[1].row + 1})`);
    expect(rows[0].constants.budget.cell).toBe(`${col}${rows[0].row + 1}`);
  });

  it('a file that cannot be read: exit 2, named on stderr, nothing written', async () => {
    const broken = join(dir, 'trasig.xlsx');
    writeFileSync(broken, 'inte en arbetsbok');
    const output = join(dir, 'ks-trasig.xlsx');
    const result = await run('consolidate', files[0], broken, '--report', 'august', '-o', output);
    expect(result.code).toBe(2);
    const lines = stderrLines(result);
    expect(lines).toHaveLength(2);
    for (const line of lines) expectClearLine(line);
    expect(lines[0]).toContain(broken);
    expect(lines[1]).toContain('trasig.xlsx');
    expect(existsSync(output)).toBe(false);
  });

  it('no tab of the report in the files: exit 2', async () => {
    const result = await run('consolidate', files[0], '--report', 'december', '-o', join(dir, 'ks-tom.xlsx'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('inga uppföljningsflikar');
    expect(existsSync(join(dir, 'ks-tom.xlsx'))).toBe(false);
  });
});

describe('budgetkoll validate on follow-up tabs', () => {
  interface ValidateOut {
    files: { findings: { rule: string; severity: string; sheet: string; cell: string }[] }[];
  }

  it('reports UPF-PROGNOS-MISSING and UPF-ATGARD-MISSING at the right cells', async () => {
    const path = join(dir, 'kontroll.xlsx');
    await followUp(sample, '--report', 'august', '--board', SOC, '-o', path);
    const { tabs } = await readBack(path);
    const tab = tabs[0];
    const [deficit, ...rest] = economyRows(tab);
    // A deficit row: budget 1 000 tkr (the cached result of its formula), prognos 1 500 tkr, no åtgärd.
    await edit(path, tab.sheet, (ws) => {
      setResult(ws, deficit.formulas.budget.cell, 1000);
      ws.getCell(deficit.inputs.forecast.cell).value = 1500;
    });
    const result = await run('validate', path, '--format', 'json');
    expect(result.code).toBe(1);
    const findings = (JSON.parse(result.stdout) as ValidateOut).files[0].findings.filter((f) => f.sheet === tab.sheet);
    const missing = findings.filter((f) => f.rule === 'UPF-PROGNOS-MISSING').map((f) => f.cell);
    expect(missing.sort()).toEqual(rest.map((r) => r.inputs.forecast.cell).sort());
    const measureRow = tab.rows.find((r) => r.key.section === 'atgarder' && r.key.item === deficit.key.item && !r.removed);
    const expected = measureRow?.inputs.measure?.cell ?? deficit.formulas.diffYear.cell;
    expect(findings.filter((f) => f.rule === 'UPF-ATGARD-MISSING')).toEqual([expect.objectContaining({ severity: 'error', cell: expected })]);
  });

  it('a workbook without follow-up tabs gives no UPF findings', async () => {
    const result = await run('validate', sample, '--format', 'json');
    expect([0, 1]).toContain(result.code);
    const out = JSON.parse(result.stdout) as ValidateOut;
    expect(out.files[0].findings.filter((f) => f.rule.startsWith('UPF-'))).toEqual([]);
  });
});

describe('budgetkoll --help', () => {
  it('lists followup and consolidate, each with its own help', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\s+followup\s+\S/m);
    expect(result.stdout).toMatch(/^\s+consolidate\s+\S/m);
    for (const command of ['followup', 'consolidate']) {
      const help = await run(command, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`budgetkoll ${command}`);
      expect(help.stdout).toContain('--report');
    }
  });
});
