/**
 * Åtgärder vid underskott: one row per line of the Ekonomisk uppföljning block above it
 * (economy.ts), its deviation read from there; a deficit without an åtgärd is flagged.
 */
import { relativeR1C1 } from '../../workbook/r1c1';
import { formatNumberSv } from '../../text/numbers';
import { sectionTitle } from '../reports';
import { COL, FORMATS } from '../layout';
import { ownCells, RowShape } from '../row-shape';
import { cachedValue, reference } from '../cached';
import { sectionHeading, type BuildContext } from '../context';
import { NUMBER_RULE } from './economy';

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
