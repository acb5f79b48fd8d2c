/** Cell addresses of model rows, from the layout recognition found. */
import { toA1 } from '../a1';
import type { InputId } from '../inputs/catalogue';
import type { BudgetModel, SourceRef } from '../recognition/model';

/** A1 of a row's cell in a column (by key), or of the row's first column when the column is absent. */
export function cellOf(model: BudgetModel, input: InputId, ref: SourceRef, key: string): string {
  const layout = model.layouts[input];
  const col = layout?.columns[key];
  return toA1(ref.row, col ?? firstColumn(model, input));
}

/** A1 of a row's year cell (year index 0..2 in a year group). */
export function yearCellOf(model: BudgetModel, input: InputId, ref: SourceRef, group: string, yearIndex: number): string {
  const col = model.layouts[input]?.yearColumns[group]?.[yearIndex];
  return toA1(ref.row, col !== undefined && col >= 0 ? col : firstColumn(model, input));
}

function firstColumn(model: BudgetModel, input: InputId): number {
  const layout = model.layouts[input];
  if (!layout) return 0;
  return Math.min(...Object.values(layout.columns), ...Object.values(layout.yearColumns).flat().filter((c) => c >= 0));
}

/** 1-based row number as users see it. */
export function rowNumber(ref: SourceRef): number {
  return ref.row + 1;
}
