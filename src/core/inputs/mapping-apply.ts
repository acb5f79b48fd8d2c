/**
 * Applying a mapping to the grid read for an input (mappedReadRange): the result is a grid the
 * existing recognizer reads as if the workbook followed the format, **without moving a cell** —
 * every value keeps its sheet position, so findings and click-to-cell links point at the user's
 * own cells.
 *
 * - The grid starts at the mapped header row and ends at `lastRow` (rows above and below left out).
 * - The header row's mapped cells get the input's canonical headers ("Budget 2027 (mnkr)",
 *   "Nämnd"); every other column is blanked, header and data, so notes beside the table are not
 *   read as rows.
 * - Subtotal rows and skipped rows are blanked and listed (1-based) for the summary.
 * - The unit is not applied to the values: it is written into the amount headers ("(mnkr)"), and
 *   the recognizer turns cells into kronor by that unit exactly as for a template workbook. So the
 *   values stay the user's (no binary rounding of 336.6 × 1000), `layout.kronorPerUnit` describes
 *   the user's cells (the formulas Budgetkoll writes reference them), and a quick fix writes a
 *   figure in the user's own unit.
 * - Values are never changed, the sign neither: with costs negative, recognition turns the amount
 *   columns' factor negative (kronorPerUnit −1 000 000 for mnkr), so the model reads costs positive,
 *   a number stored as text is read like any other, and every formula Budgetkoll writes over the
 *   user's cells multiplies by the same factor.
 */
import { toA1 } from '../a1';
import { foldText } from '../text/normalize';
import type { RawGrid, RawValue } from '../workbook/raw';
import { canonicalHeader, letterColumn, mappedInputDef, resolveColumnKeys, type InputMapping, type ResolvedKey } from './mapping';
import type { Unit } from '../money';

export interface AppliedMapping {
  grid: RawGrid;
  /** 1-based rows left out as subtotals. */
  subtotalRows: number[];
  /** 1-based rows left out because the mapping says so (skipRows). */
  skippedRows: number[];
  /**
   * Skipped rows that still hold a nämnd and a number in an amount column: recognition leaves them
   * out, but a formula summing the column by nämnd (the follow-up's SUMIFS) would count them.
   */
  skippedWithFigures: number[];
  /** The unit written into the amount headers; the recognizer multiplies by kronorPerUnit. */
  unit: Unit;
  kronorPerUnit: number;
}

const KRONOR: Record<Unit, number> = { kr: 1, tkr: 1000, mnkr: 1_000_000 };

function isBlank(v: RawValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * The grid the recognizer understands for one mapped input. `grid` must hold the header row (for
 * a table: the grid read over the table's range, whose first row is the header); a grid that does
 * not is a caller's mistake and throws.
 */
export function applyMapping(inputName: string, m: InputMapping, grid: RawGrid): AppliedMapping {
  const def = mappedInputDef(inputName);
  if (!def) throw new Error(`applyMapping: unknown input ${inputName}`);
  const headerRow = m.table !== undefined ? grid.top : (m.headerRow ?? 1) - 1;
  const gridBottom = grid.top + grid.values.length - 1;
  if (headerRow < grid.top || headerRow > gridBottom) throw new Error(`applyMapping: the grid of ${inputName} does not hold its header row ${headerRow + 1}`);
  const lastRow = m.table === undefined && m.lastRow != null ? Math.min(m.lastRow - 1, gridBottom) : gridBottom;
  const unit: Unit = m.unit ?? 'tkr';

  const keys = Object.keys(m.columns);
  const { resolved } = resolveColumnKeys(def, keys);
  const byCol = new Map<number, ResolvedKey>();
  for (const r of resolved) {
    const col = letterColumn(m.columns[r.key]);
    if (col >= 0) byCol.set(col, r);
  }
  const subtotalCol = m.subtotals ? letterColumn(m.subtotals.column) : -1;
  const subtotalWords = (m.subtotals?.startsWith ?? []).map((w) => foldText(w));
  const skip = new Set((m.skipRows ?? []).map((r) => r - 1));
  const width = Math.max(0, ...grid.values.map((r) => r.length), ...[...byCol.keys()].map((c) => c - grid.left + 1));

  const rowValues = (row: number) => grid.values[row - grid.top] ?? [];
  const values: RawValue[][] = [];
  const formats: string[][] | undefined = grid.numberFormats ? [] : undefined;
  const formulas: Record<string, string> = {};
  const subtotalRows: number[] = [];
  const skippedRows: number[] = [];
  const skippedWithFigures: number[] = [];
  const amountCols = new Set([...byCol].filter(([, r]) => (r.group ?? r.column)?.kind === 'amount').map(([col]) => col));
  const boardCol = [...byCol].find(([, r]) => r.column?.key === 'board')?.[0] ?? -1;

  const header = rowValues(headerRow);
  values.push(Array.from({ length: width }, (_, i) => {
    const r = byCol.get(grid.left + i);
    return r ? canonicalHeader(r, unit, header[i]) : null;
  }));
  formats?.push(Array.from({ length: width }, () => 'General'));

  for (let row = headerRow + 1; row <= lastRow; row++) {
    const source = rowValues(row);
    const blank = () => Array.from({ length: width }, () => null as RawValue);
    if (skip.has(row)) {
      skippedRows.push(row + 1);
      const boardValue = boardCol >= 0 ? source[boardCol - grid.left] : null;
      if (!isBlank(boardValue) && [...amountCols].some((col) => typeof source[col - grid.left] === 'number')) skippedWithFigures.push(row + 1);
      values.push(blank());
      formats?.push(Array.from({ length: width }, () => 'General'));
      continue;
    }
    const marker = subtotalCol >= 0 ? source[subtotalCol - grid.left] : null;
    if (typeof marker === 'string' && !isBlank(marker) && subtotalWords.some((w) => foldText(marker).startsWith(w))) {
      subtotalRows.push(row + 1);
      values.push(blank());
      formats?.push(Array.from({ length: width }, () => 'General'));
      continue;
    }
    const out: RawValue[] = [];
    for (let i = 0; i < width; i++) {
      const col = grid.left + i;
      if (!byCol.has(col)) {
        out.push(null);
        continue;
      }
      out.push(source[i] ?? null);
      const a1 = toA1(row, col);
      if (grid.formulas[a1] !== undefined) formulas[a1] = grid.formulas[a1];
    }
    values.push(out);
    formats?.push(Array.from({ length: width }, (_, i) => (byCol.has(grid.left + i) ? grid.numberFormats![row - grid.top]?.[i] ?? 'General' : 'General')));
  }

  const applied: RawGrid = { sheet: grid.sheet, top: headerRow, left: grid.left, values, formulas };
  if (formats) applied.numberFormats = formats;
  return { grid: applied, subtotalRows, skippedRows, skippedWithFigures, unit, kronorPerUnit: KRONOR[unit] };
}

/** "12 summarader och 2 överhoppade rader lämnades utanför" for the summary, or null when none. */
export function rowsLeftOut(applied: Pick<AppliedMapping, 'subtotalRows' | 'skippedRows'>): { sv: string; en: string } | null {
  const s = applied.subtotalRows.length;
  const k = applied.skippedRows.length;
  if (s === 0 && k === 0) return null;
  const sv: string[] = [];
  const en: string[] = [];
  if (s > 0) {
    sv.push(`${s} ${s === 1 ? 'summarad' : 'summarader'}`);
    en.push(`${s} subtotal ${s === 1 ? 'row' : 'rows'}`);
  }
  if (k > 0) {
    sv.push(`${k} ${k === 1 ? 'överhoppad rad' : 'överhoppade rader'}`);
    en.push(`${k} skipped ${k === 1 ? 'row' : 'rows'}`);
  }
  return { sv: `Rader som lämnades utanför: ${sv.join(' och ')}`, en: `Rows left out: ${en.join(' and ')}` };
}
