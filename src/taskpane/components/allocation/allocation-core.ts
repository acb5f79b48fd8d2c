/**
 * The part of Resursfördelning that needs the core's recognition, rules and model. Loaded on
 * first use (a dynamic import in use-allocation.ts), so it stays out of the task pane's initial
 * JavaScript (docs/quality.md: ≤ 200 KB gzip).
 */
import { buildAllocationTab } from '../../../core/allocation/result-tab';
import { inputsPlan } from '../../../core/recognition';
import type { SheetSpec } from '../../../core/workbook/sheet-spec';
import type { ReadOptions, WorkbookReader } from '../../../core/workbook/port';
import type { AllocationData } from './use-allocation';
import type { LoadedAllocation } from '../../worker/core-tasks';
import { progressSpan, runCoreTask } from '../../worker/run-core-task';

/**
 * One read phase (progress to one half), then in the core worker (run-core-task.ts): the model,
 * its run, the findings and whether a result tab of that year exists (allocationTask); with
 * `tabAt` (writing) also the result tab dated then.
 */
export async function loadAllocation(reader: WorkbookReader, options: ReadOptions = {}, tabAt?: Date): Promise<LoadedAllocation> {
  const { located, ...raw } = await reader.read(inputsPlan('allocation'), { ...options, onProgress: progressSpan(options.onProgress, 0, 0.5) });
  const input = tabAt ? { raw, located, tabAt } : { raw, located };
  return runCoreTask('allocation', input, { ...options, onProgress: progressSpan(options.onProgress, 0.5, 1) });
}

/** The transparent result tab for what was read (the result must exist). */
export function resultTab(data: Omit<AllocationData, 'ran'>, generatedAt: Date): SheetSpec {
  if (!data.result) throw new Error('resultTab: the model has no result');
  return buildAllocationTab(data.result, data.model, generatedAt);
}
