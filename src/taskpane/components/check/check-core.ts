/**
 * The core side of "Kontrollera budget", loaded on first use: recognition, the rule set, the rule
 * catalogue and the Kontrollrapport builder are not needed to show the task pane, so they stay out
 * of its initial JavaScript (docs/quality.md: ≤ 200 KB gzip). The job is src/jobs/check.ts, the
 * same as `budgetkoll validate`'s.
 */
import { checkPlan, type CheckResult } from '../../../jobs/check';
import { buildControlReport, CONTROL_REPORT_NAME, type ControlReportInput } from '../../../core/reports/control-report';
import type { SheetSpec } from '../../../core/workbook/sheet-spec';
import type { ReadOptions, WorkbookReader } from '../../../core/workbook/port';
import { progressSpan, runCoreTask } from '../../worker/run-core-task';

export type { CheckResult, RuleText } from '../../../jobs/check';

/**
 * Reads the validation inputs and the owned follow-up tabs through the port (the check job's plan;
 * progress to one half), then runs every rule and summarises the frames in the core worker
 * (run-core-task.ts, checkTask; the other half).
 */
export async function runBudgetCheck(reader: WorkbookReader, options: ReadOptions = {}): Promise<CheckResult> {
  const { located, ...raw } = await reader.read(checkPlan(), { ...options, onProgress: progressSpan(options.onProgress, 0, 0.5) });
  return runCoreTask('check', { raw, located }, { ...options, onProgress: progressSpan(options.onProgress, 0.5, 1) });
}

export { CONTROL_REPORT_NAME };

/** The Kontrollrapport tab for a check's result. */
export function controlReportSpec(input: ControlReportInput): SheetSpec {
  return buildControlReport(input);
}
