/** The realistic sample workbook (playground, CLI `budgetkoll sample`, benchmarks). */
export {
  generateSample,
  DEFAULT_SAMPLE_ROWS,
  DEFAULT_SAMPLE_SEED,
  DEFAULT_SAMPLE_YEAR,
  MAX_SAMPLE_ROWS,
  MIN_SAMPLE_ROWS,
  SAMPLE_SIZES,
} from './generate';
export { sampleToSheetSpecs, type SampleSpecOptions } from './to-sheet-specs';
export type { SampleOptions, SampleSheet, SampleValue, SampleWorkbook } from './types';
