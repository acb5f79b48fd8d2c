/**
 * `budgetkoll verify FILE...`: for the team that receives the nämnders' files. Per file: submitted
 * or not, by whom and when, the fingerprint intact or the cells changed since, or a receipt edited
 * by hand; findings at submission and now. Exit 1 when a file changed after submission, has a
 * tampered receipt, or has errors now.
 */
import type { FindingSummary } from '../../core/findings';
import { cellCount, formatSubmittedAt } from '../../core/submission/receipt';
import { readSubmissionState, verifyState, type Verification } from '../../jobs/submission';
import { summaryPhrase } from '../findings-output';
import { CliError, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK } from '../io';
import { loadMappingFile } from '../mapping-file';
import { openForReading } from '../open-workbook';
import { forEachFile } from '../each-file';
import { loadRuleConfig } from '../rule-config';
import { outputFormat } from './validate';
import { FLAG_HELP, sharedFlags, type Command } from './command';
import { textFlag } from '../args';

/** Changed cells listed in text before "… och N till". */
const LISTED = 20;

export interface VerifyJson {
  files: {
    file: string;
    status: Verification['status'];
    submitted: { number: number; by: string; at: string; board: string | null; fingerprint: string } | null;
    changed: Verification['changed'];
    reason?: string;
    reason_en?: string;
    findings_then: FindingSummary | null;
    findings_now: FindingSummary;
  }[];
  unreadable: { file: string; message: string; message_en: string }[];
}

function textLines(file: string, v: Verification): string[] {
  const r = v.receipt;
  const who = r ? `inlämnad ${formatSubmittedAt(r.at)} av ${r.by} (version ${r.number})` : '';
  const lines: string[] = [];
  switch (v.status) {
    case 'not-submitted':
      lines.push(`${file}: inte inlämnad (ingen flik Inlämning).`);
      break;
    case 'intact':
      lines.push(`${file}: ${who} – oförändrad sedan dess.`);
      break;
    case 'changed':
      lines.push(`${file}: ${who} – ändrad efter inlämning: ${cellCount(v.changed.length)}.`);
      for (const c of v.changed.slice(0, LISTED)) lines.push(`  ${c.sheet}!${c.cell}  ${c.kind === 'changed' ? 'ändrad' : c.kind === 'added' ? 'tillagd' : 'borttagen'}`);
      if (v.changed.length > LISTED) lines.push(`  … och ${v.changed.length - LISTED} till`);
      break;
    case 'tampered':
      lines.push(`${file}: kvittot går inte att lita på – ${v.reason!.sv}${r ? ` (uppgav: ${who})` : ''}`);
      break;
  }
  lines.push(`  Iakttagelser vid inlämning: ${v.then ? summaryPhrase(v.then) : '–'}; nu: ${summaryPhrase(v.now)}.`);
  return lines;
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Kontrollera inlämnade arbetsböcker: oförändrade sedan inlämningen?',
  help: {
    usage: 'budgetkoll verify FIL.xlsx... [--format text|json] [--config inställningar.json] [--mapping koppling.json]',
    about: [
      'För den som tar emot nämndernas filer. Per fil: inlämnad eller inte, av vem och när, om',
      'fingeravtrycket är intakt eller vilka indataceller som har ändrats sedan, om kvittot har',
      'ändrats för hand, och iakttagelserna vid inlämningen och nu.',
    ],
    flags: [
      FLAG_HELP.format,
      { flag: '--config FIL', text: 'egna gränsvärden för reglerna, som vid inlämningen (se budgetkoll validate --help)' },
      FLAG_HELP.mappingBrief,
    ],
    exitCodes: [
      '0 = inga problem, 1 = en fil har ändrats efter inlämningen, har ett ändrat kvitto',
      'eller har fel nu, 2 = en fil kunde inte läsas (de andra kontrolleras ändå).',
    ],
    examples: ['budgetkoll verify nämnder/*.xlsx', 'budgetkoll verify nämnder/*.xlsx --format json > inlämningar.json'],
  },
  flags: sharedFlags('format', 'config', 'mapping'),
  files: true,
  async run({ values, positionals }, io) {
    const format = outputFormat('verify', values.format);
    if (positionals.length === 0) throw new CliError('verify: ange minst en arbetsbok, t.ex. budgetkoll verify nämnder/*.xlsx');
    const mapping = await loadMappingFile(io, textFlag(values.mapping));
    const overrides = await loadRuleConfig(io, textFlag(values.config));

    const out: VerifyJson = { files: [], unreadable: [] };
    const text: string[] = [];
    const outcomes = await forEachFile(io, positionals, async (file) => verifyState(await readSubmissionState(await openForReading(io, file), { overrides, ...(mapping ? { mapping } : {}) })));
    for (const { file, value: v, problem } of outcomes) {
      if (problem) {
        out.unreadable.push({ file, ...problem });
        continue;
      }
      const r = v.receipt;
      out.files.push({
        file,
        status: v.status,
        submitted: r ? { number: r.number, by: r.by, at: r.at, board: r.board, fingerprint: r.fingerprint } : null,
        changed: v.changed,
        ...(v.reason ? { reason: v.reason.sv, reason_en: v.reason.en } : {}),
        findings_then: v.then,
        findings_now: v.now,
      });
      text.push(...textLines(file, v));
    }
    if (format === 'json') io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    else if (text.length > 0) io.stdout(`${text.join('\n')}\n`);
    if (out.unreadable.length > 0) return EXIT_CANNOT_RUN;
    const trouble = out.files.some((f) => f.status === 'changed' || f.status === 'tampered' || f.findings_now.error > 0);
    return trouble ? EXIT_FINDINGS : EXIT_OK;
  },
};
