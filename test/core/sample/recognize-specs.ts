/** Test helper: recognise (and validate) written SheetSpecs through the real recognition and rules. */
import { JOB_INPUTS, locateInputs, recognizeWorkbook, type BudgetModel } from '../../../src/core/recognition';
import type { LocatedInputs } from '../../../src/core/recognition/locate';
import type { Job } from '../../../src/core/recognition/recognize';
import type { SheetSpec } from '../../../src/core/workbook/sheet-spec';
import { specsAsRaw } from './specs-as-raw';

export function recognizeSpecs(specs: readonly SheetSpec[], job: Job): BudgetModel {
  const request = JOB_INPUTS[job];
  let located: LocatedInputs | null = null;
  const raw = specsAsRaw(specs, (index) => {
    located = locateInputs(index, request);
    return located.plan;
  });
  return recognizeWorkbook(raw, located!, request);
}
