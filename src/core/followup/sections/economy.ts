/**
 * Ekonomisk uppföljning / redovisning — one row per verksamhet (per nämnd on the kommun tab) with
 * live SUMIFS over Driftbudget and Utfall — and the Åtgärder block that asks for an åtgärd where
 * the full-year deviation is a deficit.
 */
import { toA1 } from '../../a1';
import { relativeR1C1, sameRowR1C1 } from '../../workbook/r1c1';
import { formatNumberSv } from '../../text/numbers';
import { periodMonth, sectionTitle, type FollowUpReport } from '../reports';
import type { BudgetModel } from '../../recognition/model';
import { normalizeKey } from '../../text/normalize';
import { actualFormula, budgetFormula, exactCriterion, hasDataRows, type Criteria } from '../formulas';
import { COL, COLUMN_WIDTHS, FORMATS } from '../layout';
import { ownCells, RowShape, textCell } from '../tab-builder';
import { actualSums, budgetSums, sumOf } from '../figures';
import { arithmetic, cachedValue, columnTotal, deviation, reference, typedCell, type CellResult } from '../cached';
import type { SpecCell } from '../../workbook/sheet-spec';
import { budgetColumn, nameRuns, periodMatcher, sectionHeading, yearIndex, type BuildContext, type EconomyLine } from '../context';

const NUMBER_RULE = { kind: 'decimal' as const, errorMessage: 'Skriv ett belopp i tkr, t.ex. 12 500 (underskott och intäkter som negativa tal).' };

/*
 * The names an economy block lists: per nämnd its verksamheter in Driftbudget order, then those
 * only Utfall has in the report's period (in Utfall order); and the nämnder in the same order. The
 * first spelling of a name wins. Gathered in one pass over Driftbudget and Utfall per model and
 * year, then cut per period: a tab per nämnd and report would otherwise rescan up to a million rows.
 */

/** A (nämnd, verksamhet) of the source data. */
interface NamePair {
  board: string;
  boardKey: string;
  activity: string;
  /**
   * Its first run among Driftbudget's runs of names (listed whatever the period); -1 when only
   * Utfall has it.
   */
  budgetRun: number;
  /** Utfall's first period of the year for it, "" for none. */
  firstPeriod: string;
  /** Its line on the nämnd's tabs, once made. */
  line?: EconomyLine;
}

interface NameIndex {
  boards: string[];
  activitiesByBoard: Map<string, NamePair[]>;
}

interface YearNames {
  /** Each pair in order of first appearance: Driftbudget's first, then Utfall's. */
  pairs: NamePair[];
  byPeriod: Map<string, NameIndex>;
}

interface ModelLines {
  byYear: Map<number, YearNames>;
  /** The kommun tab's lines by nämnd (the nämnd tabs' lines hang on their name pairs). */
  lines: Map<string, EconomyLine>;
}

const modelLines = new WeakMap<BudgetModel, ModelLines>();

function linesOf(model: BudgetModel): ModelLines {
  let entry = modelLines.get(model);
  if (!entry) modelLines.set(model, (entry = { byYear: new Map(), lines: new Map() }));
  return entry;
}

function yearNames(model: BudgetModel, year: number): YearNames {
  const { byYear } = linesOf(model);
  let names = byYear.get(year);
  if (names) return names;
  const index: PairIndex = { pairs: [], boardsBySpelling: new Map(), boardsByKey: new Map() };
  const inYear = periodMatcher(year, 'december');
  // One row per run of rows with the same names (nameRuns). Plain functions and local state, no
  // collector object: a full garbage collection throws away optimised code that held such an
  // object's shape, and the loops then ran unoptimised.
  const budget = model.operatingBudget;
  const budgetRuns = nameRuns(budget);
  for (let k = 0; k < budgetRuns.length; k++) {
    const r = budget[budgetRuns[k]];
    lookUpPair(index, r.board, r.activity, k);
  }
  // A budgeted pair needs nothing from Utfall; another is listed from its first period in the
  // year. Utfall mostly lists Driftbudget's verksamheter in Driftbudget's order: a run with the
  // names of the budget run after the last one met is that pair, known without a look-up.
  const ledger = model.actuals;
  const ledgerRuns = nameRuns(ledger);
  let nextBudgetRun = 0;
  for (let k = 0; k < ledgerRuns.length; k++) {
    const start = ledgerRuns[k];
    const { board, activity } = ledger[start];
    const expected = nextBudgetRun < budgetRuns.length ? budget[budgetRuns[nextBudgetRun]] : undefined;
    if (expected !== undefined && expected.activity === activity && expected.board === board) {
      nextBudgetRun++;
      continue;
    }
    let pair = findPair(index, board, activity);
    if (pair !== undefined && pair.budgetRun >= 0) {
      nextBudgetRun = pair.budgetRun + 1;
      continue;
    }
    const end = k + 1 < ledgerRuns.length ? ledgerRuns[k + 1] : ledger.length;
    for (let i = start; i < end; i++) {
      const period = ledger[i].period;
      if (!inYear(period)) continue;
      pair ??= lookUpPair(index, board, activity, -1);
      if (pair.firstPeriod === '' || period < pair.firstPeriod) pair.firstPeriod = period;
    }
  }
  names = { pairs: index.pairs, byPeriod: new Map() };
  byYear.set(year, names);
  return names;
}

/** A nämnd's verksamheter by normalised name: shared by every spelling of the nämnd. */
interface BoardPairs {
  boardKey: string;
  byKey: Map<string, NamePair>;
}

/**
 * The (nämnd, verksamhet) pairs of rows, in order of first appearance, the first spelling of each
 * winning. A nämnd is looked up by its spelling in the cells before normalising: its rows repeat a
 * few spellings.
 */
interface PairIndex {
  pairs: NamePair[];
  boardsBySpelling: Map<string, BoardPairs>;
  /** The same by the nämnd's key: spellings of one nämnd share it. */
  boardsByKey: Map<string, BoardPairs>;
}

/** A nämnd's verksamheter, by the nämnd as spelt in a row (its entry made on first sight). */
function boardPairs(index: PairIndex, board: string): BoardPairs {
  let entry = index.boardsBySpelling.get(board);
  if (!entry) {
    const boardKey = normalizeKey(board);
    entry = index.boardsByKey.get(boardKey);
    if (!entry) index.boardsByKey.set(boardKey, (entry = { boardKey, byKey: new Map() }));
    index.boardsBySpelling.set(board, entry);
  }
  return entry;
}

/** The pair of a row's names if it has been seen. */
function findPair(index: PairIndex, board: string, activity: string): NamePair | undefined {
  return boardPairs(index, board).byKey.get(normalizeKey(activity));
}

/** The pair of a row's names, added on first sight (in that budget run). A plain function of its index: see yearNames. */
function lookUpPair(index: PairIndex, board: string, activity: string, budgetRun: number): NamePair {
  const entry = boardPairs(index, board);
  const activityKey = normalizeKey(activity);
  let pair = entry.byKey.get(activityKey);
  if (!pair) {
    pair = { board, boardKey: entry.boardKey, activity, budgetRun, firstPeriod: '' };
    entry.byKey.set(activityKey, pair);
    index.pairs.push(pair);
  }
  return pair;
}

function nameIndex(model: BudgetModel, year: number, report: FollowUpReport): NameIndex {
  const names = yearNames(model, year);
  const period = periodMonth(report, year);
  let index = names.byPeriod.get(period);
  if (index) return index;
  const boards = new Map<string, string>();
  const activitiesByBoard = new Map<string, NamePair[]>();
  for (let i = 0; i < names.pairs.length; i++) {
    const pair = names.pairs[i];
    if (pair.budgetRun < 0 && pair.firstPeriod > period) continue;
    if (pair.board !== '' && !boards.has(pair.boardKey)) boards.set(pair.boardKey, pair.board);
    const list = activitiesByBoard.get(pair.boardKey);
    if (list) list.push(pair);
    else activitiesByBoard.set(pair.boardKey, [pair]);
  }
  index = { boards: [...boards.values()], activitiesByBoard };
  names.byPeriod.set(period, index);
  return index;
}

/** A line of a name on a nämnd's tab (item = verksamhet) or on the kommun tab (item = ""). */
function makeLine(board: string, item: string, label: string, criterion: string): EconomyLine {
  const labelCell = textCell(label);
  // Extra cells by column as an array of the tab's width (read by index per row): the criterion in J.
  const extra = new Array<SpecCell>(COLUMN_WIDTHS.length);
  extra[COL.criterion] = { value: exactCriterion(criterion), style: 'marker' };
  return {
    key: { section: 'ekonomi', board, item },
    label: labelCell,
    extra,
    descriptorMemo: {},
    measure: { key: { section: 'atgarder', board, item }, label: labelCell, descriptorMemo: {} },
  };
}

/** Verksamheter of the nämnd: the nämnd tab's rows (the nämnd as the tab spells it; the same on every tab of the model). */
function activityLines(ctx: BuildContext): EconomyLine[] {
  const pairs = nameIndex(ctx.model, ctx.year, ctx.report).activitiesByBoard.get(normalizeKey(ctx.board)) ?? [];
  return pairs.map((pair) => (pair.line ??= makeLine(ctx.board, pair.activity, pair.activity || '(utan verksamhet)', pair.activity)));
}

/** Nämnder: the kommun tab's rows. */
function boardLines(ctx: BuildContext): EconomyLine[] {
  const { lines } = linesOf(ctx.model);
  return nameIndex(ctx.model, ctx.year, ctx.report).boards.map((board) => {
    let line = lines.get(board);
    if (!line) lines.set(board, (line = makeLine(board, '', board, board)));
    return line;
  });
}

/** Budget − what was spent: empty while the second figure is. `ref` gives this row's cell of a column. */
function diffFormula(ref: (col: number) => string, budgetCol: number, spentCol: number): string {
  return `=IF(${ref(spentCol)}="","",${ref(budgetCol)}-${ref(spentCol)})`;
}

/** Empty total-style cells across C..I: the total line runs the width of the table. */
export function totalBand(): Record<number, { style: 'total' }> {
  const band: Record<number, { style: 'total' }> = {};
  for (let c = COL.c; c <= COL.wide; c++) band[c] = { style: 'total' };
  return band;
}

export function economySection(ctx: BuildContext): void {
  const b = ctx.builder;
  const december = ctx.report === 'december';
  const months = ctx.info.months;
  const drift = ctx.model.layouts.driftbudget;
  const amountCol = budgetColumn(drift, ctx.model, ctx.year);
  const liveBudget = hasDataRows(drift) && amountCol >= 0;
  const utfall = ctx.model.layouts.utfall;
  const liveActual = utfall !== undefined && utfall.columns.amount !== undefined && utfall.columns.period !== undefined;

  sectionHeading(ctx, sectionTitle('ekonomi', ctx.report));
  const unit = ctx.kommunLevel ? 'nämnden' : 'verksamheten';
  b.note(
    liveBudget
      ? `Budget: summan av Driftbudget ${ctx.year} för ${unit}. ${liveActual ? `Utfall: summan av Utfall ${ctx.year}-01 – ${periodMonth(ctx.report, ctx.year)}.` : 'Utfall saknas i arbetsboken: fyll i utfallet.'}`
      : 'Driftbudget för året saknas i arbetsboken: fyll i budget och utfall.',
  );
  b.note(
    december
      ? 'Avvikelse = budget − utfall. Ett negativt tal är ett underskott och kräver en åtgärd nedan.'
      : `Fyll i prognos för helåret och kommentera avvikelser. Avvikelse = budget − prognos; ett negativt tal är ett underskott och kräver en åtgärd nedan. Budget t.o.m. period = helår × ${months}/12.`,
  );
  const first = ctx.kommunLevel ? 'Nämnd' : 'Verksamhet';
  b.header(economyHeader(december, first, 'Kommentar'));

  const lines = ctx.kommunLevel ? boardLines(ctx) : activityLines(ctx);
  const budgetOf = liveBudget ? budgetFormula(drift!, amountCol) : null;
  const actualOf = liveActual ? actualFormula(utfall!, ctx.year, months) : null;
  // One fields list, with R1C1 formulas, for every row of the block: a row's criteria sit in its
  // own column J, so the formulas are the same text on every row.
  const own = sameRowR1C1(COL.criterion);
  const criteria: Criteria = ctx.kommunLevel ? { board: own, activity: null } : { board: ctx.boardCriterionCell ?? own, activity: own };
  // Cells of the same row, relative to the formula's own column: A1 "D16" rather than "$D16".
  const at = (from: number) => (col: number) => relativeR1C1(0, col - from);
  const shape = new RowShape([
    budgetOf ? { field: 'budget', col: COL.c, kind: 'formula', formulaR1C1: budgetOf(criteria) } : { field: 'budget', col: COL.c, kind: 'input' },
    actualOf
      ? { field: 'actual', col: december ? COL.d : COL.e, kind: 'formula', formulaR1C1: actualOf(criteria) }
      : { field: 'actual', col: december ? COL.d : COL.e, kind: 'input' },
    ...(december
      ? [{ field: 'diff', col: COL.e, kind: 'formula' as const, formulaR1C1: diffFormula(at(COL.e), COL.c, COL.d) }]
      : [
          { field: 'budgetToDate', col: COL.d, kind: 'formula' as const, formulaR1C1: `=${at(COL.d)(COL.c)}*${months}/12` },
          { field: 'diffToDate', col: COL.f, kind: 'formula' as const, formulaR1C1: diffFormula(at(COL.f), COL.d, COL.e) },
          { field: 'forecast', col: COL.g, kind: 'input' as const },
          { field: 'diffYear', col: COL.h, kind: 'formula' as const, formulaR1C1: diffFormula(at(COL.h), COL.c, COL.g) },
        ]),
    { field: 'comment', col: COL.wide, kind: 'input' },
  ]);
  // Every formula's cached result (SpecCell.value), as Excel evaluates it on the cells written:
  // Budget and Utfall are the core's figures (figures.ts), or the typed cells where they are filled
  // by hand; the rest follows from them and the typed prognos (cached.ts).
  const index = yearIndex(ctx.model, ctx.year);
  const budgets = liveBudget && index >= 0 ? budgetSums(ctx.model, index) : null;
  const actuals = liveActual ? actualSums(ctx.model, ctx.year, months) : null;
  const columns = new Map<string, CellResult[]>(shape.fields.map((f) => [f.field, []]));
  const deviations: CellResult[] = [];
  const items = lines.map((line) => {
    const own = ownCells();
    const typed = (field: string) => typedCell(b.book.peek(line.key, field));
    const put = (field: string, value: CellResult, formula: boolean) => {
      columns.get(field)!.push(value);
      if (formula && value !== undefined) shape.putCached(own, field, cachedValue(value)!);
    };
    const board = ctx.kommunLevel ? line.key.board : ctx.board;
    const activity = ctx.kommunLevel ? null : line.key.item;
    const budget: CellResult = budgetOf ? (budgets ? sumOf(budgets, board, activity) / 1000 : undefined) : typed('budget');
    const actual: CellResult = actualOf ? (actuals ? sumOf(actuals, board, activity) / 1000 : undefined) : typed('actual');
    put('budget', budget, budgetOf !== null);
    put('actual', actual, actualOf !== null);
    if (december) {
      const diff = deviation(budget, actual);
      put('diff', diff, true);
      deviations.push(diff);
    } else {
      const c = arithmetic(budget);
      const toDate = c === undefined ? undefined : (c * months) / 12; // as the formula: C × months / 12
      put('budgetToDate', toDate, true);
      put('diffToDate', deviation(toDate, actual), true);
      const forecast = typed('forecast');
      put('forecast', forecast, false);
      const diffYear = deviation(budget, forecast);
      put('diffYear', diffYear, true);
      deviations.push(diffYear);
    }
    return { ...line, own };
  });
  const firstRow = b.keyedBlock(shape, items);
  ctx.economy = { lines, firstRow, deviations };
  const lastRow = b.next - 1;

  // Total row: sums of the block (0 when the nämnd has no rows). Columns that depend on typed
  // figures stay empty until something is typed, instead of showing a misleading 0.
  const range = (col: number) => `${toA1(firstRow, col)}:${toA1(lastRow, col)}`;
  const typedColumns = new Set<number>(
    december
      ? [...(liveBudget ? [] : [COL.c, COL.e]), ...(liveActual ? [] : [COL.d, COL.e])]
      : [COL.g, COL.h, ...(liveBudget ? [] : [COL.c, COL.d, COL.f, COL.h]), ...(liveActual ? [] : [COL.e, COL.f])],
  );
  const sum = (col: number) => {
    if (lastRow < firstRow) return '=0';
    return typedColumns.has(col) ? `=IF(COUNT(${range(col)})=0,"",SUM(${range(col)}))` : `=SUM(${range(col)})`;
  };
  const sumFields: [string, number][] = december
    ? [['budget', COL.c], ['actual', COL.d], ['diff', COL.e]]
    : [['budget', COL.c], ['budgetToDate', COL.d], ['actual', COL.e], ['diffToDate', COL.f], ['forecast', COL.g], ['diffYear', COL.h]];
  b.keyed({
    key: { section: 'ekonomi', board: ctx.board, item: '', total: true },
    label: textCell(ctx.kommunLevel ? 'Summa kommunen' : `Summa ${ctx.board}`, 'total'),
    fields: sumFields.map(([field, col]) => ({
      field,
      col,
      kind: 'formula',
      formula: sum(col),
      style: 'total',
      // The cached result: the formula over the rows' results.
      value: cachedValue(lastRow < firstRow ? 0 : columnTotal(columns.get(field)!, typedColumns.has(col))),
    })),
    extra: totalBand(),
  });
  if (lines.length === 0) b.note(ctx.kommunLevel ? 'Driftbudget har inga nämnder.' : `${ctx.board} har inga rader i Driftbudget eller Utfall.`);

  if (!liveBudget) b.validate(COL.c, firstRow, lastRow, NUMBER_RULE);
  if (!liveActual) b.validate(december ? COL.d : COL.e, firstRow, lastRow, NUMBER_RULE);
  if (!december) b.validate(COL.g, firstRow, lastRow, NUMBER_RULE);
  b.blank();
}

/** Åtgärder: one row per verksamhet (nämnd) of the economy block; a deficit without an åtgärd is flagged. */
export function measuresSection(ctx: BuildContext): void {
  const b = ctx.builder;
  const december = ctx.report === 'december';
  sectionHeading(ctx, sectionTitle('atgarder', ctx.report));
  b.note(
    `Rader med negativ avvikelse ${december ? '' : 'helår '}(underskott större än ${formatNumberSv(ctx.toleranceTkr, ctx.toleranceTkr % 1 === 0 ? 0 : 1)} tkr) markeras med rött tills en åtgärd är ifylld. Ekonomin är överordnad verksamheten.`,
  );
  b.header(
    {
      [COL.text]: ctx.kommunLevel ? 'Nämnd' : 'Verksamhet',
      [COL.c]: december ? 'Avvikelse' : 'Avvikelse\nhelår',
      [COL.d]: 'Effekt (tkr)',
      [COL.e]: 'Beslutad av',
      [COL.g]: 'Tidplan',
      [COL.wide]: 'Åtgärd',
    },
    { [COL.e]: COL.f, [COL.g]: COL.h },
  );
  const deviationCol = december ? COL.e : COL.h;
  const firstRow = b.next;
  const lines = ctx.economy?.lines ?? [];
  // Each åtgärd row reads its economy row, the same distance up for the whole block.
  const offset = ctx.economy ? ctx.economy.firstRow - firstRow : 0;
  const shape = new RowShape([
    { field: 'deviation', col: COL.c, kind: 'formula', formulaR1C1: `=${relativeR1C1(offset, deviationCol - COL.c)}`, numberFormat: FORMATS.tkr },
    { field: 'effect', col: COL.d, kind: 'input' },
    { field: 'decidedBy', col: COL.e, kind: 'input', mergeTo: COL.f },
    { field: 'schedule', col: COL.g, kind: 'input', mergeTo: COL.h },
    { field: 'measure', col: COL.wide, kind: 'input' },
  ]);
  // The economy row's deviation (a formula: never an empty cell), as its cached result.
  const deviations = ctx.economy?.deviations;
  b.keyedBlock(
    shape,
    lines.map((line, i) => {
      const value = cachedValue(reference(deviations?.[i]));
      return value === undefined ? line.measure : { ...line.measure, own: shape.putCached(ownCells(), 'deviation', value) };
    }),
  );
  const lastRow = b.next - 1;
  if (lines.length === 0) b.note('Inga verksamheter att redovisa åtgärder för.');
  b.validate(COL.d, firstRow, lastRow, NUMBER_RULE);
  const deviation = `$C${firstRow + 1}`;
  b.flag(
    { top: firstRow, left: COL.text, bottom: lastRow, right: COL.wide },
    `=AND(ISNUMBER(${deviation}),${deviation}<-${ctx.toleranceTkr},$I${firstRow + 1}="")`,
  );
  b.blank();
}

/** The header of the economy columns, the same on a nämnd's tab and on the KS compilation. */
export function economyHeader(december: boolean, first: string, wide: string): Record<number, string> {
  return december
    ? { [COL.text]: first, [COL.c]: 'Budget', [COL.d]: 'Utfall', [COL.e]: 'Avvikelse', [COL.wide]: wide }
    : {
        [COL.text]: first,
        [COL.c]: 'Budget\nhelår',
        [COL.d]: 'Budget\nt.o.m. period',
        [COL.e]: 'Utfall\nt.o.m. period',
        [COL.f]: 'Avvikelse\nt.o.m. period',
        [COL.g]: 'Prognos\nhelår',
        [COL.h]: 'Avvikelse\nhelår',
        [COL.wide]: wide,
      };
}
