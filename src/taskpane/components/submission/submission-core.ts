/**
 * The core side of "Lämna in", loaded with the section on first use (its own chunk, with
 * @noble/hashes): the same job functions as `budgetkoll submit`, `verify` and `diff`
 * (src/jobs/submission.ts, src/jobs/compare.ts), so the pane and the CLI give the same answers.
 * The other version for "Jämför" is opened from its bytes with the lean xlsx read port, in the
 * browser, in a chunk of its own; nothing is uploaded anywhere.
 */
import type { VersionDiff } from '../../../core/compare';
import { isWorkbookError, WorkbookError, type ReadOptions, type WorkbookPort, type WorkbookReader } from '../../../core/workbook/port';
import { noDriftbudget } from '../../../jobs/compare';
import { followUpPlan } from '../../../jobs/follow-up';
import { submissionPlan, warningKey, warningsToComment, type SubmissionRecord, type SubmissionRefusal, type Verification } from '../../../jobs/submission';
import { progressSpan, runCoreTask } from '../../worker/run-core-task';
import type { SubmissionStatus } from '../../worker/core-tasks';

export { warningKey, warningsToComment };
export type { SubmissionStatus, Verification };
export { formatSubmittedAt } from '../../../core/submission/receipt';

/** Budgetkoll's version written in the receipt; a test keeps it equal to package.json's (as the CLI's). */
export const PANE_VERSION = '0.1.0';

/**
 * The status shown on open: the submission job's read through the port (progress to one half),
 * then its pure part — the check, the inputs' fingerprint and the receipt's verification — in the
 * core worker (the other half), as `budgetkoll verify` computes it.
 */
export async function readStatus(reader: WorkbookReader, options: ReadOptions = {}): Promise<SubmissionStatus> {
  const { located, ...raw } = await reader.read(submissionPlan(), { ...options, onProgress: progressSpan(options.onProgress, 0, 0.5) });
  return runCoreTask('submissionStatus', { raw, located }, { ...options, onProgress: progressSpan(options.onProgress, 0.5, 1) });
}

export interface SubmitRequest {
  by: string;
  at: Date;
  comments: ReadonlyMap<string, string>;
  signal?: AbortSignal;
}

/**
 * Lämna in, as `budgetkoll submit`: the workbook is read again (what is submitted is what the
 * fingerprint covers now), the job's submissionSpec runs in the worker, and the Inlämning tab is
 * written through the port (replacing an earlier one). The job's refusal, or the tab's name.
 */
export async function submit(port: WorkbookPort, request: SubmitRequest): Promise<{ refused: SubmissionRefusal } | { name: string; record: SubmissionRecord }> {
  const { signal } = request;
  const { located, ...raw } = await port.read(submissionPlan(), signal ? { signal } : {});
  const options = { by: request.by, at: request.at, comments: new Map(request.comments), budgetkoll: PANE_VERSION };
  const prepared = await runCoreTask('submissionSpec', { raw, located, options }, signal ? { signal } : {});
  if ('refused' in prepared) return prepared;
  const { name } = await port.writeSheet(prepared.spec, prepared.replace ? { replace: prepared.replace, ...(signal ? { signal } : {}) } : signal ? { signal } : {});
  return { name, record: prepared.record };
}

/** Opens an .xlsx's bytes for reading (the lean read port, the browser's own inflate), lazily. */
export type OpenVersion = (bytes: Uint8Array) => Promise<WorkbookReader>;

export const openVersionInBrowser: OpenVersion = async (bytes) => {
  const [{ XlsxReadPort }, { browserInflateRaw }] = await Promise.all([
    import(/* webpackChunkName: "submission" */ '../../../io/xlsx/read-port'),
    import(/* webpackChunkName: "submission" */ '../../../io/xlsx/browser-inflate'),
  ]);
  if (!browserInflateRaw) {
    throw new WorkbookError(
      'unknown',
      'Den här webbläsaren kan inte packa upp Excel-filer. Använd en aktuell version av Edge, Chrome, Firefox eller Safari.',
      'This browser cannot unpack Excel files. Use a current version of Edge, Chrome, Firefox or Safari.',
    );
  }
  return XlsxReadPort.fromBuffer(bytes, { inflateRaw: browserInflateRaw });
};

/**
 * A version could not be read: the picked file ('other') or the open workbook ('current'). A
 * WorkbookError with the reader's own message; anything else (a bug) is thrown as it was.
 */
export class CompareFailure extends WorkbookError {
  constructor(
    readonly version: 'other' | 'current',
    reason: WorkbookError,
  ) {
    super(reason.kind, reason.message, reason.messageEn);
  }
}

function failure(version: 'other' | 'current', reason: unknown): unknown {
  return isWorkbookError(reason) ? new CompareFailure(version, reason) : reason;
}

/**
 * Jämför, as `budgetkoll diff`: the picked file is the other (earlier) version, the open workbook
 * the current one. Each is read with the follow-up job's plan (progress: the file to a third, the
 * workbook to two thirds), then both are recognised and compared in the core worker.
 */
export async function compareWithFile(current: WorkbookReader, bytes: Uint8Array, open: OpenVersion = openVersionInBrowser, options: ReadOptions = {}): Promise<VersionDiff> {
  const read = async (version: 'other' | 'current', reader: () => Promise<WorkbookReader>, from: number, to: number) => {
    try {
      const { located: planned, ...raw } = await (await reader()).read(followUpPlan(), { ...options, onProgress: progressSpan(options.onProgress, from, to) });
      return { raw, planned };
    } catch (error) {
      throw failure(version, error);
    }
  };
  const old = await read('other', () => open(bytes), 0, 1 / 3);
  const neu = await read('current', async () => current, 1 / 3, 2 / 3);
  const result = await runCoreTask('compare', { old, neu }, { ...options, onProgress: progressSpan(options.onProgress, 2 / 3, 1) });
  if ('diff' in result) return result.diff;
  throw failure(result.unusable === 'old' ? 'other' : 'current', noDriftbudget());
}
