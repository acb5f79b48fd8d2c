/**
 * `budgetkoll validate FILE...`: every validation rule over one or more workbooks. Results on
 * stdout (Swedish text or JSON), messages on stderr; exit 0 clean, 1 errors found, 2 a file or
 * the settings could not be read (the other files are still checked and reported).
 */
import { summarize, type Finding, type FindingSummary } from '../../core/findings';
import { submissionGaps } from '../../core/rules';
import { runCheck } from '../../jobs/check';
import { CliError, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK } from '../io';
import { findingJson, findingsText, summaryLine, type FindingJson } from '../findings-output';
import { openForReading } from '../open-workbook';
import { forEachFile } from '../each-file';
import { configHelp, loadRuleConfig } from '../rule-config';
import { loadMappingFile } from '../mapping-file';
import { FLAG_HELP, sharedFlags, type Command } from './command';
import { textFlag } from '../args';

export type OutputFormat = 'text' | 'json';

/** --format: text (default) or json. */
export function outputFormat(command: string, raw: string | boolean | undefined): OutputFormat {
  if (raw === undefined || raw === 'text') return 'text';
  if (raw === 'json') return 'json';
  throw new CliError(`${command}: --format ska vara text eller json, inte "${String(raw)}".`);
}

interface FileResult {
  file: string;
  findings: Finding[] | null;
  summary: FindingSummary | null;
  /** Why the file could not be read (Swedish / English). */
  problem?: { message: string; message_en: string };
}

export interface ValidateJson {
  files: { file: string; findings: FindingJson[]; summary: FindingSummary }[];
  /** Files that could not be read, with the reason (also on stderr). */
  unreadable: { file: string; message: string; message_en: string }[];
}

/** The summary table after a run over several files. */
function summaryTable(results: readonly FileResult[]): string[] {
  const nameWidth = Math.max(3, ...results.map((r) => r.file.length));
  const head = `${'Fil'.padEnd(nameWidth)}  ${'Fel'.padStart(5)}  ${'Varningar'.padStart(9)}  ${'Info'.padStart(5)}  Resultat`;
  const lines = [head, '─'.repeat(head.length)];
  for (const r of results) {
    const s = r.summary;
    const incomplete = r.findings !== null && submissionGaps(r.findings).length > 0;
    const verdict = !s ? 'kunde inte läsas' : incomplete ? 'ofullständig' : s.error > 0 ? 'fel att rätta' : s.warning > 0 ? 'godkänd, med varningar' : 'godkänd';
    const n = (v: number | undefined, w: number) => (v === undefined ? '–' : String(v)).padStart(w);
    lines.push(`${r.file.padEnd(nameWidth)}  ${n(s?.error, 5)}  ${n(s?.warning, 9)}  ${n(s?.info, 5)}  ${verdict}`);
  }
  return lines;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Kontrollera arbetsböcker mot alla regler (ramar, summor, nycklar, …)',
  help: {
    usage: 'budgetkoll validate FIL.xlsx... [--format text|json] [--config inställningar.json] [--mapping koppling.json]',
    about: [
      'Läser varje arbetsbok och kontrollerar den mot alla regler: ramar, driftbudget, summarader,',
      'nycklar, konton, volymer, internkontroll, politiska inriktningar och uppdrag. Uppföljnings-',
      'flikar som Budgetkoll skapat kontrolleras också (UPF-reglerna: prognos, åtgärder, status …).',
      'Resultatet skrivs per fil och flik med allvarlighetsgrad, regel, cell, meddelande och åtgärd.',
    ],
    flags: [
      FLAG_HELP.format,
      {
        flag: '--config FIL',
        // The keys as a list under the sentence that introduces them.
        text: ['egna gränsvärden för reglerna, en JSON-fil med någon av nycklarna:', ...configHelp().map((line) => `  ${line}`)],
      },
      FLAG_HELP.mapping,
    ],
    exitCodes: [
      '0 = inga fel, 1 = fel hittades, 2 = en fil eller inställningarna kunde inte läsas',
      '(övriga filer kontrolleras och redovisas ändå).',
    ],
    examples: ['budgetkoll validate budget.xlsx', 'budgetkoll validate nämnder/*.xlsx --format json > resultat.json'],
  },
  flags: sharedFlags('format', 'config', 'mapping'),
  files: true,
  async run({ values, positionals }, io) {
    const format = outputFormat('validate', values.format);
    if (positionals.length === 0) throw new CliError('validate: ange minst en arbetsbok, t.ex. budgetkoll validate budget.xlsx');
    const overrides = await loadRuleConfig(io, textFlag(values.config));
    const mapping = await loadMappingFile(io, textFlag(values.mapping));

    const outcomes = await forEachFile(io, positionals, async (file) => (await runCheck(await openForReading(io, file), { overrides, ...(mapping ? { mapping } : {}) })).findings);
    const results: FileResult[] = outcomes.map((o) =>
      o.problem ? { file: o.file, findings: null, summary: null, problem: o.problem } : { file: o.file, findings: o.value, summary: summarize(o.value) },
    );

    if (format === 'json') {
      const out: ValidateJson = {
        files: results.filter((r) => r.findings).map((r) => ({ file: r.file, findings: r.findings!.map(findingJson), summary: r.summary! })),
        unreadable: results.filter((r) => r.problem).map((r) => ({ file: r.file, ...r.problem! })),
      };
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      const lines: string[] = [];
      for (const r of results) {
        if (!r.findings) continue;
        if (lines.length > 0) lines.push('');
        lines.push(r.file, ...findingsText(r.findings), `  ${summaryLine(r.summary!, r.findings)}`);
      }
      if (results.length > 1) lines.push('', ...summaryTable(results));
      if (lines.length > 0) io.stdout(`${lines.join('\n')}\n`);
    }

    if (results.some((r) => r.problem)) return EXIT_CANNOT_RUN;
    return results.some((r) => r.summary && r.summary.error > 0) ? EXIT_FINDINGS : EXIT_OK;
  },
};

