/**
 * The core side of "Kontrollera budget", loaded on first use: recognition, the rule set, the rule
 * catalogue and the Kontrollrapport builder are not needed to show the task pane, so they stay out
 * of its initial JavaScript (docs/quality.md: ≤ 200 KB gzip).
 */
import type { Finding } from '../../../core/findings';
import { inputsPlan } from '../../../core/recognition';
import { buildControlReport, CONTROL_REPORT_NAME, type ControlReportInput } from '../../../core/reports/control-report';
import type { BoardFrameSummary } from '../../../core/rules';
import type { SheetSpec } from '../../../core/workbook/sheet-spec';
import type { ReadOptions, WorkbookReader } from '../../../core/workbook/port';
import { progressSpan, runCoreTask } from '../../worker/run-core-task';

/** A rule's one-line title, for the "fix all" list. */
export interface RuleText {
  title: { sv: string; en: string };
}

export interface CheckResult {
  findings: Finding[];
  frames: BoardFrameSummary[];
  /** Y1..Y3, or null when no year could be established. */
  years: readonly number[] | null;
  kommun: string | null;
  /** Kronor: differences within it count as "on the frame". */
  toleranceKr: number;
  /** Titles of the rules that occur, by public rule id. */
  rules: Record<string, RuleText>;
  /** English how-to-fix texts, keyed by the Swedish one (the same text may serve several rules). */
  fixEn: Record<string, string>;
}

/**
 * Reads the validation inputs through the port (progress to one half), then runs every rule and
 * summarises the frames in the core worker (run-core-task.ts; the other half).
 */
export async function runBudgetCheck(reader: WorkbookReader, options: ReadOptions = {}): Promise<CheckResult> {
  const { located, ...raw } = await reader.read(inputsPlan('validation'), { ...options, onProgress: progressSpan(options.onProgress, 0, 0.5) });
  return runCoreTask('check', { raw, located }, { ...options, onProgress: progressSpan(options.onProgress, 0.5, 1) });
}

export { CONTROL_REPORT_NAME };

/** The Kontrollrapport tab for a check's result. */
export function controlReportSpec(input: ControlReportInput): SheetSpec {
  return buildControlReport(input);
}
