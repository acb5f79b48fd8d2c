/**
 * Which input cells changed since a submission: the row prints stored in the receipt against the
 * prints of the workbook now. Rows are lined up by content, not by number, so a row inserted in
 * the middle is one added row, not every row below it changed: the rows equal at the start and at
 * the end are matched (common prefix and suffix), the rows between are paired in order, and what
 * is left over was added or removed.
 */
import { toA1 } from '../a1';
import type { RowPrint, SourcePrint } from './fingerprint';

export interface ChangedCell {
  sheet: string;
  /** A1: the cell now (changed, added), or where it was (removed). */
  cell: string;
  kind: 'changed' | 'added' | 'removed';
}

/** A row's content regardless of its number: its cells' columns and checksums. */
function rowContent(row: RowPrint): string {
  return row.cells.map(([col, sum]) => `${col}=${sum}`).join(',');
}

function compareRows(sheet: string, before: RowPrint, after: RowPrint, out: ChangedCell[]): void {
  const old = new Map(before.cells);
  const now = new Map(after.cells);
  for (const [col, sum] of after.cells) {
    const was = old.get(col);
    if (was === undefined) out.push({ sheet, cell: toA1(after.row, col), kind: 'added' });
    else if (was !== sum) out.push({ sheet, cell: toA1(after.row, col), kind: 'changed' });
  }
  for (const [col] of before.cells) if (!now.has(col)) out.push({ sheet, cell: toA1(after.row, col), kind: 'removed' });
}

function compareSource(sheet: string, before: RowPrint[], after: RowPrint[], out: ChangedCell[]): void {
  let start = 0;
  while (start < before.length && start < after.length && rowContent(before[start]) === rowContent(after[start])) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && rowContent(before[endBefore - 1]) === rowContent(after[endAfter - 1])) {
    endBefore--;
    endAfter--;
  }
  const paired = Math.min(endBefore - start, endAfter - start);
  for (let i = 0; i < paired; i++) compareRows(sheet, before[start + i], after[start + i], out);
  for (let i = start + paired; i < endAfter; i++) for (const [col] of after[i].cells) out.push({ sheet, cell: toA1(after[i].row, col), kind: 'added' });
  for (let i = start + paired; i < endBefore; i++) for (const [col] of before[i].cells) out.push({ sheet, cell: toA1(before[i].row, col), kind: 'removed' });
}

/** Every input cell that differs between the prints at submission and now. */
export function changedCells(before: readonly SourcePrint[], after: readonly SourcePrint[]): ChangedCell[] {
  const out: ChangedCell[] = [];
  const key = (s: SourcePrint) => `${s.input}\u0000${s.sheet}`;
  const now = new Map(after.map((s) => [key(s), s]));
  const then = new Map(before.map((s) => [key(s), s]));
  for (const s of before) compareSource(s.sheet, s.rows, now.get(key(s))?.rows ?? [], out);
  for (const s of after) if (!then.has(key(s))) compareSource(s.sheet, [], s.rows, out);
  return out;
}
