/** The sample as SheetSpecs: the same input tabs as the blank template, filled. */
import { inputDef } from '../inputs/catalogue';
import { buildInputTab } from '../templates/input-tab';
import { buildInstructionsTab } from '../templates/instructions';
import type { SheetSpec } from '../workbook/sheet-spec';
import type { SampleWorkbook } from './types';

export interface SampleSpecOptions {
  /** Put the Instruktioner tab first (default true). */
  instructions?: boolean;
}

export function sampleToSheetSpecs(sample: SampleWorkbook, options: SampleSpecOptions = {}): SheetSpec[] {
  const specs: SheetSpec[] = [];
  if (options.instructions !== false) specs.push(buildInstructionsTab({ year: sample.year, kommun: sample.kommun, sample: true }));
  for (const sheet of sample.sheets) {
    specs.push(buildInputTab({ def: inputDef(sheet.input), year: sample.year, rows: sheet.rows, numberFormats: sheet.numberFormats }));
  }
  return specs;
}
