/**
 * Måluppföljning: Sveriges mest effektiva kommun. Per key figure: our value against similar
 * kommuner (better or worse, respecting Högre är bättre), net cost against the referenskostnad
 * (nettokostnadsavvikelse = (nettokostnad − referenskostnad) / referenskostnad) and the quadrant.
 * The quadrant is described in cells — a text per key figure and a 2 × 2 count — and drawn as a
 * chart of that count where the host can draw one (Excel).
 */
import { columnLetters, quoteSheetName, toA1, toAbsoluteA1 } from '../../a1';
import { formulaText } from '../formulas';
import { cachedValue, withCached, type CellResult } from '../cached';
import type { KeyFigureRow } from '../../recognition/model';
import type { RawValue } from '../../workbook/raw';
import { relativeR1C1 } from '../../workbook/r1c1';
import { COL, FORMATS } from '../layout';
import { sectionTitle } from '../reports';
import { ownCells, RowShape } from '../row-shape';
import { textCell } from '../tab-builder';
import { boardRows, sectionHeading, type BuildContext } from '../context';

/** The quadrant texts; the goal is the first. */
export const QUADRANTS = {
  goal: 'Bättre resultat, kostnad ≤ referens (målet)',
  betterCostly: 'Bättre resultat, kostnad > referens',
  worseCheap: 'Inte bättre resultat, kostnad ≤ referens',
  worseCostly: 'Inte bättre resultat, kostnad > referens',
} as const;

/** Rows kept free under the quadrant table for its chart. */
export const QUADRANT_CHART_ROWS = 14;

/** Words the core reads as "Ja" in a Ja/Nej column (readYesNo), as a formula test: the pieces between the references. */
const IS_YES_PIECES = ['OR(', ...['Ja', 'J', 'Yes', 'Y', 'X', 'Sant', 'True', '1'].map((w) => `="${w}",`), '=TRUE,', '=1)'];

/** OR(ref="Ja",ref="J",…,ref=TRUE,ref=1). */
function isYes(ref: string): string {
  return IS_YES_PIECES.join(ref);
}

/** "Verksamhet · Nämnd · Kolada-id", leaving out the empty parts. */
function joinDetail(...parts: string[]): string {
  let out = '';
  for (const part of parts) if (part !== '') out = out === '' ? part : `${out} · ${part}`;
  return out;
}

/** The fields of a key figure's row read straight from its Nyckeltal row. */
const SOURCE_FIELDS = ['value', 'similar', 'netCost', 'referenceCost'] as const;

/** The tab's column of each source field. */
const COL_OF: Record<(typeof SOURCE_FIELDS)[number], number> = { value: COL.c, similar: COL.d, netCost: COL.f, referenceCost: COL.g };

/**
 * The formula texts of a key figure's source cells on one sheet, cut where the row number goes:
 * each source figure is `=IF(ISBLANK(ref),"",ref*factor)` with ref = Nyckeltal!$C$<row>.
 */
interface SourceTexts {
  sources: Record<string, readonly [string, string, string] | undefined>;
  /** `Nyckeltal!$F$`: the Högre är bättre cell but its row number; null without that column. */
  higherIsBetter: string | null;
}

function sourceTexts(sheet: string, cols: Record<string, number | undefined>, factors: Record<string, number>): SourceTexts {
  const quoted = quoteSheetName(sheet);
  const refStart = (col: number) => `${quoted}!$${columnLetters(col)}$`;
  const sources: SourceTexts['sources'] = {};
  for (const key of SOURCE_FIELDS) {
    const col = cols[key];
    if (col === undefined) continue;
    const factor = factors[key] ?? 1;
    sources[key] = [`=IF(ISBLANK(${refStart(col)}`, `),"",${refStart(col)}`, `${factor === 1 ? '' : `*${factor}`})`];
  }
  return { sources, higherIsBetter: cols.higherIsBetter === undefined ? null : refStart(cols.higherIsBetter) };
}

export function goalSection(ctx: BuildContext): void {
  const b = ctx.builder;
  const layout = ctx.model.layouts.nyckeltal;
  sectionHeading(ctx, sectionTitle('mal', ctx.report));
  b.note('Målet: bättre resultat än liknande kommuner till en kostnad som inte överstiger referenskostnaden.');
  const rows = layout ? boardRows(ctx, ctx.model.keyFigures, (r) => r.board).filter((r) => r.indicator !== '') : [];
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
    // The same-row formulas are one R1C1 text for every key figure (relative columns: A1 "F12").
    const sameRow = (from: number) => (col: number) => relativeR1C1(0, col - from);
    const [F, G] = [COL.f, COL.g].map(sameRow(COL.h));
    const costDeviation = `=IF(OR(${F}="",${G}="",${G}=0),"",(${F}-${G})/${G})`;
    const [E, H] = [COL.e, COL.h].map(sameRow(COL.wide));
    const quadrant = `=IF(OR(${E}="",${H}=""),"",IF(${E}="Bättre",IF(${H}<=0,${formulaText(QUADRANTS.goal)},${formulaText(QUADRANTS.betterCostly)}),IF(${H}<=0,${formulaText(QUADRANTS.worseCheap)},${formulaText(QUADRANTS.worseCostly)})))`;
    const netCostFactor = layout.kronorPerUnit[cols.netCost ?? -1] ?? 1;
    const referenceCostFactor = layout.kronorPerUnit[cols.referenceCost ?? -1] ?? 1;
    // What the figures' formulas say about their source row, but its number, once per source sheet.
    const sheetTexts = new Map<string, SourceTexts>();
    // The fields of every key figure's row; each row has its own A1 formulas (RowShape.cell).
    const shape = new RowShape([
      { field: 'value', col: COL.c, kind: 'formula' },
      { field: 'similar', col: COL.d, kind: 'formula' },
      { field: 'comparison', col: COL.e, kind: 'formula' },
      { field: 'netCost', col: COL.f, kind: 'formula' },
      { field: 'referenceCost', col: COL.g, kind: 'formula' },
      { field: 'costDeviation', col: COL.h, kind: 'formula', formulaR1C1: costDeviation },
      { field: 'quadrant', col: COL.wide, kind: 'formula', formulaR1C1: quadrant },
    ]);
    let first = -1;
    // Cached results (cached.ts) from the Nyckeltal row as the core read it: an empty cell is
    // null (the formulas show ""), a figure is the cell × its unit, as the formula computes it.
    const comparisonResults: CellResult[] = [];
    const quadrantTexts: CellResult[] = [];
    for (const k of rows) {
      let texts = sheetTexts.get(k.sheet);
      if (texts === undefined) sheetTexts.set(k.sheet, (texts = sourceTexts(k.sheet, cols, { netCost: netCostFactor, referenceCost: referenceCostFactor })));
      const sourceRow = String(k.row + 1);
      const own = ownCells();
      for (const key of SOURCE_FIELDS) {
        const pieces = texts.sources[key];
        shape.putFormula(own, key, pieces ? pieces[0] + sourceRow + pieces[1] + sourceRow + pieces[2] : '=""');
      }
      const hib = texts.higherIsBetter === null ? null : texts.higherIsBetter + sourceRow;
      // The indicator's long name on a line of its own (running on across the empty columns),
      // then its figures on the next: a wrapped cell would need a taller row than it gets.
      b.pushRow([null, textCell(k.indicator)]);
      const r = b.next;
      const [C, D] = [toA1(r, COL.c), toA1(r, COL.d)];
      const comparison = hib
        ? `=IF(OR(${C}="",${D}="",ISBLANK(${hib})),"",IF(${C}=${D},"Lika",IF((${C}>${D})=${isYes(hib)},"Bättre","Sämre")))`
        : '=""';
      const figures = keyFigureResults(
        k,
        hib !== null,
        SOURCE_FIELDS.map((key) => texts.sources[key] !== undefined),
        [1, 1, netCostFactor, referenceCostFactor],
      );
      SOURCE_FIELDS.forEach((key, i) => withCached(own, COL_OF[key], figures.sources[i]));
      const costDeviationValue = cachedValue(figures.costDeviation);
      if (costDeviationValue !== undefined) shape.putCached(own, 'costDeviation', costDeviationValue);
      const quadrantValue = cachedValue(figures.quadrant);
      if (quadrantValue !== undefined) shape.putCached(own, 'quadrant', quadrantValue);
      comparisonResults.push(figures.comparison);
      quadrantTexts.push(figures.quadrant);
      if (first < 0) first = r;
      shape.putFormula(own, 'comparison', comparison);
      withCached(own, COL.e, figures.comparison);
      b.keyed({
        key: { section: 'mal', board: k.board, item: `${k.activity}: ${k.indicator}` },
        label: textCell(joinDetail(k.activity, ctx.kommunLevel ? k.board : '', k.koladaId), 'subtitle'),
        fields: shape.fields,
        shape,
        own,
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
          value: cachedValue(shareBetter(comparisonResults)),
        },
      ],
    });
    const quadrantHeader = b.header({ [COL.text]: 'Kvadrant (antal nyckeltal med kostnadsuppgift)', [COL.c]: 'Kostnad\n≤ referens', [COL.d]: 'Kostnad\n> referens' });
    const count = (text: string) => `=COUNTIF(${quadrants},${formulaText(text)})`;
    b.keyed({
      key: { section: 'mal', board: ctx.board, item: 'Kvadrant: bättre resultat' },
      label: textCell('Bättre resultat än liknande kommuner'),
      fields: [
        { field: 'lowCost', col: COL.c, kind: 'formula', formula: count(QUADRANTS.goal), value: cachedValue(countOf(quadrantTexts, QUADRANTS.goal)) },
        { field: 'highCost', col: COL.d, kind: 'formula', formula: count(QUADRANTS.betterCostly), value: cachedValue(countOf(quadrantTexts, QUADRANTS.betterCostly)) },
      ],
      extra: { [COL.e]: textCell('← målet: bättre resultat till högst referenskostnaden', 'subtitle') },
    });
    const quadrantLast = b.keyed({
      key: { section: 'mal', board: ctx.board, item: 'Kvadrant: inte bättre resultat' },
      label: textCell('Inte bättre resultat'),
      fields: [
        { field: 'lowCost', col: COL.c, kind: 'formula', formula: count(QUADRANTS.worseCheap), value: cachedValue(countOf(quadrantTexts, QUADRANTS.worseCheap)) },
        { field: 'highCost', col: COL.d, kind: 'formula', formula: count(QUADRANTS.worseCostly), value: cachedValue(countOf(quadrantTexts, QUADRANTS.worseCostly)) },
      ],
    });
    // The 2 × 2 as a chart where the host draws one (Excel), over rows kept free for it; the note
    // under it is what other programs show instead.
    const chartTop = b.note('Här ritar Excel ett diagram över kvadranten. Program utan diagram (webbläsaren, filer från kommandoraden) visar bara tabellen ovan.');
    for (let i = 1; i < QUADRANT_CHART_ROWS; i++) b.blank();
    b.chart({
      kind: 'columnClustered',
      source: `${toA1(quadrantHeader, COL.text)}:${toA1(quadrantLast, COL.d)}`,
      title: 'Nyckeltal per kvadrant: resultat mot kostnad',
      placement: `${toA1(chartTop, COL.text)}:${toA1(chartTop + QUADRANT_CHART_ROWS - 1, COL.f)}`,
    });
  }
  b.keyed({
    key: { section: 'mal', board: ctx.board, item: 'Analys' },
    label: textCell('Analys av måluppfyllelsen'),
    fields: [{ field: 'text', col: COL.c, kind: 'input', mergeTo: COL.wide }],
  });
  b.blank();
}

/** A key figure row's results, as its formulas evaluate on the Nyckeltal row (undefined: unknown). */
interface KeyFigureResults {
  /** value, similar, netCost, referenceCost: `=IF(ISBLANK(ref),"",ref*factor)` (or `=""`). */
  sources: CellResult[];
  comparison: CellResult;
  costDeviation: CellResult;
  quadrant: CellResult;
}

/** The Ja words of isYes, compared as Excel compares text (ignoring case). */
const YES_WORDS = new Set(['ja', 'j', 'yes', 'y', 'x', 'sant', 'true', '1']);

/** isYes(ref) on a cell as it is: OR(ref="Ja",…,ref=TRUE,ref=1). */
function isYesCell(cell: RawValue): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1;
  if (typeof cell === 'string') return YES_WORDS.has(cell.toLocaleLowerCase('sv-SE'));
  return cell === null ? false : undefined;
}

/**
 * The results of a key figure's row (the formulas of goalSection) on its Nyckeltal cells as they are
 * (KeyFigureRow.shown; the core's reading where a model has none). `hasHigherIsBetter`: the sheet
 * has that column; `hasSource` and `factors`: per SOURCE_FIELDS, the sheet has the column, and its unit.
 */
function keyFigureResults(k: KeyFigureRow, hasHigherIsBetter: boolean, hasSource: boolean[], factors: number[]): KeyFigureResults {
  const read = [k.value, k.similar, k.netCost, k.referenceCost];
  const sources: CellResult[] = SOURCE_FIELDS.map((key, i) => {
    if (!hasSource[i]) return '';
    const cell = k.shown ? k.shown[key] : read[i];
    if (cell === undefined || cell === null) return '';
    if (!k.shown) return cell as number; // the core's figure, already × its unit
    if (typeof cell === 'number') return factors[i] === 1 ? cell : cell * factors[i];
    // A text shown as it is; with a unit (or a boolean, an error) Excel's result is not ours to guess.
    return typeof cell === 'string' && factors[i] === 1 ? cell : undefined;
  });
  const [C, D, F, G] = sources;
  const hib: RawValue | undefined = k.shown ? k.shown.higherIsBetter : k.higherIsBetter;
  // =IF(OR(C="",D="",ISBLANK(hib)),"",IF(C=D,"Lika",IF((C>D)=isYes(hib),"Bättre","Sämre")))
  let comparison: CellResult;
  if (!hasHigherIsBetter) comparison = '';
  else if (C === undefined || D === undefined || hib === undefined) comparison = undefined;
  else if (C === '' || D === '' || hib === null) comparison = '';
  else if (typeof C !== 'number' || typeof D !== 'number') comparison = undefined;
  else {
    const yes = isYesCell(hib);
    comparison = yes === undefined ? undefined : C === D ? 'Lika' : C > D === yes ? 'Bättre' : 'Sämre';
  }
  // =IF(OR(F="",G="",G=0),"",(F-G)/G)
  const costDeviation: CellResult =
    F === undefined || G === undefined ? undefined : F === '' || G === '' || G === 0 ? '' : typeof F === 'number' && typeof G === 'number' ? (F - G) / G : undefined;
  // =IF(OR(E="",H=""),"",IF(E="Bättre",IF(H<=0,goal,betterCostly),IF(H<=0,worseCheap,worseCostly)))
  let quadrant: CellResult;
  if (comparison === undefined || costDeviation === undefined) quadrant = undefined;
  else if (comparison === '' || costDeviation === '') quadrant = '';
  else if (typeof costDeviation !== 'number') quadrant = undefined;
  else if (comparison === 'Bättre') quadrant = costDeviation <= 0 ? QUADRANTS.goal : QUADRANTS.betterCostly;
  else quadrant = costDeviation <= 0 ? QUADRANTS.worseCheap : QUADRANTS.worseCostly;
  return { sources, comparison, costDeviation, quadrant };
}

/** `=IF(Bättre+Sämre+Lika=0,"",Bättre/(Bättre+Sämre+Lika))` over the comparisons (COUNTIF). */
function shareBetter(comparisons: readonly CellResult[]): CellResult {
  if (comparisons.includes(undefined)) return undefined;
  const n = (word: string) => countOf(comparisons, word) as number;
  const all = n('Bättre') + n('Sämre') + n('Lika');
  return all === 0 ? '' : n('Bättre') / all;
}

/** `=COUNTIF(range,text)` over cells holding these results (a text without wildcards or operators). */
function countOf(results: readonly CellResult[], text: string): CellResult {
  if (results.includes(undefined)) return undefined;
  const wanted = text.toLocaleLowerCase('sv-SE');
  return results.filter((r) => typeof r === 'string' && r.toLocaleLowerCase('sv-SE') === wanted).length;
}
