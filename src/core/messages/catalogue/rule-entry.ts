/** The shape of one rule catalogue entry (rule-catalogue.ts) and helpers the rule families share. */
import type { Severity } from '../../findings';

/** Parameters a message may use; all already formatted for display (Swedish number format). */
export type MessageParams = Record<string, string | number>;

export interface RuleEntry {
  severity: Severity;
  /** The public rule id when this entry is a variant of another rule (KEY-KONTO's class-8 warning). */
  publicId?: string;
  /** One-line title for lists and docs. */
  title: { sv: string; en: string };
  message: { sv: (p: MessageParams) => string; en: (p: MessageParams) => string };
  /** How to fix, Swedish and English. */
  fix: { sv: string; en: string };
  /** Completeness rules: what the submission lacks, for the verdict ("det saknas …"). */
  missing?: { sv: (p: MessageParams) => string; en: (p: MessageParams) => string };
}

/** Types one entry (the families are plain objects checked against RuleEntry). */
export const entry = (e: RuleEntry): RuleEntry => e;

/** A status cell left blank: callers pass '' or the placeholder '(tom)'; the message then says it is missing. */
export function blankStatus(status: unknown): boolean {
  return status === undefined || status === null || String(status).trim() === '' || status === '(tom)';
}
