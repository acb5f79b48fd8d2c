/**
 * Issue #15 in a real spreadsheet engine: the same data set in the template layout (T) and in the
 * issue's own layout L1 (mnkr with decimals, costs negative, subtotal rows, frames in a table
 * KFramar; test/fixtures/own-layouts.ts). `followup --report august --all -o` and `allocate -o` run
 * on both through the CLI – L1 with its mapping, so the formulas written reference the user's
 * negative mnkr cells – and after LibreOffice has recalculated both outputs every figure of the
 * follow-up tabs and of the allocation tab is the same in both. And the mapping saved in the owned
 * tab Koppling survives a save in LibreOffice: `map` prints it back and `validate` uses it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { serializeMapping } from '../../src/core/inputs/mapping-parse';
import { decodeMarker } from '../../src/core/workbook/marker';
import { run } from '../cli/run-cli';
import { testSheetsToXlsx } from '../cli/xlsx-fixtures';
import { BUN, KS, layout1, ownLayoutSource, SOC, templateLayout } from '../fixtures/own-layouts';
import { recalculate } from './libreoffice';

const BOARDS = [KS, SOC, BUN];

let dir: string;
const t = templateLayout();
const l1 = layout1();
let templateBook: string;
let ownBook: string;
let mappingFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bk-own-layouts-recalc-'));
  templateBook = join(dir, 'mall.xlsx');
  ownBook = join(dir, 'egen.xlsx');
  mappingFile = join(dir, 'koppling.json');
  writeFileSync(templateBook, await testSheetsToXlsx(t.sheets));
  writeFileSync(ownBook, await testSheetsToXlsx(l1.sheets));
  writeFileSync(mappingFile, serializeMapping(l1.mapping));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
async function withForecasts(bytes: Uint8Array): Promise<{ bytes: Uint8Array; typed: number }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
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
  return { bytes: new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer), typed };
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

function expectSameFigures(template: Map<string, Map<string, number>>, own: Map<string, Map<string, number>>): void {
  expect([...own.keys()].sort()).toEqual([...template.keys()].sort());
  for (const [name, figures] of template) {
    const other = own.get(name)!;
    expect({ tab: name, cells: [...other.keys()].sort() }).toEqual({ tab: name, cells: [...figures.keys()].sort() });
    const differing = [...figures].filter(([address, v]) => !(Math.abs(v - other.get(address)!) < 1e-6)).map(([address, v]) => `${name}!${address}: template ${v}, L1 ${other.get(address)}`);
    expect(differing).toEqual([]);
  }
}

describe('L1 (negative mnkr) and the template give the same figures after LibreOffice recalculates', () => {
  it('followup --report august --all: every follow-up tab, figure by figure', async () => {
    const templateTyped = await withForecasts(await write('followup', templateBook, '--report', 'august', '--all'));
    const ownTyped = await withForecasts(await write('followup', ownBook, '--report', 'august', '--all', '--mapping', mappingFile));
    expect(ownTyped.typed).toBe(templateTyped.typed);
    expect(templateTyped.typed).toBeGreaterThanOrEqual(6);
    const template = await recalculated(templateTyped.bytes);
    const own = await recalculated(ownTyped.bytes);
    // One tab per nämnd (Tekniska nämnden, with rows but no frame, too).
    expect(template.tabs.size).toBeGreaterThanOrEqual(BOARDS.length);
    expectSameFigures(template.tabs, own.tabs);

    // The figures are the data set's, not two equal zeros: each nämnd's Budget helår in tkr and
    // its Utfall t.o.m. period (January–August of the source's Utfall).
    const budgets: Record<string, number | undefined> = {};
    const actuals: Record<string, number | undefined> = {};
    const forecasts: Record<string, number | undefined> = {};
    const deviations: Record<string, number | undefined> = {};
    for (const tab of own.tabs.keys()) {
      for (const board of BOARDS) {
        budgets[board] ??= total(own, tab, board, 3); // Budget helår
        actuals[board] ??= total(own, tab, board, 5); // Utfall t.o.m. period
        forecasts[board] ??= total(own, tab, board, 7); // Prognos helår
        deviations[board] ??= total(own, tab, board, 8); // Avvikelse helår
      }
    }
    for (const board of BOARDS) {
      expect(forecasts[board]).toBeGreaterThan(0);
      expect({ board, deviation: deviations[board] }).toEqual({ board, deviation: expect.closeTo(budgets[board]! - forecasts[board]!, 6) });
    }
    // Kommunstyrelsen's Näringsliv 2027 is a number stored as text: no spreadsheet sums it.
    expect(budgets).toEqual({ [KS]: 71_000 - 12_800, [SOC]: 336_600, [BUN]: 401_500 });
    const source = ownLayoutSource();
    const expectedActual = (board: string) => source.actuals.filter((a) => a.board === board).reduce((n, a) => n + a.amount, 0);
    expect(actuals).toEqual(Object.fromEntries(BOARDS.map((b) => [b, expectedActual(b)])));
  });

  it('allocate -o: the allocation tab, figure by figure', async () => {
    const template = await recalculated(await write('allocate', templateBook));
    const own = await recalculated(await write('allocate', ownBook, '--mapping', mappingFile));
    expect(template.tabs.size).toBe(1);
    expect([...template.tabs.values()][0].size).toBeGreaterThan(20);
    expectSameFigures(template.tabs, own.tabs);
  });
});

describe('the saved mapping survives a save in LibreOffice', () => {
  it('map -o stores it; after LibreOffice saved the copy, map prints it back and validate uses it', async () => {
    const stored = await write('map', ownBook, '--mapping', mappingFile);
    const roundTripped = join(dir, 'libreoffice.xlsx');
    writeFileSync(roundTripped, await recalculate(stored));

    const printed = await run('map', roundTripped);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(JSON.parse(serializeMapping(l1.mapping)));

    const key = (f: { rule: string; severity: string; sheet: string; cell: string; message: string }) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.message}`;
    const findings = async (...args: string[]) => {
      const r = await run('validate', ...args, '--format', 'json');
      return (JSON.parse(r.stdout).files[0].findings as Parameters<typeof key>[0][]).map(key).sort();
    };
    const withFlag = await findings(ownBook, '--mapping', mappingFile);
    expect(withFlag.some((f) => f.startsWith('RAM-OVER error KF-ramar!D5'))).toBe(true);
    expect(await findings(roundTripped)).toEqual(withFlag);
  });
});
