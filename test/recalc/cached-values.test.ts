/**
 * Cached values (issue 13): every formula Budgetkoll writes to a file carries the value the core
 * computed, so a viewer that does not recalculate shows the right figure. The sample is written by
 * the CLI (`sample`), then the follow-up tabs (`followup --all -o`, and the kommun tab), the
 * allocation tab (`allocate -o`) and the KS compilation (`consolidate -o`) are written by the CLI
 * to real .xlsx files. Read back with ExcelJS without recalculating, the cached values must be the
 * core's figures; after LibreOffice recalculates the files, every formula cell that has a cached
 * value must show the same (0.5 kr on the allocation tab, which is in kronor; 0.0005 tkr on the
 * follow-up tabs). Formula cells without a cached value are those over typed cells (prognos).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { runAllocation } from '../../src/core/allocation/model';
import { buildAllocationTab } from '../../src/core/allocation/result-tab';
import { readFollowUp } from '../../src/core/followup';
import { readBudgetModel } from '../../src/core/recognition';
import { MIN_SAMPLE_ROWS } from '../../src/core/sample/generate';
import { normalizeKey } from '../../src/core/text/normalize';
import { specRows } from '../../src/core/workbook/sheet-spec';
import { formulaOfCell } from '../../src/core/workbook/r1c1';
import { parseA1, toA1 } from '../../src/core/a1';
import { gridValue, type RawGrid } from '../../src/core/workbook/raw';
import { XlsxReadPort } from '../../src/io/xlsx/read-port';
import { nodeIo } from '../../src/cli/node-io';
import { openForReading } from '../../src/cli/open-workbook';
import { run } from '../cli/run-cli';
import { recalculate } from './libreoffice';

const YEAR = 2027;
let dir: string;
let inputSheets: Set<string>;
const files: Record<string, string> = {};

interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  /** The cached result as the file holds it (undefined when none). */
  result: unknown;
}

/**
 * A file's cells as Budgetkoll's own reader sees them (values are the cached results of formula
 * cells; ExcelJS's loader would drop a cached 0), every sheet but the sample's inputs.
 */
interface Book {
  grids: Map<string, RawGrid>;
}

async function load(bytes: Uint8Array): Promise<Book> {
  const port = await XlsxReadPort.fromBuffer(bytes, { inflateRaw: (data: Uint8Array, size: number) => inflateRawSync(data, { chunkSize: Math.max(64 * 1024, size) }) });
  const raw = await port.read((index) => ({
    ranges: index.sheets
      .filter((s) => s.usedAddress !== null && !inputSheets.has(s.name))
      .map((s) => ({ id: s.name, sheet: s.name, address: s.usedAddress!.replace(/^[A-Z]+\d+/, 'A1'), formulas: true, numberFormats: false })),
  }));
  return { grids: raw.grids };
}

/** Every formula cell of the tabs Budgetkoll wrote (not the sample's inputs), with its cached result. */
function formulaCells(book: Book): FormulaCell[] {
  const cells: FormulaCell[] = [];
  for (const [sheet, grid] of book.grids) {
    for (const [address, formula] of Object.entries(grid.formulas)) cells.push({ sheet, address, formula, result: valueAt(book, sheet, address) });
  }
  return cells;
}

/** The value (a formula's cached result) at a cell; undefined when the cell is empty. */
function valueAt(book: Book, sheet: string, address: string): unknown {
  const grid = book.grids.get(sheet);
  const at = parseA1(address);
  if (!grid || !at) return undefined;
  const v = gridValue(grid, at.row, at.col);
  return v === null ? undefined : v;
}

async function cli(...args: string[]): Promise<void> {
  const result = await run(...args);
  if (result.code !== 0) throw new Error(`budgetkoll ${args.join(' ')} → ${result.code}\n${result.stderr}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-cached-'));
  files.sample = join(dir, 'budget.xlsx');
  files.followUp = join(dir, 'uppfoljning.xlsx');
  files.kommun = join(dir, 'kommun.xlsx');
  files.allocation = join(dir, 'resursfordelning.xlsx');
  files.consolidation = join(dir, 'ks.xlsx');
  await cli('sample', '-o', files.sample, '--rows', String(MIN_SAMPLE_ROWS), '--year', String(YEAR));
  inputSheets = new Set();
  inputSheets = new Set((await load(readFileSync(files.sample))).grids.keys());
  await cli('followup', files.sample, '--report', 'august', '--all', '-o', files.followUp);
  await cli('followup', files.followUp, '--report', 'december', '--board', 'Kommunen', '-o', files.kommun);
  await cli('allocate', files.kommun, '-o', files.allocation);
  // The KS compilation of the august tabs (exit 1: the tabs have no prognos yet).
  const ks = await run('consolidate', files.followUp, '--report', 'august', '-o', files.consolidation);
  expect(ks.stderr).toBe('');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('cached values of the formulas Budgetkoll writes to files', () => {
  it('the follow-up tabs: each economy total carries the core’s Budget helår and Utfall t.o.m. period (no recalculation)', async () => {
    const bytes = readFileSync(files.kommun);
    const wb = await load(bytes);
    const port = await openForReading(nodeIo(), files.kommun);
    const model = await readBudgetModel(port, 'followUp');
    const { tabs } = await readFollowUp(port);
    expect(tabs.length).toBeGreaterThan(5);
    const index = YEAR - model.years![0];
    for (const tab of tabs) {
      const kommun = tab.board === 'Kommunen';
      const last = kommun ? `${YEAR}-12` : `${YEAR}-08`;
      const inBoard = (board: string) => kommun || normalizeKey(board) === normalizeKey(tab.board);
      const budget = model.operatingBudget.filter((r) => inBoard(r.board)).reduce((s, r) => s + r.amounts[index], 0) / 1000;
      const actual =
        model.actuals.filter((r) => inBoard(r.board) && r.period >= `${YEAR}-01` && r.period <= last).reduce((s, r) => s + r.amount, 0) / 1000;
      const total = tab.rows.find((r) => r.key.section === 'ekonomi' && r.key.total)!;
      const cached = (field: string) => valueAt(wb, tab.sheet, total.formulas[field].cell);
      expect({ tab: tab.sheet, budget: cached('budget') }).toEqual({ tab: tab.sheet, budget: expect.closeTo(budget, 3) });
      expect({ tab: tab.sheet, actual: cached('actual') }).toEqual({ tab: tab.sheet, actual: expect.closeTo(actual, 3) });
      if (kommun) expect(cached('diff')).toBeCloseTo(budget - actual, 3);
      else {
        expect(cached('budgetToDate')).toBeCloseTo((budget * 8) / 12, 3);
        expect(cached('diffToDate')).toBeCloseTo((budget * 8) / 12 - actual, 3);
        // Over the typed prognos: the core cannot know it, so no cached value.
        expect(cached('forecast')).toBeUndefined();
        expect(cached('diffYear')).toBeUndefined();
      }
      // Every verksamhet row's budget cell is cached too.
      for (const row of tab.rows.filter((r) => r.key.section === 'ekonomi' && !r.key.total && !r.removed)) {
        expect(typeof valueAt(wb, tab.sheet, row.formulas.budget.cell)).toBe('number');
      }
    }
  });

  it('the allocation tab: every formula cell carries the core’s figure (no recalculation)', async () => {
    const wb = await load(readFileSync(files.allocation));
    const model = await readBudgetModel(await openForReading(nodeIo(), files.kommun), 'allocation');
    const result = runAllocation(model)!;
    const spec = buildAllocationTab(result, model, new Date());
    const sheet = { name: [...wb.grids.keys()].find((name) => name.startsWith('Resursfördelning'))! };
    let compared = 0;
    specRows(spec).forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || formulaOfCell(cell, r, c) === undefined) return;
        // The core knows every figure of this tab.
        expect({ at: toA1(r, c), cached: typeof cell.value }).toEqual({ at: toA1(r, c), cached: 'number' });
        const inFile = valueAt(wb, sheet.name, toA1(r, c));
        expect({ at: toA1(r, c), inFile }).toEqual({ at: toA1(r, c), inFile: cell.value });
        compared++;
      }),
    );
    expect(compared).toBeGreaterThan(100);
    // The summary's figures are the model's (the first nämnd's proposed frame and difference, Y1).
    const board = result.boards.find((b) => b.proposed && b.difference)!;
    const values = formulaCells(wb).filter((f) => f.sheet === sheet.name).map((f) => f.result);
    expect(values).toEqual(expect.arrayContaining([board.proposed![0], board.difference![0], board.compensation[0]]));
  });

  it('after LibreOffice recalculates, every formula cell with a cached value shows that value', async () => {
    for (const file of [files.kommun, files.allocation, files.consolidation]) {
      const bytes = new Uint8Array(readFileSync(file));
      const before = formulaCells(await load(bytes));
      const cached = before.filter((f) => typeof f.result === 'number');
      expect(cached.length).toBeGreaterThan(0);
      const after = await load(await recalculate(bytes));
      const wrong: string[] = [];
      for (const f of cached) {
        const tolerance = f.sheet.startsWith('Resursfördelning') ? 0.5 : 0.0005;
        const now = valueAt(after, f.sheet, f.address);
        if (typeof now !== 'number' || Math.abs(now - (f.result as number)) > tolerance) {
          wrong.push(`${f.sheet}!${f.address} ${f.formula}: cached ${String(f.result)}, recalculated ${String(now)}`);
        }
      }
      expect({ file, wrong: wrong.slice(0, 10), count: wrong.length }).toEqual({ file, wrong: [], count: 0 });
      // The engine did recalculate (it did not just keep the cached results): formula cells that
      // carried none (the goal section's references to Nyckeltal on the kommun tab) now show numbers.
      const gained = before.filter((f) => f.result === undefined && typeof valueAt(after, f.sheet, f.address) === 'number');
      if (file !== files.consolidation) expect({ file, gained: gained.length > 0 }).toEqual({ file, gained: true });
    }
  });
});
