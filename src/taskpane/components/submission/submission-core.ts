/**
 * The core side of "Lämna in", loaded with the section on first use (its own chunk, with
 * @noble/hashes): the same job functions as `budgetkoll submit`, `verify` and `diff`
 * (src/jobs/submission.ts, src/jobs/compare.ts), so the pane and the CLI give the same answers.
 * The other version for "Jämför" is opened from its bytes with the lean xlsx read port, in the
 * browser, in a chunk of its own; nothing is uploaded anywhere.
 */
import type { VersionDiff } from '../../../core/compare';
import { isWorkbookError, WorkbookError, type ReadOptions, type WorkbookReader, type WorkbookWriter } from '../../../core/workbook/port';
import { readSubmissionState, submitWorkbook, verifyState, warningKey, warningsToComment, type SubmissionState, type Verification } from '../../../jobs/submission';

export { warningKey, warningsToComment, verifyState };
export type { SubmissionState, Verification };
export { formatSubmittedAt } from '../../../core/submission/receipt';

/** Budgetkoll's version written in the receipt; a test keeps it equal to package.json's (as the CLI's). */
export const PANE_VERSION = '0.1.0';

export interface SubmissionStatus {
  state: SubmissionState;
  verification: Verification;
}

/** Reads the open workbook (one read phase) and verifies its receipt: the status shown on open. */
export async function readStatus(reader: WorkbookReader, options: ReadOptions = {}): Promise<SubmissionStatus> {
  const state = await readSubmissionState(reader, { read: options });
  return { state, verification: verifyState(state) };
}

export interface SubmitRequest {
  by: string;
  at: Date;
  comments: ReadonlyMap<string, string>;
  signal?: AbortSignal;
}

/** Lämna in: the job's refusal, or the written tab's name. */
export async function submit(port: WorkbookWriter, state: SubmissionState, request: SubmitRequest) {
  return submitWorkbook(port, state, { ...request, budgetkoll: PANE_VERSION });
}

/** Opens an .xlsx's bytes for reading (the lean read port, the browser's own inflate), lazily. */
export type OpenVersion = (bytes: Uint8Array) => Promise<WorkbookReader>;

export const openVersionInBrowser: OpenVersion = async (bytes) => {
  const [{ XlsxReadPort }, { browserInflateRaw }] = await Promise.all([
    import(/* webpackChunkName: "read-port" */ '../../../io/xlsx/read-port'),
    import(/* webpackChunkName: "read-port" */ '../../../io/xlsx/browser-inflate'),
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

/** Jämför: the picked file is the other (earlier) version, the open workbook the current one. */
export async function compareWithFile(current: WorkbookReader, bytes: Uint8Array, open: OpenVersion = openVersionInBrowser, options: ReadOptions = {}): Promise<VersionDiff> {
  let other: WorkbookReader;
  try {
    other = await open(bytes);
  } catch (error) {
    throw failure('other', error);
  }
  const { compareWorkbooks, VersionReadError } = await import(/* webpackChunkName: "compare" */ '../../../jobs/compare');
  try {
    return await compareWorkbooks(other, current, { read: options });
  } catch (error) {
    if (error instanceof VersionReadError) throw failure(error.version === 'old' ? 'other' : 'current', error.reason);
    throw error;
  }
}
