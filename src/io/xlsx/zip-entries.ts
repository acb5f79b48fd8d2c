/**
 * The entries of a zip package (an .xlsx file) read from its central directory, for the lean read
 * path: only the parts a job needs are inflated, one at a time. Inflating is injected (Node's
 * zlib in the CLI) so this module stays free of platform APIs. The limits of limits.ts are
 * checked here: on the directory before anything is inflated, and on each part as it is inflated.
 */
import { checkDirectory, checkXmlDepth, isXmlPart, LIMITS, type XlsxLimits } from './limits';
import * as messages from './messages';

/**
 * Inflates raw DEFLATE data (zip method 8); `size` is the expected output length, which the
 * directory checks have kept under the limits. The declared size is not trusted: an
 * implementation must stop as soon as the output passes `size` and throw InflateOverflow (Node:
 * inflateRawSync with maxOutputLength). One that returns more is still rejected, after the fact.
 */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array | Promise<Uint8Array>;

/** Thrown by an InflateRaw whose output would pass the size it was given. */
export class InflateOverflow extends Error {
  constructor() {
    super('inflated data is larger than its declared size');
    this.name = 'InflateOverflow';
  }
}

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

const utf8 = new TextDecoder('utf-8');

/**
 * Reads the central directory; throws ZipFormatError when the package is damaged or truncated,
 * and a WorkbookError when it passes a limit (entry count, declared sizes, ratio).
 */
export function readZipEntries(bytes: Uint8Array, limits: Readonly<XlsxLimits> = LIMITS): Map<string, ZipEntry> {
  let eocd = -1;
  const stop = Math.max(0, bytes.length - EOCD_MIN - MAX_COMMENT);
  for (let i = bytes.length - EOCD_MIN; i >= stop; i--) {
    if (u32(bytes, i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('end of central directory not found');
  const count = u16(bytes, eocd + 10);
  const dirSize = u32(bytes, eocd + 12);
  const dirOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipFormatError('zip64 packages are not supported');
  if (dirOffset + dirSize > eocd) throw new ZipFormatError('central directory outside the file');
  checkDirectory(count, [], limits);

  const entries = new Map<string, ZipEntry>();
  let at = dirOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_SIGNATURE) throw new ZipFormatError('bad central directory entry');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      name,
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  checkDirectory(count, entries.values(), limits);
  return entries;
}

/**
 * The uncompressed bytes of one entry, inflated no further than its declared size (within the
 * limits); an XML part's nesting is checked before it is returned, unless the caller has checked
 * this part before (`checkDepth` false: the lean path reads a sheet twice, for its index and cells).
 */
export async function entryBytes(
  bytes: Uint8Array,
  entry: ZipEntry,
  inflateRaw: InflateRaw,
  limits: Readonly<XlsxLimits> = LIMITS,
  checkDepth = true,
): Promise<Uint8Array> {
  const out = await inflatedBytes(bytes, entry, inflateRaw, limits);
  if (checkDepth && isXmlPart(entry.name)) checkXmlDepth(out, entry.name, limits);
  return out;
}

async function inflatedBytes(bytes: Uint8Array, entry: ZipEntry, inflateRaw: InflateRaw, limits: Readonly<XlsxLimits>): Promise<Uint8Array> {
  checkDirectory(0, [entry], limits);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) throw new ZipFormatError(`bad local header for ${entry.name}`);
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name} is encrypted`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(`${entry.name} is truncated`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
  let out: Uint8Array;
  try {
    out = await inflateRaw(data, entry.size);
  } catch (cause) {
    if (cause instanceof InflateOverflow) throw messages.limit.sizeMismatch(entry.name, entry.size);
    throw cause;
  }
  if (out.length > entry.size) throw messages.limit.sizeMismatch(entry.name, entry.size);
  if (out.length !== entry.size) throw new ZipFormatError(`${entry.name} inflated to ${out.length} bytes, expected ${entry.size}`);
  // A plain Uint8Array view (not a Node Buffer, whose indexOf is slower to call).
  return out.constructor === Uint8Array ? out : new Uint8Array(out.buffer, out.byteOffset, out.length);
}
