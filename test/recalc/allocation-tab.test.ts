/**
 * The result tab `Resursfördelning <Y1>` recalculated by a real spreadsheet engine: the input tabs
 * and the tab are written through XlsxWorkbookPort (formulas without cached results), LibreOffice
 * recalculates them, and every compensation, other-change, proposed-frame and difference cell must
 * equal the core's number to the krona. Changing a forecast before recalculating proves the
 * formulas are live: the tab then agrees with the core run on the changed workbook.
 */
import { execFile } from 'child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { runAllocation, type AllocationResult } from '../../src/core/allocation/model';
import { buildAllocationTab, OTHER_CHANGE_COLUMNS, SUMMARY_COLUMNS, TKR_FROM_KRONOR_FORMAT } from '../../src/core/allocation/result-tab';
import { detailColumns } from '../../src/core/allocation/result-tab-columns';
import { readBudgetModel, type BudgetModel } from '../../src/core/recognition';
import { generateSample, sampleToSheetSpecs } from '../../src/core/sample';
import { emptySheetSpec, type SheetSpec, type SpecCell } from '../../src/core/workbook/sheet-spec';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';
import { BUN, VOO, workedExample } from '../fixtures/worked-example';
import type { TestSheet } from '../helpers/raw-workbook';
import { findSoffice, recalculate, SOFFICE_MISSING } from './libreoffice';

const GENERATED_AT = new Date('2026-09-15T08:00:00Z');
const ALLOCATION_INPUTS = ['Parametrar', 'Ramar', 'Utgångsramar', 'Volymer', 'Övriga förändringar'];

/** Test sheets as plain input tabs (values only, header in row 1). */
function specsOf(sheets: TestSheet[]): SheetSpec[] {
  return sheets.map((s) => ({ ...emptySheetSpec(s.name), rows: s.rows.map((row) => row.map((value): SpecCell => ({ value }))) }));
}

/** The worked example with KF's Ramar added (tkr; one frame with öre-like decimals to exercise ROUND). */
function workedExampleSpecs(options: Parameters<typeof workedExample>[0] = {}): SheetSpec[] {
  const sheets = workedExample(options);
  sheets.push({
    name: 'Ramar',
    rows: [
      ['Nämnd', '2027', '2028', '2029'],
      [BUN, 1_050_000, 1_090_000, 1_115_000],
      [VOO, 667_000, 699_100.25, 727_264.252],
    ],
  });
  return specsOf(sheets);
}

/** The allocation inputs of a generated sample, as the template writes them (Excel tables). */
function sampleSpecs(rows: number, seed: number): SheetSpec[] {
  return sampleToSheetSpecs(generateSample({ rows, seed }), { instructions: false }).filter((s) => ALLOCATION_INPUTS.includes(s.name));
}

/** A copy of the specs with one cell of one tab replaced by a number (the tab's own cells untouched). */
function withCell(specs: SheetSpec[], sheet: string, row: number, col: number, value: number): SheetSpec[] {
  return specs.map((s) => {
    if (s.name !== sheet) return s;
    const rows = s.rows.map((r, i) => (i === row ? r.map((c, j) => (j === col ? { ...(c ?? {}), value } : c)) : r));
    return { ...s, rows };
  });
}

async function portWith(inputs: SheetSpec[]): Promise<XlsxWorkbookPort> {
  const port = XlsxWorkbookPort.createEmpty();
  for (const spec of inputs) {
    const { name } = await port.writeSheet(spec);
    expect(name).toBe(spec.name);
  }
  return port;
}

interface Run {
  model: BudgetModel;
  result: AllocationResult;
  tab: SheetSpec;
}

/** Recognises the written inputs, runs the core and builds the tab, as the add-in does. */
async function allocate(inputs: SheetSpec[]): Promise<Run> {
  const model = await readBudgetModel(await portWith(inputs), 'allocation');
  const result = runAllocation(model);
  if (!result) throw new Error('no budget years');
  return { model, result, tab: buildAllocationTab(result, model, GENERATED_AT) };
}

interface Written {
  sheet: Worksheet;
  buffer: Uint8Array;
  position: number;
}

/** Writes the inputs and the tab, recalculates with LibreOffice and opens the tab with ExcelJS. */
async function recalculated(inputs: SheetSpec[], tab: SheetSpec): Promise<Written> {
  const port = await portWith(inputs);
  const { name } = await port.writeSheet(tab);
  const buffer = await recalculate(await port.toBuffer());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(name);
  if (!sheet) throw new Error(`tab ${name} missing after recalculation`);
  return { sheet, buffer, position: wb.worksheets.indexOf(sheet) + 1 };
}

/** 0-based row of the first spec row whose first cells have these values. */
function rowStarting(spec: SheetSpec, ...values: string[]): number {
  const r = spec.rows.findIndex((row) => values.every((v, i) => row[i]?.value === v));
  if (r < 0) throw new Error(`no row starting ${values.join(', ')}`);
  return r;
}

/** Compares the recalculated tab with the core's numbers; returns how many cells were compared. */
class Agreement {
  compared = 0;
  constructor(private readonly sheet: Worksheet) {}

  /** A formula cell whose recalculated value must be exactly `expected` (kronor). */
  exact(row: number, col: number, expected: number, what: string): void {
    const cell = this.sheet.getCell(row + 1, col + 1);
    expect({ what, address: cell.address, formula: Boolean(cell.formula) }).toEqual({ what, address: cell.address, formula: true });
    expect({ what, address: cell.address, value: cell.result }).toEqual({ what, address: cell.address, value: expected });
    this.compared++;
  }

  /** A cell that must stay empty (nothing to show: no base frame, no Ramar). */
  empty(row: number, col: number, what: string): void {
    const cell = this.sheet.getCell(row + 1, col + 1);
    expect({ what, address: cell.address, value: cell.value }).toEqual({ what, address: cell.address, value: null });
  }
}

/** Every compensation, level, other-change and summary amount of the tab against the core. */
function checkAgreement(sheet: Worksheet, run: Run): number {
  const { result, tab } = run;
  const check = new Agreement(sheet);
  const cols = detailColumns(result.mode, result.mode === 'Delta' && result.correctionRule === 'Permanent och retroaktiv');

  const detailHeader = rowStarting(tab, 'Nämnd', 'Verksamhet');
  result.activities.forEach((a, j) => {
    const r = detailHeader + 1 + j;
    expect(sheet.getCell(r + 1, 2).value).toBe(a.activity);
    cols.years.forEach((y, i) => {
      const costPerUnit = sheet.getCell(r + 1, y.costPerUnit + 1).result;
      expect(costPerUnit).toBeCloseTo(a.costPerUnit[i], 6);
      if (result.mode === 'Delta') {
        check.exact(r, y.compensation, a.compensation[i], `${a.activity} Komp ${result.years[i]}`);
        if (y.retroactive >= 0) check.exact(r, y.retroactive, a.retroactive, `${a.activity} retroaktiv`);
      } else {
        check.exact(r, y.level, a.level[i], `${a.activity} Nivå ${result.years[i]}`);
      }
    });
  });

  const otherHeader = rowStarting(tab, 'Nämnd', 'Beskrivning');
  result.otherChanges.forEach((o, j) => {
    o.amounts.forEach((amount, i) => check.exact(otherHeader + 1 + j, OTHER_CHANGE_COLUMNS.firstYear + i, amount, `${o.description} ${result.years[i]}`));
  });

  const summaryHeader = rowStarting(tab, 'Nämnd', 'År');
  const C = SUMMARY_COLUMNS;
  result.boards.forEach((b, k) => {
    result.years.forEach((year, i) => {
      const r = summaryHeader + 1 + k * 3 + i;
      expect(sheet.getCell(r + 1, 1).value).toBe(b.board);
      const at = (col: number, value: number | null, what: string) =>
        value === null ? check.empty(r, col, `${b.board} ${what} ${year}`) : check.exact(r, col, value, `${b.board} ${what} ${year}`);
      at(C.compensation, b.compensation[i], 'kompensation');
      at(C.other, b.other[i], 'övriga');
      at(C.indexedBase, b.indexedBase?.[i] ?? null, 'uppräknad utgångsram');
      at(C.proposed, b.proposed?.[i] ?? null, 'förslag');
      at(C.frame, b.frame?.[i] ?? null, 'ram');
      at(C.difference, b.difference?.[i] ?? null, 'skillnad');
    });
  });
  return check.compared;
}

/** One CSV line → its fields ("…" quoting with "" escapes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

/** The tab's cells as LibreOffice shows them (number formats applied), exported as CSV. */
async function renderAsShown(buffer: Uint8Array, position: number): Promise<string[][]> {
  const soffice = findSoffice();
  if (!soffice) throw new Error(SOFFICE_MISSING);
  const dir = await mkdtemp(join(tmpdir(), 'budgetkoll-render-'));
  try {
    const input = join(dir, 'book.xlsx');
    const out = join(dir, 'out');
    await mkdir(out);
    await writeFile(input, buffer);
    // Field 9 "true": save cell contents as shown; field 12: the sheet (1-based) to export.
    const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,${position}`;
    const args = [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', out, input];
    await new Promise<void>((resolve, reject) =>
      execFile(soffice, args, { timeout: 120_000, killSignal: 'SIGKILL' }, (error, _stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve())),
    );
    const files = await readdir(out);
    if (files.length !== 1) throw new Error(`expected one CSV, got ${files.join(', ')}`);
    const csv = await readFile(join(out, files[0]), 'utf8');
    return csv.split('\n').map(csvFields);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('Resursfördelning tab recalculated by LibreOffice agrees with the core to the krona', () => {
  it('has LibreOffice available', () => {
    // Fails (never skips) so a CI without LibreOffice is noticed.
    if (!findSoffice()) throw new Error(SOFFICE_MISSING);
    expect(findSoffice()).toMatch(/soffice$/);
  });

  it('the worked example, mode Delta, with KF Ramar: every amount, and the numbers of docs/resursfordelning.md', async () => {
    const inputs = workedExampleSpecs();
    const run = await allocate(inputs);
    const { sheet } = await recalculated(inputs, run.tab);
    // 3 activities × 3 years, 2 other changes × 3 years, 2 nämnder × 3 years × 6 amounts.
    expect(checkAgreement(sheet, run)).toBe(9 + 6 + 36);

    const summary = rowStarting(run.tab, 'Nämnd', 'År');
    const proposed = (k: number, i: number) => sheet.getCell(summary + 2 + k * 3 + i, SUMMARY_COLUMNS.proposed + 1).result;
    expect([0, 1, 2].map((i) => proposed(0, i))).toEqual([1_048_565_000, 1_086_251_180, 1_111_774_979]);
    expect([0, 1, 2].map((i) => proposed(1, i))).toEqual([667_658_000, 698_956_260, 727_264_252]);
    // Amounts keep the scaling tkr format through a real engine.
    expect(sheet.getCell(summary + 2, SUMMARY_COLUMNS.proposed + 1).numFmt.replace(/\\/g, '').toLowerCase()).toBe(TKR_FROM_KRONOR_FORMAT.toLowerCase());
  });

  it('is live: a changed forecast in Volymer changes the compensation to what the core gives for the changed workbook', async () => {
    const inputs = workedExampleSpecs();
    const before = await allocate(inputs);
    // Grundskola, Prognos 2027 (Volymer G2): 4 260 → 4 300.
    const changed = withCell(inputs, 'Volymer', 1, 6, 4300);
    const after = await allocate(changed);
    expect(after.result.activities[0].compensation[0]).not.toBe(before.result.activities[0].compensation[0]);
    expect(after.result.activities[0].compensation[0]).toBe(6_300_000 + 40 * 105_000);

    // The tab built from the unchanged workbook, recalculated over the changed inputs.
    const { sheet } = await recalculated(changed, before.tab);
    expect(checkAgreement(sheet, { ...after, tab: before.tab })).toBe(9 + 6 + 36);
  });

  it('the worked example in mode Nivå', async () => {
    const inputs = workedExampleSpecs({ mode: 'Nivå' });
    const run = await allocate(inputs);
    const { sheet } = await recalculated(inputs, run.tab);
    // 3 × 3 levels, 2 × 3 other changes, 2 nämnder × 3 years × 5 amounts (no base frame in Nivå).
    expect(checkAgreement(sheet, run)).toBe(9 + 6 + 30);
    const cols = detailColumns('Nivå', false);
    const first = rowStarting(run.tab, 'Nämnd', 'Verksamhet') + 2;
    expect(cols.years.map((y) => sheet.getCell(first, y.level + 1).result)).toEqual([447_300_000, 465_045_000, 474_454_050]);
  });

  it('the worked example with retroactive correction', async () => {
    const inputs = workedExampleSpecs({ retroactive: true });
    const run = await allocate(inputs);
    const { sheet } = await recalculated(inputs, run.tab);
    // 3 × 3 compensations + 3 retroactive one-offs, 2 × 3 other changes, 36 summary amounts.
    expect(checkAgreement(sheet, run)).toBe(12 + 6 + 36);
    const cols = detailColumns('Delta', true);
    const first = rowStarting(run.tab, 'Nämnd', 'Verksamhet') + 2;
    expect(sheet.getCell(first, cols.years[0].retroactive + 1).result).toBe(3_150_000);
    expect(sheet.getCell(first, cols.years[0].compensation + 1).result).toBe(6_300_000 + 3_150_000);
  });

  it('without Utgångsramar: compensation only, no proposed frame', async () => {
    const inputs = workedExampleSpecs().filter((s) => s.name !== 'Utgångsramar');
    const run = await allocate(inputs);
    expect(run.result.hasBaseFrames).toBe(false);
    const { sheet } = await recalculated(inputs, run.tab);
    // 9 compensations, 6 other changes, 2 nämnder × 3 years × (compensation, other, Ramar).
    expect(checkAgreement(sheet, run)).toBe(9 + 6 + 18);
  });

  it('LibreOffice shows the kronor cells in tkr', async () => {
    const inputs = workedExampleSpecs();
    const run = await allocate(inputs);
    const { buffer, position } = await recalculated(inputs, run.tab);
    const shown = await renderAsShown(buffer, position);
    const summary = rowStarting(run.tab, 'Nämnd', 'År');
    const bun2027 = shown[summary + 1];
    expect(bun2027[SUMMARY_COLUMNS.board]).toBe(BUN);
    // 1 048 565 000 kr → "1,048,565" (en-US separators in the export), Förskola's −6 295 000 kr → "-6,295".
    expect(bun2027[SUMMARY_COLUMNS.proposed]).toBe('1,048,565');
    expect(bun2027[SUMMARY_COLUMNS.compensation]).toBe('5');
    const forskola = shown[rowStarting(run.tab, 'Nämnd', 'Verksamhet') + 2];
    expect(forskola[detailColumns('Delta', false).years[0].compensation]).toBe('-6,295');
  });

  describe('a generated size-M-like sample (20 000 Driftbudget rows, seed 3)', () => {
    const inputs = sampleSpecs(20_000, 3);

    it('every amount agrees', async () => {
      const run = await allocate(inputs);
      expect(run.result.activities.length).toBeGreaterThan(100);
      expect(run.result.otherChanges.length).toBeGreaterThan(10);
      expect(run.result.boards.filter((b) => b.difference !== null).length).toBeGreaterThan(3);
      const { sheet } = await recalculated(inputs, run.tab);
      const compared = checkAgreement(sheet, run);
      const r = run.result;
      const summaryAmounts = r.boards.reduce((n, b) => n + 3 * (2 + [b.indexedBase, b.proposed, b.frame, b.difference].filter(Boolean).length), 0);
      expect(compared).toBe(r.activities.length * 3 + r.otherChanges.length * 3 + summaryAmounts);
    });

    it('is live: a changed forecast changes the compensation, the proposal and the difference', async () => {
      const before = await allocate(inputs);
      const volumes = before.model.layouts.volymer!;
      const a = before.result.activities[0];
      const col = volumes.yearColumns.forecast[1];
      const old = inputs.find((s) => s.name === 'Volymer')!.rows[a.row][col]!.value as number;
      const changed = withCell(inputs, 'Volymer', a.row, col, old + 37);
      const after = await allocate(changed);
      expect(after.result.activities[0].compensation[1]).not.toBe(a.compensation[1]);

      const { sheet } = await recalculated(changed, before.tab);
      checkAgreement(sheet, { ...after, tab: before.tab });
    });
  });
});
