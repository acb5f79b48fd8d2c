/**
 * The part of Resursfördelning that needs the core's recognition, rules and model. Loaded on
 * first use (a dynamic import in use-allocation.ts), so it stays out of the task pane's initial
 * JavaScript (docs/quality.md: ≤ 200 KB gzip). The job itself is src/jobs/allocation.ts.
 */
import { inputsPlan, type AllocationOutcome } from '../../../jobs/allocation';
import type { ReadOptions, WorkbookReader } from '../../../core/workbook/port';
import { progressSpan, runCoreTask } from '../../worker/run-core-task';

/** The job's write of the result tab (replacing only the owned tab of the same budget year). */
export { writeAllocationTab } from '../../../jobs/allocation';

/**
 * One read phase (progress to one half), then in the core worker (run-core-task.ts): the model,
 * its run, the findings and whether a result tab of that year exists (allocationTask, the job's
 * `allocate`); with `tabAt` (writing) also the result tab dated then.
 */
export async function loadAllocation(reader: WorkbookReader, options: ReadOptions = {}, tabAt?: Date): Promise<AllocationOutcome> {
  const { located, ...raw } = await reader.read(inputsPlan('allocation'), { ...options, onProgress: progressSpan(options.onProgress, 0, 0.5) });
  const input = tabAt ? { raw, located, tabAt } : { raw, located };
  return runCoreTask('allocation', input, { ...options, onProgress: progressSpan(options.onProgress, 0.5, 1) });
}

