/**
 * `budgetkoll map FILE`: Koppla indata on the command line. `--suggest` prints the proposed mapping
 * (the pane's proposal) as a mapping file; `--mapping F -o OUT` tries a mapping against the
 * workbook and saves it in a copy (the owned tab Koppling); with neither, prints the mapping saved
 * in the workbook.
 */
import { serializeMapping } from '../../core/inputs/mapping-parse';
import { savedMapping, mappingSummary, saveMapping, suggestInputMapping, tryMapping } from '../../jobs/mapping';
import { oneWorkbook, outputPath, textFlag } from '../args';
import { CliError, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK } from '../io';
import { findingsText } from '../findings-output';
import { loadMappingFile } from '../mapping-file';
import { asWorkbookError, openForReading, openForWriting, unreadableLine } from '../open-workbook';
import { refuseInputAsOutput, saveWorkbookBytes } from '../write-workbook';
import { sharedFlags, type Command } from './command';

export const mapCommand: Command = {
  name: 'map',
  summary: 'Koppla indata i en egen layout: föreslå, pröva och spara en koppling',
  help: {
    usage: [
      'budgetkoll map FIL.xlsx --suggest',
      'budgetkoll map FIL.xlsx --mapping koppling.json [-o UT.xlsx]',
      'budgetkoll map FIL.xlsx',
    ],
    about: [
      'En koppling säger var Budgetkoll hittar varje indata (Driftbudget, Ramar, …) i en arbetsbok',
      'som inte följer mallen: flik och rubrikrad eller tabell, vilka kolumner som är vad, enhet',
      '(tkr, kr, mnkr), om kostnader är negativa och vilka rader som är summarader.',
      '',
      'Utan flaggor skrivs kopplingen som är sparad i arbetsboken (JSON), om det finns en.',
    ],
    flags: [
      {
        flag: '--suggest',
        text: [
          'skriv förslaget som JSON på stdout (samma förslag som i aktivitetsfönstret);',
          'det som inte gick att avgöra skrivs på stderr. Spara det, granska och återanvänd:',
          'budgetkoll map nämnd.xlsx --suggest > koppling.json',
        ],
      },
      { flag: '--mapping FIL', text: 'pröva kopplingen mot arbetsboken: vad varje indata läser, och var den inte passar' },
      {
        flag: '-o, --output FIL',
        text: [
          'med --mapping: spara kopplingen i en kopia av arbetsboken (fliken Koppling);',
          'validate, allocate, followup och aktivitetsfönstret använder den sedan',
          'utan --mapping. Indatafilen ändras aldrig.',
        ],
      },
    ],
    exitCodes: [
      '0 = klart, 1 = kopplingen passar inte arbetsboken (inget sparades) eller det finns',
      'ingen sparad koppling, 2 = kunde inte köras (fel i kopplingsfilen eller oläsbar arbetsbok).',
    ],
    examples: [
      'budgetkoll map budget.xlsx --suggest > koppling.json',
      'budgetkoll map budget.xlsx --mapping koppling.json -o budget-kopplad.xlsx',
      'budgetkoll validate soc.xlsx --mapping koppling.json',
    ],
  },
  flags: { ...sharedFlags('mapping', 'output'), suggest: { type: 'boolean' } },
  files: true,
  async run({ values, positionals }, io) {
    const file = oneWorkbook('map', positionals, 'budgetkoll map budget.xlsx --suggest');
    const mappingPath = textFlag(values.mapping);
    if (values.suggest && mappingPath !== undefined) throw new CliError('map: ange antingen --suggest eller --mapping, inte båda.');
    if (values.output !== undefined && mappingPath === undefined) throw new CliError('map: -o sparar en koppling; ange den med --mapping koppling.json.');
    const output = values.output === undefined ? undefined : outputPath('map', values.output, 'budget-kopplad.xlsx', file);
    if (output) await refuseInputAsOutput(io, 'map', output, mappingPath ? [file, mappingPath] : [file]);
    const mapping = await loadMappingFile(io, mappingPath);

    try {
      if (values.suggest) {
        const suggestion = await suggestInputMapping(await openForReading(io, file));
        io.stdout(`${serializeMapping(suggestion.mapping)}\n`);
        for (const line of mappingSummary(suggestion.mapping, suggestion.index)) io.stderr(`Föreslaget: ${line.sv}\n`);
        for (const u of suggestion.undecided) io.stderr(`Inte avgjort: ${u.sv}\n`);
        if (Object.keys(suggestion.mapping.inputs).length === 0) io.stderr(`budgetkoll: ${file}: inget indata gick att känna igen; koppla det för hand (se docs/koppla-indata.md).\n`);
        return EXIT_OK;
      }
      if (!mapping) {
        const saved = await savedMapping(await openForReading(io, file));
        if (!saved) {
          io.stderr(`budgetkoll: ${file}: arbetsboken har ingen sparad koppling. Föreslå en med budgetkoll map ${file} --suggest.\n`);
          return EXIT_FINDINGS;
        }
        if ('errors' in saved) {
          io.stderr([`budgetkoll: ${file}: kopplingen på fliken ${saved.sheet} går inte att läsa:`, ...saved.errors.map((e) => `  ${e.sv}`)].join('\n') + '\n');
          return EXIT_FINDINGS;
        }
        io.stdout(`${serializeMapping(saved.mapping)}\n`);
        return EXIT_OK;
      }
      const port = output ? await openForWriting(io, file) : await openForReading(io, file);
      const trial = await tryMapping(port, mapping);
      if (trial.problems.length > 0) {
        io.stdout(`${findingsText(trial.problems).join('\n')}\n`);
        io.stderr(`budgetkoll: ${file}: kopplingen passar inte arbetsboken${output ? `, så ${output} skrevs inte` : ''}.\n`);
        return EXIT_FINDINGS;
      }
      const lines = trial.inputs.flatMap((i) => [i.summary.sv, ...(i.leftOut ? [`  ${i.leftOut.sv}`] : [])]);
      io.stdout(`${lines.join('\n')}\n`);
      if (output && 'toBuffer' in port) {
        const name = await saveMapping(port, mapping, new Date());
        await saveWorkbookBytes(io, output, await port.toBuffer());
        io.stderr(`Skrev ${output}: arbetsboken med kopplingen på fliken ${name}.\n`);
      }
      return EXIT_OK;
    } catch (error) {
      if (error instanceof CliError) throw error;
      io.stderr(unreadableLine(file, asWorkbookError(error)));
      return EXIT_CANNOT_RUN;
    }
  },
};
