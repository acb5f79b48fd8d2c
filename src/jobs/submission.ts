/**
 * Inlämning as a job (Lämna in in the task pane, `budgetkoll submit` and `verify`): one read phase
 * reads what the check reads plus the Inlämning tab; the check's findings, the inputs' fingerprint
 * and the stored receipt come out of it. Submitting writes the receipt tab (rewritten in place on
 * a second submission, whose first receipt goes to the Ändringslogg); verifying compares.
 */
import { summarize, type Finding } from '../core/findings';
import type { Mapping } from '../core/inputs/mapping';
import { fingerprintInputs, type InputFingerprint } from '../core/submission/fingerprint';
import { buildSubmissionTab, prepareSubmission, readSubmission, submissionTab, type StoredSubmission, type SubmissionRecord, type SubmissionRefusal } from '../core/submission/receipt';
import { verifySubmission, type Verification } from '../core/submission/verify';
import { normalizeKey } from '../core/text/normalize';
import type { PlannedRead, WorkbookReader, WorkbookWriter } from '../core/workbook/port';
import type { RawWorkbook, WorkbookIndex } from '../core/workbook/raw';
import type { SheetSpec } from '../core/workbook/sheet-spec';
import { checkPlan, checkWorkbook, type CheckLocated, type CheckOutcome } from './check';
import type { JobOptions } from './read-inputs';

export { warningKey } from '../core/submission/receipt';
export type { Verification, SubmissionRefusal, SubmissionRecord };

const SUBMISSION_READ_ID = 'inlamning#tab';

export interface SubmissionLocated {
  check: CheckLocated;
  /** The Inlämning tab, when there is one (read whole). */
  tab: WorkbookIndex['sheets'][number] | null;
}

/** The read plan: what the check reads plus the Inlämning tab (the pane reads with it, then runs submissionState in its worker). */
export function submissionPlan(mapping?: Mapping): (index: WorkbookIndex) => PlannedRead<SubmissionLocated> {
  const check = checkPlan(mapping);
  return (index) => {
    const planned = check(index);
    const tab = submissionTab(index) ?? null;
    const ranges = tab?.usedAddress ? [...planned.ranges, { id: SUBMISSION_READ_ID, sheet: tab.name, address: tab.usedAddress, formulas: false, numberFormats: false }] : planned.ranges;
    return { ranges, located: { check: planned.located!, tab } };
  };
}

export interface SubmissionState {
  check: CheckOutcome;
  fingerprint: InputFingerprint;
  stored: StoredSubmission | null;
  /** The nämnd the workbook holds, when Driftbudget names exactly one; else null. */
  board: string | null;
}

/** The one nämnd of a workbook's Driftbudget (a nämnd's own file), or null for several or none. */
function workbookBoard(check: CheckOutcome): string | null {
  const boards = new Map<string, string>();
  for (const r of check.model.operatingBudget) if (r.board.trim()) boards.set(normalizeKey(r.board), r.board.trim());
  return boards.size === 1 ? [...boards.values()][0] : null;
}

/** Reads the workbook (one read phase): the check, the inputs' fingerprint and the stored receipt. */
export async function readSubmissionState(reader: WorkbookReader, options: JobOptions = {}): Promise<SubmissionState> {
  const { located, ...raw } = await reader.read(submissionPlan(options.mapping), options.read);
  return submissionState(raw, located, options.overrides);
}

/** The pure part of readSubmissionState, on what submissionPlan read. */
export function submissionState(raw: RawWorkbook, located: SubmissionLocated, overrides?: JobOptions['overrides']): SubmissionState {
  const check = checkWorkbook(raw, located.check, overrides);
  const fingerprint = fingerprintInputs(raw, located.check.inputs);
  const grid = raw.grids.get(SUBMISSION_READ_ID);
  const stored = located.tab && grid ? readSubmission(located.tab, grid) : null;
  return { check, fingerprint, stored, board: workbookBoard(check) };
}

/** Whether the workbook is as it was submitted (pure, on a read state). */
export function verifyState(state: SubmissionState): Verification {
  return verifySubmission(state.stored, state.fingerprint, summarize(state.check.findings));
}

export interface SubmitOptions {
  by: string;
  at: Date;
  comments: ReadonlyMap<string, string>;
  /** The Budgetkoll version written in the receipt. */
  budgetkoll: string;
  signal?: AbortSignal;
}

/**
 * Lämna in: refused while errors remain or a warning lacks a comment; otherwise writes the
 * Inlämning tab (in place of an earlier one) and returns its name and the receipt.
 */
export async function submitWorkbook(
  port: WorkbookWriter,
  state: SubmissionState,
  options: SubmitOptions,
): Promise<{ refused: SubmissionRefusal } | { name: string; record: SubmissionRecord }> {
  const prepared = submissionSpec(state, options);
  if ('refused' in prepared) return prepared;
  const { spec, replace, record } = prepared;
  const { name } = await port.writeSheet(spec, replace ? { replace, ...(options.signal ? { signal: options.signal } : {}) } : options.signal ? { signal: options.signal } : {});
  return { name, record };
}

/**
 * The pure part of submitWorkbook: the refusal, or the Inlämning tab to write (replacing the
 * earlier one, `replace`) and the receipt. The pane builds it in its worker and writes it.
 */
export function submissionSpec(
  state: SubmissionState,
  options: Omit<SubmitOptions, 'signal'>,
): { refused: SubmissionRefusal } | { spec: SheetSpec; replace: string | undefined; record: SubmissionRecord } {
  const previous = state.stored?.state === 'submitted' ? state.stored.record : state.stored?.record ?? null;
  const prepared = prepareSubmission({
    by: options.by,
    at: options.at,
    findings: state.check.findings,
    comments: options.comments,
    fingerprint: state.fingerprint,
    board: state.board,
    budgetkoll: options.budgetkoll,
    previous,
  });
  if ('refused' in prepared) return prepared;
  return { spec: buildSubmissionTab(prepared.record, prepared.prints), replace: state.stored?.sheet, record: prepared.record };
}

/** The warnings a submission needs a comment on (the pane lists them with a text field each). */
export function warningsToComment(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'warning');
}
