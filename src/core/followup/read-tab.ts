/**
 * Reading an owned follow-up tab back: the inverse of build-tab. The marker in A1 says what the tab
 * is; every keyed row's descriptor (column A) says which column holds which input, formula and
 * constant, so the reader needs no knowledge of the layout and tolerates rows moved by a user.
 */
import { toA1 } from '../a1';
import { decodeMarker } from '../workbook/marker';
import { CellError, gridValue, type RawGrid, type RawValue } from '../workbook/raw';
import type { FilledCell, FilledRow, FilledTab, FilledTabInputs, TypedInput } from './filled';
import { COL } from './layout';
import { isFollowUpReport } from './reports';
import { decodeDescriptor } from './row-keys';

function cellAt(grid: RawGrid, row: number, col: number): FilledCell {
  const cell = toA1(row, col);
  return { cell, row, col, value: gridValue(grid, row, col), formula: grid.formulas[cell] ?? null };
}

function cellsOf(grid: RawGrid, row: number, fields: Record<string, number>): Record<string, FilledCell> {
  const out = Object.create(null) as Record<string, FilledCell>; // field names come from the sheet
  for (const [field, col] of Object.entries(fields)) out[field] = cellAt(grid, row, col);
  return out;
}

function text(value: RawValue): string {
  if (value === null || value instanceof CellError) return '';
  return String(value).trim();
}

/**
 * The follow-up tab in a grid read from A1 (values and formulas), or null when the grid is not an
 * owned follow-up tab ('uppfoljning') or compilation ('sammanstallning').
 */
export function readFollowUpTab(grid: RawGrid): FilledTab | null {
  const marker = decodeMarker(gridValue(grid, 0, 0));
  if (!marker || (marker.type !== 'uppfoljning' && marker.type !== 'sammanstallning')) return null;
  const tab: FilledTab = {
    sheet: grid.sheet,
    marker,
    kind: marker.type,
    report: isFollowUpReport(marker.report) ? marker.report : null,
    board: typeof marker.board === 'string' ? marker.board : '',
    year: typeof marker.year === 'number' && Number.isInteger(marker.year) ? marker.year : null,
    version: marker.version,
    generatedAt: typeof marker.generatedAt === 'string' ? marker.generatedAt : null,
    periodEnd: null,
    status: null,
    rows: [],
  };
  const bottom = grid.top + grid.values.length - 1;
  for (let row = Math.max(grid.top, 1); row <= bottom; row++) {
    const descriptor = decodeDescriptor(gridValue(grid, row, COL.key));
    if (!descriptor) continue;
    const filled: FilledRow = {
      key: descriptor.key,
      row,
      label: text(gridValue(grid, row, COL.text)),
      fields: descriptor.fields,
      inputs: cellsOf(grid, row, descriptor.fields.inputs),
      formulas: cellsOf(grid, row, descriptor.fields.formulas),
      constants: cellsOf(grid, row, descriptor.fields.constants),
    };
    if (descriptor.removed) filled.removed = descriptor.removed;
    tab.rows.push(filled);
    if (descriptor.key.section === 'huvud') {
      if (filled.constants.periodEnd) tab.periodEnd = filled.constants.periodEnd;
      if (filled.inputs.status) tab.status = filled.inputs.status;
    }
  }
  return tab;
}

/** A typed value worth keeping: numbers, booleans and non-blank text (errors and blanks are not typed data). */
function typedValue(value: RawValue): string | number | boolean | null {
  if (value === null || value instanceof CellError) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return value;
}

/**
 * Everything people typed on the tab, by row key: live rows' inputs and the values kept in
 * "Borttagna rader" (under the key of the row they came from). A user's formula in an input cell
 * is kept as its value: its references would point elsewhere once rows move.
 */
export function typedInputs(tab: FilledTab): FilledTabInputs {
  const values: TypedInput[] = [];
  for (const row of tab.rows) {
    for (const [field, cell] of Object.entries(row.inputs)) {
      const value = typedValue(cell.value);
      if (value === null) continue;
      if (row.removed) {
        // The kept row's label names the section too; the block rebuilds it from the key.
        values.push({ key: row.removed.key, field: row.removed.field, value, label: '', origin: 'removed' });
      } else {
        values.push({ key: row.key, field, value, label: row.label, origin: 'row' });
      }
    }
  }
  return { values };
}
