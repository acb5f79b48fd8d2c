/**
 * Refresh: rebuild a follow-up tab from the current data and put back everything people typed,
 * matched by row key (nämnd + verksamhet, item text), never by position. Inputs whose row is gone
 * are kept in "Borttagna rader"; nothing typed is dropped.
 */
import type { BudgetModel } from '../recognition/model';
import type { SheetSpec } from '../workbook/sheet-spec';
import { buildFollowUpTab } from './build-tab';
import type { FilledTab } from './filled';
import type { FollowUpIndex } from './prepare';
import { typedInputs } from './read-tab';

/**
 * The refreshed tab. Write it with `port.writeSheet(spec, { replace: filled.sheet })`: the old tab
 * is replaced only once the new one is complete, and keeps its name and place.
 * `index` as for buildFollowUpTab. Throws RangeError for a tab whose marker names no known report or year (nothing to rebuild).
 */
export function refreshFollowUpTab(model: BudgetModel, filled: FilledTab, now: Date, index?: FollowUpIndex): SheetSpec {
  if (filled.kind !== 'uppfoljning') throw new RangeError(`not a follow-up tab: ${filled.sheet}`);
  if (filled.report === null) throw new RangeError(`follow-up tab without a known report: ${filled.sheet}`);
  const year = filled.year ?? model.years?.[0];
  if (year === undefined) throw new RangeError(`follow-up tab without a year: ${filled.sheet}`);
  return buildFollowUpTab({ model, report: filled.report, board: filled.board, year, generatedAt: now, previous: typedInputs(filled), sheetName: filled.sheet, ...(index ? { index } : {}) });
}
