/**
 * Limits on what an .xlsx package may make Budgetkoll do, checked before the work: a hostile or
 * broken file (a "zip bomb", a lying size, millions of empty shared strings, absurd nesting, a
 * cell past Excel's last row) ends in one clear Swedish line instead of a crash or gigabytes of
 * memory. Both read paths use them: the lean read path (read-port.ts) and the check before a
 * file is handed to ExcelJS (load.ts).
 *
 * Sized against the largest generated sample, `budgetkoll sample --rows 200000` (L: a large
 * city's budget with 200 000 Driftbudget rows and 710 679 Utfall rows): 23.9 MB on disk,
 * 61 parts, 258 MB inflated in all, the largest part 182 MB (the Utfall sheet; Driftbudget
 * 64 MB), the highest compression ratio 14.4 (sharedStrings; sheets 9–11), 37 035 shared strings,
 * XML nesting 8 deep. Every cap leaves a wide margin above those figures (docs/granser.md).
 */
import * as messages from './messages';

export interface XlsxLimits {
  /** Parts in the package. */
  maxEntries: number;
  /** Inflated bytes of one part. */
  maxEntryBytes: number;
  /** Inflated bytes of all parts together. */
  maxTotalBytes: number;
  /** Inflated size ÷ stored size of one part, for parts above `ratioFromBytes`. */
  maxRatio: number;
  /** Parts smaller than this are not ratio-checked (tiny parts cannot hurt, and compress oddly). */
  ratioFromBytes: number;
  /** Entries (<si>) of the shared string table. */
  maxSharedStrings: number;
  /** Open XML elements at once, in any part. */
  maxXmlDepth: number;
  /** Rows of a sheet (Excel's own maximum). */
  maxRows: number;
  /** Columns of a sheet (Excel's own maximum, column XFD). */
  maxColumns: number;
}

const MB = 1024 * 1024;

export const LIMITS: Readonly<XlsxLimits> = {
  // L has 61 parts; a workbook with hundreds of tabs, each with rels, tables and drawings, has a few thousand.
  maxEntries: 10_000,
  // L's largest part is 182 MB (710 679 ledger rows): 5.6× margin, and one part stays well under Node's buffer limits.
  maxEntryBytes: 1024 * MB,
  // L inflates to 258 MB in all: 7.9× margin; ExcelJS needs many times this in memory anyway.
  maxTotalBytes: 2048 * MB,
  // L's parts compress 5–14.4×; DEFLATE bombs reach ~1 000× (zeros, "<si><t/></si>" repeated).
  maxRatio: 100,
  // Below 1 MB a part cannot cost memory that matters, whatever its ratio.
  ratioFromBytes: 1 * MB,
  // L has 37 035; even a ledger with a unique text on every one of a million rows stays far below.
  maxSharedStrings: 5_000_000,
  // L nests 8 deep; charts and drawings nest about 15; a parser's stack must not follow a hostile file down.
  maxXmlDepth: 256,
  // Excel's maximum sheet size: 1 048 576 rows × 16 384 columns (A1:XFD1048576).
  maxRows: 1_048_576,
  maxColumns: 16_384,
};

/** What the directory check needs of a central-directory entry (a zip-entries.ts ZipEntry). */
export interface DirectoryEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  compressedSize: number;
  size: number;
}

/** Checks the central directory before anything is inflated: entry count, declared sizes and ratios. */
export function checkDirectory(entryCount: number, entries: Iterable<DirectoryEntry>, limits: Readonly<XlsxLimits> = LIMITS): void {
  if (entryCount > limits.maxEntries) throw messages.limit.entries(entryCount, limits.maxEntries);
  let total = 0;
  for (const entry of entries) {
    const stored = Math.max(entry.compressedSize, 1);
    if (entry.size > limits.maxEntryBytes || (entry.method === 0 && entry.compressedSize > limits.maxEntryBytes)) {
      throw messages.limit.entrySize(entry.name, Math.max(entry.size, entry.compressedSize), limits.maxEntryBytes);
    }
    if (entry.size >= limits.ratioFromBytes && entry.size / stored > limits.maxRatio) {
      throw messages.limit.ratio(entry.name, entry.size / stored, limits.maxRatio);
    }
    total += entry.size;
    if (total > limits.maxTotalBytes) throw messages.limit.totalSize(total, limits.maxTotalBytes);
  }
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const BANG = 0x21;
const QUESTION = 0x3f;

/** True for parts that are XML (and so get their nesting checked). */
export function isXmlPart(name: string): boolean {
  return /\.(?:xml|rels|vml)$/i.test(name);
}

/**
 * Throws as soon as elements nest deeper than the limit. One forward pass over the tags; text is
 * skipped with indexOf. Comments, CDATA, declarations and processing instructions do not nest.
 */
export function checkXmlDepth(xml: Uint8Array, part: string, limits: Readonly<XlsxLimits> = LIMITS): void {
  const max = limits.maxXmlDepth;
  const n = xml.length;
  let depth = 0;
  let i = xml.indexOf(LT);
  while (i >= 0) {
    const b = xml[i + 1];
    if (b === SLASH) {
      depth--;
      i = xml.indexOf(LT, i + 2);
      continue;
    }
    if (b === QUESTION || b === BANG) {
      const end = skipSpecial(xml, i);
      if (end < 0) return;
      i = xml.indexOf(LT, end);
      continue;
    }
    // An opening tag: its ">" (not one inside a quoted attribute value) says whether it closes itself.
    let k = i + 1;
    while (k < n) {
      const c = xml[k];
      if (c === GT) break;
      if (c === QUOTE || c === APOS) {
        const close = xml.indexOf(c, k + 1);
        if (close < 0) return;
        k = close;
      }
      k++;
    }
    if (k >= n) return;
    if (xml[k - 1] !== SLASH && ++depth > max) throw messages.limit.depth(part, max);
    i = xml.indexOf(LT, k + 1);
  }
}

/** The end of `<!-- … -->`, `<![CDATA[ … ]]>`, `<?…?>` or `<!DOCTYPE …>` starting at `lt`, or -1. */
function skipSpecial(xml: Uint8Array, lt: number): number {
  const ascii = (at: number, text: string) => {
    for (let k = 0; k < text.length; k++) if (xml[at + k] !== text.charCodeAt(k)) return false;
    return true;
  };
  const find = (text: string, from: number) => {
    for (let i = xml.indexOf(text.charCodeAt(0), from); i >= 0; i = xml.indexOf(text.charCodeAt(0), i + 1)) {
      if (ascii(i, text)) return i + text.length;
    }
    return -1;
  };
  if (ascii(lt, '<!--')) return find('-->', lt + 4);
  if (ascii(lt, '<![CDATA[')) return find(']]>', lt + 9);
  if (xml[lt + 1] === QUESTION) return find('?>', lt + 2);
  const gt = xml.indexOf(GT, lt);
  return gt < 0 ? -1 : gt + 1;
}

/** Where a sheet part is, for the message: its zip path and, when known, the tab's name. */
export interface SheetPlace {
  part: string;
  tab?: string;
}

/** Throws when a 0-based row or column is past Excel's last. */
export function checkCellIndex(row: number, col: number, place: SheetPlace, limits: Readonly<XlsxLimits> = LIMITS): void {
  if (row >= limits.maxRows || col >= limits.maxColumns) {
    throw messages.limit.cellIndex(place.part, place.tab, row, col, limits.maxRows, limits.maxColumns);
  }
}
