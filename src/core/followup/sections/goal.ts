/**
 * Måluppföljning: Sveriges mest effektiva kommun. Per key figure: our value against similar
 * kommuner (better or worse, respecting Högre är bättre), net cost against the referenskostnad
 * (nettokostnadsavvikelse = (nettokostnad − referenskostnad) / referenskostnad) and the quadrant.
 * The quadrant is described in cells — a text per key figure and a 2 × 2 count — because a chart
 * is host-dependent and SheetSpec has none; the task pane draws the picture.
 */
import { quoteSheetName, toA1, toAbsoluteA1 } from '../../a1';
import { formulaText } from '../formulas';
import { COL, FORMATS } from '../layout';
import { sectionTitle } from '../reports';
import { textCell } from '../tab-builder';
import { boardMatcher, sectionHeading, type BuildContext } from '../context';

/** The quadrant texts; the goal is the first. */
export const QUADRANTS = {
  goal: 'Bättre resultat, kostnad ≤ referens (målet)',
  betterCostly: 'Bättre resultat, kostnad > referens',
  worseCheap: 'Inte bättre resultat, kostnad ≤ referens',
  worseCostly: 'Inte bättre resultat, kostnad > referens',
} as const;

/** Words the core reads as "Ja" in a Ja/Nej column (readYesNo), as a formula test. */
function isYes(ref: string): string {
  const words = ['Ja', 'J', 'Yes', 'Y', 'X', 'Sant', 'True', '1'];
  return `OR(${[...words.map((w) => `${ref}="${w}"`), `${ref}=TRUE`, `${ref}=1`].join(',')})`;
}

export function goalSection(ctx: BuildContext): void {
  const b = ctx.builder;
  const sameBoard = boardMatcher(ctx);
  const layout = ctx.model.layouts.nyckeltal;
  sectionHeading(ctx, sectionTitle('mal', ctx.report));
  b.note('Målet: bättre resultat än liknande kommuner till en kostnad som inte överstiger referenskostnaden.');
  const rows = layout ? ctx.model.keyFigures.filter((r) => r.indicator !== '' && sameBoard(r.board)) : [];
  if (!layout || rows.length === 0) {
    b.note(`Inga nyckeltal för ${ctx.kommunLevel ? 'kommunen' : ctx.board} i Nyckeltal.`);
  } else {
    b.note('Nettokostnadsavvikelse = (nettokostnad − referenskostnad) / referenskostnad; negativ = lägre kostnad än referensen.');
    b.header({
      [COL.text]: 'Nyckeltal',
      [COL.c]: 'Vårt utfall',
      [COL.d]: 'Liknande\nkommuner',
      [COL.e]: 'Jämförelse',
      [COL.f]: 'Nettokostnad\nkr/inv',
      [COL.g]: 'Referens-\nkostnad kr/inv',
      [COL.h]: 'Nettokostnads-\navvikelse',
      [COL.wide]: 'Kvadrant',
    });
    const cols = layout.columns;
    let first = -1;
    for (const k of rows) {
      const source = (key: string, factor = 1) => {
        const col = cols[key];
        if (col === undefined) return '=""';
        const ref = `${quoteSheetName(k.sheet)}!${toAbsoluteA1(k.row, col)}`;
        return `=IF(ISBLANK(${ref}),"",${ref}${factor === 1 ? '' : `*${factor}`})`;
      };
      const hib = cols.higherIsBetter === undefined ? null : `${quoteSheetName(k.sheet)}!${toAbsoluteA1(k.row, cols.higherIsBetter)}`;
      // The indicator's long name on a line of its own (running on across the empty columns),
      // then its figures on the next: a wrapped cell would need a taller row than it gets.
      b.push({ [COL.text]: textCell(k.indicator) });
      const r = b.next;
      const at = (col: number) => toA1(r, col);
      const [C, D, E, F, G, H] = [at(COL.c), at(COL.d), at(COL.e), at(COL.f), at(COL.g), at(COL.h)];
      const comparison = hib
        ? `=IF(OR(${C}="",${D}="",ISBLANK(${hib})),"",IF(${C}=${D},"Lika",IF((${C}>${D})=${isYes(hib)},"Bättre","Sämre")))`
        : '=""';
      if (first < 0) first = r;
      const detail = [k.activity, ctx.kommunLevel ? k.board : '', k.koladaId].filter((t) => t !== '').join(' · ');
      b.keyed({
        key: { section: 'mal', board: k.board, item: `${k.activity}: ${k.indicator}` },
        label: textCell(detail, 'subtitle'),
        fields: [
          { field: 'value', col: COL.c, kind: 'formula', formula: source('value') },
          { field: 'similar', col: COL.d, kind: 'formula', formula: source('similar') },
          { field: 'comparison', col: COL.e, kind: 'formula', formula: comparison },
          { field: 'netCost', col: COL.f, kind: 'formula', formula: source('netCost', layout.kronorPerUnit[cols.netCost ?? -1] ?? 1) },
          { field: 'referenceCost', col: COL.g, kind: 'formula', formula: source('referenceCost', layout.kronorPerUnit[cols.referenceCost ?? -1] ?? 1) },
          { field: 'costDeviation', col: COL.h, kind: 'formula', formula: `=IF(OR(${F}="",${G}="",${G}=0),"",(${F}-${G})/${G})` },
          {
            field: 'quadrant',
            col: COL.wide,
            kind: 'formula',
            formula: `=IF(OR(${E}="",${H}=""),"",IF(${E}="Bättre",IF(${H}<=0,${formulaText(QUADRANTS.goal)},${formulaText(QUADRANTS.betterCostly)}),IF(${H}<=0,${formulaText(QUADRANTS.worseCheap)},${formulaText(QUADRANTS.worseCostly)})))`,
          },
        ],
      });
    }
    const last = b.next - 1;
    const range = (col: number) => `${toAbsoluteA1(first, col)}:${toAbsoluteA1(last, col)}`;
    const comparisons = range(COL.e);
    const quadrants = range(COL.wide);
    const counted = (word: string) => `COUNTIF(${comparisons},"${word}")`;
    b.blank();
    b.keyed({
      key: { section: 'mal', board: ctx.board, item: 'Andel bättre' },
      label: textCell('Andel nyckeltal bättre än liknande kommuner'),
      fields: [
        {
          field: 'share',
          col: COL.c,
          kind: 'formula',
          formula: `=IF(${counted('Bättre')}+${counted('Sämre')}+${counted('Lika')}=0,"",${counted('Bättre')}/(${counted('Bättre')}+${counted('Sämre')}+${counted('Lika')}))`,
          numberFormat: FORMATS.percent,
        },
      ],
    });
    b.header({ [COL.text]: 'Kvadrant (antal nyckeltal med kostnadsuppgift)', [COL.c]: 'Kostnad\n≤ referens', [COL.d]: 'Kostnad\n> referens' });
    const count = (text: string) => `=COUNTIF(${quadrants},${formulaText(text)})`;
    b.keyed({
      key: { section: 'mal', board: ctx.board, item: 'Kvadrant: bättre resultat' },
      label: textCell('Bättre resultat än liknande kommuner'),
      fields: [
        { field: 'lowCost', col: COL.c, kind: 'formula', formula: count(QUADRANTS.goal) },
        { field: 'highCost', col: COL.d, kind: 'formula', formula: count(QUADRANTS.betterCostly) },
      ],
      extra: { [COL.e]: textCell('← målet: bättre resultat till högst referenskostnaden', 'subtitle') },
    });
    b.keyed({
      key: { section: 'mal', board: ctx.board, item: 'Kvadrant: inte bättre resultat' },
      label: textCell('Inte bättre resultat'),
      fields: [
        { field: 'lowCost', col: COL.c, kind: 'formula', formula: count(QUADRANTS.worseCheap) },
        { field: 'highCost', col: COL.d, kind: 'formula', formula: count(QUADRANTS.worseCostly) },
      ],
    });
  }
  b.keyed({
    key: { section: 'mal', board: ctx.board, item: 'Analys' },
    label: textCell('Analys av måluppfyllelsen'),
    fields: [{ field: 'text', col: COL.c, kind: 'input', mergeTo: COL.wide }],
  });
  b.blank();
}
