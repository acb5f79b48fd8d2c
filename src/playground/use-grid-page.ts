/**
 * Which rows the grid has read: one page of PAGE_ROWS at a time, so sheets of 20 000 rows stay
 * responsive, plus the sheet's frozen top rows when the page starts below them — Excel keeps
 * frozen rows in view wherever you scroll, so the grid draws them above every page.
 */
import { startTransition, useEffect, useState } from 'react';
import { parseRangeA1, toA1 } from '../core/a1';
import type { RawGrid, RawValue, SheetInfo } from '../core/workbook/raw';
import type { ChartSpec } from '../core/workbook/sheet-spec';
import type { WorkbookPort } from '../core/workbook/port';
import type { Evaluation, ValueSource } from './engine/evaluation';
import type { SheetLayout } from './workbook-loader';

export const PAGE_ROWS = 500;
export const MAX_COLUMNS = 60;

export interface GridPage {
  sheet: string;
  grid: RawGrid;
  /** The frozen rows above the page (from row 1), read when the page starts below them. */
  head: RawGrid | null;
  /** How many rows `head` covers (0 without one). */
  headRows: number;
  firstRow: number;
  lastRow: number;
  lastCol: number;
}

/** What a cell shows: its value (computed by the engine where it can), format and formula. */
export interface CellContent {
  value: RawValue;
  format?: string;
  formula?: string;
  source?: ValueSource | 'pending';
  engineError?: string;
}

export const pageOf = (row: number): number => Math.floor(row / PAGE_ROWS);

/** How many rows the grid has and its last column: the used range, and the cells charts are placed over. */
export function gridExtent(sheet: SheetInfo, charts: readonly ChartSpec[] | undefined): { totalRows: number; lastCol: number } {
  const used = sheet.usedAddress ? parseRangeA1(sheet.usedAddress) : null;
  if (!used) return { totalRows: 0, lastCol: 0 };
  // A chart placed under the last used row still gets its rows (they are empty cells).
  const placements = (charts ?? []).map((c) => parseRangeA1(c.placement)).filter((a): a is NonNullable<typeof a> => a !== null);
  return {
    totalRows: Math.max(used.bottom, ...placements.map((p) => p.bottom)) + 1,
    lastCol: Math.min(Math.max(used.right, ...placements.map((p) => p.right)), MAX_COLUMNS - 1),
  };
}

export interface GridPaging {
  /** Null while the page (of this sheet) loads, or for an empty sheet. */
  page: GridPage | null;
  pageIndex: number;
  setPageIndex(index: number): void;
}

/**
 * Reads the page shown, again whenever the workbook changed (`revision`). A selection on another
 * page (from the task pane's selectCell) moves the page there; a frozen row is on every page.
 */
export function useGridPage(
  port: WorkbookPort,
  sheet: SheetInfo,
  revision: number,
  extent: { totalRows: number; lastCol: number },
  frozenRows: number,
  selectedRow: number | undefined,
): GridPaging {
  const { totalRows, lastCol } = extent;
  const [pageIndex, setPageIndex] = useState(() => (selectedRow !== undefined ? pageOf(selectedRow) : 0));
  const [loaded, setPage] = useState<GridPage | null>(null);
  // A page read for another sheet is not shown while this sheet's page loads.
  const page = loaded && loaded.sheet === sheet.name ? loaded : null;

  useEffect(() => {
    if (selectedRow !== undefined && selectedRow >= frozenRows && pageOf(selectedRow) !== pageIndex) setPageIndex(pageOf(selectedRow));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedRow]);

  useEffect(() => {
    let live = true;
    if (totalRows === 0) {
      setPage(null);
      return undefined;
    }
    const firstRow = Math.min(pageIndex * PAGE_ROWS, Math.max(0, totalRows - 1));
    const lastRow = Math.min(firstRow + PAGE_ROWS, totalRows) - 1;
    const headRows = Math.min(frozenRows, firstRow);
    const ranges = [{ id: 'grid', sheet: sheet.name, address: `A${firstRow + 1}:${toA1(lastRow, lastCol)}`, formulas: true, numberFormats: true }];
    if (headRows > 0) ranges.push({ id: 'head', sheet: sheet.name, address: `A1:${toA1(headRows - 1, lastCol)}`, formulas: true, numberFormats: true });
    port
      .read(() => ({ ranges }))
      .then((raw) => {
        const grid = raw.grids.get('grid');
        const head = raw.grids.get('head') ?? null;
        // A transition: the page's rows are drawn in slices that yield to the page, not in one long task.
        if (live && grid) startTransition(() => setPage({ sheet: sheet.name, grid, head, headRows: head ? headRows : 0, firstRow, lastRow, lastCol }));
      })
      .catch(() => {
        if (live) setPage(null);
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [port, sheet.name, sheet.usedAddress, pageIndex, revision, frozenRows]);

  return { page, pageIndex, setPageIndex };
}

/** A cell of the page as the grid shows it: the engine's value for a formula where it has one, else the file's. */
export function pageCell(page: GridPage | null, sheet: string, evaluation: Evaluation | null | undefined, row: number, col: number): CellContent {
  if (!page) return { value: null };
  const grid = page.head && row < page.headRows ? page.head : page.grid;
  const r = row - grid.top;
  const c = col - grid.left;
  const address = toA1(row, col);
  const cached = grid.values[r]?.[c] ?? null;
  const formula = grid.formulas[address];
  const format = grid.numberFormats?.[r]?.[c];
  if (formula === undefined || evaluation === undefined) return { value: cached, format, formula };
  const evaluated = evaluation?.cell(sheet, address);
  if (!evaluated) return { value: cached, format, formula, source: 'pending' };
  return { value: evaluated.value, format, formula, source: evaluated.source, engineError: evaluated.engineError };
}

/** The rows drawn: the frozen head's (when the page starts below it), then the page's; hidden rows left out. */
export function drawnRows(page: GridPage | null, hiddenRows: ReadonlySet<number> | undefined): number[] {
  const rows: number[] = [];
  if (!page) return rows;
  for (let r = 0; r < page.headRows; r++) if (!hiddenRows?.has(r)) rows.push(r);
  for (let r = page.firstRow; r <= page.lastRow; r++) if (!hiddenRows?.has(r)) rows.push(r);
  return rows;
}

/** The columns drawn: hidden ones and those of width 0 left out. */
export function drawnColumns(page: GridPage | null, layout: SheetLayout | null | undefined): number[] {
  const cols: number[] = [];
  if (!page) return cols;
  for (let c = 0; c <= page.lastCol; c++) if (!layout?.hiddenColumns.has(c) && (layout?.widths.get(c) ?? 1) !== 0) cols.push(c);
  return cols;
}
