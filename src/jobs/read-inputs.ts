/**
 * What the jobs share about reading a workbook's inputs: the read plan of a job's inputs, its
 * recognition, and the one setting a rule config can make on the model (the tolerance).
 */
import { inputsPlan, JOB_INPUTS, recognizeWorkbook } from '../core/recognition';
import type { LocatedInputs } from '../core/recognition/locate';
import type { BudgetModel } from '../core/recognition/model';
import type { Job } from '../core/recognition/recognize';
import type { RuleConfig } from '../core/rules';
import type { Mapping } from '../core/inputs/mapping';
import { foldText } from '../core/text/normalize';
import type { ReadOptions, WorkbookReader } from '../core/workbook/port';
import type { RawWorkbook } from '../core/workbook/raw';

export { inputsPlan };

/** The options every reading job takes. */
export interface JobOptions {
  /** Rule settings (a CLI --config file); the workbook's own Parametrar win where they set the same. */
  overrides?: Partial<RuleConfig>;
  /** Progress and cancel for the read. */
  read?: ReadOptions;
  /** Where the inputs are (a CLI --mapping file); without it, the mapping saved in the workbook, if any. */
  mapping?: Mapping;
}

/**
 * Applies a configured tolerance where the workbook's Parametrar does not set one. Recognition
 * always fills parameters.toleranceKr (default 500 kr), which the rules prefer over overrides,
 * so the setting has to reach the model itself: Parametrar first, then --config, then the default.
 */
export function applyToleranceSetting(model: BudgetModel, overrides: Partial<RuleConfig>): void {
  if (overrides.toleranceKr === undefined) return;
  const setInWorkbook = Object.keys(model.parameters.cells).some((name) => foldText(name) === 'tolerans');
  if (!setInWorkbook) model.parameters.toleranceKr = overrides.toleranceKr;
}

/** Recognises a job's inputs from what its plan read, with the overrides' tolerance applied. */
export function recognizeInputs(raw: RawWorkbook, located: LocatedInputs, job: Job, overrides: Partial<RuleConfig> = {}): BudgetModel {
  const model = recognizeWorkbook(raw, located, JOB_INPUTS[job]);
  applyToleranceSetting(model, overrides);
  return model;
}

/** Reads a job's inputs through the reader in one read phase and recognises them. */
export async function readInputs(reader: WorkbookReader, job: Job, options: JobOptions = {}): Promise<{ model: BudgetModel; raw: RawWorkbook }> {
  const { located, ...raw } = await reader.read(inputsPlan(job, options.mapping), options.read);
  return { model: recognizeInputs(raw, located, job, options.overrides), raw };
}
