/**
 * `budgetkoll allocate FILE`: the resursfördelningsmodell (docs/resursfordelning.md) on one workbook. The
 * result per nämnd and year (and per activity) on stdout as a Swedish table in tkr or as JSON in
 * integer kronor; with -o, a copy of the workbook with the transparent result tab added.
 * Exit codes as for validate: 0 no errors, 1 errors in the allocation inputs, 2 could not run.
 */
import type { AllocationResult, BoardResult } from '../../core/allocation/model';
import { summarize, type Finding, type FindingSummary } from '../../core/findings';
import type { BudgetModel, Triple } from '../../core/recognition/model';
import { formatNumberSv } from '../../core/text/numbers';
import type { SavableWorkbookPort, WorkbookReader } from '../../core/workbook/port';
import { readAllocation, type AllocationOutcome } from '../../jobs/allocation';
import { oneWorkbook, textFlag } from '../args';
import { findingJson, findingsText, summaryLine, type FindingJson } from '../findings-output';
import { EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK } from '../io';
import { allocationOutputPath, writeAllocationWorkbook } from '../allocation-output';
import { refuseInputAsOutput } from '../write-workbook';
import { asWorkbookError, openForReading, openForWriting, unreadableLine } from '../open-workbook';
import { loadRuleConfig } from '../rule-config';
import { loadMappingFile } from '../mapping-file';
import { outputFormat } from './validate';
import { FLAG_HELP, sharedFlags, type Command } from './command';

/** Amounts per year, keyed by the year as a string ("2027"). */
export type PerYear = Record<string, number>;

export interface AllocateJson {
  file: string;
  years: Triple | null;
  mode: string;
  correction: string;
  boards: {
    board: string;
    compensation_kr: PerYear;
    other_kr: PerYear;
    /** Utgångsram × Ib(y), rounded (Delta with a base frame), else null. */
    indexed_base_kr: PerYear | null;
    proposed_kr: PerYear | null;
    frame_kr: PerYear | null;
    /** Ramar − förslag: political priorities and other. */
    difference_kr: PerYear | null;
  }[];
  activities: {
    board: string;
    activity: string;
    measure: string;
    correction: number;
    compensation_kr: PerYear;
    /** Mode Nivå: ROUND(c(y) × Prognos y). */
    level_kr: PerYear;
    sheet: string;
    row: number;
  }[];
  excluded: { sheet: string; cell: string; reason: string; reason_en: string }[];
  findings: FindingJson[];
  summary: FindingSummary;
}

function perYear(years: Triple, values: readonly number[]): PerYear {
  return { [years[0]]: values[0], [years[1]]: values[1], [years[2]]: values[2] };
}

export function allocateJson(file: string, model: BudgetModel, result: AllocationResult | null, findings: readonly Finding[]): AllocateJson {
  const years = result?.years ?? null;
  const py = (v: readonly number[] | null) => (v && years ? perYear(years, v) : null);
  return {
    file,
    years,
    mode: result?.mode ?? model.parameters.mode,
    correction: result?.correctionRule ?? model.parameters.correction,
    boards: (result?.boards ?? []).map((b) => ({
      board: b.board,
      compensation_kr: py(b.compensation)!,
      other_kr: py(b.other)!,
      indexed_base_kr: py(b.indexedBase),
      proposed_kr: py(b.proposed),
      frame_kr: py(b.frame),
      difference_kr: py(b.difference),
    })),
    activities: (result?.activities ?? []).map((a) => ({
      board: a.board,
      activity: a.activity,
      measure: a.measure,
      correction: a.correction,
      compensation_kr: py(a.compensation)!,
      level_kr: py(a.level)!,
      sheet: a.sheet,
      row: a.row + 1,
    })),
    excluded: (result?.excluded ?? []).map((e) => ({ sheet: e.sheet, cell: e.cell, reason: e.reason, reason_en: e.reason_en })),
    findings: findings.map(findingJson),
    summary: summarize(findings),
  };
}

/** tkr with one decimal in Swedish format ("1 048 565,0"). */
function tkr(kronor: number): string {
  return formatNumberSv(kronor / 1000, 1);
}

type TableRow = { label: string; values: (number | null)[] };

function amountText(v: number | null): string {
  return v === null ? '–' : tkr(v);
}

/** A titled block: the title with the years, then one line per row; amounts right-aligned to `width`. */
function table(rows: readonly TableRow[], years: Triple, title: string, width: number, minLabelWidth = 0): string[] {
  const indent = '  ';
  const labelWidth = Math.max(minLabelWidth, title.length - indent.length, ...rows.map((r) => r.label.length));
  const lines = [`${title.padEnd(labelWidth + indent.length)}${years.map((y) => String(y).padStart(width + 2)).join('')}`];
  for (const r of rows) lines.push(`${indent}${r.label.padEnd(labelWidth)}${r.values.map((v) => amountText(v).padStart(width + 2)).join('')}`);
  return lines;
}

function boardRows(b: BoardResult, result: AllocationResult): TableRow[] {
  const rows: TableRow[] = [];
  const delta = result.mode === 'Delta';
  if (delta && b.indexedBase) rows.push({ label: 'Uppräknad utgångsram', values: b.indexedBase });
  rows.push({ label: delta ? 'Volymkompensation' : 'Volymbaserad nivå', values: b.compensation });
  rows.push({ label: 'Övriga förändringar', values: b.other });
  rows.push({ label: 'Förslag till ram', values: b.proposed ?? [null, null, null] });
  if (b.frame) rows.push({ label: 'Ram enligt Ramar', values: b.frame });
  if (b.difference) rows.push({ label: 'Skillnad (politiska prioriteringar och övrigt)', values: b.difference });
  return rows;
}

export function allocateText(file: string, result: AllocationResult | null, findings: readonly Finding[]): string[] {
  const lines: string[] = [];
  if (!result) {
    lines.push(`Resursfördelning för ${file}`, '', 'Resursfördelningen kunde inte beräknas: budgetåren gick inte att fastställa (se anmärkningarna).');
  } else {
    const [y1, , y3] = result.years;
    lines.push(
      `Resursfördelning ${y1}–${y3} för ${file}`,
      `Modell ${result.mode}, korrigering ${result.correctionRule}, prisnivå ${result.priceLevel}. Belopp i tkr.`,
    );
    if (result.boards.length === 0) lines.push('', 'Inga nämnder att fördela till.');
    const boardTables = result.boards.map((b) => ({ title: b.board, rows: boardRows(b, result) }));
    const activityRows: TableRow[] = result.activities.map((a) => ({
      label: `${a.board}, ${a.activity} (${a.measure}), K = ${a.correction > 0 ? '+' : ''}${formatNumberSv(a.correction)}`,
      values: result.mode === 'Delta' ? a.compensation : a.level,
    }));
    // One column width for every block, so the years line up down the page.
    const width = Math.max(9, ...[...boardTables.flatMap((t) => t.rows), ...activityRows].flatMap((r) => r.values.map((v) => amountText(v).length)));
    // …and across the nämnd blocks.
    const labelWidth = Math.max(0, ...boardTables.flatMap((t) => [t.title.length - 2, ...t.rows.map((r) => r.label.length)]));
    for (const t of boardTables) lines.push('', ...table(t.rows, result.years, t.title, width, labelWidth));
    if (activityRows.length > 0) {
      lines.push('', ...table(activityRows, result.years, result.mode === 'Delta' ? 'Kompensation per verksamhet' : 'Nivå per verksamhet', width));
    }
    if (result.excluded.length > 0) {
      lines.push('', 'Utelämnade rader (räknas inte som noll):');
      for (const e of result.excluded) lines.push(`  ${e.sheet}!${e.cell}  ${e.reason}`);
    }
  }
  lines.push('', 'Anmärkningar på indata', ...findingsText(findings), `  ${summaryLine(summarize(findings))}`);
  return lines;
}

export const allocateCommand: Command = {
  name: 'allocate',
  summary: 'Räkna resursfördelningen (volymer, kompensation, förslag till ram)',
  help: {
    usage: 'budgetkoll allocate FIL.xlsx [-o RESULTAT.xlsx] [--format text|json] [--config inställningar.json]',
    about: [
      'Räknar resursfördelningsmodellen: kostnad per volymenhet, volymförändring, kompensation,',
      'övriga förändringar och förslag till ram per nämnd och år, jämfört med Ramar. Indata:',
      'Volymer (krävs), Utgångsramar, Övriga förändringar, Parametrar och Ramar.',
      'Utan Utgångsramar beräknas bara kompensationen, inget förslag till ram.',
    ],
    flags: [
      {
        flag: '-o, --output FIL',
        text: ['skriv en kopia av arbetsboken med fliken "Resursfördelning <år>"', '(levande formler mot indatacellerna); indatafilen ändras aldrig'],
      },
      { flag: '--format F', text: 'text (standard, tabeller i tkr) eller json (hela kronor)' },
      FLAG_HELP.config,
      FLAG_HELP.mapping,
    ],
    exitCodes: ['0 = inga fel i indata, 1 = fel i indata, 2 = kunde inte köras.'],
    examples: [
      'budgetkoll allocate budget.xlsx',
      'budgetkoll allocate budget.xlsx --format json > resursfordelning.json',
      'budgetkoll allocate budget.xlsx -o budget-resursfordelning.xlsx',
    ],
  },
  flags: sharedFlags('output', 'format', 'config', 'mapping'),
  files: true,
  async run({ values, positionals }, io) {
    const format = outputFormat('allocate', values.format);
    const file = oneWorkbook('allocate', positionals, 'budgetkoll allocate budget.xlsx');
    const output = values.output === undefined ? undefined : allocationOutputPath(file, values.output);
    if (output) await refuseInputAsOutput(io, 'allocate', output, typeof values.config === 'string' ? [file, values.config] : [file]);
    const overrides = await loadRuleConfig(io, textFlag(values.config));
    const mapping = await loadMappingFile(io, textFlag(values.mapping));

    // Writing needs the whole workbook (ExcelJS); only reading takes the lean path.
    let writable: SavableWorkbookPort | null = null;
    let outcome: AllocationOutcome;
    try {
      let port: WorkbookReader;
      if (output) port = writable = await openForWriting(io, file);
      else port = await openForReading(io, file);
      outcome = await readAllocation(port, { overrides, ...(mapping ? { mapping } : {}) });
    } catch (error) {
      io.stderr(unreadableLine(file, asWorkbookError(error)));
      return EXIT_CANNOT_RUN;
    }
    const { model, result, findings } = outcome;

    if (result && result.mode === 'Delta' && !result.hasBaseFrames) {
      io.stderr(`budgetkoll: ${file}: Utgångsramar saknas, så bara kompensationen för volymförändringar beräknas – inget förslag till ram.\n`);
    }

    if (output && writable) {
      if (result) {
        const name = await writeAllocationWorkbook(io, writable, output, outcome);
        io.stderr(`Skrev ${output}: arbetsboken med fliken ${name}.\n`);
      } else {
        io.stderr(`budgetkoll: ${file}: resursfördelningen kunde inte beräknas, så ${output} skrevs inte.\n`);
      }
    }

    if (format === 'json') io.stdout(`${JSON.stringify(allocateJson(file, model, result, findings), null, 2)}\n`);
    else io.stdout(`${allocateText(file, result, findings).join('\n')}\n`);
    if (!result && findings.every((f) => f.severity !== 'error')) return EXIT_CANNOT_RUN;
    return findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
  },
};
