/**
 * The part of Resursfördelning that needs the core's recognition, rules and model. Loaded on
 * first use (a dynamic import in use-allocation.ts), so it stays out of the task pane's initial
 * JavaScript (quality.md: ≤ 200 KB gzip).
 */
import { runAllocation } from '../../../core/allocation/model';
import { allocationTabName, buildAllocationTab } from '../../../core/allocation/result-tab';
import { readBudgetModel } from '../../../core/recognition';
import type { SheetSpec } from '../../../core/workbook/sheet-spec';
import type { ReadOptions, WorkbookPort } from '../../../io/port';
import type { AllocationData } from './use-allocation';
import { allocationFindings, describeInputs, ownedResultTab } from './preview';

/**
 * One read phase and the pure core: the model, its run, the findings and whether a result tab of
 * that year exists. The core run is fast and pure, so it happens with the read: the summary can
 * then list exactly the rows the model takes and leaves out.
 */
export async function loadAllocation(port: WorkbookPort, options: ReadOptions): Promise<Omit<AllocationData, 'ran'>> {
  const model = await readBudgetModel(port, 'allocation', options);
  const result = runAllocation(model);
  const existingTab = result ? ownedResultTab(await port.index(), result.years[0]) : null;
  return {
    model,
    result,
    preview: result ? describeInputs(model, result) : null,
    findings: allocationFindings(model, result),
    tabName: result ? allocationTabName(result.years[0]) : null,
    existingTab,
  };
}

/** The transparent result tab for what was read (the result must exist). */
export function resultTab(data: Omit<AllocationData, 'ran'>, generatedAt: Date): SheetSpec {
  if (!data.result) throw new Error('resultTab: the model has no result');
  return buildAllocationTab(data.result, data.model, generatedAt);
}
