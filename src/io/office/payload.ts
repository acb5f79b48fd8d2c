/**
 * Payload arithmetic for the Office adapter. Excel on the web rejects a request or a response above
 * 5 MB of JSON, so reads and writes are cut into pieces sized by what they really weigh — counted
 * here the way the JSON will be sent (UTF-8 bytes), not by a fixed number of rows.
 */

/** What one sync may send or receive; Excel on the web fails at 5 MB. */
export const DEFAULT_PAYLOAD_BUDGET = 4_000_000;

/** Excel's ceiling for one range operation, and ours for one read sync. */
export const MAX_CELLS_PER_READ = 5_000_000;

/** Allowance for the envelope of one queued operation (object path, action name, ids). */
export const OPERATION_OVERHEAD = 200;

/** UTF-8 bytes of JSON.stringify(text), without allocating the string. */
export function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) bytes += 6;
    else if (c === 0x22 || c === 0x5c) bytes += 2;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** UTF-8 bytes of JSON.stringify(value) for the scalar cell values Excel exchanges. */
export function jsonCellBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return jsonStringBytes(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    default:
      return 4; // null
  }
}

/** Rows measured by gridBytesPerCell: enough for a steady mean, few enough to stay cheap. */
const SAMPLE_ROWS = 512;

/**
 * Mean UTF-8 JSON bytes per cell of a grid, without the rows' brackets and commas, measured on
 * at most SAMPLE_ROWS rows spread evenly over it: measuring every cell of a 4 MB block cost more
 * than converting it (a profile of the L read: 380 ms of 2.5 s).
 */
export function gridBytesPerCell(grid: readonly (readonly unknown[])[]): number {
  const step = Math.max(1, Math.floor(grid.length / SAMPLE_ROWS));
  let bytes = 0;
  let cells = 0;
  for (let r = 0; r < grid.length; r += step) {
    const row = grid[r];
    for (const cell of row) bytes += jsonCellBytes(cell) + 1;
    cells += row.length;
  }
  return cells === 0 ? 0 : bytes / cells;
}

/** UTF-8 bytes of one row of a grid, brackets and commas included. */
export function jsonRowBytes(row: readonly unknown[]): number {
  let bytes = 2 + Math.max(0, row.length - 1);
  for (const cell of row) bytes += jsonCellBytes(cell);
  return bytes;
}
