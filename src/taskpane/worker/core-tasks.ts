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
import { checkFollowUpTab, followUpBoards, recognizeFollowUp, type FollowUpReadPlan } from '../../core/followup';
import { RULE_CATALOGUE } from '../../core/messages/rule-catalogue';
import { JOB_INPUTS, recognizeWorkbook } from '../../core/recognition';
import type { LocatedInputs } from '../../core/recognition/locate';
import { frameSummary, validateModel } from '../../core/rules';
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

/** Uppföljning: the model, the owned follow-up tabs, the nämnder and which tabs are stale (UPF-STALE). */
export function followUpTask({ raw, planned }: { raw: RawWorkbook; planned: FollowUpReadPlan }): FollowUpSnapshot {
  const { model, tabs } = recognizeFollowUp(raw, planned);
  const stale = new Set<string>();
  for (const tab of tabs) {
    if (tab.kind === 'uppfoljning' && checkFollowUpTab(tab, model).some((f) => f.rule === 'UPF-STALE')) stale.add(tab.sheet);
  }
  return { model, tabs, boards: followUpBoards(model), years: model.years ? [...model.years] : [], stale, lastActual: lastActualPerYear(model) };
}

/** The tasks by name: what the worker can be asked to run. */
export const CORE_TASKS = {
  check: checkTask,
  allocation: allocationTask,
  followUp: followUpTask,
};

export type CoreTaskName = keyof typeof CORE_TASKS;
export type CoreTaskInput<K extends CoreTaskName> = Parameters<(typeof CORE_TASKS)[K]>[0];
export type CoreTaskOutput<K extends CoreTaskName> = ReturnType<(typeof CORE_TASKS)[K]>;
