/** What every section builder of a follow-up tab knows: the model, the report, the nämnd, the rows so far. */
import type { BudgetModel, InputLayout } from '../recognition/model';
import { normalizeKey } from '../text/normalize';
import { isKommunBoard, KOMMUN_BOARD, periodMonth, reportInfo, type FollowUpReport, type ReportInfo } from './reports';
import type { BlockRow, DescriptorMemo, TabBuilder } from './tab-builder';
import type { SpecCell } from '../workbook/sheet-spec';
import type { CellResult } from './cached';

/**
 * A verksamhet (a nämnd on the kommun tab) of the Ekonomisk uppföljning block and of the Åtgärder
 * block below it. One object per name and model, shared by every tab that lists it: its cells are
 * built once for all three reports (specs are read-only).
 */
export interface EconomyLine extends BlockRow {
  /** Column B: the name ("(utan verksamhet)" for none). */
  label: SpecCell;
  /** Column J: the SUMIFS criterion matching exactly this name. */
  extra: Record<number, SpecCell>;
  descriptorMemo: DescriptorMemo;
  /** Its row in Åtgärder. */
  measure: BlockRow & { descriptorMemo: DescriptorMemo };
}

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

export function makeContext(model: BudgetModel, report: FollowUpReport, board: string, year: number, builder: TabBuilder): BuildContext {
  const kommunLevel = isKommunBoard(board);
  return {
    model,
    report,
    info: reportInfo(report),
    board: kommunLevel ? KOMMUN_BOARD : resolveBoard(model, board),
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
export function resolveBoard(model: BudgetModel, board: string): string {
  return boardSpellings(model).get(normalizeKey(board)) ?? board.replace(/\s+/g, ' ').trim();
}

const runsByRows = new WeakMap<readonly object[], readonly number[]>();

/**
 * Where the runs of rows naming one nämnd and verksamhet start in Driftbudget or Utfall: each row
 * whose nämnd or verksamhet differs from the row before (names as they stand in the cells). Found
 * once per input in one tight pass, so what lists the nämnder and verksamheter looks up one row per
 * run: a million Utfall rows come as a few tens of thousands of runs.
 */
export function nameRuns(rows: readonly { board: string; activity: string }[]): readonly number[] {
  const known = runsByRows.get(rows);
  if (known) return known;
  const starts: number[] = [];
  let board: string | undefined;
  let activity: string | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (i > 0 && row.activity === activity && row.board === board) continue;
    board = row.board;
    activity = row.activity;
    starts.push(i);
  }
  runsByRows.set(rows, starts);
  return starts;
}

const boardSpellingsByModel = new WeakMap<BudgetModel, Map<string, string>>();

/**
 * Every nämnd of the model by its key, as first spelt in Driftbudget, then Ramar, in that order.
 * Worked out once per model: every tab of a run asks.
 */
export function boardSpellings(model: BudgetModel): ReadonlyMap<string, string> {
  const known = boardSpellingsByModel.get(model);
  if (known) return known;
  const spellings = new Map<string, string>();
  const add = (board: string) => {
    const key = normalizeKey(board);
    if (board !== '' && !spellings.has(key)) spellings.set(key, board);
  };
  // Driftbudget's nämnder at the starts of its runs of names (a nämnd's first row starts one).
  const budget = model.operatingBudget;
  const runs = nameRuns(budget);
  let previous: string | undefined;
  for (let k = 0; k < runs.length; k++) {
    const board = budget[runs[k]].board;
    if (board !== previous) add((previous = board));
  }
  for (const row of model.frames) add(row.board);
  boardSpellingsByModel.set(model, spellings);
  return spellings;
}

const rowsByBoard = new WeakMap<readonly object[], Map<string, readonly object[]>>();

/**
 * The rows of an input that belong to the tab's nämnd (all of them on a kommun-level tab), in
 * source order. Grouped by nämnd once per input: each of a run's tabs asks for its own. The
 * grouping is kept per rows array, so `boardOf` must always name that input's one nämnd column.
 */
export function boardRows<T extends object>(ctx: Pick<BuildContext, 'board' | 'kommunLevel'>, rows: readonly T[], boardOf: (row: T) => string): readonly T[] {
  if (ctx.kommunLevel) return rows;
  let groups = rowsByBoard.get(rows);
  if (!groups) {
    const grouping = new Map<string, T[]>();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const key = normalizeKey(boardOf(r));
      const list = grouping.get(key);
      if (list) list.push(r);
      else grouping.set(key, [r]);
    }
    rowsByBoard.set(rows, (groups = grouping));
  }
  return (groups.get(normalizeKey(ctx.board)) ?? []) as readonly T[];
}

const itemsByRows = new WeakMap<readonly object[], Map<string, unknown>>();

/**
 * What a section lists for these source rows (boardRows: one nämnd's rows of an input, or all of
 * them), made on first use and then shared by every tab of the model that lists them: the three
 * reports' tabs of a nämnd show the same Uppdrag, Internkontroll, … rows, and their descriptors
 * are then made once. `make` may depend on nothing but the rows and `section`, which names what
 * is made (the section, and anything else the items depend on).
 */
export function itemsOfRows<T extends object, I>(rows: readonly T[], section: string, make: (rows: readonly T[]) => I): I {
  let bySection = itemsByRows.get(rows);
  if (!bySection) itemsByRows.set(rows, (bySection = new Map()));
  if (bySection.has(section)) return bySection.get(section) as I;
  const items = make(rows);
  bySection.set(section, items);
  return items;
}

/** True for a "YYYY-MM" period inside the report's months of the year. */
export function periodMatcher(year: number, report: FollowUpReport): (period: string) => boolean {
  const first = `${year}-01`;
  const last = periodMonth(report, year);
  return (period) => period !== '' && period >= first && period <= last;
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
