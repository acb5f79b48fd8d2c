/** `budgetkoll allocate`: the worked example of docs/resursfordelning.md through a real .xlsx file, JSON and text. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { decodeMarker } from '../../src/core/workbook/marker';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROKEN_CASES, brokenWorkbook } from '../fixtures/broken-cases';
import { BUN, VOO, workedExample } from '../fixtures/worked-example';
import type { TestSheet } from '../helpers/raw-workbook';
import { expectClearLine, run, stderrLines } from './run-cli';
import { testSheetsToXlsx } from './xlsx-fixtures';

interface AllocateOutput {
  years: number[] | null;
  mode: string;
  boards: { board: string; compensation_kr: Record<string, number>; other_kr: Record<string, number>; proposed_kr: Record<string, number> | null; frame_kr: Record<string, number> | null; difference_kr: Record<string, number> | null }[];
  activities: { board: string; activity: string; measure: string; correction: number; compensation_kr: Record<string, number>; level_kr: Record<string, number> }[];
  excluded: { sheet: string; cell: string; reason: string }[];
  findings: { rule: string; severity: string; sheet: string; cell: string; message: string }[];
}

let dir: string;

async function write(name: string, sheets: TestSheet[]): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await testSheetsToXlsx(sheets));
  return path;
}

const years = (a: number, b: number, c: number) => ({ '2027': a, '2028': b, '2029': c });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-allocate-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('allocate --format json on the worked example (docs/resursfordelning.md)', () => {
  let out: AllocateOutput;
  let raw: Record<string, unknown>;

  beforeAll(async () => {
    const result = await run('allocate', '--format', 'json', await write('exempel.xlsx', workedExample()));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    raw = JSON.parse(result.stdout) as Record<string, unknown>;
    out = raw as unknown as AllocateOutput;
  });

  it('has the documented shape: years as numbers, amounts keyed by year as strings, integer kronor', () => {
    for (const key of ['years', 'mode', 'boards', 'activities', 'excluded', 'findings']) expect(Object.keys(raw)).toContain(key);
    expect(out.years).toEqual([2027, 2028, 2029]);
    expect(out.mode).toBe('Delta');
    for (const key of ['board', 'compensation_kr', 'other_kr', 'proposed_kr', 'frame_kr']) expect(Object.keys(out.boards[0])).toContain(key);
    for (const key of ['board', 'activity', 'measure', 'correction', 'compensation_kr']) expect(Object.keys(out.activities[0])).toContain(key);
    expect(Object.keys(out.boards[0].compensation_kr)).toEqual(['2027', '2028', '2029']);
    const amounts = [...out.boards, ...out.activities].flatMap((x) => Object.values(x.compensation_kr));
    expect(amounts.every((v) => Number.isInteger(v))).toBe(true);
    expect(out.excluded).toEqual([]);
    expect(out.findings).toEqual([]);
  });

  it('compensation per activity is the example table, to the krona', () => {
    expect(out.activities.map((a) => [a.board, a.activity, a.measure, a.correction, a.compensation_kr])).toEqual([
      [BUN, 'Grundskola', 'Elever 6–15 år', 30, years(6300000, 10815000, 8868300)],
      [BUN, 'Förskola', 'Barn 1–5 år', -30, years(-6295000, -7780620, -7310541)],
      [VOO, 'Äldreomsorg', 'Invånare 80–89 år', -11, years(8238000, 19798660, 31165212)],
    ]);
  });

  it('proposed frame per nämnd is the example, to the krona; no Ramar, so no frame', () => {
    expect(out.boards).toEqual([
      expect.objectContaining({
        board: BUN,
        compensation_kr: years(5000, 3034380, 1557759),
        other_kr: years(0, 3200000, 3200000),
        proposed_kr: years(1048565000, 1086251180, 1111774979),
        frame_kr: null,
      }),
      expect.objectContaining({
        board: VOO,
        compensation_kr: years(8238000, 19798660, 31165212),
        other_kr: years(1500000, 1500000, 1500000),
        proposed_kr: years(667658000, 698956260, 727264252),
        frame_kr: null,
      }),
    ]);
  });
});

describe('allocate, other situations', () => {
  it('mode Nivå gives the example level amounts per activity', async () => {
    const result = await run('allocate', '--format', 'json', await write('niva.xlsx', workedExample({ mode: 'Nivå' })));
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as AllocateOutput;
    expect(out.mode).toBe('Nivå');
    expect(out.activities.map((a) => a.level_kr)).toEqual([
      years(447300000, 465045000, 474454050),
      years(264390000, 271024930, 278465148),
      years(303433000, 323849510, 342817333),
    ]);
    expect(out.boards[0].proposed_kr).toEqual(years(447300000 + 264390000, 465045000 + 271024930 + 3200000, 474454050 + 278465148 + 3200000));
  });

  it('without Utgångsramar says plainly on stderr that only compensation is computed; proposed_kr is null', async () => {
    const sheets = workedExample().filter((s) => s.name !== 'Utgångsramar');
    const path = await write('utan-utgangsramar.xlsx', sheets);
    const result = await run('allocate', '--format', 'json', path);
    expect(result.code).toBe(0);
    expect(stderrLines(result)).toEqual([`budgetkoll: ${path}: Utgångsramar saknas, så bara kompensationen för volymförändringar beräknas – inget förslag till ram.`]);
    const out = JSON.parse(result.stdout) as AllocateOutput;
    expect(out.boards.map((b) => [b.compensation_kr, b.proposed_kr])).toEqual([
      [years(5000, 3034380, 1557759), null],
      [years(8238000, 19798660, 31165212), null],
    ]);
  });

  it('with Ramar: frame_kr, the difference, and ALLOC-RECONCILE per nämnd and year at the frame cell', async () => {
    const sheets = [
      ...workedExample(),
      { name: 'Ramar', rows: [['Nämnd', 'Ram 2027', 'Ram 2028', 'Ram 2029'], [BUN, 1050000, 1090000, 1110000], [VOO, 667658, 698956.26, 727264.252]] },
    ];
    const result = await run('allocate', '--format', 'json', await write('med-ramar.xlsx', sheets));
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as AllocateOutput;
    expect(out.boards[0].frame_kr).toEqual(years(1050000000, 1090000000, 1110000000));
    expect(out.boards[0].difference_kr).toEqual(years(1435000, 3748820, -1774979));
    expect(out.boards[1].difference_kr).toEqual(years(0, 0, 0));
    expect(out.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([
      ['ALLOC-RECONCILE', 'info', 'Ramar', 'B2'],
      ['ALLOC-RECONCILE', 'info', 'Ramar', 'C2'],
      ['ALLOC-RECONCILE', 'info', 'Ramar', 'D2'],
    ]);
  });

  it('errors in the allocation inputs: exit 1, the row is left out visibly, only allocation findings are listed', async () => {
    const c = BROKEN_CASES.find((x) => x.rule === 'VOL-NEGATIVE')!;
    const result = await run('allocate', '--format', 'json', await write('negativ.xlsx', brokenWorkbook(c)));
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout) as AllocateOutput;
    expect(out.excluded).toEqual([expect.objectContaining({ sheet: 'Volymer', cell: 'A2', reason: expect.stringContaining('VOL-NEGATIVE') })]);
    expect(out.findings).toContainEqual(expect.objectContaining({ rule: 'VOL-NEGATIVE', severity: 'error', sheet: 'Volymer', cell: 'I2' }));
    expect(out.findings.every((f) => /^(VOL-|OVR-|STRUCT-|CELL-|ALLOC-)/.test(f.rule))).toBe(true);
  });

  it('no Volymer: STRUCT-MISSING-TABLE, exit 1', async () => {
    const sheets = workedExample().filter((s) => s.name !== 'Volymer');
    const result = await run('allocate', '--format', 'json', await write('utan-volymer.xlsx', sheets));
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout) as AllocateOutput;
    expect(out.findings).toContainEqual(expect.objectContaining({ rule: 'STRUCT-MISSING-TABLE', sheet: 'Volymer', severity: 'error' }));
    expect(out.activities).toEqual([]);
  });

  it('text output: a table per nämnd and year in tkr, the activities, and the Swedish summary', async () => {
    const path = await write('text.xlsx', workedExample());
    const result = await run('allocate', path);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`Resursfördelning 2027–2029 för ${path}`);
    expect(lines[1]).toBe('Modell Delta, korrigering Permanent, prisnivå 2027. Belopp i tkr.');
    const row = (label: string) => lines.find((l) => l.trimStart().startsWith(label))!.replace(/\s+/g, ' ').trim();
    expect(lines).toContainEqual(expect.stringMatching(/^Barn- och ungdomsnämnden +2027 +2028 +2029$/));
    expect(row('Uppräknad utgångsram')).toBe('Uppräknad utgångsram 1 048 560,0 1 080 016,8 1 107 017,2');
    expect(row('Förslag till ram')).toBe('Förslag till ram 1 048 565,0 1 086 251,2 1 111 775,0');
    expect(row('Barn- och ungdomsnämnden, Förskola')).toBe('Barn- och ungdomsnämnden, Förskola (Barn 1–5 år), K = −30 −6 295,0 −7 780,6 −7 310,5');
    expect(result.stdout).toContain('  Sammanfattning: 0 fel, 0 varningar, 0 info. Inga fel.\n');
  });

  it('a file that cannot be read: one line, exit 2, nothing on stdout', async () => {
    const path = join(dir, 'tom.xlsx');
    writeFileSync(path, new Uint8Array(0));
    for (const format of ['text', 'json']) {
      const result = await run('allocate', '--format', format, path);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const lines = stderrLines(result);
      expect(lines).toEqual([`budgetkoll: ${path}: Filen är tom (0 byte). Välj en Excel-arbetsbok (.xlsx).`]);
      expectClearLine(lines[0]);
    }
  });

  it.each([
    [['allocate'], 'allocate: ange arbetsboken'],
    [['allocate', 'a.xlsx', '-o', 'ut.csv'], 'allocate: filen måste sluta på .xlsx'],
    [['allocate', 'a.xlsx', '-o', './a.xlsx'], 'välj en annan fil för -o än arbetsboken a.xlsx'],
    [['allocate', 'a.xlsx', 'b.xlsx'], 'allocate: ange en arbetsbok åt gången, inte 2.'],
    [['allocate', 'a.xlsx', '--format', 'csv'], '--format ska vara text eller json'],
  ])('%j is one Swedish line and exit 2', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(stderrLines(result)).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });
});

describe('allocate -o', () => {
  async function load(path: string): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    return wb;
  }

  it('writes the input workbook plus the result tab with live formulas over the input cells; the input is untouched', async () => {
    const input = await write('indata.xlsx', workedExample());
    const before = readFileSync(input);
    const output = join(dir, 'resultat.xlsx');
    const result = await run('allocate', input, '-o', output, '--format', 'json');
    expect(result.code).toBe(0);
    expect(stderrLines(result)).toEqual([`Skrev ${output}: arbetsboken med fliken Resursfördelning 2027.`]);
    expect((JSON.parse(result.stdout) as AllocateOutput).boards[0].proposed_kr).toEqual(years(1048565000, 1086251180, 1111774979));
    expect(readFileSync(input).equals(before)).toBe(true);

    const wb = await load(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Parametrar', 'Volymer', 'Utgångsramar', 'Övriga förändringar', 'Resursfördelning 2027']);
    // The user's sheets keep their values.
    expect(wb.getWorksheet('Volymer')!.getCell('D2').value).toBe(105000);
    expect(wb.getWorksheet('Utgångsramar')!.getCell('B3').value).toBe(640000);
    const tab = wb.getWorksheet('Resursfördelning 2027')!;
    expect(decodeMarker(tab.getCell('A1').value)).toMatchObject({ type: 'resursfordelning', year: 2027 });
    const formulas: string[] = [];
    tab.eachRow((row) => row.eachCell((cell) => void (cell.formula && formulas.push(cell.formula))));
    expect(formulas).toContain("'Volymer'!$D$2");
    expect(formulas.some((f) => f.includes("'Utgångsramar'!$B$2"))).toBe(true);
  });

  it('run again on its own output, the result tab is refreshed, not duplicated', async () => {
    const first = join(dir, 'forsta.xlsx');
    expect((await run('allocate', await write('indata2.xlsx', workedExample()), '-o', first)).code).toBe(0);
    const second = join(dir, 'andra.xlsx');
    const result = await run('allocate', first, '-o', second);
    expect(result.code).toBe(0);
    expect((await load(second)).worksheets.map((w) => w.name).filter((n) => n.startsWith('Resursfördelning'))).toEqual(['Resursfördelning 2027']);
  });

  it('writes nothing when the input cannot be read or the folder does not exist', async () => {
    const empty = join(dir, 'tom-indata.xlsx');
    writeFileSync(empty, new Uint8Array(0));
    const output = join(dir, 'inget.xlsx');
    const unreadable = await run('allocate', empty, '-o', output);
    expect(unreadable.code).toBe(2);
    expect(existsSync(output)).toBe(false);

    const target = join(dir, 'saknas', 'ut.xlsx');
    const result = await run('allocate', await write('indata3.xlsx', workedExample()), '-o', target);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(stderrLines(result)).toEqual([`budgetkoll: kan inte skriva ${target}: mappen finns inte.`]);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
