/**
 * The follow-up job (docs/uppfoljning.md): generate a report's standard tab per nämnd or for the kommun,
 * read it back, refresh it keeping what people typed, check it before submission (UPF-* rules),
 * and compile all nämnder for KS. Pure functions; the task pane and the CLI wire them to a port:
 *
 *   const { model, tabs } = await readFollowUp(port);             // one read phase
 *   const index = prepareFollowUp(model);                           // once per job
 *   const spec = buildFollowUpTab({ model, report, board, year, generatedAt: new Date(), index });
 *   await port.writeSheet(spec);                                   // new tab, free name
 *   const fresh = refreshFollowUpTab(model, tabs[0], new Date());
 *   await port.writeSheet(fresh, { replace: tabs[0].sheet });     // keeps name and place
 *   const findings = checkFollowUpTab(tabs[0], model);
 *   await port.writeSheet(buildConsolidation(tabs, model, year, report));
 */
import type { BudgetModel } from '../recognition/model';
import { prepareFollowUp, type FollowUpIndex } from './prepare';

export { FollowUpIndex, prepareFollowUp } from './prepare';
export { buildFollowUpTab, formatDateTimeSv, SECTION_SOURCES, type BuildFollowUpInput } from './build-tab';
export { readFollowUpTab, typedInputs } from './read-tab';
export { refreshFollowUpTab } from './refresh';
export { checkFollowUpTab, type FollowUpCheckOptions } from './check';
export { buildConsolidation, compiledTab, type CompiledTab, type ConsolidationOptions } from './consolidate';
export { followUpSheets, followUpTabRange, isFollowUpTab, planFollowUpRead, planOwnedTabs, readOwnedTabs, type OwnedTabRead, readFollowUp, recognizeFollowUp, type FollowUpReadPlan, type FollowUpWorkbook } from './plan';
export {
  FOLLOW_UP_REPORTS,
  KOMMUN_BOARD,
  REPORT_IDS,
  consolidationTabName,
  isFollowUpReport,
  isKommunBoard,
  periodEndDate,
  periodMonth,
  reportInfo,
  sectionTitle,
  sectionsFor,
  type FollowUpReport,
  type ReportInfo,
  type SectionId,
} from './reports';
export { existingFollowUpTab, followUpTabNames, planFollowUpTabs, sameBoard, type FollowUpTabPlan, type TabNaming } from './tab-names';
export type { FilledCell, FilledRow, FilledTab, FilledTabInputs, TypedInput } from './filled';
export type { RowKey, RowSection } from './row-keys';
export { REMOVED_TITLE } from './sections/removed';

/** The nämnder a follow-up tab can be made for, as spelt in Driftbudget (then Ramar), in order. */
export function followUpBoards(model: BudgetModel, index: FollowUpIndex = prepareFollowUp(model)): string[] {
  return [...index.boardSpellings().values()];
}
