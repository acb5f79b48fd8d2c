/**
 * Frozen panes in the grid: the frozen rows and columns are CSS sticky, each at the height of the
 * column header plus the frozen rows above it (and at the row header's width plus the frozen
 * columns to its left). The offsets are measured after drawing, since row heights and column
 * widths come from the browser's table layout — in an effect after the paint, not a layout effect:
 * measuring inside the render's task forced a second layout and render of the whole grid there
 * (creating a follow-up tab on 20 000 rows: longest main-thread task 226 ms, over the 200 ms
 * budget; test/e2e/main-thread.e2e.test.ts).
 */
import { useEffect, useState, type RefObject } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

export interface FrozenOffsets {
  /** Sticky `top` in px by sheet row. */
  top: ReadonlyMap<number, number>;
  /** Sticky `left` in px by sheet column. */
  left: ReadonlyMap<number, number>;
}

const same = (a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/**
 * Measures where each frozen row and column sticks. `frozenRows`/`frozenColumns` are the drawn
 * ones (hidden left out), ascending; rows carry `data-row`, column headers `data-col`.
 */
export function useFrozenOffsets(table: RefObject<HTMLTableElement | null>, frozenRows: readonly number[], frozenColumns: readonly number[], revision: unknown): FrozenOffsets {
  const [offsets, setOffsets] = useState<FrozenOffsets>({ top: new Map(), left: new Map() });
  const rowsKey = frozenRows.join(',');
  const columnsKey = frozenColumns.join(',');
  useEffect(() => {
    const element = table.current;
    if (!element || (frozenRows.length === 0 && frozenColumns.length === 0)) return;
    const top = new Map<number, number>();
    const left = new Map<number, number>();
    let y = element.querySelector<HTMLElement>('thead tr')?.offsetHeight ?? 0;
    for (const r of frozenRows) {
      top.set(r, y);
      y += element.querySelector<HTMLElement>(`tbody tr[data-row="${r}"]`)?.offsetHeight ?? 0;
    }
    let x = element.querySelector<HTMLElement>('thead th[data-corner]')?.offsetWidth ?? 0;
    for (const c of frozenColumns) {
      left.set(c, x);
      x += element.querySelector<HTMLElement>(`thead th[data-col="${c}"]`)?.offsetWidth ?? 0;
    }
    setOffsets((old) => (same(old.top, top) && same(old.left, left) ? old : { top, left }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rowsKey, columnsKey, revision]);
  return offsets;
}

/**
 * Layers, lowest first: cells; frozen columns; frozen rows; cells frozen both ways; row headers;
 * frozen rows' headers; column headers; the corner.
 */
export const useFrozenStyles = makeStyles({
  frozenColumn: { position: 'sticky', zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  frozenRow: { position: 'sticky', zIndex: 2, backgroundColor: tokens.colorNeutralBackground1 },
  frozenBoth: { zIndex: 3 },
  frozenRowHeader: { position: 'sticky', zIndex: 5 },
  // The line Excel draws under the last frozen row and right of the last frozen column.
  lastFrozenRow: { borderBottom: `2px solid ${tokens.colorNeutralStrokeAccessible}` },
  lastFrozenColumn: { borderRight: `2px solid ${tokens.colorNeutralStrokeAccessible}` },
});
