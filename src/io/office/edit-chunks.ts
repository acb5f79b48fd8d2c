/** Cell edits (writeCells) cut into payload-sized chunks. */
import { jsonCellBytes, jsonStringBytes, OPERATION_OVERHEAD } from './payload';

/** Request bytes of one cell edit: getItem, getRange and a load or a write, with their arguments. */
export function editBytes(sheet: string, cell: string, value: unknown): number {
  return 4 * OPERATION_OVERHEAD + jsonStringBytes(sheet) + jsonStringBytes(cell) + jsonCellBytes(value);
}

/**
 * Cuts a list of cell edits into chunks whose request stays under a quarter of the budget: the
 * response of a chunk carries each cell's value, formula and format, which can weigh more.
 */
export function editChunks<T>(items: readonly T[], budget: number, bytes: (item: T) => number): T[][] {
  const limit = Math.max(OPERATION_OVERHEAD * 8, Math.floor(budget / 4));
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let used = 0;
  for (const item of items) {
    const cost = bytes(item);
    if (chunk.length > 0 && used + cost > limit) {
      chunks.push(chunk);
      chunk = [];
      used = 0;
    }
    chunk.push(item);
    used += cost;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
