/**
 * Ekonomisk uppföljning / redovisning — one row per verksamhet (per nämnd on the kommun tab) with
 * live SUMIFS over Driftbudget and Utfall. The names it lists are in economy-names.ts; the
 * Åtgärder block below it in measures.ts.
 */
import { toA1 } from '../../a1';
import { relativeR1C1, sameRowR1C1 } from '../../workbook/r1c1';
import { periodMonth, sectionTitle } from '../reports';
import { actualFormula, budgetFormula, hasDataRows, type Criteria } from '../formulas';
import { COL } from '../layout';
import { ownCells, RowShape } from '../row-shape';
import { textCell } from '../tab-builder';
import { sumOf } from '../figures';
import { arithmetic, cachedValue, columnTotal, deviation, typedCell, type CellResult } from '../cached';
import { budgetColumn, sectionHeading, yearIndex, type BuildContext } from '../context';

/** The validation of a column of amounts typed in tkr. */
export const NUMBER_RULE = { kind: 'decimal' as const, errorMessage: 'Skriv ett belopp i tkr, t.ex. 12 500 (underskott och intäkter som negativa tal).' };

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

  const economy = ctx.index.economy;
  const lines = ctx.kommunLevel ? economy.boardLines(ctx.year, ctx.report) : economy.activityLines(ctx.board, ctx.year, ctx.report);
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
  const budgets = liveBudget && index >= 0 ? ctx.index.budgetSums(index) : null;
  const actuals = liveActual ? ctx.index.actualSums(ctx.year, months) : null;
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
