/**
 * Cells drawn as one over several rows and columns: merged ranges (showing the top-left cell's
 * value) and the cells a chart is drawn over. Pure functions over the rows and columns the grid
 * draws (hidden ones left out), so a span with hidden rows spans only the visible ones.
 */
import type { RangePosition } from '../core/a1';

export interface Span {
  area: RangePosition;
  /** Index into the tab's charts when the span is a chart's placement. */
  chart?: number;
}

export interface DrawnSpan extends Span {
  rowSpan: number;
  colSpan: number;
}

export interface SpanLayout {
  /** The drawn cell of each span, by `row:col` of the cell it is drawn in (its first visible one). */
  anchors: Map<string, DrawnSpan>;
  /** The other cells of spans: not drawn. */
  covered: Set<string>;
}

export const cellKey = (row: number, col: number) => `${row}:${col}`;

const inside = (a: RangePosition, row: number, col: number) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
const overlaps = (a: RangePosition, b: RangePosition) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/**
 * The spans to draw: the charts' placements first, then merges that do not overlap a chart (the
 * chart is drawn over those cells, as in Excel). One-cell merges are no spans.
 */
export function spansOf(merges: readonly RangePosition[] | undefined, charts: readonly RangePosition[] | undefined): Span[] {
  const spans: Span[] = (charts ?? []).map((area, chart) => ({ area, chart }));
  const chartAreas = spans.map((s) => s.area);
  for (const area of merges ?? []) {
    if (area.top === area.bottom && area.left === area.right) continue;
    if (chartAreas.some((c) => overlaps(c, area))) continue;
    spans.push({ area });
  }
  return spans;
}

/** Where each span is drawn among `rows` and `cols` (ascending, visible only), and what it covers. */
export function layoutSpans(spans: readonly Span[], rows: readonly number[], cols: readonly number[]): SpanLayout {
  const anchors = new Map<string, DrawnSpan>();
  const covered = new Set<string>();
  if (rows.length === 0 || cols.length === 0) return { anchors, covered };
  const firstRow = rows[0];
  const lastRow = rows[rows.length - 1];
  const firstCol = cols[0];
  const lastCol = cols[cols.length - 1];
  for (const span of spans) {
    const { area } = span;
    if (area.bottom < firstRow || area.top > lastRow || area.right < firstCol || area.left > lastCol) continue;
    const spanRows = rows.filter((r) => r >= area.top && r <= area.bottom);
    const spanCols = cols.filter((c) => c >= area.left && c <= area.right);
    if (spanRows.length === 0 || spanCols.length === 0) continue;
    anchors.set(cellKey(spanRows[0], spanCols[0]), { ...span, rowSpan: spanRows.length, colSpan: spanCols.length });
    for (const r of spanRows) for (const c of spanCols) if (r !== spanRows[0] || c !== spanCols[0]) covered.add(cellKey(r, c));
  }
  return { anchors, covered };
}

/** The span a cell belongs to, if any. */
export function spanAt(spans: readonly Span[], row: number, col: number): Span | undefined {
  return spans.find((s) => inside(s.area, row, col));
}

/**
 * Where an arrow key starts from: the edge of the active cell's span in the direction of the move
 * (so moving right from a merged A1:C1 lands in D1, as in Excel).
 */
export function moveOrigin(spans: readonly Span[], cell: { row: number; col: number }, move: readonly [number, number]): { row: number; col: number } {
  const span = spanAt(spans, cell.row, cell.col);
  if (!span) return cell;
  const { area } = span;
  return {
    row: move[0] > 0 ? area.bottom : move[0] < 0 ? area.top : cell.row,
    col: move[1] > 0 ? area.right : move[1] < 0 ? area.left : cell.col,
  };
}

/** A cell inside a span is its span's top-left cell (what Excel selects). */
export function spanStart(spans: readonly Span[], row: number, col: number): { row: number; col: number } {
  const span = spanAt(spans, row, col);
  return span ? { row: span.area.top, col: span.area.left } : { row, col };
}
