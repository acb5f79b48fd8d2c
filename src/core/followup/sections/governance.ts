/**
 * The text sections: Sammanfattning and Genomlysning (prompts to answer), Politiska inriktningar
 * and Särskilda uppdrag (a status per item), Internkontroll (per control) and Privata utförare.
 */
import { STATUS_VALUES } from '../../inputs/catalogue';
import { normalizeKey } from '../../text/normalize';
import { blankSafeReference, tkrReference } from '../formulas';
import { blankSafe, cachedValue, columnTotal, withCached, type CellResult } from '../cached';
import { COL, FORMATS, YES_NO_VALUES } from '../layout';
import { sectionTitle } from '../reports';
import { ownCells, RowShape, type BlockRow } from '../row-shape';
import { textCell } from '../tab-builder';
import { boardRows, sectionHeading, type BuildContext } from '../context';
import { totalBand } from './economy';
import type { RowSection } from '../row-keys';

const STATUS_RULE = {
  kind: 'list' as const,
  list: [...STATUS_VALUES],
  errorMessage: `Välj en status i listan: ${STATUS_VALUES.join(', ')}.`,
};
/** The status values by their key: a budget's "pågår" is prefilled as "Pågår". */
const STATUS_BY_KEY = new Map<string, string>(STATUS_VALUES.map((s) => [normalizeKey(s), s]));
const YES_NO_RULE = { kind: 'list' as const, list: [...YES_NO_VALUES], errorMessage: 'Välj Ja eller Nej.' };

const SUMMARY_PROMPTS: Record<'interim' | 'annual', readonly string[]> = {
  interim: ['Viktiga händelser under perioden', 'Ekonomiskt läge och prognos', 'Verksamhetens utveckling och måluppfyllelse', 'Framåtblick'],
  annual: ['Viktiga händelser under året', 'Ekonomiskt resultat', 'Verksamhetens utveckling och måluppfyllelse', 'Framåtblick'],
};

const REVIEW_PROMPTS = ['Genomlyst verksamhet eller område', 'Iakttagelser', 'Slutsatser och åtgärder'];

/** "Process: risk", or the one that is not empty. */
function joinNonEmpty(first: string, second: string): string {
  return first === '' ? second : second === '' ? first : `${first}: ${second}`;
}

/** Prompts answered in a wide input cell each (C:I merged). */
function promptRows(ctx: BuildContext, section: RowSection, prompts: readonly string[]): void {
  for (const prompt of prompts) {
    ctx.builder.keyed({
      key: { section, board: ctx.board, item: prompt },
      label: textCell(prompt),
      fields: [{ field: 'text', col: COL.c, kind: 'input', mergeTo: COL.wide }],
    });
  }
}

export function summarySection(ctx: BuildContext): void {
  sectionHeading(ctx, sectionTitle('sammanfattning', ctx.report));
  ctx.builder.note(`Sammanfatta ${ctx.kommunLevel ? 'kommunens' : 'nämndens'} ${ctx.report === 'december' ? 'år' : 'period'} kort under varje rubrik.`);
  promptRows(ctx, 'sammanfattning', SUMMARY_PROMPTS[ctx.report === 'december' ? 'annual' : 'interim']);
  ctx.builder.blank();
}

export function reviewSection(ctx: BuildContext): void {
  sectionHeading(ctx, sectionTitle('genomlysning', ctx.report));
  ctx.builder.note('Redovisa årets genomlysning (deluppföljning) av en verksamhet eller ett område.');
  promptRows(ctx, 'genomlysning', REVIEW_PROMPTS);
  ctx.builder.blank();
}

export function directionsSection(ctx: BuildContext): void {
  const b = ctx.builder;
  sectionHeading(ctx, sectionTitle('inriktningar', ctx.report));
  const rows = boardRows(ctx, ctx.model.politicalDirections, (r) => r.board).filter((r) => r.direction !== '');
  if (rows.length === 0) {
    b.note(`${ctx.board} har inga politiska inriktningar i budgeten.`);
    b.blank();
    return;
  }
  b.note('Ange status för varje inriktning och kommentera vad som gjorts.');
  b.header({ [COL.text]: 'Inriktning', [COL.h]: 'Status', [COL.wide]: 'Kommentar' });
  const first = b.next;
  const shape = new RowShape([
    { field: 'status', col: COL.h, kind: 'input' },
    { field: 'comment', col: COL.wide, kind: 'input' },
  ]);
  for (const r of rows) {
    b.keyed({ key: { section: 'inriktningar', board: r.board, item: r.direction }, label: textCell(r.direction), fields: shape.fields, shape });
  }
  b.validate(COL.h, first, b.next - 1, STATUS_RULE);
  b.blank();
}

/*
 * The rows of Uppdrag, Internkontroll and Privata utförare depend only on their source rows, so a
 * nämnd's rows are made once per model (FollowUpIndex.itemsOfRows) and shared by its three reports' tabs; their
 * shapes are the same on every tab.
 */
const ASSIGNMENT_SHAPE = new RowShape([
  { field: 'decidedBy', col: COL.e, kind: 'constant', style: 'text', mergeTo: COL.f },
  { field: 'dueDate', col: COL.g, kind: 'constant', style: 'text' },
  { field: 'status', col: COL.h, kind: 'input' },
  { field: 'comment', col: COL.wide, kind: 'input' },
]);

const INTERNAL_CONTROL_SHAPE = new RowShape([
  { field: 'riskValue', col: COL.d, kind: 'constant', style: 'number' },
  { field: 'done', col: COL.e, kind: 'input' },
  { field: 'deviations', col: COL.f, kind: 'input', mergeTo: COL.h },
  { field: 'measures', col: COL.wide, kind: 'input' },
]);

const PRIVATE_PROVIDER_SHAPE = new RowShape([
  { field: 'contractPeriod', col: COL.c, kind: 'constant', style: 'text', mergeTo: COL.d },
  { field: 'cost', col: COL.e, kind: 'formula', numberFormat: FORMATS.tkr },
  { field: 'followedUp', col: COL.f, kind: 'formula' },
  { field: 'observations', col: COL.wide, kind: 'formula', style: 'note' },
]);

export function assignmentsSection(ctx: BuildContext): void {
  const b = ctx.builder;
  sectionHeading(ctx, sectionTitle('uppdrag', ctx.report));
  const shape = ASSIGNMENT_SHAPE;
  const items = ctx.index.itemsOfRows(boardRows(ctx, ctx.model.assignments, (r) => r.recipient), 'uppdrag', (rows) =>
    rows
      .filter((r) => r.assignment !== '')
      .map((r): BlockRow => {
        const own = ownCells();
        shape.put(own, 'decidedBy', r.decidedBy);
        shape.put(own, 'dueDate', r.dueDate);
        // The budget workbook's status is a default: what the nämnd reports here is its own.
        shape.put(own, 'status', STATUS_BY_KEY.get(normalizeKey(r.status)) ?? null);
        return { key: { section: 'uppdrag', board: r.recipient, item: r.assignment }, label: textCell(r.assignment), own, descriptorMemo: {} };
      }),
  );
  const first = b.keyedTable(
    shape,
    items,
    { empty: `${ctx.board} har inga särskilda uppdrag i Uppdrag.`, intro: 'Statusen är förifylld från Uppdrag; ändra den till läget per periodens slut och kommentera.' },
    { [COL.text]: 'Uppdrag', [COL.e]: 'Beslutat av', [COL.g]: 'Slutdatum', [COL.h]: 'Status', [COL.wide]: 'Kommentar' },
    { [COL.e]: COL.f },
  );
  if (first === null) return;
  b.validate(COL.h, first, b.next - 1, STATUS_RULE);
  b.blank();
}

export function internalControlSection(ctx: BuildContext): void {
  const b = ctx.builder;
  sectionHeading(ctx, sectionTitle('internkontroll', ctx.report));
  const shape = INTERNAL_CONTROL_SHAPE;
  const items = ctx.index.itemsOfRows(boardRows(ctx, ctx.model.internalControl, (r) => r.board), 'internkontroll', (rows) =>
    rows
      .filter((r) => r.risk !== '' || r.control !== '')
      .map(
        (r): BlockRow => ({
          key: { section: 'internkontroll', board: r.board, item: joinNonEmpty(r.process, r.risk) },
          // One line, running on into the empty column C: a wrapped cell would need a taller row.
          label: textCell(joinNonEmpty(r.process, r.control || r.risk)),
          own: shape.put(ownCells(), 'riskValue', r.riskValue),
          descriptorMemo: {},
        }),
      ),
  );
  const first = b.keyedTable(
    shape,
    items,
    { empty: `${ctx.board} har ingen internkontrollplan i Internkontrollplan.`, intro: 'Redovisa för varje kontroll i internkontrollplanen om den genomförts, vilka avvikelser den visat och vilka åtgärder som vidtagits.' },
    { [COL.text]: 'Kontrollaktivitet', [COL.d]: 'Riskvärde', [COL.e]: 'Genomförd', [COL.f]: 'Avvikelser', [COL.wide]: 'Åtgärder' },
    { [COL.f]: COL.h },
  );
  if (first === null) return;
  b.validate(COL.e, first, b.next - 1, YES_NO_RULE);
  b.blank();
}

export function privateProvidersSection(ctx: BuildContext): void {
  const b = ctx.builder;
  sectionHeading(ctx, sectionTitle('privata', ctx.report));
  const layout = ctx.model.layouts.privataUtforare;
  const shape = PRIVATE_PROVIDER_SHAPE;
  const items = !layout
    ? []
    : ctx.index.itemsOfRows(boardRows(ctx, ctx.model.privateProviders, (r) => r.board), 'privata', (rows) => {
        const cols = layout.columns;
        return rows
          .filter((r) => r.contractor !== '')
          .map((r): BlockRow => {
            const ref = (key: string) => (cols[key] === undefined ? '=""' : `=${blankSafeReference(r.sheet, r.row, cols[key])}`);
            const own = ownCells();
            shape.put(own, 'contractPeriod', r.contractPeriod);
            shape.putFormula(own, 'cost', cols.cost === undefined ? '=0' : `=${tkrReference(r.sheet, r.row, cols.cost, layout.kronorPerUnit[cols.cost])}`);
            shape.putFormula(own, 'followedUp', ref('followedUp'));
            shape.putFormula(own, 'observations', ref('observations'));
            // Cached results (cached.ts): the cost in tkr as the core read it; the others as the cells are.
            withCached(own, COL.e, cols.cost === undefined ? 0 : r.cost / 1000);
            withCached(own, COL.f, blankSafe(r.shown?.followedUp));
            withCached(own, COL.wide, blankSafe(r.shown?.observations));
            return {
              key: { section: 'privata', board: r.board, item: `${r.contractor} (${r.activity})` },
              label: textCell(r.activity ? `${r.contractor} (${r.activity})` : r.contractor),
              own,
              descriptorMemo: {},
            };
          });
      });
  const first = b.keyedTable(
    shape,
    items,
    { empty: `${ctx.board} har ingen verksamhet hos privata utförare i Privata utförare.`, intro: 'Hämtat från Privata utförare med formler: ändringar där syns här direkt.' },
    { [COL.text]: 'Utförare (verksamhet)', [COL.c]: 'Avtalsperiod', [COL.e]: 'Kostnad\n(tkr)', [COL.f]: 'Uppföljning\ngenomförd', [COL.wide]: 'Iakttagelser' },
    { [COL.c]: COL.d },
  );
  if (first === null) return;
  const last = b.next - 1;
  // The rows' cached costs (the items are shared by the nämnd's tabs: read back, not collected).
  const costs: CellResult[] = items.map((item) => (item.own?.[COL.e]?.value ?? undefined) as CellResult);
  b.keyed({
    key: { section: 'privata', board: ctx.board, item: '', total: true },
    label: textCell('Summa', 'total'),
    fields: [{ field: 'cost', col: COL.e, kind: 'formula', formula: `=SUM(E${first + 1}:E${last + 1})`, style: 'total', numberFormat: FORMATS.tkr, value: cachedValue(columnTotal(costs, false)) }],
    extra: totalBand(),
  });
  b.blank();
}
