/**
 * What every follow-up tab of one model needs and is the same for all of them, worked out once per
 * job: a job making a tab per nämnd and report passes one index to each build (buildFollowUpTab's
 * `index`), and the index goes when the job is done. Each part is made on first use.
 */
import type { BudgetModel } from '../recognition/model';
import { normalizeKey } from '../text/normalize';
import { actualSums, budgetSums, type KeyedSums } from './figures';
import { EconomyNames } from './sections/economy-names';

export class FollowUpIndex {
  /** The nämnder, verksamheter and lines of the Ekonomisk uppföljning and Åtgärder blocks. */
  readonly economy: EconomyNames;
  private readonly runs = new Map<readonly object[], readonly number[]>();
  private spellings: ReadonlyMap<string, string> | undefined;
  private readonly rowsByBoard = new Map<readonly object[], Map<string, readonly object[]>>();
  private readonly itemsByRows = new Map<readonly object[], Map<string, unknown>>();
  private readonly sums = new Map<string, KeyedSums>();

  constructor(readonly model: BudgetModel) {
    this.economy = new EconomyNames(model, (rows) => this.nameRuns(rows));
  }

  /**
   * Where the runs of rows naming one nämnd and verksamhet start in Driftbudget or Utfall: each row
   * whose nämnd or verksamhet differs from the row before (names as they stand in the cells). What
   * lists the nämnder and verksamheter looks up one row per run: a million Utfall rows come as a
   * few tens of thousands of runs.
   */
  nameRuns(rows: readonly { board: string; activity: string }[]): readonly number[] {
    let starts = this.runs.get(rows);
    if (!starts) this.runs.set(rows, (starts = nameRunStarts(rows)));
    return starts;
  }

  /** Every nämnd of the model by its key, as first spelt in Driftbudget, then Ramar, in that order. */
  boardSpellings(): ReadonlyMap<string, string> {
    if (this.spellings) return this.spellings;
    const spellings = new Map<string, string>();
    const add = (board: string) => {
      const key = normalizeKey(board);
      if (board !== '' && !spellings.has(key)) spellings.set(key, board);
    };
    // Driftbudget's nämnder at the starts of its runs of names (a nämnd's first row starts one).
    const budget = this.model.operatingBudget;
    let previous: string | undefined;
    for (const start of this.nameRuns(budget)) {
      const board = budget[start].board;
      if (board !== previous) add((previous = board));
    }
    for (const row of this.model.frames) add(row.board);
    return (this.spellings = spellings);
  }

  /**
   * The rows of an input whose nämnd is `board`, in source order. Grouped by nämnd once per input:
   * `boardOf` must always name that input's one nämnd column.
   */
  rowsOfBoard<T extends object>(rows: readonly T[], boardOf: (row: T) => string, board: string): readonly T[] {
    let groups = this.rowsByBoard.get(rows);
    if (!groups) {
      const grouping = new Map<string, T[]>();
      for (const r of rows) {
        const key = normalizeKey(boardOf(r));
        const list = grouping.get(key);
        if (list) list.push(r);
        else grouping.set(key, [r]);
      }
      this.rowsByBoard.set(rows, (groups = grouping));
    }
    return (groups.get(normalizeKey(board)) ?? []) as readonly T[];
  }

  /** Driftbudget's kronor of one budget year (index 0..2) by nämnd and verksamhet (figures.ts). */
  budgetSums(yearIndex: number): KeyedSums {
    return this.sumsOnce(`budget:${yearIndex}`, () => budgetSums(this.model, yearIndex));
  }

  /** Utfall's kronor of the months 1..months of a year by nämnd and verksamhet (figures.ts). */
  actualSums(year: number, months: number): KeyedSums {
    return this.sumsOnce(`actual:${year}:${months}`, () => actualSums(this.model, year, months));
  }

  private sumsOnce(key: string, make: () => KeyedSums): KeyedSums {
    let sums = this.sums.get(key);
    if (!sums) this.sums.set(key, (sums = make()));
    return sums;
  }

  /**
   * What a section lists for these source rows, made on first use and then shared by every tab
   * that lists them: the three reports' tabs of a nämnd show the same Uppdrag, Internkontroll, …
   * rows, and their descriptors are made once. `make` may depend on nothing but the rows and
   * `section`, which names what is made.
   */
  itemsOfRows<T extends object, I>(rows: readonly T[], section: string, make: (rows: readonly T[]) => I): I {
    let bySection = this.itemsByRows.get(rows);
    if (!bySection) this.itemsByRows.set(rows, (bySection = new Map()));
    if (bySection.has(section)) return bySection.get(section) as I;
    const items = make(rows);
    bySection.set(section, items);
    return items;
  }
}

/** The index of a model's follow-up tabs: make one per job and pass it to every tab's build. */
export function prepareFollowUp(model: BudgetModel): FollowUpIndex {
  return new FollowUpIndex(model);
}

function nameRunStarts(rows: readonly { board: string; activity: string }[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && rows[i].activity === rows[i - 1].activity && rows[i].board === rows[i - 1].board) continue;
    starts.push(i);
  }
  return starts;
}
