/**
 * `budgetkoll diff` on real .xlsx files: seeded changes (a row added, a row removed, an amount
 * changed, a nämnd renamed) give exactly those; identical files exit 0; a comment typed on a
 * follow-up tab is reported; an unreadable file is one clear line and exit 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readFollowUp } from '../../src/core/followup';
import { MIN_SAMPLE_ROWS } from '../../src/core/sample/generate';
import { openForReading } from '../../src/cli/open-workbook';
import { nodeIo } from '../../src/cli/node-io';
import type { DiffJson } from '../../src/cli/commands/diff';
import type { TestSheet } from '../helpers/raw-workbook';
import { firstVersion, KFN, KIN, seededVersion, SOC, BUN } from '../fixtures/versions';
import { expectClearLine, run, stderrLines } from './run-cli';
import { testSheetsToXlsx } from './xlsx-fixtures';

let dir: string;
let v1: string;
let v1copy: string;
let v2: string;

async function write(name: string, sheets: TestSheet[]): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await testSheetsToXlsx(sheets));
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-diff-'));
  v1 = await write('v1.xlsx', firstVersion());
  v1copy = await write('v1-kopia.xlsx', firstVersion());
  v2 = await write('v2.xlsx', seededVersion());
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('budgetkoll diff', () => {
  it('identical versions: exit 0 and no differences', async () => {
    const text = await run('diff', v1, v1copy);
    expect([text.code, text.stderr]).toEqual([0, '']);
    expect(text.stdout).toBe(`Jämförelse av ${v1} (förut) och ${v1copy} (nu)\nInga skillnader.\n`);
    const json = await run('diff', v1, v1copy, '--format', 'json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ old: v1, new: v1copy, differences: false, years: [2027, 2028, 2029], boards: [], rows: [], renamed: [], follow_up: [] });
  });

  it('--format json reports exactly the seeded changes, in whole kronor, with cells', async () => {
    const result = await run('diff', v1, v2, '--format', 'json');
    expect([result.code, result.stderr]).toEqual([1, '']);
    const out = JSON.parse(result.stdout) as DiffJson;
    expect(Object.keys(out)).toEqual(['old', 'new', 'differences', 'years', 'boards', 'rows', 'renamed', 'follow_up']);
    expect(out.differences).toBe(true);
    expect(out.renamed).toEqual([{ old: KFN, new: KIN, identical: 1, sheet: 'Driftbudget', cell: 'A4' }]);
    expect(out.rows).toEqual([
      {
        kind: 'changed',
        board: BUN,
        activity: 'Grundskola',
        account: '4010',
        description: 'Material',
        sheet: 'Driftbudget',
        cell: 'E3',
        amounts: [{ year: 2027, old_kr: 130_000, new_kr: 150_000, cell: 'E3' }],
      },
      {
        kind: 'added',
        board: SOC,
        activity: 'Hemtjänst',
        account: '5010',
        description: 'Löner',
        sheet: 'Driftbudget',
        cell: 'A7',
        amounts: [
          { year: 2027, old_kr: null, new_kr: 80_000, cell: 'E7' },
          { year: 2028, old_kr: null, new_kr: 80_000, cell: 'F7' },
          { year: 2029, old_kr: null, new_kr: 80_000, cell: 'G7' },
        ],
      },
      {
        kind: 'removed',
        board: SOC,
        activity: 'Äldreomsorg',
        account: '4010',
        description: 'Material',
        sheet: 'Driftbudget',
        cell: 'A7',
        amounts: [
          { year: 2027, old_kr: 100_000, new_kr: null, cell: 'E7' },
          { year: 2028, old_kr: 100_000, new_kr: null, cell: 'F7' },
          { year: 2029, old_kr: 100_000, new_kr: null, cell: 'G7' },
        ],
      },
    ]);
    expect(out.boards).toEqual([
      {
        board: BUN,
        net: {
          old_kr: { 2027: 1_030_000, 2028: 1_060_000, 2029: 1_090_000 },
          new_kr: { 2027: 1_050_000, 2028: 1_060_000, 2029: 1_090_000 },
          change_kr: { 2027: 20_000, 2028: 0, 2029: 0 },
        },
        frames: null,
      },
      {
        board: SOC,
        net: {
          old_kr: { 2027: 500_000, 2028: 510_000, 2029: 520_000 },
          new_kr: { 2027: 480_000, 2028: 490_000, 2029: 500_000 },
          change_kr: { 2027: -20_000, 2028: -20_000, 2029: -20_000 },
        },
        frames: null,
      },
    ]);
    expect(out.follow_up).toEqual([]);
  });

  it('text: a table per nämnd and year in tkr, the rows with Flik!A1, the rename', async () => {
    const result = await run('diff', v1, v2);
    expect(result.code).toBe(1);
    const lines = result.stdout.replace(/\u00a0/g, ' ').replace(/\n$/, '').split('\n');
    expect(lines).toEqual([
      `Jämförelse av ${v1} (förut) och ${v2} (nu)`,
      'Belopp i tkr.',
      '',
      'Nettobudget per nämnd och år',
      '  Nämnd                     År      Förut       Nu  Förändring',
      `  ${'─'.repeat(60)}`,
      '  Barn- och ungdomsnämnden  2027  1 030,0  1 050,0       +20,0',
      '  Barn- och ungdomsnämnden  2028  1 060,0  1 060,0         0,0',
      '  Barn- och ungdomsnämnden  2029  1 090,0  1 090,0         0,0',
      '  Socialnämnden             2027    500,0    480,0       −20,0',
      '  Socialnämnden             2028    510,0    490,0       −20,0',
      '  Socialnämnden             2029    520,0    500,0       −20,0',
      '',
      'Ändrade rader (3)',
      '  Ändrat belopp  Barn- och ungdomsnämnden, Grundskola, 4010 Material',
      '                 Driftbudget!E3 2027: 130,0 → 150,0 tkr',
      '  Ny rad         Driftbudget!A7  Socialnämnden, Hemtjänst, 5010 Löner: 2027: 80,0; 2028: 80,0; 2029: 80,0 tkr',
      '  Borttagen rad  Driftbudget!A7 (förra versionen)  Socialnämnden, Äldreomsorg, 4010 Material: 2027: 100,0; 2028: 100,0; 2029: 100,0 tkr',
      '',
      'Nämnder med nytt namn',
      `  ${KFN} → ${KIN} (100 % av raderna oförändrade, Driftbudget!A4)`,
    ]);
  });

  it('an unreadable file or one without Driftbudget: one clear line and exit 2', async () => {
    const notXlsx = join(dir, 'inte.xlsx');
    writeFileSync(notXlsx, 'det här är ingen arbetsbok');
    const broken = await run('diff', v1, notXlsx);
    expect([broken.code, broken.stdout]).toEqual([2, '']);
    const [line, ...rest] = stderrLines(broken);
    expect(rest).toEqual([]);
    expect(line.startsWith(`budgetkoll: ${notXlsx}: `)).toBe(true);
    expectClearLine(line);

    const empty = await write('tom.xlsx', [{ name: 'Blad1', rows: [['Hej']] }]);
    const noBudget = await run('diff', empty, v1, '--format', 'json');
    expect([noBudget.code, noBudget.stdout]).toEqual([2, '']);
    expect(stderrLines(noBudget)).toEqual([`budgetkoll: ${empty}: Fliken Driftbudget hittades inte, så det finns inget att jämföra. Kontrollera att det är en budgetarbetsbok.`]);

    const missing = await run('diff', v1, join(dir, 'finns-inte.xlsx'));
    expect(missing.code).toBe(2);
    expect(stderrLines(missing)).toEqual([`budgetkoll: ${join(dir, 'finns-inte.xlsx')}: Filen finns inte.`]);
  });

  it('--help: Swedish help with the flags and exit codes; diff is listed in budgetkoll --help', async () => {
    const help = await run('diff', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Användning: budgetkoll diff FÖRUT\.xlsx NU\.xlsx \[--format text\|json\]/);
    expect(help.stdout).toContain('Slutkoder: 0 = inga skillnader, 1 = skillnader hittades, 2 = kunde inte köras');
    expect((await run('--help')).stdout).toMatch(/^\s+diff\s+Jämför två versioner av en arbetsbok/m);
  });

  it('wrong arguments: exit 2 with a Swedish line', async () => {
    const one = await run('diff', v1);
    expect(one.code).toBe(2);
    expect(stderrLines(one)).toEqual(['budgetkoll: diff: ange två arbetsböcker, den förra versionen först, t.ex. budgetkoll diff budget-v1.xlsx budget-v2.xlsx']);
    const format = await run('diff', v1, v2, '--format', 'xml');
    expect(format.code).toBe(2);
    expect(stderrLines(format)).toEqual(['budgetkoll: diff: --format ska vara text eller json, inte "xml".']);
  });
});

describe('budgetkoll diff on follow-up tabs', () => {
  const SOC_TAB = 'Delår aug 2027 Socialnämnden';

  /** Edits cells of one sheet with ExcelJS, as a person in Excel would, and saves to `to`. */
  async function edit(from: string, to: string, sheet: string, change: (ws: ExcelJS.Worksheet) => void): Promise<void> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(from) as unknown as ArrayBuffer);
    change(wb.getWorksheet(sheet)!);
    writeFileSync(to, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  }

  it('reports a changed comment by row key with the new cell, and nothing else', async () => {
    const sample = join(dir, 'exempel.xlsx');
    expect((await run('sample', '-o', sample, '--rows', String(MIN_SAMPLE_ROWS), '--year', '2027')).code).toBe(0);
    const tabbed = join(dir, 'exempel-upf.xlsx');
    expect((await run('followup', sample, '--report', 'august', '--board', SOC, '-o', tabbed)).code).toBe(0);
    const { tabs } = await readFollowUp(await openForReading(nodeIo(), tabbed));
    const row = tabs[0].rows.find((r) => r.key.section === 'ekonomi' && !r.key.total && !r.removed)!;
    const cell = row.inputs.comment.cell;

    // The copy with the new tab: the budget is the same, the tab is new.
    const added = await run('diff', sample, tabbed, '--format', 'json');
    expect(added.code).toBe(1);
    const addedOut = JSON.parse(added.stdout) as DiffJson;
    expect([addedOut.boards, addedOut.rows, addedOut.renamed]).toEqual([[], [], []]);
    expect(addedOut.follow_up).toEqual([{ kind: 'added', sheet: SOC_TAB, tab: 'uppfoljning', report: 'august', board: SOC, year: 2027, inputs: [] }]);

    // Both versions go through ExcelJS, so only the comment differs.
    const before = join(dir, 'upf-1.xlsx');
    const after = join(dir, 'upf-2.xlsx');
    await edit(tabbed, before, SOC_TAB, (ws) => void (ws.getCell(cell).value = 'Fler brukare'));
    await edit(before, after, SOC_TAB, (ws) => void (ws.getCell(cell).value = 'Fler brukare än väntat'));

    const same = await run('diff', before, before, '--format', 'json');
    expect(same.code).toBe(0);

    const result = await run('diff', before, after, '--format', 'json');
    expect([result.code, result.stderr]).toEqual([1, '']);
    const out = JSON.parse(result.stdout) as DiffJson;
    expect([out.boards, out.rows, out.renamed]).toEqual([[], [], []]);
    expect(out.follow_up).toEqual([
      {
        kind: 'changed',
        sheet: SOC_TAB,
        tab: 'uppfoljning',
        report: 'august',
        board: SOC,
        year: 2027,
        inputs: [
          {
            section: 'ekonomi',
            board: SOC,
            item: row.key.item,
            field: 'comment',
            label: row.label,
            removed_row: false,
            old: 'Fler brukare',
            new: 'Fler brukare än väntat',
            cell,
          },
        ],
      },
    ]);

    const text = await run('diff', before, after);
    expect(text.stdout).toContain(`Uppföljningsflikar\n  ${SOC_TAB}\n    '${SOC_TAB}'!${cell}  ${row.label} (kommentar): "Fler brukare" → "Fler brukare än väntat"\n`);
  });
});
