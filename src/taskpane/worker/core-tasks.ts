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

import { compareVersions, type VersionDiff } from '../../core/compare';
import { versionProblem } from '../../jobs/compare';
import { submissionSpec, submissionState, verifyState, type SubmissionLocated, type SubmitOptions, type Verification } from '../../jobs/submission';

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

/** What Lämna in shows of a read: the verification of its receipt and the check's findings. */
export interface SubmissionStatus {
  verification: Verification;
  findings: Finding[];
}

/**
 * Lämna in's status: the submission job's state (check, the inputs' fingerprint — seconds on a
 * 1.6 M-cell L workbook — and the receipt), verified. Only what the pane shows goes back.
 */
export function submissionStatusTask({ raw, located }: { raw: RawWorkbook; located: SubmissionLocated }): SubmissionStatus {
  const state = submissionState(raw, located);
  return { verification: verifyState(state), findings: state.check.findings };
}

/** Lämna in's write: the job's refusal, or the Inlämning tab to write (its row prints are large on L). */
export function submissionSpecTask({ raw, located, options }: { raw: RawWorkbook; located: SubmissionLocated; options: Omit<SubmitOptions, 'signal'> }) {
  return submissionSpec(submissionState(raw, located), options);
}

/** One version for Jämför: what the follow-up job's plan read. */
export interface VersionRead {
  raw: RawWorkbook;
  planned: FollowUpReadPlan;
}

/**
 * Jämför: both versions recognised (a 200 000-row budget each) and compared, as `budgetkoll diff`
 * (jobs/compare.ts). A version without a Driftbudget is named rather than thrown: a WorkbookError
 * would lose its class on the way back from the worker.
 */
export function compareTask({ old, neu }: { old: VersionRead; neu: VersionRead }): { diff: VersionDiff } | { unusable: 'old' | 'new' } {
  const before = recognizeFollowUp(old.raw, old.planned);
  if (versionProblem(before)) return { unusable: 'old' };
  const after = recognizeFollowUp(neu.raw, neu.planned);
  if (versionProblem(after)) return { unusable: 'new' };
  return { diff: compareVersions(before, after) };
}

/** The tasks by name: what the worker can be asked to run. */
export const CORE_TASKS = {
  check: checkTask,
  allocation: allocationTask,
  followUp: followUpTask,
  followUpSpecs: followUpSpecsTask,
  followUpCheck: followUpCheckTask,
  submissionStatus: submissionStatusTask,
  submissionSpec: submissionSpecTask,
  compare: compareTask,
};

export type CoreTaskName = keyof typeof CORE_TASKS;
export type CoreTaskInput<K extends CoreTaskName> = Parameters<(typeof CORE_TASKS)[K]>[0];
/** A task as the drivers call it: its input, and the state of its session. */
export type CoreTaskFunction = (input: unknown, state: CoreState) => unknown;
export type CoreTaskOutput<K extends CoreTaskName> = ReturnType<(typeof CORE_TASKS)[K]>;
