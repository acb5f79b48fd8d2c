/**
 * The figures of the economy rows as the core computes them: Budget helår per nämnd (and
 * verksamhet) from Driftbudget, Utfall t.o.m. period from Utfall. They are the cached results of
 * the SUMIFS formulas the follow-up tabs write (SpecCell.value), so a file shows the right figure
 * before anything recalculates; a recalculation gives the same (test/recalc/cached-values.test.ts).
 * Names are grouped by normalizeKey, the core's notion of the same name. A job making many tabs
 * takes them from its FollowUpIndex, which makes each once.
 */
import type { BudgetModel } from '../recognition/model';
import { normalizeKey } from '../text/normalize';

/** Kronor by nämnd key, and by nämnd key + "\u0001" + verksamhet key. */
export interface KeyedSums {
  byBoard: Map<string, number>;
  byActivity: Map<string, number>;
}

const pairKey = (boardKey: string, activityKey: string) => `${boardKey}\u0001${activityKey}`;

/** Sums of rows by key; `kronor` gives a row's amount, or null to leave the row out. */
function collect<R extends { board: string; activity: string }>(rows: readonly R[], kronor: (row: R) => number | null): KeyedSums {
  const byBoard = new Map<string, number>();
  const byActivity = new Map<string, number>();
  // Rows repeat a few spellings: normalise each spelling once.
  const keys = new Map<string, string>();
  const keyOf = (text: string) => {
    let k = keys.get(text);
    if (k === undefined) keys.set(text, (k = normalizeKey(text)));
    return k;
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const amount = kronor(row);
    if (amount === null) continue;
    const b = keyOf(row.board);
    const p = pairKey(b, keyOf(row.activity));
    byBoard.set(b, (byBoard.get(b) ?? 0) + amount);
    byActivity.set(p, (byActivity.get(p) ?? 0) + amount);
  }
  return { byBoard, byActivity };
}

/** Driftbudget's kronor of one budget year (index 0..2) by nämnd and verksamhet. */
export function budgetSums(model: BudgetModel, yearIndex: number): KeyedSums {
  return collect(model.operatingBudget, (r) => r.amounts[yearIndex] ?? 0);
}

/** Utfall's kronor of the months 1..months of a year by nämnd and verksamhet. */
export function actualSums(model: BudgetModel, year: number, months: number): KeyedSums {
  const first = `${year}-01`;
  const last = `${year}-${String(Math.min(months, 12)).padStart(2, '0')}`;
  return collect(model.actuals, (r) => (r.period !== '' && r.period >= first && r.period <= last ? r.amount : null));
}

/** A nämnd's sum (activity null) or a verksamhet's, in kronor; 0 when it has no rows. */
export function sumOf(sums: KeyedSums, board: string, activity: string | null): number {
  const b = normalizeKey(board);
  return (activity === null ? sums.byBoard.get(b) : sums.byActivity.get(pairKey(b, normalizeKey(activity)))) ?? 0;
}
