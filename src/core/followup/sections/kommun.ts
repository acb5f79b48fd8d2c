/**
 * Kommun-level sections: Centrala poster in April (skatteintäkter, generella statsbidrag,
 * pensionskostnader, finansnetto — budget and prognos) and the Balanskrav (prognos in August, the
 * balanskravsutredning in December, and in KS's sammanställning).
 */
import { toA1 } from '../../a1';
import { FINANCING_POSTS } from '../../inputs/catalogue';
import { normalizeKey } from '../../text/normalize';
import { tkrReference } from '../formulas';
import { COL, FORMATS } from '../layout';
import { KOMMUN_BOARD, sectionTitle, type FollowUpReport } from '../reports';
import { textCell, type FieldCell, type TabBuilder } from '../tab-builder';
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
        ? { field: 'budget', col: COL.c, kind: 'formula', formula: `=${tkrReference(source.sheet, source.row, amountCol, layout.kronorPerUnit[amountCol])}` }
        : { field: 'budget', col: COL.c, kind: 'input' };
    const [C, D] = [toA1(r, COL.c), toA1(r, COL.d)];
    b.keyed({
      key: { section: 'centrala', board: KOMMUN_BOARD, item: post.item },
      label: textCell(post.income ? post.item : `${post.item} (kostnad)`),
      fields: [
        budget,
        { field: 'forecast', col: COL.d, kind: 'input' },
        { field: 'diff', col: COL.e, kind: 'formula', formula: post.income ? `=IF(${D}="","",${D}-${C})` : `=IF(${D}="","",${C}-${D})` },
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
  const resultLabel = report === 'december' ? 'Årets resultat enligt resultaträkningen' : 'Årets resultat, prognos';
  const result = row(BALANCE_ITEMS.result, resultLabel, input());
  const gains = row(BALANCE_ITEMS.gains, 'Avgår: samtliga realisationsvinster', input());
  const adjustments = row(BALANCE_ITEMS.adjustments, 'Justeringar enligt undantagsmöjligheter (±)', input());
  const c = (r: number) => toA1(r, COL.c);
  const adjusted = row(
    BALANCE_ITEMS.adjusted,
    'Årets resultat efter balanskravsjusteringar',
    { field: 'amount', col: COL.c, kind: 'formula', formula: `=IF(COUNT(${c(result)})=0,"",${c(result)}-${c(gains)}+${c(adjustments)})`, numberFormat: FORMATS.tkr },
    'text',
    false,
  );
  const reserve = row(BALANCE_ITEMS.reserve, 'Resultatutjämningsreserv, till (−)/från (+)', input());
  const outcome = row(
    BALANCE_ITEMS.outcome,
    'Balanskravsresultat',
    { field: 'amount', col: COL.c, kind: 'formula', formula: `=IF(COUNT(${c(result)})=0,"",${c(adjusted)}+${c(reserve)})`, numberFormat: FORMATS.tkr, style: 'total' },
    'total',
    false,
  );
  row(
    BALANCE_ITEMS.fulfilled,
    'Balanskravet uppfyllt',
    { field: 'fulfilled', col: COL.c, kind: 'formula', formula: `=IF(COUNT(${c(result)})=0,"",IF(${c(outcome)}>=0,"Ja","Nej"))` },
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
