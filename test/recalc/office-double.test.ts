/**
 * Every formula the Office adapter writes parses in a real spreadsheet engine.
 *
 * The Excel test double (test/io/office/excel-double.ts) stores any formula text it is given; real
 * Excel refuses a formula that does not parse, and a conditional format or data validation whose
 * formula is wrong silently never applies. This test writes every kind of tab Budgetkoll writes,
 * through the real Office adapter (OfficeWorkbookPort over the double's Excel.run), exports what the
 * double then holds to .xlsx (test/io/office/double-export.ts) and lets LibreOffice load and
 * recalculate it. It proves:
 *
 * - no formula cell of any tab shows an error (Err:5xx, #NAME?, #REF!, #VALUE!, #DIV/0!, #N/A,
 *   #NUM!, #NULL!) unless listed in EXPECTED_ERRORS with its reason;
 * - every conditional-format formula and every data-validation formula or bound parses and
 *   evaluates: each is put into a probe cell of its own sheet, right of everything on it (a CF
 *   formula's A1 references are relative to the CF range's top-left cell, so the same text in any
 *   cell of that sheet evaluates exactly what the CF evaluates for that cell);
 * - every formula has balanced brackets and quotes and fits Excel's 8 192-character limit
 *   (LibreOffice quietly closes a missing bracket, so the engine alone would not catch that);
 * - a few real figures agree with the core: the total Budget and Utfall of follow-up tabs (nämnd
 *   and kommun), the Budget of the Sammanställning, and the compensation, proposed frame and
 *   difference of every nämnd and year on the Resursfördelning tab;
 * - the exporter is faithful: the exported file, read back with ExcelJS, has the double's formulas,
 *   merges, hidden rows, validations, conditional formats and tables on every sheet.
 *
 * A failure lists the bad formulas first: of the cells showing an error, those whose references
 * hold no error themselves, one per sheet and formula shape.
 *
 * Tabs written: the sample's input tabs and Instruktioner (as the template builders make them),
 * follow-up tabs for april, august and december for two nämnder and the kommun, the Sammanställning
 * of each report, the Resursfördelning tab and the Kontrollrapport. A second workbook has a nämnd
 * whose tab name needs quoting in references (O'Haras nämnd), verksamheter named with SUMIFS
 * wildcards, and a refreshed follow-up tab with "Borttagna rader"; a third is the blank template
 * (Instruktioner and every input tab with its validations).
 */
import ExcelJS from 'exceljs';
import { runAllocation } from '../../src/core/allocation/model';
import { buildAllocationTab, SUMMARY_COLUMNS } from '../../src/core/allocation/result-tab';
import { buildConsolidation, buildFollowUpTab, KOMMUN_BOARD, readFollowUp, refreshFollowUpTab, REPORT_IDS, reportInfo, type FilledTabInputs, type FollowUpReport } from '../../src/core/followup';
import { readBudgetModel } from '../../src/core/recognition';
import type { BudgetModel } from '../../src/core/recognition/model';
import { buildControlReport } from '../../src/core/reports/control-report';
import { frameSummary, validateModel } from '../../src/core/rules';
import { generateSample, sampleToSheetSpecs, type SampleWorkbook } from '../../src/core/sample';
import { buildBlankTemplate } from '../../src/core/templates';
import { parseA1, rangeToA1, toA1, type RangePosition } from '../../src/core/a1';
import type { SheetSpec } from '../../src/core/workbook/sheet-spec';
import { formulaReferences } from '../../src/core/workbook/formula-refs';
import { OfficeWorkbookPort, type ExcelRunner } from '../../src/io/office/office-port';
import { isBalancedFormula } from '../../src/io/xlsx/formula-text';
import { doubleFormulas, exportDouble } from '../io/office/double-export';
import { ExcelDouble, type SheetState } from '../io/office/excel-double';
import { findSoffice, recalculatedTexts, SOFFICE_MISSING } from './libreoffice';

const YEAR = 2027;
const GENERATED_AT = new Date('2027-09-15T08:00:00Z');
const BUN = 'Barn- och ungdomsnämnden';
const VOO = 'Vård- och äldreomsorgsnämnden';
/** Excel refuses a formula longer than this. */
const MAX_FORMULA_LENGTH = 8192;

/** What LibreOffice shows in a cell whose formula failed. */
const ERROR_TEXT = /^(Err:\d{3}|#NAME\?|#REF!|#VALUE!|#DIV\/0!|#N\/A|#NUM!|#NULL!)$/;

/**
 * Error cells the core means to write, each with its reason. None today: a follow-up, allocation
 * or report formula that errors on the bundled sample is a bug.
 */
const EXPECTED_ERRORS: { sheet: RegExp; cell: string; shows: string; reason: string }[] = [];

function officePort(double: ExcelDouble): OfficeWorkbookPort {
  return new OfficeWorkbookPort(double.run as unknown as ExcelRunner, { isSetSupported: () => true });
}

/** Forecasts a controller might type: a deficit on the first verksamhet, the rest a little under budget. */
function typedForecasts(model: BudgetModel, board: string): FilledTabInputs {
  const budgets = new Map<string, number>();
  for (const r of model.operatingBudget) if (r.board === board) budgets.set(r.activity, (budgets.get(r.activity) ?? 0) + r.amounts[0] / 1000);
  return {
    values: [...budgets].map(([activity, budget], i) => ({
      key: { section: 'ekonomi' as const, board, item: activity },
      field: 'forecast',
      value: Math.round(i === 0 ? budget * 1.04 : budget - 10 * i),
      label: activity,
      origin: 'row' as const,
    })),
  };
}

// --- probes --------------------------------------------------------------------------------------

interface Probe {
  sheet: string;
  /** Where the probe sits in the exported copy. */
  address: string;
  /** What it checks, for the failure message. */
  what: string;
  formula: string;
  /** The probe must give a number (a date bound). */
  number?: boolean;
}

/** Rightmost column (0-based) holding anything on the sheet: cells, merges, validations, formats, tables. */
function rightmostColumn(double: ExcelDouble, sheet: SheetState): number {
  let right = 0;
  sheet.values.forEach((row) => {
    if (row) right = Math.max(right, row.length - 1);
  });
  for (const k of sheet.formulas.keys()) right = Math.max(right, k % 16384);
  const rects: RangePosition[] = [
    ...sheet.merges,
    ...sheet.validations.map((v) => v.rect),
    ...sheet.conditionalFormats.map((c) => c.rect),
    ...double.tables.filter((t) => t.sheet === sheet).map((t) => t.rect),
  ];
  for (const rect of rects) right = Math.max(right, rect.right);
  return right;
}

/**
 * One probe cell per conditional-format formula and per data-validation formula or bound, in a
 * column of the CF's own sheet three to the right of everything on it. Constant bounds are checked
 * here; problems found without the engine are returned too.
 */
function planProbes(double: ExcelDouble): { probes: Probe[]; problems: string[] } {
  const probes: Probe[] = [];
  const problems: string[] = [];
  for (const sheet of double.sheets) {
    const column = rightmostColumn(double, sheet) + 3;
    const add = (what: string, formula: string, number = false): void => {
      probes.push({ sheet: sheet.name, address: toA1(probes.filter((p) => p.sheet === sheet.name).length, column), what, formula, number });
    };
    for (const cf of sheet.conditionalFormats) {
      const what = `conditional format ${rangeToA1(cf.rect)}`;
      if (cf.formula === undefined) problems.push(`${sheet.name}!${rangeToA1(cf.rect)}: ${what} without a formula`);
      else add(what, cf.formula);
    }
    for (const v of sheet.validations) {
      const where = `${sheet.name}!${rangeToA1(v.rect)}`;
      const rule = (v.rule ?? {}) as Record<string, Record<string, unknown>>;
      const kinds = Object.keys(rule);
      if (kinds.length !== 1) {
        problems.push(`${where}: data validation with rule ${JSON.stringify(v.rule)}`);
        continue;
      }
      const kind = kinds[0];
      const body = rule[kind];
      const what = `data validation ${kind} ${rangeToA1(v.rect)}`;
      if (kind === 'list') {
        const source = String(body.source ?? '');
        if (source.startsWith('=')) add(`${what} source`, `=COUNTA(${source.slice(1)})`);
        else if (source === '' || source.length > 255 || source.includes('"')) problems.push(`${where}: ${what}: inline list Excel refuses: ${source}`);
        continue;
      }
      if (kind === 'custom') {
        add(what, String(body.formula));
        continue;
      }
      for (const key of ['formula1', 'formula2'] as const) {
        const value = body[key];
        if (value === undefined) continue;
        if (typeof value === 'number') {
          if (!Number.isFinite(value)) problems.push(`${where}: ${what} ${key} = ${value}`);
        } else if (typeof value === 'string' && value.startsWith('=')) {
          add(`${what} ${key}`, value);
        } else if (typeof value === 'string' && kind === 'date') {
          // Excel reads a date bound as a date text; the engine's DATEVALUE must read it too.
          add(`${what} ${key}`, `=DATEVALUE("${value.replace(/"/g, '""')}")`, true);
        } else if (!(typeof value === 'string' && Number.isFinite(Number(value)) && value.trim() !== '')) {
          problems.push(`${where}: ${what} ${key} = ${JSON.stringify(value)}`);
        }
      }
    }
  }
  return { probes, problems };
}

// --- reading the recalculated sheets ----------------------------------------------------------------

type Texts = Map<string, string[][]>;

function textAt(texts: Texts, sheet: string, address: string): string {
  const pos = parseA1(address)!;
  return texts.get(sheet)?.[pos.row]?.[pos.col] ?? '';
}

/** 0-based row whose column B reads `label`. */
function rowByLabel(grid: string[][], label: string): number {
  const r = grid.findIndex((row) => row[1] === label);
  if (r < 0) throw new Error(`no row ${label}`);
  return r;
}

/** 0-based column of a header above `below`; a header may take two rows ("Budget" over "helår"). */
function columnByHeader(grid: string[][], below: number, header: string): number {
  for (let r = below; r >= 1; r--) {
    for (let c = 1; c < (grid[r]?.length ?? 0); c++) {
      if (grid[r][c] === header || `${grid[r - 1]?.[c] ?? ''} ${grid[r][c]}` === header) return c;
    }
  }
  throw new Error(`no column ${header}`);
}

function numberAt(grid: string[][], row: number, col: number, what: string): number {
  const text = grid[row]?.[col] ?? '';
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw new Error(`${what}: not a number: "${text}"`);
  return value;
}

// --- the workbooks -----------------------------------------------------------------------------------

interface Checked {
  double: ExcelDouble;
  /** The exported file, probes included, before recalculation. */
  exported: Buffer;
  texts: Texts;
  probes: Probe[];
  /** Found without the engine (bounds, inline lists). */
  planProblems: string[];
  /** Names of the tabs written, by kind. */
  tabs: Map<string, string[]>;
  model: BudgetModel;
}

interface FullWorkbook extends Checked {
  allocationTab: SheetSpec;
  allocation: NonNullable<ReturnType<typeof runAllocation>>;
}

async function exportAndRecalculate(double: ExcelDouble): Promise<{ exported: Buffer; texts: Texts; probes: Probe[]; planProblems: string[] }> {
  const { probes, problems } = planProbes(double);
  const extra = new Map<string, Record<string, string>>();
  for (const p of probes) extra.set(p.sheet, { ...(extra.get(p.sheet) ?? {}), [p.address]: p.formula });
  const exported = await exportDouble(double, { extraFormulas: extra });
  const texts = await recalculatedTexts(exported, double.sheetNames());
  return { exported, texts, probes, planProblems: problems };
}

/** A double holding a sample's input tabs and Instruktioner, written through the adapter, and a recorder of written tabs. */
async function seeded(sample: SampleWorkbook): Promise<{ double: ExcelDouble; port: OfficeWorkbookPort; tabs: Map<string, string[]>; wrote(kind: string, spec: SheetSpec): Promise<void> }> {
  const double = new ExcelDouble();
  const port = officePort(double);
  const tabs = new Map<string, string[]>();
  const wrote = async (kind: string, spec: SheetSpec): Promise<void> => {
    const { name } = await port.writeSheet(spec);
    tabs.set(kind, [...(tabs.get(kind) ?? []), name]);
  };
  // The input tabs and Instruktioner, as the template builders make them.
  for (const spec of sampleToSheetSpecs(sample)) await wrote('input', spec);
  return { double, port, tabs, wrote };
}

/** Follow-up tabs for the reports and boards (nämnder typing forecasts in April and August), then each report's Sammanställning. */
async function writeFollowUps(port: OfficeWorkbookPort, wrote: (kind: string, spec: SheetSpec) => Promise<void>, reports: readonly FollowUpReport[], boards: readonly string[]): Promise<BudgetModel> {
  const { model } = await readFollowUp(port);
  for (const report of reports) {
    for (const board of boards) {
      const previous = report !== 'december' && board !== KOMMUN_BOARD ? typedForecasts(model, board) : undefined;
      await wrote(`followup ${report}`, buildFollowUpTab({ model, report, board, year: YEAR, generatedAt: GENERATED_AT, previous }));
    }
  }
  const read = await readFollowUp(port);
  for (const report of reports) await wrote('consolidation', buildConsolidation(read.tabs, read.model, YEAR, report, { generatedAt: GENERATED_AT }));
  return model;
}

/** The bundled sample with every kind of owned tab written into it through the Office adapter. */
async function fullWorkbook(): Promise<FullWorkbook> {
  const { double, port, tabs, wrote } = await seeded(generateSample());
  const model = await writeFollowUps(port, wrote, REPORT_IDS, [BUN, VOO, KOMMUN_BOARD]);

  const allocationModel = await readBudgetModel(port, 'allocation');
  const allocation = runAllocation(allocationModel);
  if (!allocation) throw new Error('the sample has no budget years');
  const allocationTab = buildAllocationTab(allocation, allocationModel, GENERATED_AT);
  await wrote('allocation', allocationTab);

  // As "Skriv kontrollrapport" does (check-core.ts): the validation job's findings and frames.
  const validation = await readBudgetModel(port, 'validation');
  await wrote(
    'kontrollrapport',
    buildControlReport({ findings: validateModel(validation), frames: frameSummary(validation), years: validation.years, kommun: validation.parameters.kommun, generatedAt: GENERATED_AT }),
  );

  return { double, tabs, model, allocationTab, allocation, ...(await exportAndRecalculate(double)) };
}

/** A nämnd whose name needs quoting in a sheet reference, and verksamheter with SUMIFS wildcards. */
const QUOTED = "O'Haras nämnd";
const RENAMED_BOARD = 'Socialnämnden';
const RENAMED_ACTIVITIES = new Map([
  ['Förskola Centrum', 'Förskola*'],
  ['Elevhälsa', 'Elevhälsa ~ stöd?'],
]);

function trickySample(): SampleWorkbook {
  const sample = generateSample();
  return {
    ...sample,
    sheets: sample.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((row) => {
        const out = row.map((v) => (v === RENAMED_BOARD ? QUOTED : v));
        if ((s.input === 'driftbudget' || s.input === 'utfall') && out[0] === BUN && typeof out[1] === 'string' && RENAMED_ACTIVITIES.has(out[1])) {
          out[1] = RENAMED_ACTIVITIES.get(out[1])!;
        }
        return out;
      }),
    })),
  };
}

/**
 * August tabs of BUN and of a nämnd whose tab name holds an apostrophe, and the Sammanställning
 * over them. BUN's tab is first made from the sample before the renames, with forecasts typed, then
 * refreshed: the renamed verksamheter come in as new rows, the old ones go to "Borttagna rader".
 */
async function trickyWorkbook(): Promise<Checked> {
  const { double, port, tabs, wrote } = await seeded(trickySample());
  const before = (await readFollowUp((await seeded(generateSample())).port)).model;
  const earlier = await port.writeSheet(buildFollowUpTab({ model: before, report: 'august', board: BUN, year: YEAR, generatedAt: GENERATED_AT, previous: typedForecasts(before, BUN) }));
  const read = await readFollowUp(port);
  const filled = read.tabs.find((t) => t.sheet === earlier.name)!;
  const refreshed = await port.writeSheet(refreshFollowUpTab(read.model, filled, GENERATED_AT), { replace: earlier.name });
  tabs.set('followup august', [refreshed.name]);
  await wrote('followup august', buildFollowUpTab({ model: read.model, report: 'august', board: QUOTED, year: YEAR, generatedAt: GENERATED_AT, previous: typedForecasts(read.model, QUOTED) }));
  const compiled = await readFollowUp(port);
  await wrote('consolidation', buildConsolidation(compiled.tabs, compiled.model, YEAR, 'august', { generatedAt: GENERATED_AT }));
  return { double, tabs, model: read.model, ...(await exportAndRecalculate(double)) };
}

/** The kronor of Budget Y1 for a nämnd (all nämnder for null), in tkr. */
function budgetTkr(model: BudgetModel, board: string | null): number {
  return model.operatingBudget.filter((r) => board === null || r.board === board).reduce((s, r) => s + r.amounts[0], 0) / 1000;
}

// --- checks shared by both workbooks ---------------------------------------------------------------------

interface ErrorCell {
  sheet: string;
  cell: string;
  formula: string;
  shows: string;
}

/** Cell references of a formula (string literals skipped), each with its sheet: the core's parser. */
function referencedRanges(formula: string, ownSheet: string): { sheet: string; rect: RangePosition }[] {
  return formulaReferences(formula, ownSheet).refs;
}

/**
 * Formula cells showing an error, not listed in EXPECTED_ERRORS: how many, and `origins`, those
 * whose references hold no error themselves (where a bad formula is, rather than the cells that
 * merely pass its error on), one per sheet and formula shape, at most 20, so a failure names the
 * culprits first.
 */
function unexpectedErrors(double: ExcelDouble, texts: Texts): { errors: number; origins: ErrorCell[] } {
  const found: ErrorCell[] = [];
  for (const { sheet, address, formula } of doubleFormulas(double)) {
    const shows = textAt(texts, sheet, address);
    if (!ERROR_TEXT.test(shows)) continue;
    if (EXPECTED_ERRORS.some((e) => e.sheet.test(sheet) && e.cell === address && e.shows === shows)) continue;
    found.push({ sheet, cell: address, formula, shows });
  }
  const showsError = (sheet: string, rect: RangePosition): boolean => {
    const grid = texts.get(sheet) ?? [];
    for (let r = rect.top; r <= Math.min(rect.bottom, grid.length - 1); r++) {
      for (let c = rect.left; c <= rect.right; c++) if (ERROR_TEXT.test(grid[r]?.[c] ?? '')) return true;
    }
    return false;
  };
  const origins = found.filter((e) => !referencedRanges(e.formula, e.sheet).some((ref) => showsError(ref.sheet, ref.rect)));
  // One cell per sheet and formula shape (row and column numbers aside): a filled-down bad formula once.
  const shapes = new Set<string>();
  const distinct = (origins.length > 0 ? origins : found).filter((e) => {
    const shape = `${e.sheet}\u0000${e.shows}\u0000${e.formula.replace(/\$?[A-Z]{1,3}\$?\d+/g, 'A1')}`;
    if (shapes.has(shape)) return false;
    shapes.add(shape);
    return true;
  });
  return { errors: found.length, origins: distinct.slice(0, 20) };
}

function failedProbes(probes: Probe[], texts: Texts): { sheet: string; what: string; formula: string; shows: string }[] {
  return probes
    .map((p) => ({ sheet: p.sheet, what: p.what, formula: p.formula, shows: textAt(texts, p.sheet, p.address), number: p.number }))
    .filter((p) => ERROR_TEXT.test(p.shows) || (p.number && !Number.isFinite(Number(p.shows))))
    .map(({ number: _number, ...p }) => p);
}

/** Formulas of cells, conditional formats and validations that Excel would refuse before calculating. */
function malformed(double: ExcelDouble): { where: string; formula: string; problem: string }[] {
  const all: { where: string; formula: string }[] = doubleFormulas(double).map((f) => ({ where: `${f.sheet}!${f.address}`, formula: f.formula }));
  for (const sheet of double.sheets) {
    for (const cf of sheet.conditionalFormats) if (cf.formula !== undefined) all.push({ where: `${sheet.name}!${rangeToA1(cf.rect)} (conditional format)`, formula: cf.formula });
    for (const v of sheet.validations) {
      for (const body of Object.values((v.rule ?? {}) as Record<string, Record<string, unknown>>)) {
        for (const value of [body.formula, body.formula1, body.formula2, body.source]) {
          if (typeof value === 'string' && value.startsWith('=')) all.push({ where: `${sheet.name}!${rangeToA1(v.rect)} (data validation)`, formula: value });
        }
      }
    }
  }
  const out: { where: string; formula: string; problem: string }[] = [];
  for (const { where, formula } of all) {
    if (!formula.startsWith('=') || formula.length < 2) out.push({ where, formula, problem: 'does not start with "="' });
    else if (!isBalancedFormula(formula)) out.push({ where, formula, problem: 'unbalanced brackets or quotes' });
    else if (formula.length > MAX_FORMULA_LENGTH) out.push({ where, formula: `${formula.slice(0, 80)}…`, problem: `${formula.length} characters` });
  }
  return out;
}

// --- the tests -----------------------------------------------------------------------------------------------

/** The engine's verdict on a written workbook: shared by every workbook below. */
function parsesEverywhere(get: () => Checked): void {
  it('no formula cell shows an error the core does not expect', () => {
    expect(unexpectedErrors(get().double, get().texts)).toEqual({ errors: 0, origins: [] });
  });

  it('every conditional-format and data-validation formula parses and evaluates', () => {
    expect(get().planProblems).toEqual([]);
    expect(failedProbes(get().probes, get().texts)).toEqual([]);
  });

  it('every formula is well formed: "=" first, balanced brackets and quotes, at most 8 192 characters', () => {
    expect(malformed(get().double)).toEqual([]);
  });
}

describe('every formula the Office adapter writes parses in LibreOffice', () => {
  if (!findSoffice()) {
    it('has LibreOffice available', () => {
      // Fails (never skips) so a CI without LibreOffice is noticed.
      throw new Error(SOFFICE_MISSING);
    });
    return;
  }

  describe('the bundled sample with every owned tab', () => {
    let book: FullWorkbook;
    beforeAll(async () => {
      book = await fullWorkbook();
    }, 150_000);

    it('wrote every kind of tab, with enough formulas, conditional formats and validations to mean something', () => {
      for (const kind of ['input', 'followup april', 'followup august', 'followup december', 'consolidation', 'allocation', 'kontrollrapport']) {
        expect([kind, (book.tabs.get(kind) ?? []).length > 0]).toEqual([kind, true]);
      }
      expect(book.tabs.get('input')).toContain('Instruktioner');
      for (const report of REPORT_IDS) expect(book.tabs.get(`followup ${report}`)).toHaveLength(3);
      expect(doubleFormulas(book.double).length).toBeGreaterThan(1000);
      expect(book.probes.filter((p) => p.what.startsWith('conditional format')).length).toBeGreaterThanOrEqual(10);
      expect(book.double.sheets.reduce((n, s) => n + s.validations.length, 0)).toBeGreaterThan(50);
      // Every sheet came back from the engine.
      expect([...book.texts.keys()]).toEqual(book.double.sheetNames());
    });

    it('the exported file holds what the double holds: formulas, merges, hidden rows, validations, conditional formats, tables', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(book.exported as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((ws) => ws.name)).toEqual(book.double.sheetNames());
      for (const sheet of book.double.sheets) {
        const ws = workbook.getWorksheet(sheet.name)!;
        let formulas = 0;
        ws.eachRow((row) => row.eachCell((cell) => void (cell.formula ? formulas++ : 0)));
        const hidden: number[] = [];
        ws.eachRow((row, r) => void (row.hidden ? hidden.push(r - 1) : 0));
        const internals = ws as unknown as { conditionalFormattings: unknown[]; dataValidations: { model: Record<string, unknown> } };
        expect({
          sheet: sheet.name,
          formulas,
          merges: ws.model.merges.length,
          hidden,
          validations: Object.keys(internals.dataValidations.model).length > 0,
          conditionalFormats: internals.conditionalFormattings.length,
          tables: ws.getTables().length,
        }).toEqual({
          sheet: sheet.name,
          formulas: sheet.formulas.size + book.probes.filter((p) => p.sheet === sheet.name).length,
          merges: sheet.merges.length,
          hidden: [...sheet.hiddenRows].sort((a, b) => a - b),
          validations: sheet.validations.length > 0,
          conditionalFormats: sheet.conditionalFormats.length,
          tables: book.double.tables.filter((t) => t.sheet === sheet).length,
        });
      }
    });

    parsesEverywhere(() => book);

    it.each(REPORT_IDS.map((r) => [r]))('%s: the follow-up tabs\' totals agree with the core', (report) => {
      const names = book.tabs.get(`followup ${report}`)!;
      const last = `${YEAR}-${String(reportInfo(report).end.month).padStart(2, '0')}`;
      const budgetHeader = report === 'december' ? 'Budget' : 'Budget helår';
      const actualHeader = report === 'december' ? 'Utfall' : 'Utfall t.o.m. period';
      [BUN, VOO, KOMMUN_BOARD].forEach((board, i) => {
        const kommun = board === KOMMUN_BOARD;
        const budget = budgetTkr(book.model, kommun ? null : board);
        const actual = book.model.actuals.filter((a) => (kommun || a.board === board) && a.period >= `${YEAR}-01` && a.period <= last).reduce((s, a) => s + a.amount, 0) / 1000;
        const grid = book.texts.get(names[i])!;
        const total = rowByLabel(grid, kommun ? 'Summa kommunen' : `Summa ${board}`);
        expect([names[i], numberAt(grid, total, columnByHeader(grid, total, budgetHeader), 'budget')]).toEqual([names[i], expect.closeTo(budget, 6)]);
        expect([names[i], numberAt(grid, total, columnByHeader(grid, total, actualHeader), 'utfall')]).toEqual([names[i], expect.closeTo(actual, 6)]);
        expect(actual).toBeGreaterThan(budget * 0.2);
      });
    });

    it('the Sammanställning: nämnder with and without a tab, and the kommun total, agree with the core', () => {
      const grid = book.texts.get(book.tabs.get('consolidation')![1])!;
      for (const board of [BUN, VOO, 'Socialnämnden']) {
        const row = rowByLabel(grid, board);
        expect([board, numberAt(grid, row, columnByHeader(grid, row, 'Budget helår'), board)]).toEqual([board, expect.closeTo(budgetTkr(book.model, board), 6)]);
      }
      const total = rowByLabel(grid, 'Summa kommunen');
      expect(numberAt(grid, total, columnByHeader(grid, total, 'Budget helår'), 'kommunen')).toBeCloseTo(budgetTkr(book.model, null), 6);
    });

    it('the Resursfördelning tab: compensation, proposed frame and difference agree with the core to the krona', () => {
      const grid = book.texts.get(book.tabs.get('allocation')![0])!;
      const header = book.allocationTab.rows.findIndex((row) => row[0]?.value === 'Nämnd' && row[1]?.value === 'År');
      expect(header).toBeGreaterThan(0);
      let compared = 0;
      book.allocation.boards.forEach((b, k) => {
        book.allocation.years.forEach((year, i) => {
          const r = header + 1 + k * 3 + i;
          expect(grid[r][SUMMARY_COLUMNS.board]).toBe(b.board);
          const cell = (col: number, expected: number | null, what: string) => {
            if (expected === null) return;
            expect([b.board, year, what, numberAt(grid, r, col, what)]).toEqual([b.board, year, what, expected]);
            compared++;
          };
          cell(SUMMARY_COLUMNS.compensation, b.compensation[i], 'kompensation');
          cell(SUMMARY_COLUMNS.proposed, b.proposed?.[i] ?? null, 'förslag');
          cell(SUMMARY_COLUMNS.difference, b.difference?.[i] ?? null, 'skillnad');
        });
      });
      expect(compared).toBeGreaterThan(book.allocation.boards.length * 3);
    });
  });

  describe("a nämnd whose tab name needs quoting (O'Haras nämnd) and verksamheter named with SUMIFS wildcards", () => {
    let book: Checked;
    beforeAll(async () => {
      book = await trickyWorkbook();
    }, 120_000);

    it('wrote the tabs under the names that need quoting, and BUN\'s refreshed tab keeps the vanished rows', () => {
      expect(book.tabs.get('followup august')).toEqual(['Delår aug 2027 Barn- o ungd.n.', "Delår aug 2027 O'Haras nämnd"]);
      const grid = book.texts.get('Delår aug 2027 Barn- o ungd.n.')!;
      for (const old of RENAMED_ACTIVITIES.keys()) expect(rowByLabel(grid, `Ekonomisk uppföljning: ${old}`)).toBeGreaterThan(0);
    });

    parsesEverywhere(() => book);

    it("the Sammanställning reads O'Haras nämnd's tab: its budget agrees with the core", () => {
      const grid = book.texts.get(book.tabs.get('consolidation')![0])!;
      const row = rowByLabel(grid, QUOTED);
      expect(budgetTkr(book.model, QUOTED)).toBeGreaterThan(1000);
      expect(numberAt(grid, row, columnByHeader(grid, row, 'Budget helår'), QUOTED)).toBeCloseTo(budgetTkr(book.model, QUOTED), 6);
    });

    it('the wildcard-named verksamheter sum only their own rows', () => {
      const grid = book.texts.get('Delår aug 2027 Barn- o ungd.n.')!;
      for (const activity of RENAMED_ACTIVITIES.values()) {
        const row = rowByLabel(grid, activity);
        const budget = book.model.operatingBudget.filter((r) => r.board === BUN && r.activity === activity).reduce((s, r) => s + r.amounts[0], 0) / 1000;
        expect([activity, numberAt(grid, row, columnByHeader(grid, row, 'Budget helår'), activity)]).toEqual([activity, expect.closeTo(budget, 6)]);
      }
    });
  });

  describe('the blank template', () => {
    let book: Checked;
    beforeAll(async () => {
      const double = new ExcelDouble();
      const port = officePort(double);
      const names: string[] = [];
      for (const spec of buildBlankTemplate({ year: YEAR, kommun: 'Exempelkommun' })) names.push((await port.writeSheet(spec)).name);
      book = { double, tabs: new Map([['template', names]]), model: null as unknown as BudgetModel, ...(await exportAndRecalculate(double)) };
    }, 120_000);

    it('wrote Instruktioner and every input tab with its validations', () => {
      expect(book.tabs.get('template')![0]).toBe('Instruktioner');
      expect(book.tabs.get('template')!.length).toBeGreaterThan(10);
      expect(book.double.sheets.reduce((n, s) => n + s.validations.length, 0)).toBeGreaterThan(20);
    });

    parsesEverywhere(() => book);
  });

  describe('a nämnd tab refreshed in place after its Driftbudget grew (the Sammanställning follows it)', () => {
    const ADDED = 'Läxhjälp';
    let book: Checked;
    let moved: { before: number; after: number };
    beforeAll(async () => {
      const { double, port, tabs, wrote } = await seeded(generateSample());
      const first = await readFollowUp(port);
      const earlier = await port.writeSheet(buildFollowUpTab({ model: first.model, report: 'august', board: BUN, year: YEAR, generatedAt: GENERATED_AT }));
      const compiled = await readFollowUp(port);
      await wrote('consolidation', buildConsolidation(compiled.tabs, compiled.model, YEAR, 'august', { generatedAt: GENERATED_AT }));
      const totalRow = (tab: { rows: { key: { section: string; total?: boolean }; row: number }[] }) =>
        tab.rows.find((r) => r.key.section === 'ekonomi' && r.key.total)!.row;
      const before = totalRow(compiled.tabs.find((t) => t.sheet === earlier.name)!);

      // A row of another nämnd becomes a new verksamhet of BUN: BUN's tab gains a row above its total.
      const drift = double.sheet('Driftbudget');
      const header = drift.values.findIndex((row) => row?.[0] === 'Nämnd');
      const moving = drift.values.findIndex((row, r) => r > header && row?.[0] === VOO);
      drift.values[moving][0] = BUN;
      drift.values[moving][1] = ADDED;

      const read = await readFollowUp(port);
      const filled = read.tabs.find((t) => t.sheet === earlier.name)!;
      const id = double.sheet(earlier.name).id;
      await port.writeSheet(refreshFollowUpTab(read.model, filled, GENERATED_AT), { replace: earlier.name });
      expect(double.sheet(earlier.name).id).toBe(id);
      const after = totalRow((await readFollowUp(port)).tabs.find((t) => t.sheet === earlier.name)!);
      moved = { before, after };
      tabs.set('followup august', [earlier.name]);
      book = { double, tabs, model: read.model, ...(await exportAndRecalculate(double)) };
    }, 120_000);

    it('the refresh moved the total row, so a reference by position would now read a verksamhet', () => {
      expect(moved.after).toBeGreaterThan(moved.before);
    });

    parsesEverywhere(() => book);

    it("the Sammanställning's live formulas still point at the tab and give the new budget, added verksamhet included", () => {
      const compilation = book.tabs.get('consolidation')![0];
      const formulas = [...book.double.sheet(compilation).formulas.values()].filter((f) => f.includes('Delår aug 2027 Barn- o ungd.n.'));
      expect(formulas.length).toBeGreaterThan(0);
      for (const f of formulas) expect(f).not.toContain('#REF!');
      const grid = book.texts.get(compilation)!;
      const row = rowByLabel(grid, BUN);
      const added = book.model.operatingBudget.filter((r) => r.board === BUN && r.activity === ADDED).reduce((s, r) => s + r.amounts[0], 0) / 1000;
      expect(added).toBeGreaterThan(0);
      expect(numberAt(grid, row, columnByHeader(grid, row, 'Budget helår'), BUN)).toBeCloseTo(budgetTkr(book.model, BUN), 6);
      const total = rowByLabel(grid, 'Summa kommunen');
      expect(numberAt(grid, total, columnByHeader(grid, total, 'Budget helår'), 'kommunen')).toBeCloseTo(budgetTkr(book.model, null), 6);
    });
  });
});
