/**
 * Input recognition, the entry points: plan what to read from the index, then recognise what was
 * read. `readBudgetModel` runs both through a port in one read phase.
 */
import type { PlannedRead, ReadOptions, WorkbookReader } from '../workbook/port';
import type { WorkbookIndex } from '../workbook/raw';
import { INPUTS, type InputId } from '../inputs/catalogue';
import { locateInputs, type LocatedInputs } from './locate';
import { recognizeWorkbook, type Job, type RecognizeRequest } from './recognize';
import type { BudgetModel } from './model';

export { locateInputs } from './locate';
export { recognizeWorkbook } from './recognize';
export type { BudgetModel } from './model';

/** What each job reads, needs and wants formulas for. */
export const JOB_INPUTS: Record<Job, RecognizeRequest> = {
  validation: {
    job: 'validation',
    inputs: INPUTS.map((d) => d.id).filter((id) => id !== 'utfall' && id !== 'personal' && id !== 'privataUtforare'),
    required: ['ramar', 'driftbudget'],
    // Formulas of the inputs whose amounts the checks read: total rows' SUM ranges, and circular
    // or untrusted formulas in amount cells (formula-trust.ts).
    formulasFor: ['ramar', 'driftbudget', 'utgangsramar', 'volymer', 'ovrigaForandringar', 'finansiering'],
  },
  allocation: {
    job: 'allocation',
    inputs: ['parametrar', 'ramar', 'utgangsramar', 'volymer', 'ovrigaForandringar'],
    required: ['volymer'],
  },
  followUp: {
    job: 'followUp',
    inputs: INPUTS.map((d) => d.id) as InputId[],
    required: ['driftbudget'],
  },
};

/**
 * The read plan of a job's inputs: the ranges `locateInputs` chose, and where it found the inputs
 * (`located`, which recognition needs), handed back by the port with the data.
 */
export function inputsPlan(job: Job): (index: WorkbookIndex) => PlannedRead<LocatedInputs> {
  const request = JOB_INPUTS[job];
  return (index) => {
    const located = locateInputs(index, request);
    return { ...located.plan, located };
  };
}

/** Reads a job's inputs through the port in one read phase and recognises them. */
export async function readBudgetModel(reader: WorkbookReader, job: Job, options?: ReadOptions): Promise<BudgetModel> {
  const raw = await reader.read(inputsPlan(job), options);
  return recognizeWorkbook(raw, raw.located, JOB_INPUTS[job]);
}
