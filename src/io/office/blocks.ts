/**
 * Grouping cells into rectangles, so formats are set on whole blocks with one range each instead
 * of one proxy per cell (the usual reason add-ins get slow).
 */
import type { RangePosition } from '../../core/a1';

/**
 * Rectangles of equal keys: each row is cut into runs of neighbouring cells with the same key,
 * and a run continues the rectangle above when it spans exactly the same columns.
 * `keyAt` returns undefined for cells that need nothing. Rows are 0-based from `rowOffset`.
 */
export function rectanglesByKey<K>(
  rowCount: number,
  widthOf: (row: number) => number,
  keyAt: (row: number, col: number) => K | undefined,
  rowOffset = 0,
): Map<K, RangePosition[]> {
  const result = new Map<K, RangePosition[]>();
  let open = new Map<string, { key: K; rect: RangePosition }>();
  for (let r = 0; r < rowCount; r++) {
    const next = new Map<string, { key: K; rect: RangePosition }>();
    const width = widthOf(r);
    let c = 0;
    while (c < width) {
      const key = keyAt(r, c);
      if (key === undefined) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < width && keyAt(r, end + 1) === key) end++;
      const id = `${String(key)}|${c}|${end}`;
      const above = open.get(id);
      const row = r + rowOffset;
      if (above && above.key === key && above.rect.bottom === row - 1) {
        above.rect.bottom = row;
        next.set(id, above);
      } else {
        const rect = { top: row, left: c, bottom: row, right: end };
        let list = result.get(key);
        if (!list) result.set(key, (list = []));
        list.push(rect);
        next.set(id, { key, rect });
      }
      c = end + 1;
    }
    open = next;
  }
  return result;
}

/** Runs of consecutive equal numbers in a sorted list of indexes ([1,2,3,7] → [[1,3],[7,7]]). */
export function indexRuns(indexes: readonly number[]): [number, number][] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

/**
 * Merges as few Office calls: single-row merges over the same columns on consecutive rows become
 * one block merged row by row (`range.merge(true)`, "across"). A follow-up tab merges two fields
 * on each of a thousand Åtgärder rows; that is two calls instead of two thousand.
 */
export function mergeBlocks(merges: readonly RangePosition[]): { rect: RangePosition; across: boolean }[] {
  const blocks: { rect: RangePosition; across: boolean }[] = [];
  // The open block per column span, so interleaved spans (E:F and G:H on each row) both grow.
  const open = new Map<string, { rect: RangePosition; across: boolean }>();
  for (const m of merges) {
    if (m.top !== m.bottom) {
      blocks.push({ rect: { ...m }, across: false });
      continue;
    }
    const span = `${m.left}:${m.right}`;
    const block = open.get(span);
    if (block && block.rect.bottom === m.top - 1) {
      block.rect.bottom = m.top;
      block.across = true;
    } else {
      const started = { rect: { ...m }, across: false };
      blocks.push(started);
      open.set(span, started);
    }
  }
  return blocks;
}
