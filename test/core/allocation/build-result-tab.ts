/** The allocation's model, run and result tab from test sheets, as the task pane and CLI make them. */
import { runAllocation } from '../../../src/core/allocation/model';
import { buildAllocationTab } from '../../../src/core/allocation/result-tab';
import { JOB_INPUTS, locateInputs, recognizeWorkbook } from '../../../src/core/recognition';
import { indexOf, readPlan, type TestSheet } from '../../helpers/raw-workbook';

export const GENERATED_AT = new Date('2026-09-15T08:00:00Z');

export function build(sheets: TestSheet[]) {
  const request = JOB_INPUTS.allocation;
  const located = locateInputs(indexOf(sheets), request);
  const model = recognizeWorkbook(readPlan(sheets, located.plan), located, request);
  const result = runAllocation(model)!;
  return { model, result, spec: buildAllocationTab(result, model, GENERATED_AT) };
}
