/**
 * `budgetkoll consolidate FIL... --report R -o UT.xlsx`: the KS sammanställning (docs/uppfoljning.md)
 * over the nämnder's workbooks. Reads only the owned follow-up tabs of each file and writes one
 * kommun tab into a new workbook: the nämnd workbooks each hold their own copy of the budget, so
 * a copy of one of them would mix one nämnd's data into the kommun's file; the new workbook holds
 * the compilation alone, with each nämnd's figures copied as values and its file named.
 * Exit codes as for validate: 0 written and no errors in the tabs, 1 a nämnd's tab has errors
 * (UPF-*), 2 could not run — a file that cannot be read is named, and then nothing is written.
 */
import { basename, resolve } from 'node:path';
import type { FindingSummary } from '../../core/findings';
import { isKommunBoard, periodEndDate, type CompiledTab, type FilledTab, type FollowUpReport } from '../../core/followup';
import { consolidateWorkbooks, consolidationYear, readCompiledTabs } from '../../jobs/consolidation';
import { integerFlag, outputPath } from '../args';
import { findingJson, findingsText, summaryLine, type FindingJson } from '../findings-output';
import { reportFlag, reportName } from '../followup-args';
import { CliError, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io';
import { openForReading } from '../open-workbook';
import { forEachFile } from '../each-file';
import { refuseInputAsOutput, writeWorkbook } from '../write-workbook';
import { outputFormat } from './validate';
import { FLAG_HELP, sharedFlags, type Command } from './command';

export interface ConsolidateJson {
  output: string;
  /** The compilation tab's name in the output. */
  tab: string;
  report: FollowUpReport;
  year: number;
  period_end: string;
  files: {
    file: string;
    /** The tabs of this report and year that were compiled. */
    tabs: { sheet: string; board: string; status: string | null }[];
    findings: FindingJson[];
    summary: FindingSummary;
  }[];
  unreadable: { file: string; message: string; message_en: string }[];
}

interface FileTabs {
  file: string;
  tabs: CompiledTab[];
}

/** Stands in JSON text for the array writeJsonInPieces writes item by item. */
const PIECES = '\u0000pieces';

/**
 * The text of JSON.stringify(value, null, 2) and a newline, written in pieces: the one property
 * of `value` that is PIECES is written as the array of `items`, each rendered by `toJson` and
 * stringified on its own (a top-level property: its items are indented by four spaces).
 */
export async function writeJsonInPieces<T>(io: CliIo, value: object, items: readonly T[], toJson: (item: T) => unknown): Promise<void> {
  const text = JSON.stringify(value, null, 2);
  const at = text.indexOf(JSON.stringify(PIECES));
  io.stdout(text.slice(0, at));
  if (items.length === 0) {
    io.stdout('[]');
  } else {
    io.stdout('[\n');
    for (const [i, item] of items.entries()) {
      // JSON strings hold no raw line breaks, so every line break is one of the layout's.
      io.stdout(`    ${JSON.stringify(toJson(item), null, 2).replace(/\n/g, '\n    ')}${i < items.length - 1 ? ',' : ''}\n`);
      await io.drainStdout?.();
    }
    io.stdout('  ]');
  }
  io.stdout(`${text.slice(at + JSON.stringify(PIECES).length)}\n`);
}

function statusOf(tab: FilledTab): string | null {
  const v = tab.status?.value;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

export const consolidateCommand: Command = {
  name: 'consolidate',
  summary: 'Sammanställ nämndernas uppföljningsflikar till en kommunflik (KS)',
  help: {
    usage: ['budgetkoll consolidate FIL.xlsx... --report april|august|december [--year ÅR] -o UT.xlsx', '[--format text|json]'],
    about: [
      'Läser uppföljningsflikarna för rapporten ur varje nämnds arbetsbok och skriver en ny',
      'arbetsbok med fliken "Sammanställning <rapport> <år>": nämndernas belopp (kopierade som',
      'värden, med filen angiven), summa för kommunen, varje nämnds status och kontroll (UPF-',
      'reglerna) samt de åtgärder som rapporterats. Nämndernas filer ändras aldrig.',
    ],
    flags: [
      FLAG_HELP.report,
      { flag: '--year ÅR', text: 'året som följs upp (standard: året på flikarna, om det är ett enda)' },
      { flag: '-o, --output FIL', text: 'den nya arbetsboken med sammanställningen (krävs)' },
      FLAG_HELP.format,
    ],
    exitCodes: [
      '0 = sammanställd, inga fel i flikarna, 1 = sammanställd men en nämnds flik har fel,',
      '2 = kunde inte köras (en fil som inte går att läsa nämns, och då skrivs ingenting).',
    ],
    examples: ['budgetkoll consolidate nämnder/*.xlsx --report august -o sammanstallning-delar.xlsx'],
  },
  flags: sharedFlags('report', 'year', 'output', 'format'),
  files: true,
  async run({ values, positionals }, io) {
    const format = outputFormat('consolidate', values.format);
    const report = reportFlag('consolidate', values.report);
    if (positionals.length === 0) throw new CliError('consolidate: ange nämndernas arbetsböcker, t.ex. budgetkoll consolidate nämnder/*.xlsx --report august -o kommunen.xlsx');
    const output = outputPath('consolidate', values.output, 'sammanstallning.xlsx');
    const input = positionals.find((f) => resolve(f) === resolve(output));
    if (input) throw new CliError(`consolidate: välj en annan fil för -o än ${input}; Budgetkoll skriver aldrig över en indatafil.`);
    await refuseInputAsOutput(io, 'consolidate', output, positionals);

    // Checked and cut down to what the compilation reads as each file is read: 30 large nämnd
    // files are never all in memory at once (compiledTab).
    const outcomes = await forEachFile(io, positionals, async (file) => readCompiledTabs(await openForReading(io, file), basename(file)));
    const read: FileTabs[] = outcomes.flatMap((o) => (o.problem ? [] : [{ file: o.file, tabs: o.value }]));
    const unreadable: ConsolidateJson['unreadable'] = outcomes.flatMap((o) => (o.problem ? [{ file: o.file, ...o.problem }] : []));
    if (unreadable.length > 0) {
      io.stderr(`budgetkoll: ${output} skrevs inte: ${unreadable.length === 1 ? 'en fil' : `${unreadable.length} filer`} kunde inte läsas (${unreadable.map((u) => u.file).join(', ')}).\n`);
      if (format === 'json') io.stdout(`${JSON.stringify({ files: [], unreadable }, null, 2)}\n`);
      return EXIT_CANNOT_RUN;
    }

    const explicitYear = values.year === undefined ? null : integerFlag('consolidate', '--year', values.year, 0, 2000, 2098);
    const chosen = consolidationYear(read.flatMap((r) => r.tabs), report, explicitYear);
    if (chosen.year === null) {
      if (chosen.years.length > 1) throw new CliError(`consolidate: flikarna gäller flera år (${chosen.years.join(', ')}); välj ett med --year ÅR.`);
      throw new CliError(`consolidate: inga uppföljningsflikar för ${reportName(report)} hittades i ${positionals.join(', ')}. Skapa dem med budgetkoll followup.`);
    }
    const year = chosen.year;
    const consolidation = consolidateWorkbooks(read, report, year, new Date());
    if (!consolidation) {
      throw new CliError(`consolidate: inga uppföljningsflikar för ${reportName(report)} ${year} hittades i ${positionals.join(', ')}.`);
    }
    const [tab] = await writeWorkbook(io, output, [consolidation.spec]);
    const { files: results, boardCount } = consolidation;
    // Written a file at a time: 30 L files have 200 000 findings, over 100 MB as one text.
    if (format === 'json') {
      const out: Omit<ConsolidateJson, 'files'> & { files: unknown } = {
        output,
        tab,
        report,
        year,
        period_end: periodEndDate(report, year),
        files: PIECES,
        unreadable,
      };
      await writeJsonInPieces(io, out, results, (r): ConsolidateJson['files'][number] => ({
        file: r.file,
        tabs: r.tabs.map((t) => ({ sheet: t.sheet, board: t.board, status: statusOf(t) })),
        findings: r.findings.map(findingJson),
        summary: r.summary,
      }));
    } else {
      io.stdout(`${reportName(report)} ${year}: skrev ${output} med fliken ${tab} (${boardCount} ${boardCount === 1 ? 'nämnd' : 'nämnder'}).`);
      for (const r of results) {
        const lines = ['', r.file];
        if (r.tabs.length === 0) {
          lines.push(`  Ingen flik för ${reportName(report)} ${year}.`);
        } else {
          for (const t of r.tabs) lines.push(`  ${t.sheet}: ${isKommunBoard(t.board) ? 'hela kommunen' : t.board}, status ${statusOf(t) ?? '(ingen)'}`);
          lines.push(...findingsText(r.findings), `  ${summaryLine(r.summary)}`);
        }
        io.stdout(`\n${lines.join('\n')}`);
        await io.drainStdout?.();
      }
      io.stdout('\n');
    }
    return results.some((r) => r.summary.error > 0) ? EXIT_FINDINGS : EXIT_OK;
  },
};
