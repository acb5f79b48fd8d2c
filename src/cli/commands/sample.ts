/** `budgetkoll sample`: the realistic sample workbook as an .xlsx file, in any size class. */
import {
  DEFAULT_SAMPLE_ROWS,
  DEFAULT_SAMPLE_SEED,
  DEFAULT_SAMPLE_YEAR,
  MAX_SAMPLE_ROWS,
  MIN_SAMPLE_ROWS,
  generateSample,
  sampleToSheetSpecs,
} from '../../core/sample';
import { formatNumberSv } from '../../core/text/numbers';
import { integerFlag, outputPath } from '../args';
import { EXIT_OK } from '../io';
import { writeWorkbook } from '../write-workbook';
import { sharedFlags, type Command } from './command';

/** The file `sample` writes when no -o is given. */
export function defaultSampleOutput(rows: number): string {
  return `exempel-${rows}.xlsx`;
}

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'Skapa en realistisk exempelarbetsbok (.xlsx) att prova på',
  help: {
    usage: 'budgetkoll sample [-o FIL.xlsx] [--rows N] [--seed S] [--year ÅR]',
    about: [
      'Skapar en exempelarbetsbok för en påhittad kommun i Alingsås storlek: ramar som går ihop,',
      'driftbudget, volymer, finansiering, internkontroll, uppdrag, nyckeltal och utfall för',
      'januari–augusti. Samma seed ger alltid samma data.',
    ],
    flags: [
      { flag: '-o, --output FIL', text: ['filen att skriva (.xlsx; standard exempel-N.xlsx i aktuell mapp);', 'en befintlig fil skrivs över'] },
      {
        flag: '--rows N',
        text: [
          `rader i Driftbudget (standard ${formatNumberSv(DEFAULT_SAMPLE_ROWS)}; S = 2 000, M = 20 000, L = 200 000);`,
          'övriga indata växer i samma takt',
        ],
      },
      { flag: '--seed S', text: `slumpfrö, ett heltal (standard ${DEFAULT_SAMPLE_SEED})` },
      { flag: '--year ÅR', text: `budgetåret (standard ${DEFAULT_SAMPLE_YEAR})` },
    ],
    examples: ['budgetkoll sample -o exempel.xlsx --rows 2000 --seed 1'],
  },
  flags: { ...sharedFlags('output', 'year'), rows: { type: 'string' }, seed: { type: 'string' } },
  files: false,
  async run({ values }, io) {
    const rows = integerFlag('sample', '--rows', values.rows, DEFAULT_SAMPLE_ROWS, MIN_SAMPLE_ROWS, MAX_SAMPLE_ROWS);
    // `npm run sample -- --rows N` (docs/quality.md) names no file: default to one named by the size.
    const path = outputPath('sample', values.output ?? defaultSampleOutput(rows), 'exempel.xlsx');
    const seed = integerFlag('sample', '--seed', values.seed, DEFAULT_SAMPLE_SEED, 0, 0xffffffff);
    const year = integerFlag('sample', '--year', values.year, DEFAULT_SAMPLE_YEAR, 2000, 2098);
    const sample = generateSample({ rows, seed, year });
    const names = await writeWorkbook(io, path, sampleToSheetSpecs(sample));
    const count = (input: string) => formatNumberSv(sample.sheets.find((s) => s.input === input)?.rows.length ?? 0);
    io.stderr(
      `Skrev ${path}: ${names.length} flikar, ${count('driftbudget')} rader i Driftbudget och ${count('utfall')} i Utfall ` +
        `(budgetår ${year}, seed ${seed}).\n`,
    );
    return EXIT_OK;
  },
};
