/**
 * Selecting in the grid as in Excel: a click selects a cell (a merged cell by its top-left cell),
 * Shift extends a range from the active cell, arrow keys move over hidden rows and columns and out
 * of spans at their far edge. The formula bar is told what the selected cell holds.
 */
import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import { parseRangeA1, rangeToA1, toA1 } from '../core/a1';
import { formulaBarText } from './cell-format';
import { moveOrigin, spanAt, spanStart, type Span, type SpanLayout } from './grid-spans';
import type { CellContent, GridPage } from './use-grid-page';

export interface GridSelection {
  sheet: string;
  /** "C5": the active cell. */
  address: string;
  /** "C5:F20": a range extended from the active cell (Shift+click, Shift+arrow); absent for one cell. */
  range?: string;
}

export interface Cell {
  row: number;
  col: number;
}

export interface GridSelecting {
  /** The span the active cell is in: the whole span is drawn selected. */
  selectedSpan: Span | undefined;
  /** The id of the active cell's element, for aria-activedescendant. */
  activeId: string | undefined;
  inRange(row: number, col: number): boolean;
  /** A click: selects the cell (its span's top-left), or with Shift extends the range to it. */
  click(cell: Cell, shift: boolean): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
}

const MOVES: Record<string, readonly [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export interface GridSelectionOptions {
  sheet: string;
  selection: GridSelection | null;
  /** The active cell when it is on this sheet. */
  selected: Cell | null;
  onSelect(selection: GridSelection): void;
  onSelectedContent?(content: string): void;
  page: GridPage | null;
  totalRows: number;
  hiddenRows: ReadonlySet<number> | undefined;
  hiddenColumns: ReadonlySet<number> | undefined;
  spans: readonly Span[];
  drawn: SpanLayout;
  cellAt(row: number, col: number): CellContent;
  scroller: RefObject<HTMLElement | null>;
}

export function useGridSelection(options: GridSelectionOptions): GridSelecting {
  const { sheet, selection, selected, onSelect, onSelectedContent, page, totalRows, hiddenRows, hiddenColumns, spans, drawn, cellAt, scroller } = options;

  // Where a cell is drawn: the first visible cell of the span it is in.
  const drawnAddressOf = (row: number, col: number): string => {
    const span = spanAt(spans, row, col);
    if (span) {
      for (const [key, d] of drawn.anchors) if (d.area === span.area) {
        const [r, c] = key.split(':').map(Number);
        return toA1(r, c);
      }
    }
    return toA1(row, col);
  };

  // Tell the formula bar what the selected cell holds, and bring the cell into view.
  useEffect(() => {
    if (!selected || !page) return;
    const cell = cellAt(selected.row, selected.col);
    onSelectedContent?.(formulaBarText(cell.value, cell.format, cell.formula));
    const element = scroller.current?.querySelector<HTMLElement>(`[data-address="${drawnAddressOf(selected.row, selected.col)}"]`);
    element?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection?.address, selection?.sheet, page]);

  const select = (row: number, col: number) => onSelect({ sheet, address: toA1(row, col) });
  // Shift extends a range from the active cell to (row, col), as in Excel.
  const extend = (row: number, col: number) => {
    if (!selected || (row === selected.row && col === selected.col)) return select(row, col);
    const range = rangeToA1({ top: Math.min(row, selected.row), left: Math.min(col, selected.col), bottom: Math.max(row, selected.row), right: Math.max(col, selected.col) });
    onSelect({ sheet, address: toA1(selected.row, selected.col), range });
  };
  const ranged = selection?.range && selection.sheet === sheet ? parseRangeA1(selection.range) : null;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const move = MOVES[event.key];
    if (!move || !page) return;
    event.preventDefault();
    const active = selected ?? { row: page.firstRow, col: 0 };
    // With Shift the range's far corner moves; the active cell stays.
    const far = ranged && selected ? { row: ranged.top === selected.row ? ranged.bottom : ranged.top, col: ranged.left === selected.col ? ranged.right : ranged.left } : active;
    // From a merged cell the move starts at its far edge, so it leaves the span (as in Excel).
    const from = event.shiftKey ? far : moveOrigin(spans, active, move);
    let row = from.row;
    let col = from.col;
    // Hidden rows and columns are stepped over, as in Excel.
    do row += move[0];
    while (move[0] !== 0 && row >= 0 && row < totalRows && hiddenRows?.has(row));
    do col += move[1];
    while (move[1] !== 0 && col >= 0 && col <= page.lastCol && hiddenColumns?.has(col));
    if (row < 0 || row >= totalRows || hiddenRows?.has(row)) row = from.row;
    if (col < 0 || col > page.lastCol || hiddenColumns?.has(col)) col = from.col;
    if (event.shiftKey) return extend(row, col);
    // Into a span: its top-left cell; at the sheet's edge a span stays selected as it was.
    const target = spanStart(spans, row, col);
    if (target.row === active.row && target.col === active.col) return;
    select(target.row, target.col);
  };

  return {
    selectedSpan: selected ? spanAt(spans, selected.row, selected.col) : undefined,
    activeId: selected ? `cell-${drawnAddressOf(selected.row, selected.col)}` : undefined,
    inRange: (r, c) => ranged !== null && r >= ranged.top && r <= ranged.bottom && c >= ranged.left && c <= ranged.right,
    click: ({ row, col }, shift) => (shift ? extend(row, col) : select(row, col)),
    onKeyDown,
  };
}
