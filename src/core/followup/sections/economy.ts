/**
 * Ekonomisk uppföljning / redovisning — one row per verksamhet (per nämnd on the kommun tab) with
 * live SUMIFS over Driftbudget and Utfall — and the Åtgärder block that asks for an åtgärd where
 * the full-year deviation is a deficit.
 */
import { toA1 } from '../../a1';
import { formatNumberSv } from '../../text/numbers';
import { periodMonth, sectionTitle, type FollowUpReport } from '../reports';
import type { BudgetModel } from '../../recognition/model';
import { normalizeKey } from '../../text/normalize';
import { actualFormula, budgetFormula, exactCriterion, hasDataRows, type Criteria } from '../formulas';
import { COL, FORMATS } from '../layout';
import type { RowKey } from '../row-keys';
import { textCell, type FieldCell } from '../tab-builder';
import { budgetColumn, periodMatcher, sectionHeading, type BuildContext } from '../context';

const NUMBER_RULE = { kind: 'decimal' as const, errorMessage: 'Skriv ett belopp i tkr, t.ex. 12 500 (underskott och intäkter som negativa tal).' };

interface Line {
  key: RowKey;
  label: string;
  /** The name the criterion cell matches (verksamhet, or nämnd on the kommun tab). */
  criterion: string;
}

/**
 * The names an economy block lists, gathered in one pass over Driftbudget and Utfall per model
 * and period (a tab per nämnd and report would otherwise rescan 200 000 rows each): per nämnd its
 * verksamheter in Driftbudget order, then any only Utfall has in the period; and the nämnder in
 * the same order. The first spelling of a name wins.
 */
interface LineIndex {
  boards: string[];
  activitiesByBoard: Map<string, string[]>;
}

const lineIndexes = new WeakMap<BudgetModel, Map<string, LineIndex>>();

function lineIndex(model: BudgetModel, year: number, report: FollowUpReport): LineIndex {
  let byPeriod = lineIndexes.get(model);
  if (!byPeriod) lineIndexes.set(model, (byPeriod = new Map()));
  const period = periodMonth(report, year);
  let index = byPeriod.get(period);
  if (index) return index;
  const boards = new Map<string, string>();
  const activities = new Map<string, Map<string, string>>();
  const add = (board: string, activity: string) => {
    const boardKey = normalizeKey(board);
    if (board !== '' && !boards.has(boardKey)) boards.set(boardKey, board);
    let named = activities.get(boardKey);
    if (!named) activities.set(boardKey, (named = new Map()));
    const activityKey = normalizeKey(activity);
    if (!named.has(activityKey)) named.set(activityKey, activity);
  };
  for (const r of model.operatingBudget) add(r.board, r.activity);
  const inPeriod = periodMatcher(year, report);
  for (const r of model.actuals) if (inPeriod(r.period)) add(r.board, r.activity);
  index = { boards: [...boards.values()], activitiesByBoard: new Map([...activities].map(([k, named]) => [k, [...named.values()]])) };
  byPeriod.set(period, index);
  return index;
}

/** Verksamheter of the nämnd: the nämnd tab's rows. */
function activityLines(ctx: BuildContext): Line[] {
  const activities = lineIndex(ctx.model, ctx.year, ctx.report).activitiesByBoard.get(normalizeKey(ctx.board)) ?? [];
  return activities.map((activity) => ({
    key: { section: 'ekonomi', board: ctx.board, item: activity },
    label: activity || '(utan verksamhet)',
    criterion: activity,
  }));
}

/** Nämnder: the kommun tab's rows. */
function boardLines(ctx: BuildContext): Line[] {
  return lineIndex(ctx.model, ctx.year, ctx.report).boards.map((board) => ({ key: { section: 'ekonomi', board, item: '' }, label: board, criterion: board }));
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
  const firstRow = b.next;
  for (const line of lines) {
    const r = b.next;
    const own = `$J${r + 1}`;
    const criteria: Criteria = ctx.kommunLevel ? { board: own, activity: null } : { board: ctx.boardCriterionCell ?? own, activity: own };
    const ref = (col: number) => toA1(r, col);
    const fields: FieldCell[] = [];
    fields.push(budgetOf ? { field: 'budget', col: COL.c, kind: 'formula', formula: budgetOf(criteria) } : { field: 'budget', col: COL.c, kind: 'input' });
    const actualCol = december ? COL.d : COL.e;
    fields.push(
      actualOf
        ? { field: 'actual', col: actualCol, kind: 'formula', formula: actualOf(criteria) }
        : { field: 'actual', col: actualCol, kind: 'input' },
    );
    if (december) {
      fields.push({ field: 'diff', col: COL.e, kind: 'formula', formula: `=IF(${ref(COL.d)}="","",${ref(COL.c)}-${ref(COL.d)})` });
    } else {
      fields.push(
        { field: 'budgetToDate', col: COL.d, kind: 'formula', formula: `=${ref(COL.c)}*${months}/12` },
        { field: 'diffToDate', col: COL.f, kind: 'formula', formula: `=IF(${ref(COL.e)}="","",${ref(COL.d)}-${ref(COL.e)})` },
        { field: 'forecast', col: COL.g, kind: 'input' },
        { field: 'diffYear', col: COL.h, kind: 'formula', formula: `=IF(${ref(COL.g)}="","",${ref(COL.c)}-${ref(COL.g)})` },
      );
    }
    fields.push({ field: 'comment', col: COL.wide, kind: 'input' });
    b.keyed({
      key: line.key,
      label: textCell(line.label),
      fields,
      extra: { [COL.criterion]: { value: exactCriterion(line.criterion), style: 'marker' } },
    });
    ctx.economy.push({ key: line.key, row: r, label: line.label });
  }
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
    fields: sumFields.map(([field, col]) => ({ field, col, kind: 'formula', formula: sum(col), style: 'total' })),
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
  for (const line of ctx.economy) {
    b.keyed({
      key: { section: 'atgarder', board: line.key.board, item: line.key.item },
      label: textCell(line.label),
      fields: [
        { field: 'deviation', col: COL.c, kind: 'formula', formula: `=${toA1(line.row, deviationCol)}`, numberFormat: FORMATS.tkr },
        { field: 'effect', col: COL.d, kind: 'input' },
        { field: 'decidedBy', col: COL.e, kind: 'input', mergeTo: COL.f },
        { field: 'schedule', col: COL.g, kind: 'input', mergeTo: COL.h },
        { field: 'measure', col: COL.wide, kind: 'input' },
      ],
    });
  }
  const lastRow = b.next - 1;
  if (ctx.economy.length === 0) b.note('Inga verksamheter att redovisa åtgärder för.');
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
