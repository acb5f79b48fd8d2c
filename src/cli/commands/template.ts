/** `budgetkoll template`: the blank standard template as an .xlsx file. */
import { defaultTemplateYear, templateSheets } from '../../jobs/template';
import { integerFlag, outputPath } from '../args';
import { EXIT_OK } from '../io';
import { writeWorkbook } from '../write-workbook';
import { sharedFlags, type Command } from './command';

/** Budgets are made for the coming year. */
function defaultYear(): number {
  return defaultTemplateYear(new Date());
}

export const templateCommand: Command = {
  name: 'template',
  summary: 'Skapa en tom standardmall (.xlsx) med alla indataflikar',
  help: () => ({
    usage: 'budgetkoll template -o FIL.xlsx [--year ÅR] [--kommun NAMN]',
    about: [
      'Skapar den tomma standardmallen: en flik med en formaterad Excel-tabell för varje indata',
      '(Ramar, Driftbudget, Volymer, …), listrutor, instruktioner och fliken Instruktioner.',
    ],
    flags: [
      { flag: '-o, --output FIL', text: 'filen att skriva (.xlsx); en befintlig fil skrivs över' },
      { flag: '--year ÅR', text: `budgetåret (standard: nästa år, ${defaultYear()})` },
      { flag: '--kommun NAMN', text: 'kommunens namn i Parametrar' },
    ],
    examples: ['budgetkoll template -o mall.xlsx --year 2027 --kommun "Alingsås kommun"'],
  }),
  flags: { ...sharedFlags('output', 'year'), kommun: { type: 'string' } },
  files: false,
  async run({ values }, io) {
    const path = outputPath('template', values.output, 'mall.xlsx');
    const year = integerFlag('template', '--year', values.year, defaultYear(), 2000, 2098);
    const kommun = typeof values.kommun === 'string' && values.kommun.trim() !== '' ? values.kommun.trim() : undefined;
    const names = await writeWorkbook(io, path, templateSheets({ year, kommun }));
    io.stderr(`Skrev ${path}: tom mall för budgetår ${year} med ${names.length} flikar.\n`);
    return EXIT_OK;
  },
};
