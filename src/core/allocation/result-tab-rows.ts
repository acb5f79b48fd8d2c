/**
 * The rows of the allocation result tab's summary (per nämnd and year) and step-by-step detail
 * (per activity), as live formulas mirroring runAllocation (model.ts).
 */
import { columnLetters, quoteSheetName } from '../a1';
import type { BudgetModel, InputLayout, VolumeRow } from '../recognition/model';
import { normalizeKey } from '../text/normalize';
import type { SpecCell } from '../workbook/sheet-spec';
import type { ActivityResult, AllocationResult, BoardResult } from './model';
import type { DetailColumns } from './result-tab-columns';
import { KR_FORMAT, kronorOf, local, OTHER_CHANGE_COLUMNS, SUMMARY_COLUMNS, sumForBoard, text, TKR_FROM_KRONOR_FORMAT, formula, type Row } from './result-tab-cells';

export function isWholeVolumes(a: ActivityResult): boolean {
  return Number.isInteger(a.correction) && a.forecastChange.every(Number.isInteger);
}

export interface Blocks {
  activityBlock: { top: number; bottom: number } | null;
  otherBlock: { top: number; bottom: number } | null;
  cols: DetailColumns;
  ibCell: (i: number) => string;
}

export function summaryRow(board: BoardResult, i: number, r: number, yearLabel: string, model: BudgetModel, result: AllocationResult, blocks: Blocks): Row {
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
export function activityRows(
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
