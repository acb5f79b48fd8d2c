/**
 * The follow-up job (Uppföljning in the task pane, `budgetkoll followup`): read the inputs and the
 * owned follow-up tabs in one read phase (core/followup/plan.ts plans the owned tabs for every
 * job), find a nämnd's existing tab, the inputs a report uses, build new tabs and refresh owned
 * ones (typed inputs kept), build the KS compilation, and check a tab (UPF rules).
 */
import type { Finding } from '../core/findings';
import {
  buildFollowUpTab,
  prepareFollowUp,
  type FollowUpIndex,
  checkFollowUpTab,
  existingFollowUpTab,
  followUpBoards,
  periodMonth,
  planFollowUpRead,
  planFollowUpTabs,
  readFollowUp,
  recognizeFollowUp,
  refreshFollowUpTab,
  SECTION_SOURCES,
  sameBoard,
  sectionsFor,
  typedInputs,
  type FilledTab,
  type FollowUpReadPlan,
  type FollowUpTabPlan,
  type FollowUpReport,
  type FollowUpWorkbook,
} from '../core/followup';
import { inputDef, type InputId } from '../core/inputs/catalogue';
import type { BudgetModel } from '../core/recognition/model';
import type { PlannedRead, WorkbookWriter } from '../core/workbook/port';
import type { WorkbookIndex } from '../core/workbook/raw';
import type { SheetSpec } from '../core/workbook/sheet-spec';
import type { Mapping } from '../core/inputs/mapping';
import { consolidationSpec } from './consolidation';

export { planFollowUpRead, prepareFollowUp, readFollowUp, recognizeFollowUp, type FollowUpIndex, type FollowUpReadPlan, type FollowUpWorkbook };

/** The follow-up read plan in the port's form (the plan hands itself back as `located`), through a mapping file when given. */
export function followUpPlan(mapping?: Mapping): (index: WorkbookIndex) => PlannedRead<FollowUpReadPlan> {
  return (index) => {
    const planned = planFollowUpRead(index, mapping);
    return { ...planned.plan, located: planned };
  };
}

/**
 * A nämnd's tab is found by its marker (report, year, nämnd matched with sameBoard), never by its
 * name; new tabs are named by the one rule of core/followup/tab-names.ts (planFollowUpTabs).
 */
export { existingFollowUpTab, planFollowUpTabs, sameBoard, type FollowUpTabPlan };

/**
 * The inputs the report's tabs for these nämnder read, in order: Driftbudget (required) and Utfall
 * first — every tab's Ekonomisk uppföljning reads them — then each section's, in section order.
 */
export function reportInputs(report: FollowUpReport, boards: readonly string[]): InputId[] {
  const ids: InputId[] = ['driftbudget', 'utfall'];
  const chosen = boards.length > 0 ? boards : ['-'];
  for (const board of chosen) {
    for (const section of sectionsFor(report, board)) for (const id of SECTION_SOURCES[section] ?? []) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The inputs the report's tabs read: found in the workbook, and missing. */
export function inputsUsed(layouts: BudgetModel['layouts'], report: FollowUpReport, boards: readonly string[]): { found: InputId[]; missing: InputId[] } {
  const all = reportInputs(report, boards);
  return { found: all.filter((id) => layouts[id]), missing: all.filter((id) => !layouts[id]) };
}

/**
 * What the task pane knows about the workbook after one read. The model itself stays in the core
 * worker's session, where the tabs are built; the pane gets what it shows.
 */
export interface FollowUpSnapshot {
  /** Where each input was found, and the findings that block writing (write-blockers.ts). */
  inputs: Pick<BudgetModel, 'layouts' | 'findings'>;
  /** Owned follow-up tabs and compilations, in tab order. */
  tabs: FilledTab[];
  /** Nämnder as spelt in Driftbudget (then Ramar). */
  boards: string[];
  /** Every sheet of the workbook: new tabs are named clear of them (planFollowUpTabs). */
  sheetNames: string[];
  years: number[];
  /** Sheets whose budget figures no longer match Driftbudget (UPF-STALE). */
  stale: ReadonlySet<string>;
  /** The last month with Utfall rows ("2027-06") per year, worked out once per read (not on every render). */
  lastActual: Record<number, string>;
}

/** The last month with Utfall rows, per year ("2027" → "2027-06"). */
export function lastActualPerYear(model: BudgetModel): Record<number, string> {
  const last: Record<number, string> = {};
  for (const a of model.actuals) {
    const year = Number(a.period.slice(0, 4));
    if (Number.isInteger(year) && a.period.charAt(4) === '-' && (last[year] === undefined || a.period > last[year])) last[year] = a.period;
  }
  return last;
}

/** Owned follow-up tabs whose budget figures no longer match Driftbudget (UPF-STALE). */
export function staleTabs({ model, tabs }: FollowUpWorkbook): Set<string> {
  const stale = new Set<string>();
  for (const tab of tabs) {
    if (tab.kind === 'uppfoljning' && checkFollowUpTab(tab, model).some((f) => f.rule === 'UPF-STALE')) stale.add(tab.sheet);
  }
  return stale;
}

/** What the pane shows of a follow-up read. */
export function followUpSnapshot(read: FollowUpWorkbook): FollowUpSnapshot {
  const { model, tabs } = read;
  return {
    inputs: { layouts: model.layouts, findings: model.findings },
    tabs,
    boards: followUpBoards(model),
    sheetNames: read.sheetNames,
    years: model.years ? [...model.years] : [],
    stale: staleTabs(read),
    lastActual: lastActualPerYear(model),
  };
}

export interface InputStatus {
  id: InputId;
  /** The input's name ("Utfall"). */
  name: string;
  /** The sheet it was found on, or null when missing. */
  sheet: string | null;
  /** For Utfall: the last month of the year with rows ("2027-06"), and the report's last month. */
  actualsThrough?: { last: string | null; periodEnd: string };
}

/** The inputs the chosen report's tabs read (reportInputs), found or not. */
export function inputStatuses(snapshot: Pick<FollowUpSnapshot, 'inputs' | 'lastActual'>, report: FollowUpReport, boards: readonly string[], year: number): InputStatus[] {
  return reportInputs(report, boards).map((id) => {
    const layout = snapshot.inputs.layouts[id];
    const status: InputStatus = { id, name: inputDef(id).name, sheet: layout ? layout.sheet : null };
    if (id === 'utfall') status.actualsThrough = { last: snapshot.lastActual[year] ?? null, periodEnd: periodMonth(report, year) };
    return status;
  });
}

/** One follow-up sheet to build: a new nämnd tab, a refresh of an owned one, or the KS compilation. */
export type FollowUpBuild =
  | { kind: 'tab'; report: FollowUpReport; board: string; year: number; now: Date; /** The name planFollowUpTabs gave it. */ sheet: string }
  | { kind: 'refresh'; sheet: string; now: Date }
  | { kind: 'consolidation'; report: FollowUpReport; year: number; now: Date };

/** The owned follow-up tab (not a compilation) on this sheet. */
function ownedTab(tabs: readonly FilledTab[], sheet: string): FilledTab | null {
  return tabs.find((t) => t.sheet === sheet && t.kind === 'uppfoljning') ?? null;
}

/** The sheet one build asks for, from a follow-up read; pass one `index` (prepareFollowUp) to all builds of a job. */
export function followUpSpec({ model, tabs }: FollowUpWorkbook, build: FollowUpBuild, index: FollowUpIndex = prepareFollowUp(model)): SheetSpec {
  switch (build.kind) {
    case 'tab':
      return buildFollowUpTab({ model, report: build.report, board: build.board, year: build.year, generatedAt: build.now, sheetName: build.sheet, index });
    case 'refresh': {
      const tab = ownedTab(tabs, build.sheet);
      if (!tab) throw new RangeError(`no follow-up tab ${build.sheet}`);
      return refreshFollowUpTab(model, tab, build.now, index);
    }
    case 'consolidation':
      return consolidationSpec(tabs, model, build.report, build.year, build.now);
  }
}

/** The UPF-* findings of one owned follow-up tab of the read, or null when there is no such tab. */
export function checkOwnedTab({ model, tabs }: FollowUpWorkbook, sheet: string): Finding[] | null {
  const tab = ownedTab(tabs, sheet);
  return tab ? checkFollowUpTab(tab, model) : null;
}

export interface WrittenFollowUpTab {
  name: string;
  board: string;
  /** "created" (a new tab) or "refreshed" (the nämnd's earlier tab rebuilt, typed inputs kept). */
  action: 'created' | 'refreshed';
  /** Values people had typed that the refreshed tab keeps (0 for a new tab). */
  keptInputs: number;
}

/**
 * The report's tab for each nämnd, in order: the nämnd's existing tab of this report and year is
 * refreshed in place (what people typed kept), otherwise a new tab is written under the name
 * planFollowUpTabs gives it (the names the task pane shows before creating).
 */
export async function writeFollowUpTabs(
  writer: WorkbookWriter,
  read: FollowUpWorkbook,
  request: { report: FollowUpReport; year: number; boards: readonly string[]; now: Date },
): Promise<WrittenFollowUpTab[]> {
  const { report, year, now } = request;
  const written: WrittenFollowUpTab[] = [];
  const index = prepareFollowUp(read.model);
  const planned = planFollowUpTabs({ ...read, boards: followUpBoards(read.model, index) }, report, year, request.boards);
  const names = new Map(planned.created.map((c) => [c.board, c.sheet]));
  for (const board of request.boards) {
    const earlier = existingFollowUpTab(read.tabs, report, year, board);
    const spec = earlier
      ? refreshFollowUpTab(read.model, earlier, now, index)
      : buildFollowUpTab({ model: read.model, report, board, year, generatedAt: now, sheetName: names.get(board), index });
    const { name } = await writer.writeSheet(spec, earlier ? { replace: earlier.sheet } : {});
    written.push({ name, board, action: earlier ? 'refreshed' : 'created', keptInputs: earlier ? typedInputs(earlier).values.length : 0 });
  }
  return written;
}
