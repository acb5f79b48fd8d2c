/**
 * Which of the chosen nämnder would get a new follow-up tab: a tab that already exists under the
 * same name (Excel compares names without case) is left alone by "Skapa", so it is not counted.
 */
import { followUpTabName, type FollowUpReport } from '../../../core/followup/reports';

export interface NewTabs {
  /** Nämnder whose tab would be created, with the tab names, in the order chosen. */
  created: { board: string; sheet: string }[];
  /** Tab names that exist already (use Uppdatera for them). */
  existing: string[];
}

export function planNewTabs(report: FollowUpReport, boards: readonly string[], year: number, existingSheets: readonly string[]): NewTabs {
  const taken = new Set(existingSheets.map((s) => s.toLocaleLowerCase('sv')));
  const result: NewTabs = { created: [], existing: [] };
  for (const board of boards) {
    const sheet = followUpTabName(report, board, year);
    if (taken.has(sheet.toLocaleLowerCase('sv'))) result.existing.push(sheet);
    else result.created.push({ board, sheet });
  }
  return result;
}
