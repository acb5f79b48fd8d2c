/**
 * Verifying a submission: the receipt on the Inlämning tab against the workbook's inputs now.
 * Intact when the fingerprint is the same; changed (with the cells) when not; tampered when the
 * tab itself was edited (receipt.ts readSubmission); not submitted when there is no such tab.
 */
import type { FindingSummary } from '../findings';
import { changedCells, type ChangedCell } from './changes';
import type { InputFingerprint } from './fingerprint';
import type { StoredSubmission, SubmissionReceipt } from './receipt';

export type VerifyStatus = 'not-submitted' | 'intact' | 'changed' | 'tampered';

export interface Verification {
  status: VerifyStatus;
  /** The receipt, when one could be read (also for a tampered tab whose marker was readable). */
  receipt: SubmissionReceipt | null;
  /** Input cells changed since the submission (status changed). */
  changed: ChangedCell[];
  /** Why the receipt is not trusted (status tampered). */
  reason?: { sv: string; en: string };
  /** Findings at submission (from the receipt) and now. */
  then: FindingSummary | null;
  now: FindingSummary;
}

export function verifySubmission(stored: StoredSubmission | null, current: InputFingerprint, now: FindingSummary): Verification {
  if (!stored) return { status: 'not-submitted', receipt: null, changed: [], then: null, now };
  if (stored.state === 'tampered') return { status: 'tampered', receipt: stored.record?.receipt ?? null, changed: [], reason: stored.reason, then: stored.record?.receipt.summary ?? null, now };
  const { receipt } = stored.record;
  if (receipt.fingerprint === current.fingerprint) return { status: 'intact', receipt, changed: [], then: receipt.summary, now };
  return { status: 'changed', receipt, changed: changedCells(stored.prints, current.sources), then: receipt.summary, now };
}
