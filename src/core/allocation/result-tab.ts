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
import { quoteSheetName, sheetReference } from '../a1';
import type { BudgetModel } from '../recognition/model';
import { normalizeKey } from '../text/normalize';
import { formatDateSv } from '../text/numbers';
import { FORMAT_VERSION, withMarker } from '../workbook/marker';
import { emptySheetSpec, type SheetSpec, type SpecCell } from '../workbook/sheet-spec';
import { indexFactor, type AllocationResult } from './model';
import { detailColumns } from './result-tab-columns';
import {
  allocationTabName,
  formula,
  header,
  INDEX_FORMAT,
  KR_FORMAT,
  kronorParts,
  local,
  OTHER_CHANGE_COLUMNS,
  PERCENT_FORMAT,
  Rows,
  SUMMARY_COLUMNS,
  text,
  TKR_FROM_KRONOR_FORMAT,
  volumeRows,
  WHOLE_FORMAT,
} from './result-tab-cells';
import { howToRead, summaryHeader, summaryNotes } from './result-tab-text';
import { activityRows, isWholeVolumes, summaryRow } from './result-tab-rows';

export { allocationTabName, OTHER_CHANGE_COLUMNS, SUMMARY_COLUMNS, TKR_FROM_KRONOR_FORMAT } from './result-tab-cells';
export { NO_BASE_FRAMES_SENTENCE } from './result-tab-text';

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
