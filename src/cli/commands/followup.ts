/**
 * `budgetkoll followup FILE --report april|august|december (--board NAMN... | --all)`: the
 * standard follow-up tab (docs/uppfoljning.md) per nämnd, or for the kommun, written into a copy of the
 * workbook. A tab Budgetkoll generated earlier for the same report, nämnd and year is refreshed
 * (what people typed is kept, by row key) instead of duplicated. The input file is never written:
 * without -o the copy is `<fil>-uppfoljning.xlsx` beside it, and that default is never written
 * over (a controller may already have typed into it); -o names any other file.
 * Exit codes: 0 written, 1 nothing written because a name in the inputs has an invisible difference
 * (KEY-SPELLING-VARIANT: the tab's formulas would give wrong totals; the cells are listed), 2 could
 * not run (bad arguments, unreadable file, unknown nämnd).
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import { followUpBoards, isKommunBoard, KOMMUN_BOARD, periodEndDate, type FilledTab, type FollowUpReport } from '../../core/followup';
import { inputDef, type InputId } from '../../core/inputs/catalogue';
import { inputsUsed, readFollowUp, writeFollowUpTabs } from '../../jobs/follow-up';
import type { BudgetModel } from '../../core/recognition/model';
import { editDistance, normalizeKey } from '../../core/text/normalize';
import { checkOutputExtension, integerFlag, oneWorkbook, outputExtension, textFlag } from '../args';
import { fileExists, reportFlag, reportName } from '../followup-args';
import { loadMappingFile } from '../mapping-file';
import { CliError, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io';
import { findingJson, findingsText } from '../findings-output';
import { summarize } from '../../core/findings';
import { blockedMessage, writeBlockers } from '../../core/rules/write-blockers';
import { asWorkbookError, openForWriting, unreadableLine } from '../open-workbook';
import { refuseInputAsOutput, saveWorkbookBytes } from '../write-workbook';
import { outputFormat } from './validate';
import { FLAG_HELP, sharedFlags, type Command } from './command';
import type { SavableWorkbookPort } from '../../core/workbook/port';


/** What a missing input means for the tab (Swedish, for the text output). */
const MISSING_MEANS: Partial<Record<InputId, string>> = {
  utfall: 'utfallet fylls i för hand',
  personal: 'personaluppgifterna fylls i för hand',
  nyckeltal: 'måluppföljningen får inga nyckeltal',
  politiskaInriktningar: 'inga inriktningar att följa upp',
  uppdrag: 'inga uppdrag att följa upp',
  internkontrollplan: 'inga kontroller att följa upp',
  privataUtforare: 'inga utförare att följa upp',
  finansiering: 'centrala poster fylls i för hand',
};

export interface FollowUpTabJson {
  name: string;
  report: FollowUpReport;
  board: string;
  year: number;
  period_end: string;
  /** "created" (a new tab) or "refreshed" (an earlier tab rebuilt, typed inputs kept). */
  action: 'created' | 'refreshed';
  /** Values people had typed that the refreshed tab keeps (0 for a new tab). */
  kept_inputs: number;
}

export interface FollowUpJson {
  file: string;
  output: string;
  report: FollowUpReport;
  year: number;
  period_end: string;
  tabs: FollowUpTabJson[];
  inputs: { found: string[]; missing: string[] };
}

/** `<dir>/<stem>-uppfoljning.xlsx` (or .xlsm, as the input) beside the input. */
export function defaultFollowUpOutput(input: string): string {
  const ext = extname(input);
  const stem = basename(input, ext);
  return join(dirname(input), `${stem}-uppfoljning${outputExtension(input)}`);
}

async function outputFor(io: CliIo, input: string, raw: string | boolean | undefined): Promise<string> {
  if (raw !== undefined) {
    if (typeof raw !== 'string' || raw.trim() === '') throw new CliError('followup: ange filen att skriva efter -o, t.ex. -o uppfoljning.xlsx');
    checkOutputExtension('followup', raw, input);
    if (resolve(raw) === resolve(input)) {
      throw new CliError(`followup: välj en annan fil för -o än arbetsboken ${input}; Budgetkoll skriver aldrig över indatafilen.`);
    }
    return raw;
  }
  const path = defaultFollowUpOutput(input);
  if (resolve(path) === resolve(input)) {
    throw new CliError(`followup: ange filen att skriva med -o; Budgetkoll skriver aldrig över indatafilen ${input}.`);
  }
  if (await fileExists(io, path)) {
    throw new CliError(
      `followup: ${path} finns redan och skrivs inte över (där kan finnas ifyllda värden). ` +
        `Kör followup på den filen för att uppdatera flikarna, eller ange en ny fil med -o.`,
    );
  }
  return path;
}

/** Lower case without diacritics and separators: "Socialnämnden" → "socialnamnden". */
function folded(name: string): string {
  return normalizeKey(name).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/g, '');
}

/** The known nämnd a misspelt or shortened name most likely means, or null. */
export function suggestBoardName(name: string, known: readonly string[]): string | null {
  const target = folded(name);
  if (target === '') return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const k = folded(candidate);
    // "Socialnamnd" for "Socialnämnden", "Tekniska" for "Tekniska nämnden".
    const distance = k.startsWith(target) && target.length >= 4 ? 0.5 : editDistance(target, k);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(target.length / 3)) ? best : null;
}

/** The boards asked for, as spelt in the workbook; an unknown one is a CliError with a suggestion. */
export function resolveBoards(model: BudgetModel, asked: readonly string[], all: boolean): string[] {
  const known = followUpBoards(model);
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (board: string) => {
    const k = normalizeKey(board);
    if (seen.has(k)) return;
    seen.add(k);
    out.push(board);
  };
  if (all) known.forEach(add);
  for (const name of asked) {
    if (isKommunBoard(name)) {
      add(KOMMUN_BOARD);
      continue;
    }
    const match = known.find((b) => normalizeKey(b) === normalizeKey(name));
    if (match) {
      add(match);
      continue;
    }
    const suggestion = suggestBoardName(name, [...known, KOMMUN_BOARD]);
    throw new CliError(
      `followup: nämnden "${name}" finns inte i Driftbudget eller Ramar.` +
        (suggestion ? ` Menade du "${suggestion}"?` : '') +
        (known.length > 0 ? ` Nämnder: ${known.join(', ')} (eller ${KOMMUN_BOARD}).` : ''),
    );
  }
  return out;
}

export const followUpCommand: Command = {
  name: 'followup',
  summary: 'Skapa eller uppdatera uppföljningsflikar (MU april, delår, årsbokslut)',
  help: {
    usage: [
      'budgetkoll followup FIL.xlsx --report april|august|december (--board NÄMND... | --all)',
      '[--year ÅR] [-o UT.xlsx] [--format text|json]',
    ],
    about: [
      'Skapar standardfliken för uppföljningen per nämnd (eller för hela kommunen med',
      '--board Kommunen): ekonomisk uppföljning med levande formler mot Driftbudget och Utfall,',
      'åtgärder, inriktningar, uppdrag, personal m.m. enligt rapporten. Finns redan en flik som',
      'Budgetkoll skapat för samma rapport, nämnd och år uppdateras den i stället, och allt som',
      'fyllts i behålls (rader som försvunnit hamnar under "Borttagna rader").',
      '',
      'Rapporter: april = Fördjupad månadsuppföljning (MU april), august = Delårsbokslut,',
      'december = Årsbokslut.',
    ],
    flags: [
      FLAG_HELP.report,
      { flag: '--board NÄMND', text: 'nämnden som i Driftbudget; kan anges flera gånger; Kommunen = hela kommunen' },
      { flag: '--all', text: 'alla nämnder i Driftbudget och Ramar' },
      { flag: '--year ÅR', text: 'året som följs upp (standard: budgetåret i Parametrar)' },
      {
        flag: '-o, --output FIL',
        text: [
          'arbetsboken att skriva (standard: <fil>-uppfoljning.xlsx bredvid FIL;',
          'den skrivs aldrig över om den redan finns). Indatafilen ändras aldrig.',
        ],
      },
      FLAG_HELP.format,
      FLAG_HELP.mapping,
    ],
    exitCodes: [
      '0 = flikarna skrevs, 1 = inget skrevs: ett namn i indata har en osynlig skillnad',
      '(cellerna listas; rätta dem först), 2 = kunde inte köras (t.ex. okänd nämnd eller oläsbar fil).',
    ],
    examples: [
      'budgetkoll followup budget.xlsx --report august --all',
      'budgetkoll followup budget.xlsx --report april --board "Socialnämnden" -o soc-april.xlsx',
      'budgetkoll followup budget-uppfoljning.xlsx --report august --all -o budget-uppfoljning-2.xlsx',
    ],
  },
  flags: { ...sharedFlags('report', 'year', 'output', 'format', 'mapping'), board: { type: 'string', multiple: true }, all: { type: 'boolean' } },
  files: true,
  async run({ values, positionals }, io) {
    const format = outputFormat('followup', values.format);
    const report = reportFlag('followup', values.report);
    const file = oneWorkbook('followup', positionals, 'budgetkoll followup budget.xlsx --report august --all');
    const asked = (values.board as unknown as string[] | undefined) ?? [];
    const all = values.all === true;
    if (!all && asked.length === 0) throw new CliError('followup: ange nämnden med --board NAMN (eller Kommunen), eller --all för alla nämnder.');
    const output = await outputFor(io, file, values.output);
    await refuseInputAsOutput(io, 'followup', output, [file]);
    const mapping = await loadMappingFile(io, textFlag(values.mapping));

    let port: SavableWorkbookPort;
    let model: BudgetModel;
    let tabs: FilledTab[];
    let sheetNames: string[];
    try {
      port = await openForWriting(io, file);
      ({ model, tabs, sheetNames } = await readFollowUp(port, undefined, mapping));
    } catch (error) {
      io.stderr(unreadableLine(file, asWorkbookError(error)));
      return EXIT_CANNOT_RUN;
    }
    // Tabs written through a mapping that no longer fits would read the wrong cells: nothing is written.
    const stale = model.findings.filter((f) => f.rule === 'MAP-STALE');
    if (stale.length > 0) {
      io.stderr(`budgetkoll: ${file}: kopplingen passar inte arbetsboken, så inga flikar skrevs. Koppla om (budgetkoll map --help).\n`);
      if (format === 'json') io.stdout(`${JSON.stringify({ file, written: false, findings: stale.map(findingJson), summary: summarize(stale) }, null, 2)}\n`);
      else io.stdout(`${findingsText(stale).join('\n')}\n`);
      return EXIT_FINDINGS;
    }
    if (!model.layouts.driftbudget) {
      throw new CliError(`followup: ${file}: Driftbudget saknas, så det finns inget att följa upp. Lägg till tabellen Driftbudget (se budgetkoll template).`);
    }
    const blockers = writeBlockers(model.findings, model.layouts);
    if (blockers.length > 0) {
      io.stderr(`budgetkoll: ${file}: ${blockedMessage(blockers).sv}\n`);
      if (format === 'json') io.stdout(`${JSON.stringify({ file, written: false, findings: blockers.map(findingJson), summary: summarize(blockers) }, null, 2)}\n`);
      else io.stdout(`${findingsText(blockers).join('\n')}\n`);
      return EXIT_FINDINGS;
    }
    const year = integerFlag('followup', '--year', values.year, model.years?.[0] ?? NaN, 2000, 2098);
    if (!Number.isInteger(year)) throw new CliError(`followup: ${file}: budgetåret framgår inte av arbetsboken; ange det med --year ÅR.`);
    const boards = resolveBoards(model, asked, all);
    if (boards.length === 0) throw new CliError(`followup: ${file}: Driftbudget och Ramar nämner inga nämnder.`);

    const tabsWritten = await writeFollowUpTabs(port, { model, tabs, sheetNames }, { report, year, boards, now: new Date() });
    const written: FollowUpTabJson[] = tabsWritten.map((t) => ({
      name: t.name,
      report,
      board: t.board,
      year,
      period_end: periodEndDate(report, year),
      action: t.action,
      kept_inputs: t.keptInputs,
    }));
    await saveWorkbookBytes(io, output, await port.toBuffer());

    const used = inputsUsed(model.layouts, report, boards);
    if (format === 'json') {
      const out: FollowUpJson = {
        file,
        output,
        report,
        year,
        period_end: periodEndDate(report, year),
        tabs: written,
        inputs: { found: used.found.map((id) => inputDef(id).name), missing: used.missing.map((id) => inputDef(id).name) },
      };
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      const lines = [`${reportName(report)} ${year}, period t.o.m. ${periodEndDate(report, year)}: skrev ${output}`];
      const width = Math.max(...written.map((t) => t.name.length));
      for (const t of written) {
        const what = t.action === 'refreshed' ? `uppdaterad, ${t.kept_inputs} ifyllda värden behölls` : 'ny flik';
        lines.push(`  ${t.name.padEnd(width)}  ${isKommunBoard(t.board) ? 'hela kommunen' : t.board} (${what})`);
      }
      lines.push('', `Indata som används: ${used.found.map((id) => inputDef(id).name).join(', ') || 'inga'}`);
      if (used.missing.length > 0) {
        lines.push('Indata som saknas:');
        for (const id of used.missing) lines.push(`  ${inputDef(id).name}${MISSING_MEANS[id] ? ` – ${MISSING_MEANS[id]}` : ''}`);
      }
      io.stdout(`${lines.join('\n')}\n`);
    }
    return EXIT_OK;
  },
};
