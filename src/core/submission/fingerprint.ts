/**
 * The fingerprint of a workbook's inputs: SHA-256 over the normalised value of every input cell
 * Budgetkoll read (where each input was found, through a mapping or by name), not over the file's
 * bytes — saving the workbook again, or in another program, does not change it; changing a figure
 * or a name does.
 *
 * Beside it, a print of every row: a 16-bit checksum per non-blank cell. It is not proof of
 * anything (the SHA-256 is); it only points at which cells changed after a submission.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';
import { toA1 } from '../a1';
import type { LocatedInputs } from '../recognition/locate';
import { CellError, type RawGrid, type RawValue, type RawWorkbook } from '../workbook/raw';

/** One input source's rows: where it is, and per row (0-based sheet row) its cells' checksums by 0-based column. */
export interface SourcePrint {
  input: string;
  sheet: string;
  rows: RowPrint[];
}

export interface RowPrint {
  row: number;
  /** [column, checksum] per non-blank cell, by column. */
  cells: [number, number][];
}

export interface InputFingerprint {
  /** SHA-256, hex. */
  fingerprint: string;
  /** How many cells it covers. */
  cells: number;
  sources: SourcePrint[];
}

/**
 * A cell's value as the fingerprint sees it, or null for a blank cell. Numbers to 15 significant
 * digits (Excel's precision: a program that writes the last binary digit differently does not
 * change it), text as it is (NFC), booleans and error values by name.
 */
export function normalizedCell(value: RawValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    const rounded = Number(value.toPrecision(15));
    return `n:${Object.is(rounded, -0) ? 0 : rounded}`;
  }
  if (typeof value === 'string') return value === '' ? null : `s:${value.normalize('NFC')}`;
  if (typeof value === 'boolean') return value ? 'b:1' : 'b:0';
  if (value instanceof CellError) return `e:${value.code}`;
  return `s:${String(value)}`;
}

/** FNV-1a, 32-bit, folded to 16: a short checksum to tell which cell changed (not a proof). */
export function cellChecksum(normalized: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < normalized.length; i++) {
    hash ^= normalized.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash ^ (hash >>> 16)) & 0xffff;
}

/** Feeds text to the digest in pieces of ~64 kB: one encode per piece, not per cell. */
class DigestFeed {
  private pending: string[] = [];
  private length = 0;
  private readonly encoder = new TextEncoder();
  constructor(readonly digest: ReturnType<typeof sha256.create>) {}
  add(text: string): void {
    this.pending.push(text);
    this.length += text.length;
    if (this.length >= 65_536) this.flush();
  }
  flush(): void {
    if (this.pending.length === 0) return;
    this.digest.update(this.encoder.encode(this.pending.join('')));
    this.pending = [];
    this.length = 0;
  }
}

function printGrid(grid: RawGrid, feed: DigestFeed): { rows: RowPrint[]; cells: number } {
  const rows: RowPrint[] = [];
  let cells = 0;
  grid.values.forEach((values, i) => {
    const row = grid.top + i;
    const printed: [number, number][] = [];
    values.forEach((value, j) => {
      const normalized = normalizedCell(value);
      if (normalized === null) return;
      const col = grid.left + j;
      feed.add(`${toA1(row, col)}\u0000${normalized}\n`);
      printed.push([col, cellChecksum(normalized)]);
    });
    if (printed.length > 0) {
      rows.push({ row, cells: printed });
      cells += printed.length;
    }
  });
  return { rows, cells };
}

/** The fingerprint and row prints of every input source a read phase located, in input order. */
export function fingerprintInputs(raw: RawWorkbook, located: LocatedInputs): InputFingerprint {
  const digest = sha256.create();
  const feed = new DigestFeed(digest);
  const sources: SourcePrint[] = [];
  let cells = 0;
  const ids = Object.keys(located.sources).sort();
  for (const id of ids) {
    for (const source of located.sources[id as keyof LocatedInputs['sources']] ?? []) {
      const grid = raw.grids.get(source.readId);
      if (!grid) continue;
      feed.add(`[${id}]\u0000${source.sheet}\n`);
      const printed = printGrid(grid, feed);
      sources.push({ input: id, sheet: source.sheet, rows: printed.rows });
      cells += printed.cells;
    }
  }
  feed.flush();
  return { fingerprint: bytesToHex(digest.digest()), cells, sources };
}

/** SHA-256 of a text, hex (the receipt's seal). */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
}
