/**
 * The follow-up tab of one report for one nämnd (or for the kommun): the standard template of
 * docs/uppfoljning.md as a SheetSpec. Numbers are live formulas over the input tabs; the only editable
 * cells are the yellow inputs; every row with inputs or formulas carries its key (row-keys.ts), so
 * a refresh can put back what people typed, by key.
 *
 * Layout, top to bottom: the hidden marker row; title and subtitle (frozen, repeated on every
 * printed page); the header block (kommun, nämnd, report, period, generated, sources, format
 * version, Status); the report's sections, numbered; "Borttagna rader" when a refresh had inputs
 * whose rows are gone.
 */
import type { InputId } from '../inputs/catalogue';
import type { BudgetModel } from '../recognition/model';
import { formatDateSv } from '../text/numbers';
import { FORMAT_VERSION, fillMarkerRow } from '../workbook/marker';
import { emptySheetSpec, type SheetSpec } from '../workbook/sheet-spec';
import { makeContext, sectionHeading, type BuildContext } from './context';
import { prepareFollowUp, type FollowUpIndex } from './prepare';
import { exactCriterion } from './formulas';
import type { FilledTabInputs } from './filled';
import { COL, COLUMN_WIDTHS, TAB_STATUS_VALUES } from './layout';
import { periodEndDate, sectionsFor, type FollowUpReport, type SectionId } from './reports';
import { followUpTabNames } from './tab-names';
import { economySection } from './sections/economy';
import { measuresSection } from './sections/measures';
import { goalSection } from './sections/goal';
import { assignmentsSection, directionsSection, internalControlSection, privateProvidersSection, reviewSection, summarySection } from './sections/governance';
import { balanceRequirementSection, centralItemsSection } from './sections/kommun';
import { personnelSection } from './sections/personnel';
import { removedSection } from './sections/removed';
import { InputBook } from './input-book';
import { TabBuilder, textCell } from './tab-builder';
import { absoluteR1C1 } from '../workbook/r1c1';

export interface BuildFollowUpInput {
  /** The recognised workbook (JOB_INPUTS.followUp). */
  model: BudgetModel;
  report: FollowUpReport;
  /** A nämnd as in Driftbudget, or "Kommunen" for the kommun-level tab. */
  board: string;
  /** The year followed up (normally the budget year Y1). */
  year: number;
  generatedAt: Date;
  /**
   * The tab's name: the one the job planned for this nämnd among all of the run (planFollowUpTabs),
   * or the refreshed tab's own. By default the rule's name for this nämnd alone (followUpTabNames).
   */
  sheetName?: string;
  /** What was typed on an earlier version of the tab (refresh): put back by row key. */
  previous?: FilledTabInputs;
  /**
   * The model's follow-up index (prepareFollowUp(model)): a job building many tabs passes one to
   * each; made for this tab alone when absent.
   */
  index?: FollowUpIndex;
}

/** Tab colour of follow-up tabs. */
export const FOLLOW_UP_TAB_COLOR = '#548235';

/** Rows kept in view: the hidden marker row, the title and the subtitle (the last two repeat on printed pages). */
export const FROZEN_ROWS = 3;

/**
 * What every follow-up tab and the sammanställning share besides their rows: protected (only the
 * input cells open), the follow-up tab colour, the title rows frozen, and printed landscape on one
 * page wide with the title rows on every page.
 */
export function setFollowUpTabLook(spec: SheetSpec): void {
  spec.protect = true;
  spec.tabColor = FOLLOW_UP_TAB_COLOR;
  spec.freeze = { rows: FROZEN_ROWS, columns: 0 };
  spec.print = { orientation: 'landscape', fitToWidth: true, repeatRows: `$2:$${FROZEN_ROWS}`, pageNumbers: true };
}

const SECTION_BUILDERS: Record<SectionId, (ctx: BuildContext) => void> = {
  sammanfattning: summarySection,
  mal: goalSection,
  ekonomi: economySection,
  atgarder: measuresSection,
  inriktningar: directionsSection,
  uppdrag: assignmentsSection,
  internkontroll: internalControlSection,
  personal: personnelSection,
  privata: privateProvidersSection,
  genomlysning: reviewSection,
  centrala: centralItemsSection,
  balanskrav: balanceRequirementSection,
};

/** The inputs each section reads (header's source list; a missing one makes the section input cells). */
export const SECTION_SOURCES: Partial<Record<SectionId, InputId[]>> = {
  ekonomi: ['driftbudget', 'utfall'],
  mal: ['nyckeltal'],
  inriktningar: ['politiskaInriktningar'],
  uppdrag: ['uppdrag'],
  internkontroll: ['internkontrollplan'],
  personal: ['personal'],
  privata: ['privataUtforare'],
  centrala: ['finansiering'],
};

/** "2027-09-15 10:00" in local time. */
export function formatDateTimeSv(date: Date): string {
  return `${formatDateSv(date)} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function sourcesText(model: BudgetModel, sections: readonly SectionId[]): string {
  const ids = [...new Set(sections.flatMap((s) => SECTION_SOURCES[s] ?? []))];
  return ids
    .map((id) => {
      const layout = model.layouts[id];
      if (!layout) return null;
      return layout.sheet === layout.name ? layout.name : `${layout.name} (fliken ${layout.sheet})`;
    })
    .filter((t): t is string => t !== null)
    .join(', ');
}

function headerBlock(ctx: BuildContext, generatedAt: Date, sections: readonly SectionId[]): void {
  const b = ctx.builder;
  const { info, year } = ctx;
  const who = ctx.kommunLevel ? 'hela kommunen' : ctx.board;
  b.push({ [COL.text]: { value: `${info.name} ${year} – ${who}`, style: 'title' } });
  b.push({
    [COL.text]: {
      value: `Standardmall för uppföljning per ${periodEndDate(ctx.report, year)}. Gula celler fylls i; grå celler är formler mot indataflikarna. Belopp i tkr.`,
      style: 'subtitle',
    },
  });
  b.blank();
  const line = (label: string, value: string | number, extra: Record<number, { value: string; style: 'marker' }> = {}) =>
    b.push({ [COL.text]: textCell(label), [COL.c]: { value, style: 'text' }, ...extra });
  line('Kommun', ctx.model.parameters.kommun ?? '');
  if (ctx.kommunLevel) {
    line('Nämnd', 'Kommunen (alla nämnder)');
  } else {
    const r = line('Nämnd', ctx.board, { [COL.criterion]: { value: exactCriterion(ctx.board), style: 'marker' } });
    ctx.boardCriterionCell = absoluteR1C1(r, COL.criterion);
  }
  line('Rapport', info.label === info.name ? info.name : `${info.name} (${info.label})`);
  b.keyed({
    key: { section: 'huvud', board: ctx.board, item: 'period' },
    label: textCell('Period t.o.m.'),
    fields: [{ field: 'periodEnd', col: COL.c, kind: 'constant', value: periodEndDate(ctx.report, year), style: 'text' }],
    extra: { [COL.d]: textCell(`(${info.months} av 12 månader: ${year}-01-01 – ${periodEndDate(ctx.report, year)})`, 'subtitle') },
  });
  line('Genererad', formatDateTimeSv(generatedAt));
  line('Källtabeller', sourcesText(ctx.model, sections) || 'inga');
  line('Formatversion', String(FORMAT_VERSION));
  const status = b.keyed({
    key: { section: 'huvud', board: ctx.board, item: 'status' },
    label: textCell('Status'),
    fields: [{ field: 'status', col: COL.c, kind: 'input', value: TAB_STATUS_VALUES[0], mergeTo: COL.d }],
    extra: { [COL.e]: textCell('Sätt till ”Klar för inlämning” när fliken är kontrollerad.', 'subtitle') },
  });
  b.validateCells([{ row: status, col: COL.c }], {
    kind: 'list',
    list: [...TAB_STATUS_VALUES],
    errorMessage: `Välj ${TAB_STATUS_VALUES.join(' eller ')}.`,
  });
  b.blank();
}

/**
 * Builds the follow-up tab. Pure: the same input gives the same spec. The spec's name is the
 * tab name ("Delår aug 2027 Socialnämnden", tab-names.ts); the port keeps it when it is free.
 */
export function buildFollowUpTab(input: BuildFollowUpInput): SheetSpec {
  const { model, report, year, generatedAt } = input;
  const builder = new TabBuilder(new InputBook(input.previous));
  const index = input.index ?? prepareFollowUp(model);
  if (index.model !== model) throw new RangeError('buildFollowUpTab: the index is of another model');
  const ctx = makeContext(index, report, input.board, year, builder);
  const sections = sectionsFor(report, ctx.board);

  headerBlock(ctx, generatedAt, sections);
  for (const section of sections) SECTION_BUILDERS[section](ctx);
  removedSection(builder, report, builder.book.leftovers(), (title) => sectionHeading(ctx, title));

  const spec = emptySheetSpec(input.sheetName ?? followUpTabNames(report, [ctx.board], year).get(ctx.board)!);
  spec.rows = builder.rows;
  spec.columnWidths = [...COLUMN_WIDTHS];
  Object.assign(spec, builder.mergeRanges());
  spec.validations = builder.validations;
  spec.conditionalFormats = builder.conditionalFormats;
  if (builder.charts.length > 0) spec.charts = builder.charts;
  setFollowUpTabLook(spec);
  return fillMarkerRow(spec, {
    type: 'uppfoljning',
    version: FORMAT_VERSION,
    year,
    report,
    board: ctx.board,
    generatedAt: generatedAt.toISOString(),
  });
}
