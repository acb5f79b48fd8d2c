/**
 * Input recognition, the entry points: plan what to read from the index, then recognise what was
 * read. `readBudgetModel` runs both through a port in one read phase.
 */
import type { PlannedRead, ReadOptions, WorkbookReader } from '../workbook/port';
import type { WorkbookIndex } from '../workbook/raw';
import { INPUTS, type InputId } from '../inputs/catalogue';
import { locateInputs, type LocatedInputs } from './locate';
import type { Mapping } from '../inputs/mapping';
import { storedMapping } from '../inputs/mapping-store';
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
 * Where a job's inputs are in this workbook. A mapping given here (a CLI --mapping file) wins over
 * the one saved in the workbook's Koppling tab; a saved one that cannot be parsed is reported
 * (MAP-STALE) and the inputs are found by name.
 */
export function locateJobInputs(index: WorkbookIndex, job: Job, mapping?: Mapping): LocatedInputs {
  const stored = mapping ? null : storedMapping(index);
  const located = locateInputs(index, JOB_INPUTS[job], mapping ?? (stored && 'mapping' in stored ? stored.mapping : undefined));
  if (stored && 'errors' in stored) {
    const unreadable = stored.errors.map((e) => ({
      input: stored.sheet,
      key: e.key,
      severity: 'error' as const,
      sheet: stored.sheet,
      cell: 'A1',
      sv: `Kopplingen som är sparad på fliken ”${stored.sheet}” går inte att läsa (${e.sv}), så indata hittas efter namn. Koppla indata igen och spara.`,
      en: `The mapping saved on the sheet "${stored.sheet}" cannot be read (${e.en}), so inputs are found by name. Map the inputs again and save.`,
    }));
    located.mappingIssues = [...(located.mappingIssues ?? []), ...unreadable];
  }
  return located;
}

/**
 * The read plan of a job's inputs: the ranges `locateJobInputs` chose, and where it found the
 * inputs (`located`, which recognition needs), handed back by the port with the data.
 */
export function inputsPlan(job: Job, mapping?: Mapping): (index: WorkbookIndex) => PlannedRead<LocatedInputs> {
  return (index) => {
    const located = locateJobInputs(index, job, mapping);
    return { ...located.plan, located };
  };
}

/** Reads a job's inputs through the port in one read phase and recognises them. */
export async function readBudgetModel(reader: WorkbookReader, job: Job, options?: ReadOptions, mapping?: Mapping): Promise<BudgetModel> {
  const raw = await reader.read(inputsPlan(job, mapping), options);
  return recognizeWorkbook(raw, raw.located, JOB_INPUTS[job]);
}
