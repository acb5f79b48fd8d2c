/** What every section builder of a follow-up tab knows: the model, the report, the nämnd, the rows so far. */
import type { BudgetModel, InputLayout } from '../recognition/model';
import { normalizeKey } from '../text/normalize';
import { isKommunBoard, KOMMUN_BOARD, reportInfo, type FollowUpReport, type ReportInfo } from './reports';
import type { TabBuilder } from './tab-builder';
import type { CellResult } from './cached';
import type { FollowUpIndex } from './prepare';
import type { EconomyLine } from './sections/economy-names';

/** The Ekonomisk uppföljning block of this tab: its lines, one per row from firstRow on. */
export interface EconomyBlock {
  lines: readonly EconomyLine[];
  /** 0-based sheet row of the first line. */
  firstRow: number;
  /** Each line's deviation (December budget − utfall, else budget − prognos) as its cell holds it (cached.ts). */
  deviations?: readonly CellResult[];
}

export interface BuildContext {
  model: BudgetModel;
  /** What all tabs of the model share (prepareFollowUp). */
  index: FollowUpIndex;
  report: FollowUpReport;
  info: ReportInfo;
  /** The nämnd as spelt in the source data, or "Kommunen". */
  board: string;
  kommunLevel: boolean;
  year: number;
  /** Tolerance for amount comparisons in tkr (Parametrar: Tolerans). */
  toleranceTkr: number;
  builder: TabBuilder;
  /** Cell of this tab holding the nämnd's SUMIFS criterion (nämnd level), in R1C1: "R6C10" ($J$6). */
  boardCriterionCell: string | null;
  /** The Ekonomisk uppföljning block, once that section is built. */
  economy: EconomyBlock | null;
  /** The next section's number in its heading. */
  sectionNumber: number;
}

export function makeContext(index: FollowUpIndex, report: FollowUpReport, board: string, year: number, builder: TabBuilder): BuildContext {
  const kommunLevel = isKommunBoard(board);
  const model = index.model;
  return {
    model,
    index,
    report,
    info: reportInfo(report),
    board: kommunLevel ? KOMMUN_BOARD : resolveBoard(index, board),
    kommunLevel,
    year,
    toleranceTkr: model.parameters.toleranceKr / 1000,
    builder,
    boardCriterionCell: null,
    economy: null,
    sectionNumber: 1,
  };
}

/** The nämnd as the source data spell it (the first row that matches), else as given. */
export function resolveBoard(index: FollowUpIndex, board: string): string {
  return index.boardSpellings().get(normalizeKey(board)) ?? board.replace(/\s+/g, ' ').trim();
}

/**
 * The rows of an input that belong to the tab's nämnd (all of them on a kommun-level tab), in
 * source order (FollowUpIndex.rowsOfBoard).
 */
export function boardRows<T extends object>(ctx: Pick<BuildContext, 'board' | 'kommunLevel' | 'index'>, rows: readonly T[], boardOf: (row: T) => string): readonly T[] {
  return ctx.kommunLevel ? rows : ctx.index.rowsOfBoard(rows, boardOf, ctx.board);
}

/** Driftbudget's column of the follow-up year (Y1, or a plan year), or -1. */
export function budgetColumn(layout: InputLayout | undefined, model: BudgetModel, year: number): number {
  if (!layout || !model.years) return -1;
  const index = year - model.years[0];
  const col = layout.yearColumns.amount?.[index];
  return col === undefined ? -1 : col;
}

/** Index (0..2) of the follow-up year among the model's three budget years, or -1. */
export function yearIndex(model: BudgetModel, year: number): number {
  if (!model.years) return -1;
  const index = year - model.years[0];
  return index >= 0 && index <= 2 ? index : -1;
}

/** "3. Åtgärder vid underskott": a numbered heading. */
export function sectionHeading(ctx: BuildContext, title: string): number {
  return ctx.builder.heading(`${ctx.sectionNumber++}. ${title}`);
}
