/**
 * The zip container of the package writer: copies the input's entries as they are (local header,
 * compressed data, data descriptor and central-directory record byte for byte; only the offset
 * field of the central record changes) and adds the parts Budgetkoll writes, deflated.
 *
 * Hand-written, not a library (project rule: libraries first): copying an entry's compressed bytes
 * without inflating them is the whole point (untouched pivot caches, images and VBA stay
 * byte-identical and a 200 000-row package is not inflated), and none of the zip libraries at hand
 * offers it: jszip (in node_modules) inflates and re-deflates every entry it saves, zip-stream /
 * yazl compress what they are given, and fflate's raw passthrough needs a hand-made ZipInputFile
 * (and is not a dependency). The central-directory reader is zip-entries.ts; this module only
 * adds the raw records it needs for copying. Deflating is injected (Node: zlib.deflateRawSync,
 * browser: CompressionStream) so the module stays free of platform APIs. No zip64: a package
 * over 4 GB or 65 535 entries is refused.
 */
import { readZipEntries, ZipFormatError, type ZipEntry } from '../zip-entries';
import { crc32 } from './crc32';

/** Deflates data as raw DEFLATE (zip method 8). */
export type DeflateRaw = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;
/** Deflates a part given in pieces as one stream (no joined copy of a 200 MB sheet is made). */
export type DeflateRawChunks = (chunks: readonly Uint8Array[]) => Promise<Uint8Array>;

/** An entry of the input package, with its raw central-directory record. */
export interface SourceEntry extends ZipEntry {
  /** The central-directory record as it is in the input (46 bytes + name + extra + comment). */
  central: Uint8Array;
}

export type OutputEntry =
  | { kind: 'copy'; source: SourceEntry }
  | { kind: 'new'; name: string; data: Uint8Array }
  /** A new part compressed ahead (compressEntry), so its uncompressed bytes need not be kept. */
  | { kind: 'compressed'; entry: Promise<CompressedEntry> };

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIGNATURE = 0x06054b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const MAX_U32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

function put16(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
}

function put32(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
  b[at + 2] = (v >>> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}

/** The input's entries in central-directory order, each with its raw central record. */
export function readSourceEntries(bytes: Uint8Array): SourceEntry[] {
  const byName = readZipEntries(bytes); // validates the directory and gives the fields
  let eocd = bytes.length - 22;
  while (eocd >= 0 && u32(bytes, eocd) !== EOCD_SIGNATURE) eocd--;
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  const out: SourceEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (u32(bytes, at) !== CENTRAL_SIGNATURE) throw new ZipFormatError('bad central directory entry');
    const nameLength = u16(bytes, at + 28);
    const length = 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const entry = byName.get(name);
    if (!entry) throw new ZipFormatError(`entry ${name} not in the directory`);
    out.push({ ...entry, central: bytes.subarray(at, at + length) });
    at += length;
  }
  if (new Set(out.map((e) => e.name)).size !== out.length) throw new ZipFormatError('duplicate entry names');
  return out;
}

/** The whole local record of an entry: header, compressed data and data descriptor (if any). */
export function localRecord(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) throw new ZipFormatError(`bad local header for ${entry.name}`);
  let end = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28) + entry.compressedSize;
  if (entry.flags & 0x8) end += end + 4 <= bytes.length && u32(bytes, end) === DESCRIPTOR_SIGNATURE ? 16 : 12;
  if (end > bytes.length) throw new ZipFormatError(`${entry.name} is truncated`);
  return bytes.subarray(at, end);
}

/** MS-DOS time and date of a moment (local fields as zip wants them; 1980 at the earliest). */
function dosDateTime(when: Date): { time: number; date: number } {
  const year = Math.max(1980, when.getFullYear());
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

/** A part ready to place: its local header and body, and its central record (offset set on placing). */
export interface CompressedEntry {
  local: Uint8Array[];
  central: Uint8Array;
}
type Written = CompressedEntry;

/** How new parts are compressed: the host's deflate (and, optionally, a streaming one and its CRC-32). */
export interface Codec {
  deflateRaw: DeflateRaw;
  deflateRawChunks?: DeflateRawChunks;
  crc32?: Crc32;
}

/** Deflates (or stores) one new part, given whole or in pieces, now; writeZip places it later. */
export function compressEntry(name: string, data: Uint8Array | readonly Uint8Array[], codec: Codec, modified: Date = new Date(1980, 0, 1)): Promise<CompressedEntry> {
  return newEntry(name, data, codec, dosDateTime(modified));
}

/** CRC-32 of a part's bytes, continuing from `previous`; a host may give a native one (Node's zlib.crc32). */
export type Crc32 = (data: Uint8Array, previous?: number) => number;

/** The pieces as one array (the piece itself when there is one). */
export function joined(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function newEntry(name: string, data: Uint8Array | readonly Uint8Array[], codec: Codec, stamp: { time: number; date: number }): Promise<Written> {
  const nameBytes = new TextEncoder().encode(name);
  const chunks = data instanceof Uint8Array ? [data] : data;
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const deflated = codec.deflateRawChunks && chunks.length > 1 ? await codec.deflateRawChunks(chunks) : await codec.deflateRaw(joined(chunks));
  // Tiny parts can grow when deflated: store those.
  const stored = deflated.length >= size;
  const body = stored ? joined(chunks) : deflated;
  const checksum = codec.crc32 ?? crc32;
  let crc = 0;
  for (const c of chunks) crc = checksum(c, crc) >>> 0;
  if (body.length > MAX_U32 || size > MAX_U32) throw new ZipFormatError(`${name} is too large for a zip without zip64`);
  const header = new Uint8Array(30 + nameBytes.length);
  put32(header, 0, LOCAL_SIGNATURE);
  put16(header, 4, 20); // version needed: 2.0 (deflate)
  put16(header, 6, 0x0800); // UTF-8 names
  put16(header, 8, stored ? 0 : 8);
  put16(header, 10, stamp.time);
  put16(header, 12, stamp.date);
  put32(header, 14, crc);
  put32(header, 18, body.length);
  put32(header, 22, size);
  put16(header, 26, nameBytes.length);
  header.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  put32(central, 0, CENTRAL_SIGNATURE);
  put16(central, 4, 20); // made by: MS-DOS, 2.0
  central.set(header.subarray(4, 30), 6); // version needed … name length, as in the local header
  // extra, comment, disk, internal and external attributes stay 0; the offset is set when placed.
  central.set(nameBytes, 46);
  return { local: [header, body], central };
}

/**
 * Writes a zip of `entries` in the given order. Copied entries come from `source` (the input
 * package's bytes) unchanged; new ones are deflated with `deflateRaw`.
 */
export async function writeZip(
  source: Uint8Array | null,
  entries: readonly OutputEntry[],
  codec: Codec,
  modified: Date = new Date(1980, 0, 1),
): Promise<Uint8Array> {
  if (entries.length > MAX_ENTRIES) throw new ZipFormatError('too many entries for a zip without zip64');
  const stamp = dosDateTime(modified);
  const pieces: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  // New parts are deflated all at once: a host whose deflate runs off the main thread (Node's
  // zlib.deflateRaw on its thread pool) then compresses the large sheets side by side.
  const fresh = await Promise.all(
    entries.map((item) => (item.kind === 'new' ? newEntry(item.name, item.data, codec, stamp) : item.kind === 'compressed' ? item.entry : null)),
  );
  for (const [i, item] of entries.entries()) {
    let written: Written;
    if (item.kind === 'copy') {
      if (!source) throw new ZipFormatError('copy without a source package');
      // A copy (not .slice(): on a Node Buffer that is a view, and the input would be changed).
      const central = new Uint8Array(item.source.central);
      written = { local: [localRecord(source, item.source)], central };
    } else {
      written = fresh[i]!;
    }
    if (offset > MAX_U32) throw new ZipFormatError('package too large for a zip without zip64');
    put32(written.central, 42, offset);
    for (const piece of written.local) {
      pieces.push(piece);
      offset += piece.length;
    }
    centrals.push(written.central);
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  if (offset + centralSize > MAX_U32) throw new ZipFormatError('package too large for a zip without zip64');
  const end = new Uint8Array(22);
  put32(end, 0, EOCD_SIGNATURE);
  put16(end, 8, entries.length);
  put16(end, 10, entries.length);
  put32(end, 12, centralSize);
  put32(end, 16, offset);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const piece of [...pieces, ...centrals, end]) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
