/**
 * `budgetkoll diff OLD.xlsx NEW.xlsx`: Jämför versioner. Per nämnd and year the change in net
 * Driftbudget (and Ramar), the Driftbudget rows added, removed or with a changed amount (cell
 * references), nämnder renamed, and the typed inputs of owned follow-up tabs that changed. Swedish
 * text in tkr, or JSON in whole kronor. Exit codes: 0 no differences, 1 differences found, 2 could
 * not run (bad arguments, a file that cannot be read or holds no Driftbudget).
 */
import { hasDifferences, type BoardRename, type FollowUpInputChange, type FollowUpTabChange, type InputValue, type RowChange, type VersionDiff, type YearAmounts } from '../../core/compare';
import { fieldLabel } from '../../core/followup/layout';
import type { Mapping } from '../../core/inputs/mapping';
import { formatNumberSv } from '../../core/text/numbers';
import type { WorkbookReader } from '../../core/workbook/port';
import { compareWorkbooks, VersionReadError } from '../../jobs/compare';
import { CliError, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io';
import { loadMappingFile } from '../mapping-file';
import { asWorkbookError, openForReading, unreadableLine } from '../open-workbook';
import { outputFormat } from './validate';
import { sharedFlags, type Command } from './command';
import { textFlag } from '../args';

/** Amounts per year, keyed by the year as a string ("2027"), as allocate's JSON. */
export type PerYear = Record<string, number>;

export interface AmountsJson {
  old_kr: PerYear;
  new_kr: PerYear;
  change_kr: PerYear;
}

export interface DiffJson {
  old: string;
  new: string;
  /** True when anything below is non-empty (exit code 1). */
  differences: boolean;
  years: number[];
  boards: { board: string; net: AmountsJson; frames: AmountsJson | null }[];
  rows: (Omit<RowChange, 'amounts'> & { amounts: { year: number; old_kr: number | null; new_kr: number | null; cell: string | null }[] })[];
  renamed: BoardRename[];
  follow_up: (Omit<FollowUpTabChange, 'inputs'> & { inputs: (Omit<FollowUpInputChange, 'removedRow' | 'old' | 'new' | 'cell'> & InputJson)[] })[];
}

/** A changed input's tail in the JSON: snake_case, as the rest of the CLI's JSON. */
interface InputJson {
  removed_row: boolean;
  old: InputValue | null;
  new: InputValue | null;
  cell: string | null;
}

function amountsJson(amounts: readonly YearAmounts[]): AmountsJson {
  const out: AmountsJson = { old_kr: {}, new_kr: {}, change_kr: {} };
  for (const a of amounts) {
    out.old_kr[a.year] = a.old;
    out.new_kr[a.year] = a.new;
    out.change_kr[a.year] = a.change;
  }
  return out;
}

export function diffJson(oldFile: string, newFile: string, diff: VersionDiff): DiffJson {
  return {
    old: oldFile,
    new: newFile,
    differences: hasDifferences(diff),
    years: diff.years,
    boards: diff.boards.map((b) => ({ board: b.board, net: amountsJson(b.net), frames: b.frames ? amountsJson(b.frames) : null })),
    rows: diff.rows.map(({ amounts, ...row }) => ({ ...row, amounts: amounts.map((a) => ({ year: a.year, old_kr: a.old, new_kr: a.new, cell: a.cell })) })),
    renamed: diff.renamed.map((r) => ({ ...r })),
    follow_up: diff.followUp.map(({ inputs, ...tab }) => ({
      ...tab,
      inputs: inputs.map(({ removedRow, old, new: neu, cell, ...input }) => ({ ...input, removed_row: removedRow, old, new: neu, cell })),
    })),
  };
}

/** tkr with one decimal in Swedish format ("1 048 565,0"). */
function tkr(kronor: number): string {
  return formatNumberSv(kronor / 1000, 1);
}

/** A change with its sign: "+20,0", "−5,0", "0,0". */
function signedTkr(kronor: number): string {
  return kronor > 0 ? `+${tkr(kronor)}` : tkr(kronor);
}

/** "Flik!A1", the sheet quoted when its name is not one plain word ('Delår aug 2027 Socialnämnden'!F12). */
export function cellRef(sheet: string, cell: string): string {
  return /^[\p{L}\d_]+$/u.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

function amountTable(title: string, entries: readonly { board: string; amounts: readonly YearAmounts[] }[]): string[] {
  const head = ['Nämnd', 'År', 'Förut', 'Nu', 'Förändring'];
  const body = entries.flatMap((e) => e.amounts.map((a) => [e.board, String(a.year), tkr(a.old), tkr(a.new), signedTkr(a.change)]));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`.trimEnd();
  return [title, line(head), `  ${'─'.repeat(widths.reduce((s, w) => s + w, 0) + 2 * (widths.length - 1))}`, ...body.map(line)];
}

function rowLabel(r: RowChange): string {
  return [r.board, r.activity, [r.account, r.description].filter((t) => t !== '').join(' ')].filter((t) => t !== '').join(', ');
}

function rowLines(r: RowChange): string[] {
  const ref = cellRef(r.sheet, r.cell);
  if (r.kind === 'changed') {
    const years = r.amounts.map((a) => `${a.cell ? `${cellRef(r.sheet, a.cell)} ` : ''}${a.year}: ${a.old === null ? '–' : tkr(a.old)} → ${a.new === null ? '–' : tkr(a.new)}`);
    return [`  Ändrat belopp  ${rowLabel(r)}`, ...years.map((y) => `                 ${y} tkr`)];
  }
  const amounts = r.amounts.map((a) => `${a.year}: ${tkr((r.kind === 'added' ? a.new : a.old) ?? 0)}`).join('; ');
  return [r.kind === 'added' ? `  Ny rad         ${ref}  ${rowLabel(r)}: ${amounts} tkr` : `  Borttagen rad  ${ref} (förra versionen)  ${rowLabel(r)}: ${amounts} tkr`];
}

function valueText(value: InputValue | null): string {
  if (value === null) return '(tomt)';
  if (typeof value === 'number') return formatNumberSv(value, Number.isInteger(value) ? 0 : 1);
  if (typeof value === 'boolean') return value ? 'SANT' : 'FALSKT';
  return `"${value}"`;
}

function followUpLines(t: FollowUpTabChange): string[] {
  if (t.kind === 'added') return [`  ${t.sheet}: ny flik`];
  if (t.kind === 'removed') return [`  ${t.sheet}: fliken finns inte längre`];
  return [
    `  ${t.sheet}`,
    ...t.inputs.map((i) => {
      const where = i.cell ? `${cellRef(t.sheet, i.cell)}  ` : '';
      const what = `${i.label || i.item} (${fieldLabel(i.field).toLocaleLowerCase('sv-SE')}${i.removedRow ? ', borttagen rad' : ''})`;
      return `    ${where}${what}: ${valueText(i.old)} → ${valueText(i.new)}`;
    }),
  ];
}

export function diffText(oldFile: string, newFile: string, diff: VersionDiff): string[] {
  const lines = [`Jämförelse av ${oldFile} (förut) och ${newFile} (nu)`];
  if (!hasDifferences(diff)) return [...lines, 'Inga skillnader.'];
  lines.push('Belopp i tkr.');
  if (diff.boards.length > 0) lines.push('', ...amountTable('Nettobudget per nämnd och år', diff.boards.map((b) => ({ board: b.board, amounts: b.net }))));
  const frames = diff.boards.filter((b) => b.frames);
  if (frames.length > 0) lines.push('', ...amountTable('Ramar per nämnd och år', frames.map((b) => ({ board: b.board, amounts: b.frames! }))));
  if (diff.rows.length > 0) lines.push('', `Ändrade rader (${diff.rows.length})`, ...diff.rows.flatMap(rowLines));
  if (diff.renamed.length > 0) {
    lines.push('', 'Nämnder med nytt namn');
    for (const r of diff.renamed) {
      lines.push(`  ${r.old} → ${r.new} (${formatNumberSv(Math.round(r.identical * 100))} % av raderna oförändrade, ${cellRef(r.sheet, r.cell)})`);
    }
  }
  if (diff.followUp.length > 0) lines.push('', 'Uppföljningsflikar', ...diff.followUp.flatMap(followUpLines));
  return lines;
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Jämför två versioner av en arbetsbok (nämnder, rader, uppföljningsflikar)',
  help: {
    usage: 'budgetkoll diff FÖRUT.xlsx NU.xlsx [--format text|json] [--mapping koppling.json]',
    about: [
      'Jämför två versioner av samma budgetarbetsbok och visar vad som ändrats:',
      '  - nettobudgeten (Driftbudget) per nämnd och år, förut, nu och förändringen, och Ramar om de ändrats;',
      '  - raderna i Driftbudget som lagts till, tagits bort eller fått ändrat belopp, med cellreferens',
      '    (raderna matchas på nämnd, verksamhet, konto och benämning);',
      '  - nämnder som bytt namn (samma rader, minst 90 % lika) – en rad i stället för alla raderna;',
      '  - det som fyllts i på uppföljningsflikarna (kommentarer, status, prognos …) och ändrats.',
    ],
    flags: [
      { flag: '--format F', text: 'text (standard, belopp i tkr) eller json (belopp i hela kronor)' },
      { flag: '--mapping FIL', text: 'en koppling (JSON) för båda versionerna (se budgetkoll map --help)' },
    ],
    exitCodes: [
      '0 = inga skillnader, 1 = skillnader hittades, 2 = kunde inte köras (t.ex. en fil som',
      'inte går att läsa eller saknar Driftbudget).',
    ],
    examples: [
      'budgetkoll diff budget-v1.xlsx budget-v2.xlsx',
      'budgetkoll diff budget-v1.xlsx budget-v2.xlsx --format json > skillnader.json',
    ],
  },
  flags: sharedFlags('format', 'mapping'),
  files: true,
  async run({ values, positionals }, io) {
    const format = outputFormat('diff', values.format);
    if (positionals.length !== 2) throw new CliError('diff: ange två arbetsböcker, den förra versionen först, t.ex. budgetkoll diff budget-v1.xlsx budget-v2.xlsx');
    const [oldFile, newFile] = positionals;
    const mapping = await loadMappingFile(io, textFlag(values.mapping));

    const diff = await compareFiles(io, oldFile, newFile, mapping);
    if (!diff) return EXIT_CANNOT_RUN;
    if (format === 'json') io.stdout(`${JSON.stringify(diffJson(oldFile, newFile, diff), null, 2)}\n`);
    else io.stdout(`${diffText(oldFile, newFile, diff).join('\n')}\n`);
    return hasDifferences(diff) ? EXIT_FINDINGS : EXIT_OK;
  },
};

/** The comparison, or null after one line on stderr naming the file that could not be read. */
async function compareFiles(io: CliIo, oldFile: string, newFile: string, mapping: Mapping | undefined): Promise<VersionDiff | null> {
  const open = async (file: string): Promise<WorkbookReader | null> => {
    try {
      return await openForReading(io, file);
    } catch (error) {
      io.stderr(unreadableLine(file, asWorkbookError(error)));
      return null;
    }
  };
  const oldPort = await open(oldFile);
  const newPort = await open(newFile);
  if (!oldPort || !newPort) return null;
  try {
    return await compareWorkbooks(oldPort, newPort, mapping ? { mapping } : {});
  } catch (error) {
    if (!(error instanceof VersionReadError)) throw error;
    io.stderr(unreadableLine(error.version === 'old' ? oldFile : newFile, asWorkbookError(error.reason)));
    return null;
  }
}
