/**
 * Sammanställning (KS level): the follow-up tabs of all nämnder — in this workbook, or read from
 * several nämnd workbooks — compiled into one kommun tab: totals per nämnd and for the kommun,
 * each nämnd's submission status and check result, the åtgärder reported, and the balanskrav.
 * Tabs in the same workbook are referenced by live formulas and linked; tabs from other files are
 * copied as values (a workbook cannot follow a link into a file it does not have).
 */
import { quoteSheetName, toA1 } from '../a1';
import type { Finding } from '../findings';
import { RULE_CATALOGUE, type RuleEntry } from '../messages/rule-catalogue';
import type { BudgetModel } from '../recognition/model';
import { normalizeKey } from '../text/normalize';
import { FORMAT_VERSION, fillMarkerRow } from '../workbook/marker';
import { CellError, type RawValue } from '../workbook/raw';
import { emptySheetSpec, type SheetSpec, type SpecCell, type SpecValue } from '../workbook/sheet-spec';
import { formatDateTimeSv, setFollowUpTabLook } from './build-tab';
import { checkFollowUpTab } from './check';
import { budgetColumn } from './context';
import { budgetSums, sumOf } from './figures';
import { cachedValue, columnTotal, type CellResult } from './cached';
import { sameRowR1C1 } from '../workbook/r1c1';
import type { FilledCell, FilledRow, FilledTab, FilledTabInputs, TypedInput } from './filled';
import { budgetFormula, exactCriterion, hasDataRows, keyedRowLookup } from './formulas';
import { totalKeyPrefix } from './row-keys';
import { COL, COLUMN_WIDTHS, FORMATS } from './layout';
import { typedInputs } from './read-tab';
import { consolidationTabName, isKommunBoard, KOMMUN_BOARD, periodEndDate, reportInfo, type FollowUpReport } from './reports';
import { balanceRequirementRows } from './sections/kommun';
import { removedSection } from './sections/removed';
import { economyHeader, totalBand } from './sections/economy';
import { InputBook } from './input-book';
import type { FieldCell } from './row-shape';
import { TabBuilder, textCell } from './tab-builder';

export interface ConsolidationOptions {
  /** Shown as "Sammanställd"; omitted when not given (the spec stays a pure function of its inputs). */
  generatedAt?: Date;
  /** Kommun name; default Parametrar: Kommun of the model. */
  kommun?: string;
  /** What was typed on an earlier version of this compilation (the balanskrav), read with readFollowUpTab. */
  previous?: FilledTabInputs;
}

const ECONOMY_FIELDS: Record<'interim' | 'annual', [string, number][]> = {
  interim: [['budget', COL.c], ['budgetToDate', COL.d], ['actual', COL.e], ['diffToDate', COL.f], ['forecast', COL.g], ['diffYear', COL.h]],
  annual: [['budget', COL.c], ['actual', COL.d], ['diff', COL.e]],
};

function valueOf(cell: FilledCell | undefined): SpecValue {
  const v: RawValue | undefined = cell?.value;
  if (v === undefined || v === null || v instanceof CellError) return null;
  return v;
}

function numberOf(cell: FilledCell | undefined): number | null {
  const v = valueOf(cell);
  return typeof v === 'number' ? v : null;
}

function statusText(tab: FilledTab): string {
  const v = valueOf(tab.status ?? undefined);
  return v === null ? '(ingen status)' : String(v);
}

function sourceName(tab: FilledTab): string {
  return tab.workbook ? `${tab.workbook}: ${tab.sheet}` : tab.sheet;
}

/**
 * Builds the kommun's compilation tab for one report and year. `filledTabs` may hold tabs of other
 * reports, years or kinds: only the nämnd tabs of this report and year are compiled (a "Kommunen"
 * tab lends its balanskrav figures). `model` (the workbook's inputs) lists nämnder without a tab
 * and gives their budget; it may be null (CLI over nämnd files only).
 */
/** A nämnd tab as the compilation reads it, with its check already run (compiledTab). */
export type CompiledTab = FilledTab & { checked: Finding[] };

/**
 * What the compilation reads of one read tab: its check before submission, run now, and the rows
 * it copies (the Ekonomi total and the åtgärder it lists); a kommun tab whole (its balanskrav). A KS
 * compiling 30 large nämnd files keeps these, not each file's thousands of rows (the CLI's
 * consolidate reads file by file). buildConsolidation gives the same tab from these as from the
 * full tabs.
 */
export function compiledTab(tab: FilledTab, model: BudgetModel | null = null): CompiledTab {
  const checked = checkFollowUpTab(tab, tab.workbook ? null : model);
  if (tab.kind !== 'uppfoljning' || isKommunBoard(tab.board)) return { ...tab, checked };
  // Only the åtgärder the compilation lists: a nämnd tab on L has 7 000 åtgärd rows, most empty.
  const rows = tab.rows.filter((r) => (r.key.section === 'ekonomi' && r.key.total) || listedMeasure(r));
  return { ...tab, rows, checked };
}

/** An åtgärd row the compilation lists: a measure written, or a deficit (with or without one). */
function listedMeasure(row: FilledRow): boolean {
  if (row.key.section !== 'atgarder' || row.removed) return false;
  const deviation = numberOf(row.formulas.deviation);
  return valueOf(row.inputs.measure) !== null || (deviation !== null && deviation < 0);
}

export function buildConsolidation(
  filledTabs: readonly FilledTab[],
  model: BudgetModel | null,
  year: number,
  report: FollowUpReport,
  options: ConsolidationOptions = {},
): SheetSpec {
  const info = reportInfo(report);
  const december = report === 'december';
  const relevant = filledTabs.filter((t) => t.kind === 'uppfoljning' && t.report === report && t.year === year);
  const kommunTab = relevant.find((t) => isKommunBoard(t.board)) ?? null;
  const boardTabs = relevant.filter((t) => !isKommunBoard(t.board));

  // Nämnder: the model's order first (Driftbudget), then any tab's nämnd the model lacks.
  const order = new Map<string, string>();
  for (const r of model?.operatingBudget ?? []) if (r.board !== '' && !order.has(normalizeKey(r.board))) order.set(normalizeKey(r.board), r.board);
  for (const t of boardTabs) if (!order.has(normalizeKey(t.board))) order.set(normalizeKey(t.board), t.board);
  const tabsByBoard = new Map<string, FilledTab[]>();
  for (const t of boardTabs) tabsByBoard.set(normalizeKey(t.board), [...(tabsByBoard.get(normalizeKey(t.board)) ?? []), t]);

  const seeds: TypedInput[] = kommunTab
    ? typedInputs(kommunTab).values.filter((v) => v.key.section === 'balanskrav').map((v) => ({ ...v, origin: 'removed' as const }))
    : [];
  const previous = options.previous?.values ?? [];
  const book = new InputBook({ values: [...previous, ...seeds] });
  const b = new TabBuilder(book);
  const kommun = options.kommun ?? model?.parameters.kommun ?? '';
  let section = 1;
  const heading = (title: string) => b.heading(`${section++}. ${title}`);

  b.push({ [COL.text]: { value: `Sammanställning ${info.name.toLocaleLowerCase('sv-SE')} ${year}${kommun ? ` – ${kommun}` : ''}`, style: 'title' } });
  b.push({
    [COL.text]: { value: 'Sammanställd av Budgetkoll från nämndernas uppföljningsflikar. Belopp i tkr. Gula celler fylls i.', style: 'subtitle' },
  });
  b.blank();
  const line = (label: string, value: string | number) => b.push({ [COL.text]: textCell(label), [COL.c]: { value, style: 'text' } });
  line('Kommun', kommun);
  line('Rapport', info.label === info.name ? info.name : `${info.name} (${info.label})`);
  b.keyed({
    key: { section: 'huvud', board: KOMMUN_BOARD, item: 'period' },
    label: textCell('Period t.o.m.'),
    fields: [{ field: 'periodEnd', col: COL.c, kind: 'constant', value: periodEndDate(report, year), style: 'text' }],
  });
  if (options.generatedAt) line('Sammanställd', formatDateTimeSv(options.generatedAt));
  line('Underlag', `${boardTabs.length} nämndflikar av ${order.size} nämnder${kommunTab ? ' och kommunens flik' : ''}`);
  line('Formatversion', String(FORMAT_VERSION));
  b.blank();

  // ---- 1. Economy per nämnd
  heading(december ? 'Ekonomisk redovisning per nämnd (tkr)' : 'Ekonomisk uppföljning per nämnd (tkr)');
  b.note('Beloppen är formler mot nämndernas flikar i denna arbetsbok; flikar från andra filer visas med sina värden vid sammanställningen.');
  b.header(economyHeader(december, 'Nämnd', 'Underlag'));
  const fields = ECONOMY_FIELDS[december ? 'annual' : 'interim'];
  const drift = model?.layouts.driftbudget;
  const amountCol = model ? budgetColumn(drift, model, year) : -1;
  const budgetOf = model && hasDataRows(drift) && amountCol >= 0 ? budgetFormula(drift, amountCol) : null;
  const first = b.next;
  const duplicates: string[] = [];
  // The cached results of the total row: per column its SUM over the rows' cells (cached.ts).
  const columnCells = new Map<number, CellResult[]>(fields.map(([, col]) => [col, []]));
  const count = (col: number, value: CellResult) => columnCells.get(col)!.push(value);
  const budgetIndex = model?.years ? year - model.years[0] : -1;
  const budgets = model && budgetOf && budgetIndex >= 0 && budgetIndex <= 2 ? budgetSums(model, budgetIndex) : null;
  for (const [k, board] of order) {
    const tabs = tabsByBoard.get(k) ?? [];
    if (tabs.length > 1) duplicates.push(`${board} (${tabs.map(sourceName).join(', ')})`);
    const tab = tabs[0];
    const total = tab?.rows.find((r) => r.key.section === 'ekonomi' && r.key.total);
    const cells: FieldCell[] = [];
    let source: SpecCell;
    if (tab && total) {
      for (const [field, col] of fields) {
        const cell = total.formulas[field];
        if (!tab.workbook && cell) {
          const fixed = cell.cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
          const formula = keyedRowLookup(tab.sheet, cell.col, totalKeyPrefix('ekonomi', total.key.board), fixed);
          // Cached: what the nämnd's tab shows, as read; a formula cell read empty shows "" (its
          // cached empty text: Budgetkoll's totals carry one), an error value is unknown.
          const read = cell.value;
          const shown: CellResult = read === null || read === undefined ? '' : read instanceof CellError ? undefined : read;
          cells.push({ field, col, kind: 'formula', formula, numberFormat: FORMATS.tkr, value: cachedValue(shown) });
          count(col, shown);
        } else {
          cells.push({ field, col, kind: 'constant', value: numberOf(cell), numberFormat: FORMATS.tkr });
          if (cell) count(col, numberOf(cell));
        }
      }
      source = tab.workbook
        ? textCell(`${sourceName(tab)} · ${statusText(tab)}`)
        : { value: `${tab.sheet} · ${statusText(tab)}`, style: 'link', link: `${quoteSheetName(tab.sheet)}!${toA1(total.row, COL.text)}` };
    } else {
      if (budgetOf) {
        const value = budgets ? sumOf(budgets, board, null) / 1000 : undefined;
        cells.push({ field: 'budget', col: COL.c, kind: 'formula', formulaR1C1: budgetOf({ board: sameRowR1C1(COL.criterion), activity: null }), numberFormat: FORMATS.tkr, value });
        count(COL.c, value);
      }
      source = textCell(tab ? `${sourceName(tab)}: ingen ekonomisk uppföljning` : 'Ingen flik inlämnad', 'warning');
    }
    b.keyed({
      key: { section: 'ekonomi', board, item: '' },
      label: textCell(board),
      fields: cells,
      extra: { [COL.wide]: source, [COL.criterion]: { value: exactCriterion(board), style: 'marker' } },
    });
  }
  const last = b.next - 1;
  b.keyed({
    key: { section: 'ekonomi', board: KOMMUN_BOARD, item: '', total: true },
    label: textCell('Summa kommunen', 'total'),
    fields: fields.map(([field, col]) => ({
      field,
      col,
      kind: 'formula' as const,
      formula: last < first ? '=0' : `=SUM(${toA1(first, col)}:${toA1(last, col)})`,
      style: 'total' as const,
      numberFormat: FORMATS.tkr,
      value: last < first ? 0 : cachedValue(columnTotal(columnCells.get(col)!, false)),
    })),
    extra: totalBand(),
  });
  if (duplicates.length > 0) b.note(`Flera flikar för samma nämnd; den första används: ${duplicates.join('; ')}.`);
  b.blank();

  // ---- 2. Submission and check
  heading('Inlämning och kontroll');
  b.note('Status enligt nämndens flik och resultatet av kontrollen före inlämning (UPF-reglerna).');
  b.header({ [COL.text]: 'Nämnd', [COL.c]: 'Status', [COL.e]: 'Fel', [COL.f]: 'Varningar', [COL.g]: 'Första fel eller varning' }, { [COL.c]: COL.d, [COL.g]: COL.wide });
  for (const [k, board] of order) {
    const tab = tabsByBoard.get(k)?.[0];
    if (!tab) {
      b.push({ [COL.text]: textCell(board), [COL.c]: textCell('Ingen flik', 'warning'), [COL.d]: { style: 'warning' } });
      b.merge(b.next - 1, COL.c, COL.d);
      continue;
    }
    const findings: Finding[] = (tab as CompiledTab).checked ?? checkFollowUpTab(tab, tab.workbook ? null : model);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const firstFinding = findings[0];
    const r = b.push({
      [COL.text]: textCell(board),
      [COL.c]: textCell(statusText(tab)),
      [COL.e]: { value: errors, style: errors > 0 ? 'warning' : 'number', numberFormat: FORMATS.count },
      [COL.f]: { value: warnings, style: 'number', numberFormat: FORMATS.count },
      // Short: rule, cell and title (a long message would run past the printed page).
      [COL.g]: textCell(firstFinding ? `${firstFinding.rule} i ${firstFinding.cell}: ${ruleTitle(firstFinding.rule)}` : 'Inga anmärkningar'),
    });
    b.merge(r, COL.c, COL.d);
  }
  b.blank();

  // ---- 3. Åtgärder reported
  heading('Åtgärder i nämnderna');
  b.note('Underskott och åtgärder som nämnderna redovisat, som de såg ut vid sammanställningen.');
  b.header(
    { [COL.text]: 'Nämnd: verksamhet', [COL.c]: december ? 'Avvikelse' : 'Avvikelse\nhelår', [COL.d]: 'Effekt (tkr)', [COL.e]: 'Beslutad av', [COL.g]: 'Tidplan', [COL.wide]: 'Åtgärd' },
    { [COL.e]: COL.f, [COL.g]: COL.h },
  );
  let measures = 0;
  for (const tab of boardTabs) {
    for (const row of tab.rows.filter(listedMeasure)) {
      const deviation = numberOf(row.formulas.deviation);
      const measure = valueOf(row.inputs.measure);
      measures++;
      const r = b.push({
        [COL.text]: textCell(`${tab.board}: ${row.label}`),
        [COL.c]: { value: deviation, style: 'computed', numberFormat: FORMATS.tkr },
        [COL.d]: { value: valueOf(row.inputs.effect), style: 'computed', numberFormat: FORMATS.tkr },
        [COL.e]: { value: valueOf(row.inputs.decidedBy), style: 'computed' },
        [COL.f]: { style: 'computed' },
        [COL.g]: { value: valueOf(row.inputs.schedule), style: 'computed' },
        [COL.h]: { style: 'computed' },
        [COL.wide]: { value: measure ?? 'Ingen åtgärd angiven', style: measure === null ? 'warning' : 'computed' },
      });
      b.merge(r, COL.e, COL.f);
      b.merge(r, COL.g, COL.h);
    }
  }
  if (measures === 0) b.note('Inga underskott eller åtgärder redovisade.');
  b.blank();

  // ---- 4. Balanskrav
  heading(december ? 'Balanskravsutredning (tkr)' : 'Balanskrav, prognos (tkr)');
  if (kommunTab) b.note(`Förifyllt från ${sourceName(kommunTab)} där inget skrivits här.`);
  balanceRequirementRows(b, report, KOMMUN_BOARD);
  b.blank();
  const previousSet = new Set(previous);
  removedSection(b, report, book.leftovers().filter((v) => previousSet.has(v)), heading);

  const spec = emptySheetSpec(consolidationTabName(report, year));
  spec.rows = b.rows;
  spec.columnWidths = [...COLUMN_WIDTHS];
  Object.assign(spec, b.mergeRanges());
  spec.validations = b.validations;
  spec.conditionalFormats = b.conditionalFormats;
  setFollowUpTabLook(spec);
  return fillMarkerRow(spec, {
    type: 'sammanstallning',
    version: FORMAT_VERSION,
    year,
    report,
    board: KOMMUN_BOARD,
    ...(options.generatedAt ? { generatedAt: options.generatedAt.toISOString() } : {}),
  });
}

/** A rule's one-line Swedish title (variants share their public id's title). */
function ruleTitle(rule: string): string {
  const entry = (RULE_CATALOGUE as Record<string, RuleEntry>)[rule];
  return entry ? entry.title.sv : rule;
}
