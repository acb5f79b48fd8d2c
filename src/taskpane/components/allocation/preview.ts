/**
 * What the model will use, for the summary shown before it runs: the types live with the
 * Resursfördelning job (src/jobs/allocation.ts), which computes them.
 */
export type { AllocationPreview, BoardActivities, IndexationYear, ParameterValue } from '../../../jobs/allocation';
