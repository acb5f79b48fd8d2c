/**
 * `budgetkoll submit FILE --by NAME [--comment RULE@CELL=TEXT]... -o OUT.xlsx`: the pane's Lämna
 * in for scripts. Refused (exit 1) while errors remain or a warning lacks a comment; otherwise a
 * copy of the workbook with the Inlämning tab (the receipt with the inputs' fingerprint).
 */
import type { Finding } from '../../core/findings';
import { formatSubmittedAt } from '../../core/submission/receipt';
import { readSubmissionState, submitWorkbook, warningKey } from '../../jobs/submission';
import { outputPath, textFlag } from '../args';
import { findingsText } from '../findings-output';
import { CliError, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK } from '../io';
import { loadMappingFile } from '../mapping-file';
import { asWorkbookError, openForWriting, unreadableLine } from '../open-workbook';
import { loadRuleConfig } from '../rule-config';
import { VERSION } from '../version';
import { refuseInputAsOutput, saveWorkbookBytes } from '../write-workbook';
import { FLAG_HELP, sharedFlags, type Command } from './command';

interface CommentFlag {
  rule: string;
  sheet: string | null;
  cell: string;
  text: string;
  raw: string;
}

/** "RULE@Sheet!A1=text", "RULE@'Två ord'!A1=text" or "RULE@A1=text" (the text may hold "="). */
export function parseCommentFlag(raw: string): CommentFlag {
  const match = /^([^@=]+)@(?:(?:'((?:[^']|'')+)'|([^!=]+))!)?([A-Za-z]{1,3}\d{1,7})=(.*)$/s.exec(raw);
  if (!match) throw new CliError(`submit: --comment ska se ut som REGEL@Flik!CELL=TEXT, t.ex. --comment "RAM-UNDER@Ramar!C5=Ramen sänks i juni", inte "${raw}".`);
  const [, rule, quoted, plain, cell, text] = match;
  const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : plain !== undefined ? plain : null;
  if (!text.trim()) throw new CliError(`submit: kommentaren i --comment "${raw}" är tom.`);
  return { rule: rule.trim(), sheet, cell: cell.toUpperCase(), text: text.trim(), raw };
}

/** The comments keyed by warningKey, each flag matched to exactly one warning. */
function commentsFor(warnings: readonly Finding[], flags: readonly CommentFlag[]): Map<string, string> {
  const comments = new Map<string, string>();
  for (const flag of flags) {
    const matches = warnings.filter(
      (w) => w.rule === flag.rule && w.cell.toUpperCase() === flag.cell && (flag.sheet === null || w.sheet.toLowerCase() === flag.sheet.toLowerCase()),
    );
    if (matches.length === 0) throw new CliError(`submit: --comment "${flag.raw}" passar ingen varning. Varningarna listas med budgetkoll validate.`);
    if (matches.length > 1) throw new CliError(`submit: --comment "${flag.raw}" passar ${matches.length} varningar; ange fliken: REGEL@Flik!CELL=TEXT.`);
    comments.set(warningKey(matches[0]), flag.text);
  }
  return comments;
}

const quoteIfNeeded = (sheet: string) => (/^[\p{L}\d_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);

export const submitCommand: Command = {
  name: 'submit',
  summary: 'Lämna in: skriv ett kvitto med fingeravtryck (fliken Inlämning) i en kopia',
  help: {
    usage: 'budgetkoll submit FIL.xlsx --by NAMN [--comment REGEL@Flik!CELL=TEXT]... -o UT.xlsx',
    about: [
      'Kontrollerar arbetsboken och, om inga fel finns och varje varning har en kommentar, skriver',
      'fliken Inlämning i en kopia: vem, när, Budgetkolls och regelkatalogens version, sammanfattningen',
      'med kommentarerna och ett fingeravtryck (SHA-256) över värdena i alla indataceller. Med',
      'budgetkoll verify ser den som tar emot filen om något har ändrats efter inlämningen.',
      'Fingeravtrycket är ingen underskrift: den som har filen kan ändra den och lämna in igen.',
    ],
    flags: [
      { flag: '--by NAMN', text: 'vem som lämnar in (krävs)' },
      {
        flag: '--comment K=T',
        text: ['kommentar till en varning; K är REGEL@Flik!CELL som i budgetkoll validate', '(flik utelämnas när cellen räcker); kan anges flera gånger'],
      },
      { flag: '-o, --output FIL', text: 'kopian att skriva (krävs); indatafilen ändras aldrig' },
      FLAG_HELP.mappingBrief,
      FLAG_HELP.config,
    ],
    exitCodes: ['0 = inlämnad, 1 = inte inlämnad: fel finns eller en varning saknar kommentar,', '2 = kunde inte köras.'],
    examples: [
      'budgetkoll submit soc.xlsx --by "Anna Andersson" -o soc-inlamnad.xlsx',
      'budgetkoll submit soc.xlsx --by Anna --comment "RAM-UNDER@Ramar!C5=Sänks i juni" -o ut.xlsx',
    ],
  },
  flags: { ...sharedFlags('output', 'mapping', 'config'), by: { type: 'string' }, comment: { type: 'string', multiple: true } },
  files: true,
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new CliError('submit: ange en arbetsbok, t.ex. budgetkoll submit soc.xlsx --by "Anna Andersson" -o soc-inlamnad.xlsx');
    const [file] = positionals;
    const by = typeof values.by === 'string' ? values.by.trim() : '';
    if (!by) throw new CliError('submit: ange vem som lämnar in med --by NAMN.');
    const output = outputPath('submit', values.output, 'inlamnad.xlsx', file);
    const flags = ((values.comment as unknown as string[] | undefined) ?? []).map(parseCommentFlag);
    const mappingPath = textFlag(values.mapping);
    const configPath = textFlag(values.config);
    await refuseInputAsOutput(io, 'submit', output, [file, ...(mappingPath ? [mappingPath] : []), ...(configPath ? [configPath] : [])]);
    const overrides = await loadRuleConfig(io, configPath);
    const mapping = await loadMappingFile(io, mappingPath);

    let port;
    let state;
    try {
      port = await openForWriting(io, file);
      state = await readSubmissionState(port, { overrides, ...(mapping ? { mapping } : {}) });
    } catch (error) {
      io.stderr(unreadableLine(file, asWorkbookError(error)));
      return EXIT_CANNOT_RUN;
    }
    const comments = commentsFor(
      state.check.findings.filter((f) => f.severity === 'warning'),
      flags,
    );
    const result = await submitWorkbook(port, state, { by, at: new Date(), comments, budgetkoll: VERSION });
    if ('refused' in result) {
      const { kind, findings } = result.refused;
      if (kind === 'errors') {
        io.stderr(`budgetkoll: ${file}: kan inte lämnas in – ${findings.length} fel måste rättas först.\n`);
        io.stdout(`${findingsText(findings).join('\n')}\n`);
      } else {
        io.stderr(`budgetkoll: ${file}: kan inte lämnas in – ${findings.length === 1 ? 'en varning saknar' : `${findings.length} varningar saknar`} kommentar. Ange dem med --comment:\n`);
        io.stdout(`${findings.map((f) => `  --comment "${f.rule}@${quoteIfNeeded(f.sheet)}!${f.cell}=…"   ${f.message}`).join('\n')}\n`);
      }
      return EXIT_FINDINGS;
    }
    await saveWorkbookBytes(io, output, await port.toBuffer());
    const r = result.record.receipt;
    io.stdout(
      [
        `Inlämnad ${formatSubmittedAt(r.at)} av ${r.by} (version ${r.number}).`,
        `Fingeravtryck: ${r.fingerprint} (${r.cells} celler).`,
        `Skrev ${output} med fliken ${result.name}.`,
      ].join('\n') + '\n',
    );
    return EXIT_OK;
  },
};
