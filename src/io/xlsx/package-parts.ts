/**
 * The small parts of an .xlsx package the lean read path needs besides the worksheets: the sheet
 * list (workbook.xml and its relationships), tables, shared strings and number formats. These
 * parts are small, so they are read as text with simple tag scanning.
 */
import { LIMITS, type XlsxLimits } from './limits';
import * as messages from './messages';
import { attributeSpan, endsName, indexOfAscii, nameAt, nextAttribute, richText, textAt } from './xml-bytes';

export interface SheetPart {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  /** Zip path of the worksheet part, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
}

export interface TablePart {
  name: string;
  /** A1 range without "$". */
  ref: string;
}

export interface Relationship {
  id: string;
  type: string;
  /** Resolved zip path of the target. */
  target: string;
}

const utf8 = new TextDecoder('utf-8');

export function partText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** Attributes of every `<name …>` tag (any namespace prefix) in `xml`. */
export function tagsNamed(xml: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const tag = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])([^>]*)>`, 'g');
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) out.push(attributes(m[1]));
  return out;
}

const utf8Encoder = new TextEncoder();

/** The attributes of a tag's text, by the one attribute walker (xml-bytes.ts). */
function attributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const bytes = utf8Encoder.encode(text);
  const a = attributeSpan();
  let j = 0;
  while ((j = nextAttribute(bytes, j, bytes.length, a)) >= 0) {
    if (a.nameEnd > a.nameStart) attrs[textAt(bytes, a.nameStart, a.nameEnd)] = textAt(bytes, a.valueStart, a.valueEnd);
  }
  return attrs;
}

/** An attribute by local name (ignoring the prefix, e.g. "r:id" for "id"). */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  if (attrs[local] !== undefined) return attrs[local];
  for (const [k, v] of Object.entries(attrs)) if (k.endsWith(`:${local}`) && !k.startsWith('xmlns')) return v;
  return undefined;
}

/** Resolves a relationship target against the folder of the part that owns the relationships. */
export function resolveTarget(sourceFolder: string, target: string): string {
  const parts = target.startsWith('/') ? [] : sourceFolder.split('/').filter(Boolean);
  for (const piece of target.split('/')) {
    if (piece === '' || piece === '.') continue;
    if (piece === '..') parts.pop();
    else parts.push(piece);
  }
  return parts.join('/');
}

/** The relationships of a part ("xl/_rels/workbook.xml.rels" for "xl/workbook.xml"). */
export function parseRelationships(xml: string, sourceFolder: string): Relationship[] {
  return tagsNamed(xml, 'Relationship')
    .filter((a) => a.TargetMode !== 'External')
    .map((a) => ({ id: a.Id ?? '', type: a.Type ?? '', target: resolveTarget(sourceFolder, a.Target ?? '') }));
}

/** The rels part that belongs to a part: "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPathOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash + 1)}_rels/${path.slice(slash + 1)}.rels`;
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export interface WorkbookPart {
  sheets: SheetPart[];
  /** True when dates count from 1904 (old Mac workbooks). */
  date1904: boolean;
}

/** Worksheets in tab order (chart sheets and dialog sheets left out, as ExcelJS does). */
export function parseWorkbook(xml: string, rels: readonly Relationship[]): WorkbookPart {
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  for (const a of tagsNamed(xml, 'sheet')) {
    const rel = byId.get(attr(a, 'id') ?? '');
    if (!rel || !/\/worksheet$/.test(rel.type)) continue;
    sheets.push({ name: a.name ?? '', state: a.state ?? 'visible', path: rel.target });
  }
  const pr = tagsNamed(xml, 'workbookPr')[0];
  const date1904 = pr !== undefined && (pr.date1904 === '1' || pr.date1904 === 'true');
  return { sheets, date1904 };
}

/** A table part: its name (as ExcelJS reports it) and range. */
export function parseTable(xml: string): TablePart | null {
  const a = tagsNamed(xml, 'table')[0];
  if (!a || !a.ref) return null;
  const name = a.name ?? a.displayName;
  if (!name) return null;
  return { name, ref: a.ref.replace(/\$/g, '') };
}

/**
 * The shared string table: text of each <si>, rich text runs joined, phonetic runs left out.
 * Stops with the limit's message as soon as there are more entries than the limit allows.
 */
export function parseSharedStrings(bytes: Uint8Array, part = 'xl/sharedStrings.xml', limits: Readonly<XlsxLimits> = LIMITS): string[] {
  const out: string[] = [];
  eachSharedString(bytes, part, limits, (start, end) => out.push(start < 0 ? '' : richText(bytes, start, end)));
  return out;
}

/** The number of entries of the shared string table, counted up to the limit (before ExcelJS reads it). */
export function countSharedStrings(bytes: Uint8Array, part = 'xl/sharedStrings.xml', limits: Readonly<XlsxLimits> = LIMITS): number {
  let n = 0;
  eachSharedString(bytes, part, limits, () => void n++);
  return n;
}

/** Calls `visit` with the content range of each <si> (-1, -1 for <si/>), throwing past the limit. */
function eachSharedString(bytes: Uint8Array, part: string, limits: Readonly<XlsxLimits>, visit: (start: number, end: number) => void): void {
  const max = limits.maxSharedStrings;
  let count = 0;
  let pos = indexOfAscii(bytes, '<sst');
  if (pos < 0) pos = 0;
  for (;;) {
    const open = findSi(bytes, pos);
    if (open < 0) break;
    const gt = bytes.indexOf(GT, open);
    if (gt < 0) break;
    if (++count > max) throw messages.limit.sharedStrings(part, max);
    if (bytes[gt - 1] === SLASH) {
      visit(-1, -1);
      pos = gt + 1;
      continue;
    }
    const close = findSiClose(bytes, gt + 1);
    const end = close < 0 ? bytes.length : close;
    visit(gt + 1, end);
    pos = end + 1;
  }
}

/** The element of one entry of the shared string table, and the bytes its search compares. */
const SHARED_STRING_ITEM = 'si';
const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f; // /
const COLON = 0x3a; // :

/** True when the tag name starting at `i` (just after "<" or "</") is "si", with or without a prefix. */
function isSiName(bytes: Uint8Array, i: number): boolean {
  let k = i;
  while (k < bytes.length && k < i + 32 && bytes[k] !== COLON && !endsName(bytes[k])) k++;
  return nameAt(bytes, bytes[k] === COLON ? k + 1 : i, SHARED_STRING_ITEM);
}

function findSi(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(LT, from); i >= 0; i = bytes.indexOf(LT, i + 1)) {
    if (bytes[i + 1] !== SLASH && isSiName(bytes, i + 1)) return i;
  }
  return -1;
}

function findSiClose(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(LT, from); i >= 0; i = bytes.indexOf(LT, i + 1)) {
    if (bytes[i + 1] === SLASH && isSiName(bytes, i + 2)) return i;
  }
  return -1;
}

/** Built-in number formats as ExcelJS names them (the ids below 164 that need no numFmt entry). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00',
  12: '# ?/?', 13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy',
  18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

export interface CellStyles {
  /** Number format code of each cellXfs entry ('General' when none). */
  formats: string[];
  /** Whether each cellXfs entry formats dates (ExcelJS's rule: y, m, d, h, s or b outside quotes and brackets). */
  isDate: boolean[];
}

export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** Number formats of the cell styles (styles.xml: numFmts and cellXfs). */
export function parseStyles(xml: string): CellStyles {
  const custom = new Map<number, string>();
  for (const a of tagsNamed(xml, 'numFmt')) {
    const id = Number(a.numFmtId);
    if (Number.isInteger(id) && a.formatCode !== undefined) custom.set(id, a.formatCode);
  }
  const formats: string[] = [];
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
  if (xfs) {
    for (const a of tagsNamed(xfs[1], 'xf')) {
      const id = Number(a.numFmtId ?? 0);
      formats.push(custom.get(id) ?? BUILT_IN_FORMATS[id] ?? 'General');
    }
  }
  return { formats, isDate: formats.map((f) => f !== 'General' && isDateFormat(f)) };
}
