/**
 * The names an Ekonomisk uppföljning block lists, and their lines (shared with the Åtgärder block
 * below it): per nämnd its verksamheter, on the kommun tab the nämnder.
 */
import type { BudgetModel } from '../../recognition/model';
import { normalizeKey } from '../../text/normalize';
import { exactCriterion } from '../formulas';
import { COL } from '../layout';
import { periodMatcher, periodMonth, type FollowUpReport } from '../reports';
import type { BlockRow, DescriptorMemo } from '../row-shape';
import type { SpecCell } from '../../workbook/sheet-spec';
import { textCell } from '../tab-builder';

/*
 * The names an economy block lists: per nämnd its verksamheter in Driftbudget order, then those
 * only Utfall has in the report's period (in Utfall order); and the nämnder in the same order. The
 * first spelling of a name wins. Gathered in one pass over Driftbudget and Utfall per model and
 * year, then cut per period: a tab per nämnd and report would otherwise rescan up to a million rows.
 */


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

/** A (nämnd, verksamhet) of the source data. */
interface NamePair {
  board: string;
  boardKey: string;
  activity: string;
  /**
   * Its first run among Driftbudget's runs of names (listed whatever the period); -1 when only
   * Utfall has it.
   */
  budgetRun: number;
  /** Utfall's first period of the year for it, "" for none. */
  firstPeriod: string;
  /** Its line on the nämnd's tabs, once made. */
  line?: EconomyLine;
}

interface NameIndex {
  boards: string[];
  activitiesByBoard: Map<string, NamePair[]>;
}

interface YearNames {
  /** Each pair in order of first appearance: Driftbudget's first, then Utfall's. */
  pairs: NamePair[];
  byPeriod: Map<string, NameIndex>;
}

/** A nämnd's verksamheter by normalised name: shared by every spelling of the nämnd. */
interface BoardPairs {
  boardKey: string;
  byKey: Map<string, NamePair>;
}

/**
 * The (nämnd, verksamhet) pairs of rows, in order of first appearance, the first spelling of each
 * winning. A nämnd is looked up by its spelling in the cells before normalising: its rows repeat a
 * few spellings.
 */
interface PairIndex {
  pairs: NamePair[];
  boardsBySpelling: Map<string, BoardPairs>;
  /** The same by the nämnd's key: spellings of one nämnd share it. */
  boardsByKey: Map<string, BoardPairs>;
}

/** A nämnd's verksamheter, by the nämnd as spelt in a row (its entry made on first sight). */
function boardPairs(index: PairIndex, board: string): BoardPairs {
  let entry = index.boardsBySpelling.get(board);
  if (!entry) {
    const boardKey = normalizeKey(board);
    entry = index.boardsByKey.get(boardKey);
    if (!entry) index.boardsByKey.set(boardKey, (entry = { boardKey, byKey: new Map() }));
    index.boardsBySpelling.set(board, entry);
  }
  return entry;
}

/** The pair of a row's names if it has been seen. */
function findPair(index: PairIndex, board: string, activity: string): NamePair | undefined {
  return boardPairs(index, board).byKey.get(normalizeKey(activity));
}

/** The pair of a row's names, added on first sight (in that budget run). */
function lookUpPair(index: PairIndex, board: string, activity: string, budgetRun: number): NamePair {
  const entry = boardPairs(index, board);
  const activityKey = normalizeKey(activity);
  let pair = entry.byKey.get(activityKey);
  if (!pair) {
    pair = { board, boardKey: entry.boardKey, activity, budgetRun, firstPeriod: '' };
    entry.byKey.set(activityKey, pair);
    index.pairs.push(pair);
  }
  return pair;
}

/**
 * The names and lines of the economy blocks of one model (FollowUpIndex.economy): a line object per
 * name, shared by every tab that lists it, so its cells and descriptor are made once.
 */
export class EconomyNames {
  private readonly byYear = new Map<number, YearNames>();
  /** The kommun tab's lines by nämnd (the nämnd tabs' lines hang on their name pairs). */
  private readonly lines = new Map<string, EconomyLine>();

  constructor(
    private readonly model: BudgetModel,
    private readonly runsOf: (rows: readonly { board: string; activity: string }[]) => readonly number[],
  ) {}

  /** Verksamheter of the nämnd: the nämnd tab's rows (the nämnd as the tab spells it; the same on every tab of the model). */
  activityLines(board: string, year: number, report: FollowUpReport): EconomyLine[] {
    const pairs = this.nameIndex(year, report).activitiesByBoard.get(normalizeKey(board)) ?? [];
    return pairs.map((pair) => (pair.line ??= makeLine(board, pair.activity, pair.activity || '(utan verksamhet)', pair.activity)));
  }

  /** Nämnder: the kommun tab's rows. */
  boardLines(year: number, report: FollowUpReport): EconomyLine[] {
    return this.nameIndex(year, report).boards.map((board) => {
      let line = this.lines.get(board);
      if (!line) this.lines.set(board, (line = makeLine(board, '', board, board)));
      return line;
    });
  }

  private yearNames(year: number): YearNames {
    let names = this.byYear.get(year);
    if (names) return names;
    const index: PairIndex = { pairs: [], boardsBySpelling: new Map(), boardsByKey: new Map() };
    const inYear = periodMatcher(year, 'december');
    // One row per run of rows with the same names (FollowUpIndex.nameRuns).
    const budget = this.model.operatingBudget;
    const budgetRuns = this.runsOf(budget);
    for (let k = 0; k < budgetRuns.length; k++) {
      const r = budget[budgetRuns[k]];
      lookUpPair(index, r.board, r.activity, k);
    }
    // A budgeted pair needs nothing from Utfall; another is listed from its first period in the
    // year. Utfall mostly lists Driftbudget's verksamheter in Driftbudget's order: a run with the
    // names of the budget run after the last one met is that pair, known without a look-up.
    const ledger = this.model.actuals;
    const ledgerRuns = this.runsOf(ledger);
    let nextBudgetRun = 0;
    for (let k = 0; k < ledgerRuns.length; k++) {
      const start = ledgerRuns[k];
      const { board, activity } = ledger[start];
      const expected = nextBudgetRun < budgetRuns.length ? budget[budgetRuns[nextBudgetRun]] : undefined;
      if (expected !== undefined && expected.activity === activity && expected.board === board) {
        nextBudgetRun++;
        continue;
      }
      let pair = findPair(index, board, activity);
      if (pair !== undefined && pair.budgetRun >= 0) {
        nextBudgetRun = pair.budgetRun + 1;
        continue;
      }
      const end = k + 1 < ledgerRuns.length ? ledgerRuns[k + 1] : ledger.length;
      for (let i = start; i < end; i++) {
        const period = ledger[i].period;
        if (!inYear(period)) continue;
        pair ??= lookUpPair(index, board, activity, -1);
        if (pair.firstPeriod === '' || period < pair.firstPeriod) pair.firstPeriod = period;
      }
    }
    names = { pairs: index.pairs, byPeriod: new Map() };
    this.byYear.set(year, names);
    return names;
  }

  private nameIndex(year: number, report: FollowUpReport): NameIndex {
    const names = this.yearNames(year);
    const period = periodMonth(report, year);
    let index = names.byPeriod.get(period);
    if (index) return index;
    const boards = new Map<string, string>();
    const activitiesByBoard = new Map<string, NamePair[]>();
    for (let i = 0; i < names.pairs.length; i++) {
      const pair = names.pairs[i];
      if (pair.budgetRun < 0 && pair.firstPeriod > period) continue;
      if (pair.board !== '' && !boards.has(pair.boardKey)) boards.set(pair.boardKey, pair.board);
      const list = activitiesByBoard.get(pair.boardKey);
      if (list) list.push(pair);
      else activitiesByBoard.set(pair.boardKey, [pair]);
    }
    index = { boards: [...boards.values()], activitiesByBoard };
    names.byPeriod.set(period, index);
    return index;
  }
}

/** A line of a name on a nämnd's tab (item = verksamhet) or on the kommun tab (item = ""). */
function makeLine(board: string, item: string, label: string, criterion: string): EconomyLine {
  const labelCell = textCell(label);
  return {
    key: { section: 'ekonomi', board, item },
    label: labelCell,
    extra: { [COL.criterion]: { value: exactCriterion(criterion), style: 'marker' } },
    descriptorMemo: {},
    measure: { key: { section: 'atgarder', board, item }, label: labelCell, descriptorMemo: {} },
  };
}
