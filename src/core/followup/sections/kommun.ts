/**
 * Kommun-level sections: Centrala poster in April (skatteintäkter, generella statsbidrag,
 * pensionskostnader, finansnetto — budget and prognos) and the Balanskrav (prognos in August, the
 * balanskravsutredning in December, and in KS's sammanställning).
 */
import { toA1 } from '../../a1';
import { FINANCING_POSTS } from '../../inputs/catalogue';
import { normalizeKey } from '../../text/normalize';
import { tkrReference } from '../formulas';
import { arithmetic, cachedValue, deviation, negate, typedCell, type CellResult } from '../cached';
import { COL, FORMATS } from '../layout';
import { KOMMUN_BOARD, sectionTitle, type FollowUpReport } from '../reports';
import type { FieldCell } from '../row-shape';
import { textCell, type TabBuilder } from '../tab-builder';
import { sectionHeading, yearIndex, type BuildContext } from '../context';

const NUMBER_RULE = { kind: 'decimal' as const, errorMessage: 'Skriv ett belopp i tkr.' };

const CENTRAL_POSTS = [
  { item: FINANCING_POSTS.taxes, income: true },
  { item: FINANCING_POSTS.grants, income: true },
  { item: 'Pensionskostnader', income: false },
  { item: FINANCING_POSTS.financialNet, income: true },
] as const;

export function centralItemsSection(ctx: BuildContext): void {
  const b = ctx.builder;
  sectionHeading(ctx, sectionTitle('centrala', ctx.report));
  const layout = ctx.model.layouts.finansiering;
  const index = yearIndex(ctx.model, ctx.year);
  const amountCol = layout && index >= 0 ? (layout.yearColumns.amount?.[index] ?? -1) : -1;
  b.note('Budget hämtas från Finansiering där posten finns. Fyll i prognos för helåret. Avvikelse: positivt tal = bättre än budget.');
  b.header({ [COL.text]: 'Post', [COL.c]: 'Budget', [COL.d]: 'Prognos helår', [COL.e]: 'Avvikelse', [COL.wide]: 'Kommentar' });
  const first = b.next;
  for (const post of CENTRAL_POSTS) {
    const r = b.next;
    const source = ctx.model.financing.find((f) => normalizeKey(f.post) === normalizeKey(post.item));
    const budget: FieldCell =
      source && layout && amountCol >= 0
        ? {
            field: 'budget',
            col: COL.c,
            kind: 'formula',
            formula: `=${tkrReference(source.sheet, source.row, amountCol, layout.kronorPerUnit[amountCol])}`,
            // Its cached result: Finansiering's amount in tkr (an empty cell reads 0 in both).
            value: source.amounts[index] / 1000,
          }
        : { field: 'budget', col: COL.c, kind: 'input' };
    const [C, D] = [toA1(r, COL.c), toA1(r, COL.d)];
    const key = { section: 'centrala' as const, board: KOMMUN_BOARD, item: post.item };
    // Cached results (cached.ts): the budget is Finansiering's amount or typed.
    const budgetValue = budget.kind === 'formula' ? (budget.value as number) : typedCell(b.book.peek(key, 'budget'));
    const forecast = typedCell(b.book.peek(key, 'forecast'));
    // Income: prognos − budget; cost: budget − prognos (positive = better than budget).
    const diff = post.income ? negate(deviation(budgetValue, forecast)) : deviation(budgetValue, forecast);
    b.keyed({
      key,
      label: textCell(post.income ? post.item : `${post.item} (kostnad)`),
      fields: [
        budget,
        { field: 'forecast', col: COL.d, kind: 'input' },
        {
          field: 'diff',
          col: COL.e,
          kind: 'formula',
          formula: post.income ? `=IF(${D}="","",${D}-${C})` : `=IF(${D}="","",${C}-${D})`,
          value: cachedValue(diff),
        },
        { field: 'comment', col: COL.wide, kind: 'input' },
      ],
    });
  }
  b.validate(COL.d, first, b.next - 1, NUMBER_RULE);
  b.blank();
}

/** The rows of the balanskrav, as items (stable keys) with their labels per report. */
export const BALANCE_ITEMS = {
  result: 'Årets resultat',
  gains: 'Realisationsvinster',
  adjustments: 'Justeringar',
  adjusted: 'Resultat efter balanskravsjusteringar',
  reserve: 'Resultatutjämningsreserv',
  outcome: 'Balanskravsresultat',
  fulfilled: 'Balanskravet uppfyllt',
} as const;

/** Balanskrav rows (no heading): inputs and the formulas that give the balanskravsresultat. */
export function balanceRequirementRows(b: TabBuilder, report: FollowUpReport, board: string): void {
  b.note('Årets resultat − realisationsvinster ± justeringar enligt undantagsmöjligheterna ± resultatutjämningsreserv = balanskravsresultat (ska vara minst 0).');
  b.note('Skriv realisationsvinsterna som ett positivt belopp; de dras av i formeln.');
  b.header({ [COL.text]: 'Post', [COL.c]: 'Belopp', [COL.wide]: 'Kommentar' });
  const key = (item: string) => ({ section: 'balanskrav' as const, board, item });
  const row = (item: string, label: string, amount: FieldCell, style: 'text' | 'total' = 'text', comment = true): number =>
    b.keyed({
      key: key(item),
      label: textCell(label, style),
      fields: comment ? [amount, { field: 'comment', col: COL.wide, kind: 'input' }] : [amount],
    });
  const input = (): FieldCell => ({ field: 'amount', col: COL.c, kind: 'input', numberFormat: FORMATS.tkr });
  // Cached results (cached.ts) over the typed amounts (looked at before the rows take them):
  // empty while Årets resultat is not a number.
  const typed = (item: string) => typedCell(b.book.peek(key(item), 'amount'));
  const resultValue = typed(BALANCE_ITEMS.result);
  const sumOf = (...terms: [CellResult, number][]): CellResult => {
    if (resultValue === undefined) return undefined;
    if (typeof resultValue !== 'number') return '';
    let total = 0;
    for (const [value, sign] of terms) {
      const n = arithmetic(value);
      if (n === undefined) return undefined;
      total += sign * n;
    }
    return total;
  };
  const adjustedValue = sumOf([resultValue, 1], [typed(BALANCE_ITEMS.gains), -1], [typed(BALANCE_ITEMS.adjustments), 1]);
  const outcomeValue = typeof adjustedValue === 'number' ? sumOf([adjustedValue, 1], [typed(BALANCE_ITEMS.reserve), 1]) : adjustedValue;
  const fulfilledValue = typeof outcomeValue === 'number' ? (outcomeValue >= 0 ? 'Ja' : 'Nej') : outcomeValue;
  const resultLabel = report === 'december' ? 'Årets resultat enligt resultaträkningen' : 'Årets resultat, prognos';
  const result = row(BALANCE_ITEMS.result, resultLabel, input());
  const gains = row(BALANCE_ITEMS.gains, 'Avgår: samtliga realisationsvinster', input());
  const adjustments = row(BALANCE_ITEMS.adjustments, 'Justeringar enligt undantagsmöjligheter (±)', input());
  const c = (r: number) => toA1(r, COL.c);
  const adjusted = row(
    BALANCE_ITEMS.adjusted,
    'Årets resultat efter balanskravsjusteringar',
    { field: 'amount', col: COL.c, kind: 'formula', formula: `=IF(COUNT(${c(result)})=0,"",${c(result)}-${c(gains)}+${c(adjustments)})`, numberFormat: FORMATS.tkr, value: cachedValue(adjustedValue) },
    'text',
    false,
  );
  const reserve = row(BALANCE_ITEMS.reserve, 'Resultatutjämningsreserv, till (−)/från (+)', input());
  const outcome = row(
    BALANCE_ITEMS.outcome,
    'Balanskravsresultat',
    { field: 'amount', col: COL.c, kind: 'formula', formula: `=IF(COUNT(${c(result)})=0,"",${c(adjusted)}+${c(reserve)})`, numberFormat: FORMATS.tkr, style: 'total', value: cachedValue(outcomeValue) },
    'total',
    false,
  );
  row(
    BALANCE_ITEMS.fulfilled,
    'Balanskravet uppfyllt',
    { field: 'fulfilled', col: COL.c, kind: 'formula', formula: `=IF(COUNT(${c(result)})=0,"",IF(${c(outcome)}>=0,"Ja","Nej"))`, value: cachedValue(fulfilledValue) },
    'text',
    false,
  );
  for (const r of [result, gains, adjustments, reserve]) b.validateCells([{ row: r, col: COL.c }], NUMBER_RULE);
}

export function balanceRequirementSection(ctx: BuildContext): void {
  sectionHeading(ctx, sectionTitle('balanskrav', ctx.report));
  balanceRequirementRows(ctx.builder, ctx.report, KOMMUN_BOARD);
  ctx.builder.blank();
}
