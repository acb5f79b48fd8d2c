/**
 * The merged cells of a tab being built, as runs of consecutive rows merging the same columns: a
 * block of a thousand Åtgärder rows merging two spans is two ranges merged across, not two
 * thousand merges.
 */
import { rangeToA1, type RangePosition } from '../a1';
import type { SheetSpec } from '../workbook/sheet-spec';

export class MergeRuns {
  private readonly runs: RangePosition[] = [];
  /** The last run of each column span, by "first:last" column. */
  private readonly lastRunOfSpan = new Map<string, RangePosition>();

  /** Merges columns from..to of a row; extends the span's last run when it ends on the row above. */
  add(row: number, from: number, to: number): void {
    if (to <= from) return;
    const span = `${from}:${to}`;
    const run = this.lastRunOfSpan.get(span);
    if (run && run.bottom === row - 1) run.bottom = row;
    else {
      const started = { top: row, left: from, bottom: row, right: to };
      this.runs.push(started);
      this.lastRunOfSpan.set(span, started);
    }
  }

  /** The merges for the spec: a one-row run as a merge, a longer run as one range merged across. */
  ranges(): Pick<SheetSpec, 'merges' | 'mergesAcross'> {
    const merges: string[] = [];
    const mergesAcross: string[] = [];
    for (const run of this.runs) (run.top === run.bottom ? merges : mergesAcross).push(rangeToA1(run));
    return mergesAcross.length > 0 ? { merges, mergesAcross } : { merges };
  }
}
