/**
 * Issue #15 in a real spreadsheet engine: the same data set in the template layout (T) and in each
 * own layout (test/fixtures/own-layouts.ts) – L1 the (mnkr with decimals, costs negative,
 * subtotal rows, frames in a table KFramar), L2 merged headers in kr, L3 years first with costs
 * negative in Driftbudget and Utfall. `followup --report august --all -o` and `allocate -o` run on
 * each through the CLI with the layout's mapping, so the formulas written reference the user's own
 * cells (times their unit and sign); after LibreOffice has recalculated the outputs every figure of
 * the follow-up tabs (a Prognos helår typed in both) and of the allocation tab is the same as the
 * template's. And the mapping saved in the owned tab Koppling survives a save in LibreOffice: `map`
 * prints it back and `validate` uses it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { serializeMapping } from '../../src/core/inputs/mapping-parse';
import { decodeMarker } from '../../src/core/workbook/marker';
import { run } from '../cli/run-cli';
import { testSheetsToXlsx } from '../cli/xlsx-fixtures';
import { BUDGET_TEXT_ROW, BUN, FRAME_SOC_ROW, KS, numericOwnLayoutSource, ownLayouts, ownLayoutSource, SOC, templateLayout, type Layout } from '../fixtures/own-layouts';
import { recalculate } from './libreoffice';

const BOARDS = [KS, SOC, BUN];

let dir: string;
const t = templateLayout();
const own = ownLayouts();
// Follow-up output is compared on the data set with its number-stored-as-text made a number.
const tNumeric = templateLayout(numericOwnLayoutSource());
const ownNumeric = ownLayouts(numericOwnLayoutSource());
const books = new Map<Layout, { book: string; mapping: string }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bk-own-layouts-recalc-'));
  for (const l of [t, ...own, tNumeric, ...ownNumeric]) {
    const name = `${l.id}${tNumeric === l || ownNumeric.includes(l) ? '-tal' : ''}`;
    const book = join(dir, `${name}.xlsx`);
    const mapping = join(dir, `${l.id}.json`);
    writeFileSync(book, await testSheetsToXlsx(l.sheets));
    writeFileSync(mapping, serializeMapping(l.mapping));
    books.set(l, { book, mapping });
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The arguments that read a layout: its file, with its mapping unless it is the template. */
function input(l: Layout): string[] {
  const { book, mapping } = books.get(l)!;
  return l.id === 'T' ? [book] : [book, '--mapping', mapping];
}

/** Each result once: the template's is compared with every layout's. */
const memo = new Map<string, Promise<Recalculated>>();
function once(key: string, make: () => Promise<Recalculated>): Promise<Recalculated> {
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key)!;
}

/** A CLI run that must write its output file. */
async function write(...args: string[]): Promise<Uint8Array> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.xlsx`);
  const r = await run(...args, '-o', out);
  if (!existsSync(out)) throw new Error(`budgetkoll ${args.join(' ')} wrote nothing (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  return new Uint8Array(readFileSync(out));
}

interface Recalculated {
  book: ExcelJS.Workbook;
  /** The tabs Budgetkoll owns (its marker in A1), by name: each numeric cell's recalculated result. */
  tabs: Map<string, Map<string, number>>;
}

async function recalculated(bytes: Uint8Array): Promise<Recalculated> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await recalculate(bytes)) as unknown as ArrayBuffer);
  const tabs = new Map<string, Map<string, number>>();
  book.eachSheet((sheet) => {
    const a1 = sheet.getCell('A1').value;
    if (typeof a1 !== 'string' || decodeMarker(a1) === null) return;
    const figures = new Map<string, number>();
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        const n = typeof v === 'number' ? v : v !== null && typeof v === 'object' && 'formula' in v ? v.result : undefined;
        if (typeof n === 'number') figures.set(cell.address, n);
        // A formula LibreOffice could not compute has an error result: never an equal figure.
        else if (n !== undefined && n !== null && typeof n === 'object' && 'error' in n) figures.set(cell.address, NaN);
      }),
    );
    tabs.set(sheet.name, figures);
  });
  return { book, tabs };
}

function textOf(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && 'result' in v && typeof v.result === 'string') return v.result;
  return '';
}

/**
 * The follow-up tabs with a Prognos helår typed on every verksamhet row (column G of the economy
 * rows, marked {"s":"ekonomi"} in column A): the same figure at the same cell in every file, so the
 * Prognos helår totals and Avvikelse helår (budget − prognos) are compared too.
 */
async function withForecasts(make: () => Promise<Uint8Array>): Promise<Recalculated> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await make()) as unknown as ArrayBuffer);
  let typed = 0;
  book.eachSheet((sheet) => {
    if (decodeMarker(sheet.getCell('A1').value) === null) return;
    sheet.eachRow((row, rn) => {
      const key = row.getCell(1).value;
      if (typeof key !== 'string' || !key.includes('"s":"ekonomi"') || !key.includes('"forecast":"G"') || textOf(row.getCell(2)).startsWith('Summa')) return;
      row.getCell(7).value = 100 * rn + 7;
      typed++;
    });
  });
  // A forecast on each verksamhet row: KS 2, SOC 2, BUN 2, Tekniska nämnden 1.
  expect(typed).toBe(7);
  return recalculated(new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer));
}

/** A recalculated figure of a nämnd's total row (column B "Summa <nämnd>") in column `col` (1-based). */
function total(r: Recalculated, tab: string, board: string, col: number): number | undefined {
  const sheet = r.book.getWorksheet(tab)!;
  let found: number | undefined;
  sheet.eachRow((row, rn) => {
    if (found === undefined && textOf(row.getCell(2)) === `Summa ${board}`) found = r.tabs.get(tab)!.get(sheet.getCell(rn, col).address);
  });
  return found;
}

function expectSameFigures(template: Map<string, Map<string, number>>, own: Map<string, Map<string, number>>, id: string): void {
  expect([...own.keys()].sort()).toEqual([...template.keys()].sort());
  for (const [name, figures] of template) {
    const other = own.get(name)!;
    expect({ tab: name, cells: [...other.keys()].sort() }).toEqual({ tab: name, cells: [...figures.keys()].sort() });
    const differing = [...figures].filter(([address, v]) => !(Math.abs(v - other.get(address)!) < 1e-6)).map(([address, v]) => `${name}!${address}: template ${v}, ${id} ${other.get(address)}`);
    expect(differing).toEqual([]);
  }
}

describe.each(own.map((l, i) => [l.id, l, ownNumeric[i]] as const))('%s and the template give the same figures after LibreOffice recalculates', (_id, l, numeric) => {
  it('followup refuses while an amount it sums is stored as text, naming the user’s cell (exit 1, nothing written)', async () => {
    const r = await run('followup', ...input(l), '--report', 'august', '--all', '-o', join(dir, `${l.id}-nej.xlsx`));
    expect(r.code).toBe(1);
    const cell = l.cell('Driftbudget', BUDGET_TEXT_ROW, '2027');
    expect(r.stderr).toContain(`${cell.sheet}!${cell.cell}`);
    expect(r.stderr).toContain('lagrat som text');
    expect(existsSync(join(dir, `${l.id}-nej.xlsx`))).toBe(false);
  });

  it('followup --report august --all: every follow-up tab, figure by figure', async () => {
    const followUp = (x: Layout) => withForecasts(async () => write('followup', ...input(x), '--report', 'august', '--all'));
    const template = await once('followup', () => followUp(tNumeric));
    const mapped = await followUp(numeric);
    // One tab per nämnd (Tekniska nämnden, with rows but no frame, too).
    expect(template.tabs.size).toBeGreaterThanOrEqual(BOARDS.length);
    expectSameFigures(template.tabs, mapped.tabs, l.id);

    // The figures are the data set's, not two equal zeros: each nämnd's Budget helår in tkr and
    // its Utfall t.o.m. period (January–August of the source's Utfall).
    const budgets: Record<string, number | undefined> = {};
    const actuals: Record<string, number | undefined> = {};
    const forecasts: Record<string, number | undefined> = {};
    const deviations: Record<string, number | undefined> = {};
    for (const tab of mapped.tabs.keys()) {
      for (const board of BOARDS) {
        budgets[board] ??= total(mapped, tab, board, 3); // Budget helår
        actuals[board] ??= total(mapped, tab, board, 5); // Utfall t.o.m. period
        forecasts[board] ??= total(mapped, tab, board, 7); // Prognos helår
        deviations[board] ??= total(mapped, tab, board, 8); // Avvikelse helår
      }
    }
    for (const board of BOARDS) {
      expect(forecasts[board]).toBeGreaterThan(0);
      expect({ board, deviation: deviations[board] }).toEqual({ board, deviation: expect.closeTo(budgets[board]! - forecasts[board]!, 6) });
    }
    expect(budgets).toEqual({ [KS]: 71_000, [SOC]: 336_600, [BUN]: 401_500 });
    const source = ownLayoutSource();
    const expectedActual = (board: string) => source.actuals.filter((a) => a.board === board).reduce((n, a) => n + a.amount, 0);
    expect(actuals).toEqual(Object.fromEntries(BOARDS.map((b) => [b, expectedActual(b)])));
  });

  it('allocate -o: the allocation tab, figure by figure', async () => {
    const template = await once('allocate', async () => recalculated(await write('allocate', ...input(t))));
    const mapped = await recalculated(await write('allocate', ...input(l)));
    expect(template.tabs.size).toBe(1);
    expect([...template.tabs.values()][0].size).toBeGreaterThan(20);
    expectSameFigures(template.tabs, mapped.tabs, l.id);
  });
});

describe('the saved mapping survives a save in LibreOffice', () => {
  it.each(own.map((l) => [l.id, l] as const))('%s: map -o stores it; after LibreOffice saved the copy, map prints it back and validate uses it', async (_id, l) => {
    const stored = await write('map', ...input(l));
    const roundTripped = join(dir, `${l.id}-libreoffice.xlsx`);
    writeFileSync(roundTripped, await recalculate(stored));

    const printed = await run('map', roundTripped);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(JSON.parse(serializeMapping(l.mapping)));

    const key = (f: { rule: string; severity: string; sheet: string; cell: string; message: string }) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.message}`;
    const findings = async (...args: string[]) => {
      const r = await run('validate', ...args, '--format', 'json');
      return (JSON.parse(r.stdout).files[0].findings as Parameters<typeof key>[0][]).map(key).sort();
    };
    const withFlag = await findings(...input(l));
    const frame = l.cell('Ramar', FRAME_SOC_ROW, '2028');
    expect(withFlag.some((f) => f.startsWith(`RAM-OVER error ${frame.sheet}!${frame.cell} `))).toBe(true);
    expect(await findings(roundTripped)).toEqual(withFlag);
  });
});
