/**
 * Cached values (issue 13): every formula Budgetkoll writes to a file carries its result as the
 * cached value, so a viewer that does not recalculate shows the right figure. The sample is written
 * by the CLI (`sample`), then the follow-up tabs of all three reports (`followup --all -o`, and the
 * kommun tab of each), the allocation tab (`allocate -o`) and the KS compilation (`consolidate -o`)
 * are written by the CLI to real .xlsx files; the April and August files are refreshed once more
 * after prognos, central items and balanskrav amounts were typed into them. Read back without
 * recalculating, the cached values must be the core's figures and no formula cell may lack one;
 * after LibreOffice recalculates the files, every formula cell must show its cached value (0.5 kr
 * on the allocation tab, which is in kronor; 0.0005 tkr elsewhere; text exactly).
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
import { formulaOfCell } from '../../src/core/workbook/r1c1';
import { parseA1, toA1 } from '../../src/core/a1';
import { gridValue, type RawGrid } from '../../src/core/workbook/raw';
import { XlsxReadPort } from '../../src/io/xlsx/read-port';
import { nodeIo } from '../../src/cli/node-io';
import { openForReading } from '../../src/cli/open-workbook';
import { run } from '../cli/run-cli';
import { recalculate } from './libreoffice';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

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

/** A formula cell as the file holds it: its cached result, or `missing` when it has none. */
interface RawFormula {
  sheet: string;
  address: string;
  formula: string;
  missing: boolean;
  cached: number | string | boolean | null;
}

const xmlText = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every formula cell of the tabs Budgetkoll wrote, straight from the sheet XML (no reader drops a cached 0 or ""). */
async function rawFormulas(bytes: Uint8Array): Promise<RawFormula[]> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  for (const m of rels.matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)) targets.set(m[2], m[1]);
  const out: RawFormula[] = [];
  for (const m of workbook.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const sheet = xmlText(m[1]);
    if (inputSheets.has(sheet)) continue;
    const target = targets.get(m[2])!.replace(/^\/?(xl\/)?/, 'xl/');
    const xml = await zip.file(target)!.async('string');
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const body = c[3] ?? '';
      const f = /<f[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      if (!f) continue;
      const v = /<v>([\s\S]*?)<\/v>|<v\/>/.exec(body);
      const type = /\bt="([^"]+)"/.exec(c[2])?.[1];
      const text = v ? xmlText(v[1] ?? '') : '';
      const cached = !v ? null : type === 'str' ? text : type === 'b' ? text === '1' : type === 'e' ? `#ERROR ${text}` : Number(text);
      out.push({ sheet, address: c[1], formula: xmlText(f[1] ?? '(shared)'), missing: !v, cached });
    }
  }
  return out;
}

/**
 * A copy whose formula cells carry wrong cached results (numbers + 1000, texts "STALE"): compared
 * with the true cached values after LibreOffice recalculated the copy, the agreement proves that
 * every cell was recalculated, not that the cache was kept.
 */
async function staleCopy(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  let staled = 0;
  for (const m of workbook.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    if (inputSheets.has(xmlText(m[1]))) continue;
    const rel = [...rels.matchAll(/<Relationship [^>]*>/g)].map((r) => r[0]).find((r) => r.includes(`Id="${m[2]}"`))!;
    const path = /Target="([^"]+)"/.exec(rel)![1].replace(/^\/?(xl\/)?/, 'xl/');
    const xml = await zip.file(path)!.async('string');
    const stale = xml.replace(/(<c r="[A-Z]+\d+"([^>]*)><f[^>]*(?:\/>|>[^<]*<\/f>))(?:<v>([^<]*)<\/v>|<v\/>)/g, (_all, head: string, attrs: string, v?: string) => {
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
      staled++;
      if (type === 'str') return `${head}<v>STALE</v>`;
      if (type === undefined && v !== undefined && v !== '') return `${head}<v>${Number(v) + 1000}</v>`;
      staled--;
      return _all;
    });
    zip.file(path, stale);
  }
  expect(staled).toBeGreaterThan(0);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Types prognos, central items and balanskrav amounts into the tabs of a follow-up file (ExcelJS). */
async function typeInputs(from: string, to: string): Promise<number> {
  const port = await openForReading(nodeIo(), from);
  const { tabs } = await readFollowUp(port);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  let typed = 0;
  const put = (sheet: string, cell: string | undefined, value: number) => {
    if (!cell) return;
    wb.getWorksheet(sheet)!.getCell(cell).value = value;
    typed++;
  };
  for (const tab of tabs) {
    tab.rows.forEach((row, i) => {
      if (row.key.total || row.removed) return;
      const budget = row.formulas.budget?.cell ? 1000 + i * 37.25 : 500 + i;
      // Every third row left empty: its deviation stays "" and the totals skip it.
      if ((row.key.section === 'ekonomi' || row.key.section === 'centrala') && i % 3 !== 2) put(tab.sheet, row.inputs.forecast?.cell, budget * 0.9 - 12.5);
      if (row.key.section === 'balanskrav') {
        const amounts: Record<string, number> = { 'Årets resultat': 4200.5, Realisationsvinster: 310, Justeringar: -55.25, Resultatutjämningsreserv: -5000 };
        if (amounts[row.key.item] !== undefined) put(tab.sheet, row.inputs.amount?.cell, amounts[row.key.item]);
      }
    });
  }
  await wb.xlsx.writeFile(to);
  return typed;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-cached-'));
  files.sample = join(dir, 'budget.xlsx');
  files.followUp = join(dir, 'uppfoljning.xlsx');
  files.kommun = join(dir, 'kommun.xlsx');
  files.allocation = join(dir, 'resursfordelning.xlsx');
  files.consolidation = join(dir, 'ks.xlsx');
  await cli('sample', '-o', files.sample, '--rows', String(MIN_SAMPLE_ROWS), '--year', String(YEAR));
  // Högre är bättre as people type it: "JA" (Excel's text comparison ignores case) and TRUE.
  const sampleBook = new ExcelJS.Workbook();
  await sampleBook.xlsx.readFile(files.sample);
  const keyFigures = sampleBook.getWorksheet('Nyckeltal')!;
  let hibCol = 0;
  let retyped = 0;
  keyFigures.eachRow((row, r) => {
    if (hibCol === 0) row.eachCell((cell, c) => void (String(cell.value ?? '').startsWith('Högre') && (hibCol = c)));
    else if (r <= keyFigures.rowCount) {
      const v = row.getCell(hibCol).value;
      if (typeof v === 'string' && /^ja$/i.test(v)) {
        row.getCell(hibCol).value = r % 2 === 0 ? 'JA' : true;
        retyped++;
      }
    }
  });
  expect(retyped).toBeGreaterThan(1);
  await sampleBook.xlsx.writeFile(files.sample);
  inputSheets = new Set();
  inputSheets = new Set((await load(readFileSync(files.sample))).grids.keys());
  await cli('followup', files.sample, '--report', 'august', '--all', '-o', files.followUp);
  await cli('followup', files.followUp, '--report', 'december', '--board', 'Kommunen', '-o', files.kommun);
  await cli('allocate', files.kommun, '-o', files.allocation);
  // The KS compilation of the august tabs (exit 1: the tabs have no prognos yet).
  const ks = await run('consolidate', files.followUp, '--report', 'august', '-o', files.consolidation);
  expect(ks.stderr).toBe('');
  // April and December with their kommun tabs; April and August refreshed over typed inputs.
  for (const report of ['april', 'december', 'august'] as const) {
    const all = join(dir, `${report}.xlsx`);
    files[report] = join(dir, `${report}-kommun.xlsx`);
    await cli('followup', report === 'august' ? files.followUp : files.sample, '--report', report, '--all', '-o', all);
    await cli('followup', all, '--report', report, '--board', 'Kommunen', '-o', files[report]);
    if (report === 'december') continue;
    const typed = join(dir, `${report}-typed.xlsx`);
    expect(await typeInputs(files[report], typed)).toBeGreaterThan(10);
    const refreshed = join(dir, `${report}-refreshed.xlsx`);
    files[`${report}Refreshed`] = join(dir, `${report}-refreshed-kommun.xlsx`);
    await cli('followup', typed, '--report', report, '--all', '-o', refreshed);
    await cli('followup', refreshed, '--report', report, '--board', 'Kommunen', '-o', files[`${report}Refreshed`]);
  }
  files.consolidationTyped = join(dir, 'ks-typed.xlsx');
  const ksTyped = await run('consolidate', files.augustRefreshed, '--report', 'august', '-o', files.consolidationTyped);
  expect(ksTyped.stderr).toBe('');
}, 600_000);

/** The files whose every formula cell is checked. */
const writtenFiles = () => [
  files.kommun,
  files.april,
  files.december,
  files.aprilRefreshed,
  files.augustRefreshed,
  files.allocation,
  files.consolidation,
  files.consolidationTyped,
];

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
        // Nothing typed yet: the prognos total and Avvikelse helår are "" (read as empty).
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
    spec.rows.forEach((row, r) =>
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

  it('no formula cell of any written file lacks a cached value', async () => {
    for (const file of writtenFiles()) {
      const cells = await rawFormulas(new Uint8Array(readFileSync(file)));
      expect(cells.length).toBeGreaterThan(0);
      const missing = cells.filter((f) => f.missing).map((f) => `${f.sheet}!${f.address} ${f.formula}`);
      expect({ file, missing: missing.slice(0, 20), count: missing.length }).toEqual({ file, missing: [], count: 0 });
    }
  });

  it('the refreshed August tabs: Avvikelse helår follows the typed prognos', async () => {
    const cells = await rawFormulas(new Uint8Array(readFileSync(files.augustRefreshed)));
    const port = await openForReading(nodeIo(), files.augustRefreshed);
    const { tabs } = await readFollowUp(port);
    let numbers = 0;
    let blanks = 0;
    for (const tab of tabs.filter((t) => t.report === 'august')) {
      for (const row of tab.rows.filter((r) => r.key.section === 'ekonomi' && !r.key.total && !r.removed)) {
        const at = (cell: string) => cells.find((f) => f.sheet === tab.sheet && f.address === cell)!.cached;
        const forecast = row.inputs.forecast.value;
        const diffYear = at(row.formulas.diffYear.cell);
        if (typeof forecast === 'number') {
          expect(diffYear).toBeCloseTo((at(row.formulas.budget.cell) as number) - forecast, 6);
          numbers++;
        } else {
          expect(diffYear).toBe('');
          blanks++;
        }
      }
    }
    expect(numbers).toBeGreaterThan(5);
    expect(blanks).toBeGreaterThan(0);
  });

  it('after LibreOffice recalculates (from a copy with wrong cached results), every formula cell shows its cached value', async () => {
    const results = await Promise.all(
      writtenFiles().map(async (file) => {
        const bytes = new Uint8Array(readFileSync(file));
        const before = await rawFormulas(bytes);
        // Recalculated from a copy with wrong cached results: LibreOffice must compute every cell.
        const after = await load(await recalculate(await staleCopy(bytes)));
        const wrong: string[] = [];
        for (const f of before) {
          const tolerance = f.sheet.startsWith('Resursfördelning') ? 0.5 : 0.0005;
          const raw = valueAt(after, f.sheet, f.address);
          const now = raw === undefined ? '' : raw; // the reader reads "" as empty
          const same = typeof f.cached === 'number' ? typeof now === 'number' && Math.abs(now - f.cached) <= tolerance : now === f.cached;
          if (!same) wrong.push(`${f.sheet}!${f.address} ${f.formula}: cached ${JSON.stringify(f.cached)}, recalculated ${JSON.stringify(now)}`);
        }
        return { file, wrong: wrong.slice(0, 15), count: wrong.length, compared: before.length };
      }),
    );
    for (const r of results) {
      expect(r.compared).toBeGreaterThan(0);
      expect({ file: r.file, wrong: r.wrong, count: r.count }).toEqual({ file: r.file, wrong: [], count: 0 });
    }
  });
});
