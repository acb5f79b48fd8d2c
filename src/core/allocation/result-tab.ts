/**
 * The transparent result tab `Resursfördelning <Y1>` (docs/resursfordelning.md): the five steps as live
 * formulas over the input cells, so a controller who changes a forecast in Volymer sees the
 * compensation change without re-running anything. Every formula mirrors, operation by operation,
 * what `runAllocation` computes (see the comments in model.ts), so the sheet and the core agree to
 * the krona; test/recalc/allocation-tab.test.ts proves it with a real spreadsheet engine.
 *
 * Layout, top to bottom: title and "Så läser du fliken"; the parameters with u(k), Ic(y), Ib(y);
 * the summary per nämnd and year; the step-by-step detail per activity; step 5's rows; the rows
 * left out with their reasons. Amounts are kronor in the cells and shown in tkr by a scaling
 * number format, so sums of cells are sums of kronor.
 */
import { columnLetters, quoteSheetName, sheetReference, toA1, toAbsoluteA1 } from '../a1';
import type { BudgetModel, InputLayout, SourceRef, VolumeRow } from '../recognition/model';
import { normalizeKey } from '../text/normalize';
import { formatDateSv } from '../text/numbers';
import { FORMAT_VERSION, withMarker } from '../workbook/marker';
import { emptySheetSpec, type SheetSpec, type SpecCell } from '../workbook/sheet-spec';
import type { StyleName } from '../workbook/styles';
import { indexFactor, type ActivityResult, type AllocationResult, type BoardResult } from './model';
import { detailColumns, type DetailColumns } from './result-tab-columns';

/** Kronor shown as whole tkr: the trailing comma divides by 1 000 (Excel and LibreOffice alike). */
export const TKR_FROM_KRONOR_FORMAT = '#,##0,;[Red]-#,##0,';
const KR_FORMAT = '#,##0.00;[Red]-#,##0.00';
const WHOLE_FORMAT = '#,##0;[Red]-#,##0';
const INDEX_FORMAT = '0.000000';
const PERCENT_FORMAT = '0.0##%';

/** Columns of the summary block (0-based). */
export const SUMMARY_COLUMNS = {
  board: 0,
  year: 1,
  compensation: 2,
  other: 3,
  indexedBase: 4,
  proposed: 5,
  frame: 6,
  difference: 7,
} as const;

/** Columns of the step-5 block (0-based): nämnd, description, type, then Y1..Y3. */
export const OTHER_CHANGE_COLUMNS = { board: 0, description: 1, type: 2, firstYear: 3 } as const;

export const NO_BASE_FRAMES_SENTENCE = 'Utgångsramar saknas: bara kompensation beräknas, inget förslag till ram.';

/** The tab's wanted name. */
export function allocationTabName(year: number): string {
  return `Resursfördelning ${year}`;
}

type Row = (SpecCell | null)[];

const text = (value: string, style: StyleName = 'text'): SpecCell => ({ value, style });
const header = (value: string): SpecCell => ({ value, style: 'header' });
/**
 * A formula cell; `cached` is the figure the core computed for it (SpecCell.value: the file's cached
 * result, so a viewer that does not recalculate shows it). Every formula of this tab is over input
 * cells the core read, so the core knows each one (test/recalc/cached-values.test.ts checks them).
 */
const formula = (body: string, numberFormat: string, cached?: number | null): SpecCell =>
  cached === undefined || cached === null || !Number.isFinite(cached)
    ? { formula: `=${body}`, style: 'computed', numberFormat }
    : { formula: `=${body}`, style: 'computed', numberFormat, value: cached };

/**
 * Rows of one part of the tab, knowing on which row (0-based) each lands. Content coordinates:
 * withMarker later moves the rows, and the references to them, one row down for the marker row.
 */
class Rows {
  readonly rows: Row[] = [];
  constructor(readonly start: number) {}
  /** Row (0-based, content coordinates) of the next row pushed. */
  get next(): number {
    return this.start + this.rows.length;
  }
  push(row: Row = []): number {
    const at = this.next;
    this.rows.push(row);
    return at;
  }
}

/** A reference to a cell of this tab, e.g. "$C$12" or "G40". */
const local = (row: number, col: number, absolute = false) => (absolute ? toAbsoluteA1(row, col) : toA1(row, col));
const absRange = (top: number, bottom: number, col: number) => `${toAbsoluteA1(top, col)}:${toAbsoluteA1(bottom, col)}`;

/**
 * ROUND(cell × kronor per unit, 0): an amount cell in kronor as the core reads it (row-reader's
 * amount, toKronor), as the text before and after the cell's row number; null for a missing column.
 */
function kronorParts(sheet: string, col: number | undefined, kronorPerUnit: number | undefined): [string, string] | null {
  if (col === undefined || col < 0) return null;
  const factor = kronorPerUnit ?? 1000;
  return [`ROUND(${quoteSheetName(sheet)}!$${columnLetters(col)}$`, factor === 1 ? ',0)' : `*${factor},0)`];
}

function kronorOf(ref: SourceRef, col: number | undefined, kronorPerUnit: number | undefined): string {
  const parts = kronorParts(ref.sheet, col, kronorPerUnit);
  return parts ? parts[0] + String(ref.row + 1) + parts[1] : '0';
}

/** The Volymer rows by sheet row (the activities of a result point at theirs by row). */
function volumeRows(model: BudgetModel): Map<number, VolumeRow> {
  const layout = model.layouts.volymer;
  const rows = new Map<number, VolumeRow>();
  for (const v of model.volumes) if (!layout || v.sheet === layout.sheet) rows.set(v.row, v);
  return rows;
}

/** Σ of one column of a block for the rows whose (constant, canonical) nämnd equals the key cell. */
function sumForBoard(block: { top: number; bottom: number } | null, keyCol: number, valueCol: number, keyCell: string): string {
  if (!block) return '0';
  return `SUMPRODUCT((${absRange(block.top, block.bottom, keyCol)}=${keyCell})*(${absRange(block.top, block.bottom, valueCol)}))`;
}

/**
 * Builds the result tab. Pure: the same result, model and time give the same spec.
 * `model` is the recognised workbook the result was computed from (for the input cells' places).
 */
export function buildAllocationTab(result: AllocationResult, model: BudgetModel, generatedAt: Date): SheetSpec {
  const [y1, , y3] = result.years;
  const years = result.years;
  const y0 = result.baseYear;
  const delta = result.mode === 'Delta';
  const retroactive = delta && result.correctionRule === 'Permanent och retroaktiv';
  // The nämnd column of the detail and step 5 holds the summary's spelling (the core's grouping key),
  // as shared cells: SUMPRODUCT compares it with the summary's nämnd cell.
  const canonical = new Map<string, string>(result.boards.map((b) => [normalizeKey(b.board), b.board]));
  const boardCells = new Map<string, SpecCell>();
  const boardCell = (board: string): SpecCell => {
    let cell = boardCells.get(board);
    if (!cell) {
      cell = Object.freeze(text(canonical.get(normalizeKey(board)) ?? board));
      boardCells.set(board, cell);
    }
    return cell;
  };

  // ---- Title and how to read the tab
  const top = new Rows(0);
  top.push([text(allocationTabName(y1), 'title')]);
  top.push([
    text(
      `${model.parameters.kommun ? `${model.parameters.kommun} · ` : ''}Beräknad ${formatDateSv(generatedAt)} av Budgetkoll · Modell ${result.mode} · Korrigering ${result.correctionRule}`,
      'subtitle',
    ),
  ]);
  top.push();
  top.push([text('Så läser du fliken', 'heading')]);
  for (const line of howToRead(result)) top.push([text(line)]);
  top.push([text('Alla tal är formler mot indataflikarna: ändrar du till exempel en prognos i Volymer räknas fliken om direkt.', 'subtitle')]);
  top.push([
    text('Belopp räknas i hela kronor och visas i tkr (talformatet delar med 1 000); cellerna innehåller kronor. Kostnad per enhet visas i kr.', 'subtitle'),
  ]);
  top.push();

  // ---- Parameters: u(k), Ic(y), Ib(y) as explicit products in increasing k (as indexFactor multiplies)
  top.push([text('Parametrar', 'heading')]);
  top.push([text('Budgetår'), { value: y1, style: 'number' }]);
  top.push([text('Basår (utfall och utgångsram)'), { value: y0, style: 'number' }]);
  top.push([text('Prisnivå för kostnad per enhet'), { value: result.priceLevel, style: 'number' }]);
  top.push([text('Modell'), text(result.mode)]);
  top.push([text('Korrigering'), text(result.correctionRule)]);
  top.push([header('År'), header('Uppräkning u(år)'), header('Kostnadsindex Ic(år)'), header('Ramindex Ib(år)')]);
  const firstIndexYear = Math.min(result.priceLevel + 1, y1);
  const indexRows = new Map<number, number>();
  for (let k = firstIndexYear; k <= y3; k++) indexRows.set(k, top.next + (k - firstIndexYear));
  const uCell = (k: number) => local(indexRows.get(k)!, 1, true);
  const product = (from: number, to: number) => {
    const factors: string[] = [];
    for (let k = from; k <= to; k++) factors.push(`(1+${uCell(k)})`);
    return factors.length === 0 ? '1' : factors.join('*');
  };
  for (let k = firstIndexYear; k <= y3; k++) {
    const source = model.parameters.indexationCells[k];
    const u: SpecCell = source
      ? formula(`${sheetReference(source.sheet, source.row, source.col)}${source.divisor === 1 ? '' : `/${source.divisor}`}`, PERCENT_FORMAT, result.indexation[k] ?? 0)
      : { value: result.indexation[k] ?? 0, style: 'number', numberFormat: PERCENT_FORMAT };
    const budgetYear = k >= y1;
    top.push([
      { value: k, style: 'text' },
      u,
      budgetYear ? formula(product(result.priceLevel + 1, k), INDEX_FORMAT, indexFactor(result.indexation, result.priceLevel + 1, k)) : null,
      budgetYear ? formula(product(y1, k), INDEX_FORMAT, indexFactor(result.indexation, y1, k)) : null,
    ]);
  }
  const icCell = (i: number) => local(indexRows.get(years[i])!, 2, true);
  const ibCell = (i: number) => local(indexRows.get(years[i])!, 3, true);
  top.push();

  // ---- Where the summary, the detail and step 5 go (the summary refers down to the others)
  const notes = summaryNotes(result, model);
  const summaryStart = top.next;
  const summaryLength = 1 + notes.length + 2 + result.boards.length * years.length + 1;
  const lower = new Rows(summaryStart + summaryLength);

  // ---- Step by step per activity
  const cols = detailColumns(result.mode, retroactive);
  lower.push([text(delta ? 'Steg 1–4 per verksamhet' : 'Steg 1–4 per verksamhet (modell Nivå)', 'heading')]);
  lower.push(cols.steps.map((s) => (s ? text(s, 'subtitle') : null)));
  lower.push(cols.headers(years, y0, result.priceLevel).map(header));
  const volumeLayout = model.layouts.volymer;
  const volumeFormat = result.activities.every(isWholeVolumes) ? WHOLE_FORMAT : KR_FORMAT;
  const activityTop = lower.next;
  if (volumeLayout) {
    const activityRow = activityRows(volumeLayout, cols, [0, 1, 2].map(icCell), volumeFormat, volumeRows(model));
    for (const a of result.activities) lower.push(activityRow(a, lower.next, boardCell(a.board)));
  }
  const activityBlock = result.activities.length > 0 && volumeLayout ? { top: activityTop, bottom: lower.next - 1 } : null;
  if (!activityBlock) lower.push([text('Inga volymstyrda verksamheter att beräkna.', 'subtitle')]);
  lower.push();

  // ---- Step 5: other non-political changes
  lower.push([text('Steg 5: övriga icke-politiska kostnadsförändringar (tkr)', 'heading')]);
  lower.push([header('Nämnd'), header('Beskrivning'), header('Typ'), ...years.map((y) => header(`${y} (tkr)`))]);
  const otherLayout = model.layouts.ovrigaForandringar;
  const otherTop = lower.next;
  if (otherLayout) {
    const amountCols = otherLayout.yearColumns.amount ?? [];
    const parts = years.map((_, i) => kronorParts(otherLayout.sheet, amountCols[i], otherLayout.kronorPerUnit[amountCols[i]]));
    for (const o of result.otherChanges) {
      const row = String(o.row + 1);
      const amounts = parts.map((p, i) => formula(p ? p[0] + row + p[1] : '0', TKR_FROM_KRONOR_FORMAT, p ? o.amounts[i] : 0));
      lower.push([boardCell(o.board), text(o.description), text(o.type), ...amounts]);
    }
  }
  const otherBlock = result.otherChanges.length > 0 && otherLayout ? { top: otherTop, bottom: lower.next - 1 } : null;
  if (!otherBlock) lower.push([text('Inga övriga förändringar.', 'subtitle')]);
  lower.push();

  // ---- Left out, visibly
  lower.push([text('Utelämnade rader', 'heading')]);
  if (result.excluded.length === 0) {
    lower.push([text('Inga rader lämnades utanför.', 'subtitle')]);
  } else {
    lower.push([header('Flik'), header('Cell'), header('Orsak')]);
    for (const e of result.excluded) {
      lower.push([text(e.sheet), { value: e.cell, style: 'link', link: `${quoteSheetName(e.sheet)}!${e.cell}` }, text(e.reason)]);
    }
  }

  // ---- Summary per nämnd and year
  const summary = new Rows(summaryStart);
  summary.push([text('Sammanställning per nämnd (tkr)', 'heading')]);
  for (const note of notes) summary.push([note]);
  const summaryLabels = summaryHeader(result);
  summary.push(Array.from(summaryLabels.steps, (s) => (s ? text(s, 'subtitle') : null)));
  summary.push(summaryLabels.headers.map(header));
  for (const board of result.boards) {
    years.forEach((y, i) => {
      const r = summary.next;
      summary.push(summaryRow(board, i, r, y === y1 ? `Budget ${y}` : `Plan ${y}`, model, result, { activityBlock, otherBlock, cols, ibCell }));
    });
  }
  summary.push();
  if (summary.next !== lower.start) throw new Error(`allocation tab layout: summary ends at ${summary.next}, detail starts at ${lower.start}`);

  const spec = emptySheetSpec(allocationTabName(y1));
  spec.rows = [...top.rows, ...summary.rows, ...lower.rows];
  const width = Math.max(cols.count, SUMMARY_COLUMNS.difference + 1, OTHER_CHANGE_COLUMNS.firstYear + 3);
  spec.columnWidths = Array.from({ length: width }, (_, c) => (c === 0 ? 34 : c === 1 ? 24 : c === 2 ? 22 : 18));
  // The title stays in view; so does the nämnd column of the wide detail block.
  spec.freeze = { rows: 1, columns: 1 };
  spec.print = { orientation: 'landscape', fitToWidth: true, pageNumbers: true };
  return withMarker(spec, { type: 'resursfordelning', version: FORMAT_VERSION, year: y1, generatedAt: generatedAt.toISOString() });
}

function isWholeVolumes(a: ActivityResult): boolean {
  return Number.isInteger(a.correction) && a.forecastChange.every(Number.isInteger);
}

function howToRead(result: AllocationResult): string[] {
  const [y1] = result.years;
  const y0 = result.baseYear;
  const lines = [
    '1. Identifiera volymstyrda verksamheter: rader i Volymer med kostnad per enhet och alla volymer. Ofullständiga rader lämnas utanför och listas längst ned.',
    '2. Kostnad per volymenhet från referenskostnaden: c(år) = kostnad per enhet × kostnadsindex Ic(år) (kr, inte avrundat).',
  ];
  if (result.mode === 'Delta') {
    lines.push(
      `3. Volymförändring med prognoskorrigering: K = utfall ${y0} − prognos ${y0}, ΔV(år) = prognos år − utfall ${y0}, ΔT(år) = K + ΔV(år).`,
      '4. Kompensation = kostnad per enhet × volymförändring: c(år) × ΔT(år), avrundat till hela kronor. Positiv = ökad tilldelning.',
    );
    if (result.correctionRule === 'Permanent och retroaktiv') {
      lines.push(`    Korrigering Permanent och retroaktiv: ${y1} får dessutom en engångsersättning c(${y1}) × K för året som redan gått med fel volym.`);
    }
  } else {
    lines.push(
      '3. Volymen är prognosen för året (modell Nivå räknar om volymdelen från grunden varje år).',
      '4. Nivå = kostnad per enhet × volym: c(år) × prognos år, avrundat till hela kronor.',
    );
  }
  lines.push('5. Övriga icke-politiska kostnadsförändringar från Övriga förändringar (politiska prioriteringar hör inte hit och listas som utelämnade).');
  lines.push(
    result.mode === 'Delta'
      ? `Förslag till ram = utgångsram ${y0} × ramindex Ib(år) + kompensation + övriga förändringar. Skillnaden mot KF:s ram (Ramar) är politiska prioriteringar och övrigt.`
      : 'Förslag till ram = nivå + övriga förändringar (ingen utgångsram). Skillnaden mot KF:s ram (Ramar) är politiska prioriteringar och övrigt.',
  );
  return lines;
}

function summaryNotes(result: AllocationResult, model: BudgetModel): SpecCell[] {
  const notes: SpecCell[] = [];
  if (result.mode === 'Delta' && !result.hasBaseFrames) notes.push(text(NO_BASE_FRAMES_SENTENCE, 'warning'));
  else if (result.mode === 'Delta' && result.boards.some((b) => b.baseFrame === null)) {
    notes.push(text('Nämnder som saknas i Utgångsramar får inget förslag till ram, bara kompensation.', 'subtitle'));
  }
  if (model.frames.length === 0) notes.push(text('Ramar saknas: förslagen stäms inte av mot KF:s ramar.', 'subtitle'));
  else notes.push(text('Skillnad = KF:s ram − förslag till ram: politiska prioriteringar och övrigt. Positiv = KF:s ram är större än förslaget.', 'subtitle'));
  return notes;
}

/** The summary's step row (what each column is) and header row; short enough for one line. */
function summaryHeader(result: AllocationResult): { steps: string[]; headers: string[] } {
  const delta = result.mode === 'Delta';
  const C = SUMMARY_COLUMNS;
  const steps: string[] = [];
  steps[C.compensation] = 'Steg 1–4';
  steps[C.other] = 'Steg 5';
  steps[C.indexedBase] = delta ? `Ram ${result.baseYear} × Ib` : 'Används ej i Nivå';
  steps[C.proposed] = delta ? 'Summa C till E' : 'Summa C och D';
  steps[C.frame] = 'Ramar';
  steps[C.difference] = 'G − F';
  const headers: string[] = [];
  headers[C.board] = 'Nämnd';
  headers[C.year] = 'År';
  headers[C.compensation] = delta ? 'Kompensation (tkr)' : 'Nivå (tkr)';
  headers[C.other] = 'Övriga (tkr)';
  headers[C.indexedBase] = 'Uppräknad (tkr)';
  headers[C.proposed] = 'Förslag (tkr)';
  headers[C.frame] = 'KF:s ram (tkr)';
  headers[C.difference] = 'Skillnad (tkr)';
  return { steps, headers };
}

interface Blocks {
  activityBlock: { top: number; bottom: number } | null;
  otherBlock: { top: number; bottom: number } | null;
  cols: DetailColumns;
  ibCell: (i: number) => string;
}

function summaryRow(board: BoardResult, i: number, r: number, yearLabel: string, model: BudgetModel, result: AllocationResult, blocks: Blocks): Row {
  const C = SUMMARY_COLUMNS;
  const key = local(r, C.board);
  const at = (col: number) => local(r, col);
  const row: Row = [text(board.board), text(yearLabel)];
  row[C.compensation] = formula(sumForBoard(blocks.activityBlock, 0, blocks.cols.amount[i], key), TKR_FROM_KRONOR_FORMAT, blocks.activityBlock ? board.compensation[i] : 0);
  row[C.other] = formula(sumForBoard(blocks.otherBlock, OTHER_CHANGE_COLUMNS.board, OTHER_CHANGE_COLUMNS.firstYear + i, key), TKR_FROM_KRONOR_FORMAT, blocks.otherBlock ? board.other[i] : 0);
  row[C.indexedBase] = null;
  row[C.proposed] = null;
  row[C.frame] = null;
  row[C.difference] = null;

  const wanted = normalizeKey(board.board);
  if (board.indexedBase) {
    const base = model.baseFrames.find((b) => b.board !== '' && normalizeKey(b.board) === wanted);
    const layout = model.layouts.utgangsramar;
    if (base && layout) {
      const col = layout.yearColumns.baseFrame?.[0];
      row[C.indexedBase] = formula(`ROUND(${kronorOf(base, col, col === undefined ? undefined : layout.kronorPerUnit[col])}*${blocks.ibCell(i)},0)`, TKR_FROM_KRONOR_FORMAT, board.indexedBase[i]);
    }
  }
  if (board.proposed) {
    row[C.proposed] = formula(result.mode === 'Delta' ? `${at(C.indexedBase)}+${at(C.compensation)}+${at(C.other)}` : `${at(C.compensation)}+${at(C.other)}`, TKR_FROM_KRONOR_FORMAT, board.proposed[i]);
  }
  if (board.frame) {
    const frame = model.frames.find((f) => f.board !== '' && normalizeKey(f.board) === wanted);
    const layout = model.layouts.ramar;
    if (frame && layout) {
      const col = layout.yearColumns.frame?.[i];
      row[C.frame] = formula(kronorOf(frame, col, col === undefined ? undefined : layout.kronorPerUnit[col]), TKR_FROM_KRONOR_FORMAT, col === undefined ? 0 : board.frame[i]);
    }
  }
  if (board.difference && row[C.proposed] && row[C.frame]) {
    row[C.difference] = formula(`${at(C.frame)}-${at(C.proposed)}`, TKR_FROM_KRONOR_FORMAT, board.difference[i]);
  }
  while (row.length > 0 && row[row.length - 1] === null) row.pop();
  return row;
}

/**
 * The formulas of one activity row, for every row of a block: reference prefixes ("'Volymer'!$G$",
 * "$D") are made once per tab, so a large Volymer costs a string concatenation per cell.
 */
function activityRows(
  layout: InputLayout,
  cols: DetailColumns,
  icCells: string[],
  volumeFormat: string,
  volumes: ReadonlyMap<number, VolumeRow>,
): (a: ActivityResult, r: number, board: SpecCell) => Row {
  const sheetPrefix = `${quoteSheetName(layout.sheet)}!`;
  const inputPrefix = (col: number | undefined) => `${sheetPrefix}$${columnLetters(col ?? -1)}$`;
  const L = (col: number) => (col >= 0 ? columnLetters(col) : '');
  const unitCostCol = layout.columns.unitCost;
  const factor = layout.kronorPerUnit[unitCostCol] ?? 1;
  const unitCostSuffix = factor === 1 ? '' : `*${factor}`;
  const unitCostInput = inputPrefix(unitCostCol);
  const delta = cols.forecastY0 >= 0;
  const forecastY0Input = delta ? inputPrefix(layout.yearColumns.forecastY0?.[0]) : '';
  const actualY0Input = delta ? inputPrefix(layout.yearColumns.actualY0?.[0]) : '';
  const forecastInputs = cols.years.map((_, i) => inputPrefix(layout.yearColumns.forecast?.[i]));
  const unitCost = `$${L(cols.unitCost)}`;
  const [forecastY0, actualY0, correction] = [L(cols.forecastY0), L(cols.actualY0), L(cols.correction)];
  const years = cols.years.map((y) => ({
    y,
    cost: L(y.costPerUnit),
    forecast: L(y.forecast),
    forecastChange: L(y.forecastChange),
    totalChange: L(y.totalChange),
    retroactive: L(y.retroactive),
  }));

  return (a, r, board) => {
    const R = String(r + 1);
    const input = String(a.row + 1);
    const row: Row = [board, text(a.activity), text(a.measure)];
    // The Volymer row the activity was computed from: its volumes are the cached values of the references to it.
    const v = volumes.get(a.row);
    row[cols.unitCost] = formula(unitCostInput + input + unitCostSuffix, KR_FORMAT, a.unitCost);
    if (delta) {
      row[cols.forecastY0] = formula(forecastY0Input + input, volumeFormat, v?.forecastY0);
      row[cols.actualY0] = formula(actualY0Input + input, volumeFormat, v?.actualY0);
      // K = Utfall Y0 − Prognos Y0
      row[cols.correction] = formula(`${actualY0}${R}-${forecastY0}${R}`, volumeFormat, a.correction);
    }
    years.forEach(({ y, cost, forecast, forecastChange, totalChange, retroactive }, i) => {
      row[y.costPerUnit] = formula(`${unitCost}${R}*${icCells[i]}`, KR_FORMAT, a.costPerUnit[i]);
      row[y.forecast] = formula(forecastInputs[i] + input, volumeFormat, v?.forecast[i]);
      if (y.level >= 0) {
        row[y.level] = formula(`ROUND(${cost}${R}*${forecast}${R},0)`, TKR_FROM_KRONOR_FORMAT, a.level[i]);
        return;
      }
      // ΔV = Prognos y − Utfall Y0; ΔT = K + ΔV; Komp = ROUND(c × ΔT) (+ the retroactive one-off)
      row[y.forecastChange] = formula(`${forecast}${R}-$${actualY0}${R}`, volumeFormat, a.forecastChange[i]);
      row[y.totalChange] = formula(`$${correction}${R}+${forecastChange}${R}`, volumeFormat, a.totalChange[i]);
      if (y.retroactive >= 0) row[y.retroactive] = formula(`ROUND(${cost}${R}*$${correction}${R},0)`, TKR_FROM_KRONOR_FORMAT, a.retroactive);
      row[y.compensation] = formula(
        y.retroactive >= 0 ? `ROUND(${cost}${R}*${totalChange}${R},0)+${retroactive}${R}` : `ROUND(${cost}${R}*${totalChange}${R},0)`,
        TKR_FROM_KRONOR_FORMAT,
        a.compensation[i],
      );
    });
    return row;
  };
}
