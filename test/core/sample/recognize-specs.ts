/** Test helper: recognise (and validate) written SheetSpecs through the real recognition and rules. */
import { inputsPlan, JOB_INPUTS, recognizeWorkbook, type BudgetModel } from '../../../src/core/recognition';
import type { Job } from '../../../src/core/recognition/recognize';
import type { SheetSpec } from '../../../src/core/workbook/sheet-spec';
import { specsAsRaw } from './specs-as-raw';

export function recognizeSpecs(specs: readonly SheetSpec[], job: Job): BudgetModel {
  const raw = specsAsRaw(specs, inputsPlan(job));
  return recognizeWorkbook(raw, raw.located, JOB_INPUTS[job]);
}
