/**
 * The pure, long part of each task-pane job, on a workbook already read through the port: the
 * check (Kontrollera budget), the allocation (Resursfördelning), and the follow-up read, builds and
 * check (Uppföljning) — each a call of the job in src/jobs, the same functions the CLI runs.
 * On a 200 000-row budget each takes hundreds of milliseconds, so the task pane runs them in the
 * core worker (core-worker.ts) through run-core-task.ts, or here on the main thread, between
 * yields, where no Worker exists (jest). Either way this is the one implementation.
 */
import type { Finding } from '../../core/findings';
import type { RawWorkbook } from '../../core/workbook/raw';
import type { LocatedInputs } from '../../core/recognition/locate';
import type { SheetSpec } from '../../core/workbook/sheet-spec';
import { allocate, type AllocationOutcome } from '../../jobs/allocation';
import { checkResult, checkWorkbook, type CheckLocated, type CheckResult } from '../../jobs/check';
import {
  checkOwnedTab,
  followUpSnapshot,
  followUpSpec,
  prepareFollowUp,
  recognizeFollowUp,
  type FollowUpBuild,
  type FollowUpReadPlan,
  type FollowUpSnapshot,
  type FollowUpWorkbook,
} from '../../jobs/follow-up';

export type { FollowUpBuild };

/** What a read for Resursfördelning gives; `spec` (the result tab) only when asked for with `tabAt`. */
export type LoadedAllocation = AllocationOutcome;

/** Kontrollera budget: the check job on what its plan read, as the pane shows it. */
export function checkTask({ raw, located }: { raw: RawWorkbook; located: CheckLocated }): CheckResult {
  return checkResult(checkWorkbook(raw, located));
}

/**
 * Resursfördelning: the model, its run, the findings and whether a result tab of that year exists
 * (from the index of the same read). The run is part of the read so the summary can list exactly
 * the rows the model takes and leaves out. With `tabAt` (writing) also the result tab, built here
 * rather than on the pane's thread (thousands of rows on L).
 */
export function allocationTask({ raw, located, tabAt }: { raw: RawWorkbook; located: LocatedInputs; tabAt?: Date }): LoadedAllocation {
  return allocate(raw, located, tabAt ? { tabAt } : {});
}

/**
 * What a session's tasks keep in the worker between them (run-core-task.ts, CoreSession): the
 * follow-up model of the session's read, so building tabs does not send a 200 000-row model back
 * and forth between the pane and the worker.
 */
export interface CoreState {
  followUp?: FollowUpWorkbook;
}

function followUpRead(state: CoreState): FollowUpWorkbook {
  if (!state.followUp) throw new Error('core session: no follow-up read before building');
  return state.followUp;
}

/**
 * Uppföljning: the model and the owned follow-up tabs, kept in the session for the builds; to the
 * pane go the tabs, the nämnder, which tabs are stale (UPF-STALE) and what it shows of the model.
 */
export function followUpTask({ raw, planned }: { raw: RawWorkbook; planned: FollowUpReadPlan }, state: CoreState = {}): FollowUpSnapshot {
  state.followUp = recognizeFollowUp(raw, planned);
  return followUpSnapshot(state.followUp);
}

/**
 * Uppföljning's writes: the sheets to write, built from the session's read (followUpTask). The
 * first tab on a 200 000-row model sums and indexes the whole budget (0.6–0.8 s), so this runs in
 * the worker too; the tabs of one request share those sums.
 */
export function followUpSpecsTask({ builds }: { builds: FollowUpBuild[] }, state: CoreState = {}): SheetSpec[] {
  const read = followUpRead(state);
  const index = prepareFollowUp(read.model);
  return builds.map((build) => followUpSpec(read, build, index));
}

/** The UPF-* findings of one owned follow-up tab of the session's read, or null when there is no such tab. */
export function followUpCheckTask({ sheet }: { sheet: string }, state: CoreState = {}): Finding[] | null {
  return checkOwnedTab(followUpRead(state), sheet);
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
