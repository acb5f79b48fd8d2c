/**
 * The pure, long part of each task-pane job, on a workbook already read through the port:
 * recognition and validation (Kontrollera budget), recognition, the allocation model and its
 * findings (Resursfördelning), recognition of the inputs and the owned tabs (Uppföljning).
 * On a 200 000-row budget each takes hundreds of milliseconds, so the task pane runs them in the
 * core worker (core-worker.ts) through run-core-task.ts, or here on the main thread, between
 * yields, where no Worker exists (jest). Either way this is the one implementation.
 */
import { runAllocation } from '../../core/allocation/model';
import { allocationTabName, buildAllocationTab } from '../../core/allocation/result-tab';
import {
  buildConsolidation,
  buildFollowUpTab,
  checkFollowUpTab,
  followUpBoards,
  recognizeFollowUp,
  refreshFollowUpTab,
  typedInputs,
  type FilledTab,
  type FollowUpReadPlan,
  type FollowUpReport,
} from '../../core/followup';
import { RULE_CATALOGUE } from '../../core/messages/rule-catalogue';
import { JOB_INPUTS, recognizeWorkbook } from '../../core/recognition';
import type { LocatedInputs } from '../../core/recognition/locate';
import { frameSummary, validateModel } from '../../core/rules';
import type { Finding } from '../../core/findings';
import type { RawWorkbook } from '../../core/workbook/raw';
import type { CheckResult, RuleText } from '../components/check/check-core';
import { allocationFindings, describeInputs, ownedResultTab } from '../components/allocation/preview';
import type { AllocationData } from '../components/allocation/use-allocation';
import type { SheetSpec } from '../../core/workbook/sheet-spec';

/** What a read for Resursfördelning gives; `spec` (the result tab) only when asked for with `tabAt`. */
export type LoadedAllocation = Omit<AllocationData, 'ran'> & { spec?: SheetSpec };
import type { FollowUpSnapshot } from '../components/followup/followup-core';
import type { BudgetModel } from '../../core/recognition/model';

type CatalogueEntry = (typeof RULE_CATALOGUE)[keyof typeof RULE_CATALOGUE] & { publicId?: string };

/** Kontrollera budget: every rule on the validation inputs, the frames per nämnd and the texts the findings need. */
export function checkTask({ raw, located }: { raw: RawWorkbook; located: LocatedInputs }): CheckResult {
  const model = recognizeWorkbook(raw, located, JOB_INPUTS.validation);
  const findings = validateModel(model);
  const rules: Record<string, RuleText> = {};
  const fixEn: Record<string, string> = {};
  const present = new Set(findings.map((f) => f.rule));
  for (const [id, entry] of Object.entries(RULE_CATALOGUE) as [string, CatalogueEntry][]) {
    const publicId = entry.publicId ?? id;
    if (!present.has(publicId)) continue;
    // The public entry's title wins over a variant's (KEY-KONTO's class-8 warning).
    if (!rules[publicId] || !entry.publicId) rules[publicId] = { title: entry.title };
    fixEn[entry.fix.sv] = entry.fix.en;
  }
  return {
    findings,
    frames: frameSummary(model),
    years: model.years,
    kommun: model.parameters.kommun,
    toleranceKr: model.parameters.toleranceKr,
    rules,
    fixEn,
  };
}

/**
 * Resursfördelning: the model, its run, the findings and whether a result tab of that year exists
 * (from the index of the same read). The run is part of the read so the summary can list exactly
 * the rows the model takes and leaves out. With `tabAt` (writing) also the result tab.
 */
export function allocationTask({ raw, located, tabAt }: { raw: RawWorkbook; located: LocatedInputs; tabAt?: Date }): LoadedAllocation {
  const model = recognizeWorkbook(raw, located, JOB_INPUTS.allocation);
  const result = runAllocation(model);
  return {
    // Writing: the result tab too (thousands of rows on L), built here rather than on the pane's thread.
    ...(tabAt && result ? { spec: buildAllocationTab(result, model, tabAt) } : {}),
    model,
    result,
    preview: result ? describeInputs(model, result) : null,
    findings: allocationFindings(model, result),
    tabName: result ? allocationTabName(result.years[0]) : null,
    existingTab: result ? ownedResultTab(raw.index, result.years[0]) : null,
  };
}

/** The last month with Utfall rows, per year ("2027" → "2027-06"). */
function lastActualPerYear(model: BudgetModel): Record<number, string> {
  const last: Record<number, string> = {};
  for (const a of model.actuals) {
    const year = Number(a.period.slice(0, 4));
    if (Number.isInteger(year) && a.period.charAt(4) === '-' && (last[year] === undefined || a.period > last[year])) last[year] = a.period;
  }
  return last;
}

/**
 * What a session's tasks keep in the worker between them (run-core-task.ts, CoreSession): the
 * follow-up model of the session's read, so building tabs does not send a 200 000-row model back
 * and forth between the pane and the worker.
 */
export interface CoreState {
  followUp?: { model: BudgetModel; tabs: FilledTab[] };
}

function followUpRead(state: CoreState): { model: BudgetModel; tabs: FilledTab[] } {
  if (!state.followUp) throw new Error('core session: no follow-up read before building');
  return state.followUp;
}

/**
 * Uppföljning: the model and the owned follow-up tabs, kept in the session for the builds; to the
 * pane go the tabs, the nämnder, which tabs are stale (UPF-STALE) and what it shows of the model.
 */
export function followUpTask({ raw, planned }: { raw: RawWorkbook; planned: FollowUpReadPlan }, state: CoreState = {}): FollowUpSnapshot {
  const { model, tabs } = recognizeFollowUp(raw, planned);
  state.followUp = { model, tabs };
  const stale = new Set<string>();
  for (const tab of tabs) {
    if (tab.kind === 'uppfoljning' && checkFollowUpTab(tab, model).some((f) => f.rule === 'UPF-STALE')) stale.add(tab.sheet);
  }
  return {
    inputs: { layouts: model.layouts, findings: model.findings },
    tabs,
    boards: followUpBoards(model),
    years: model.years ? [...model.years] : [],
    stale,
    lastActual: lastActualPerYear(model),
  };
}

/** One follow-up sheet to build: a new nämnd tab, a refresh of an owned one, or the KS compilation. */
export type FollowUpBuild =
  | { kind: 'tab'; report: FollowUpReport; board: string; year: number; now: Date }
  | { kind: 'refresh'; sheet: string; now: Date }
  | { kind: 'consolidation'; report: FollowUpReport; year: number; now: Date };

/**
 * Uppföljning's writes: the sheets to write, built from the session's read (followUpTask). The
 * first tab on a 200 000-row model sums and indexes the whole budget (0.6–0.8 s), so this runs in
 * the worker too; the tabs of one request share those sums.
 */
export function followUpSpecsTask({ builds }: { builds: FollowUpBuild[] }, state: CoreState = {}): SheetSpec[] {
  const { model, tabs } = followUpRead(state);
  return builds.map((build) => {
    switch (build.kind) {
      case 'tab':
        return buildFollowUpTab({ model, report: build.report, board: build.board, year: build.year, generatedAt: build.now });
      case 'refresh': {
        const tab = tabs.find((t) => t.sheet === build.sheet && t.kind === 'uppfoljning');
        if (!tab) throw new RangeError(`no follow-up tab ${build.sheet}`);
        return refreshFollowUpTab(model, tab, build.now);
      }
      case 'consolidation': {
        const earlier = tabs.find((t) => t.kind === 'sammanstallning' && t.report === build.report && t.year === build.year);
        return buildConsolidation(tabs, model, build.year, build.report, {
          generatedAt: build.now,
          ...(earlier ? { previous: typedInputs(earlier) } : {}),
        });
      }
    }
  });
}

/** The UPF-* findings of one owned follow-up tab of the session's read, or null when there is no such tab. */
export function followUpCheckTask({ sheet }: { sheet: string }, state: CoreState = {}): Finding[] | null {
  const { model, tabs } = followUpRead(state);
  const tab = tabs.find((t) => t.sheet === sheet && t.kind === 'uppfoljning');
  return tab ? checkFollowUpTab(tab, model) : null;
}

/** The tasks by name: what the worker can be asked to run. */
export const CORE_TASKS = {
  check: checkTask,
  allocation: allocationTask,
  followUp: followUpTask,
  followUpSpecs: followUpSpecsTask,
  followUpCheck: followUpCheckTask,
};

export type CoreTaskName = keyof typeof CORE_TASKS;
export type CoreTaskInput<K extends CoreTaskName> = Parameters<(typeof CORE_TASKS)[K]>[0];
/** A task as the drivers call it: its input, and the state of its session. */
export type CoreTaskFunction = (input: unknown, state: CoreState) => unknown;
export type CoreTaskOutput<K extends CoreTaskName> = ReturnType<(typeof CORE_TASKS)[K]>;
