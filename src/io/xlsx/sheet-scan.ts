/**
 * A forward-only scanner over a worksheet part's XML bytes (xl/worksheets/sheetN.xml) for the lean
 * read path: it visits every <c> element of <sheetData> without building a DOM or decoding text it
 * is not asked for, so a 200 000-row sheet costs one pass over its bytes and no per-cell objects.
 * Values are decoded on demand by `scannedValue`, with the semantics of the ExcelJS adapter
 * (cells.ts): formula cells give their cached result, empty text is empty, errors are CellErrors.
 */
import { CellError, type RawValue } from '../../core/workbook/raw';
import { checkCellIndex, LIMITS, type SheetPlace, type XlsxLimits } from './limits';

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const COLON = 0x3a;
const QUOTE = 0x22;
const APOS = 0x27;
const EQUALS = 0x3d;
const AMP = 0x26;

/** The `t` attribute of a cell. */
export const enum CellKind {
  Number = 0,
  Shared = 1,
  Text = 2,
  Inline = 3,
  Boolean = 4,
  Error = 5,
}

/** One <c> element as scanned: positions into the XML, decoded only when asked. Reused between cells. */
export interface ScannedCell {
  /** 0-based sheet row and column. */
  row: number;
  col: number;
  kind: CellKind;
  /** Index into the styles' cellXfs (0 when absent). */
  style: number;
  /** Byte range of the <v> text (or of the <is> element's content for inline strings); -1 when absent. */
  valueStart: number;
  valueEnd: number;
  /** True when the cell has an <f> element with a formula or a shared-formula reference. */
  hasFormula: boolean;
  /** Byte range of the <f> text; -1 when the element is empty (a shared-formula dependent). */
  formulaStart: number;
  formulaEnd: number;
  /** The shared-formula group (si) the cell belongs to, or -1. */
  sharedIndex: number;
}

export interface SheetScanVisitor {
  /** Called for every <c> element in document order (rows ascending, then columns); `false` ends the scan. */
  cell(cell: ScannedCell): void | boolean;
  /** Called for every <mergeCell ref="…"> after the cells. */
  merge?(ref: string): void;
}

const utf8 = new TextDecoder('utf-8');

/** Decodes the five XML entities and numeric character references. */
export function decodeXmlEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
    }
  });
}

/** Text of a byte range, UTF-8 and entity decoded. */
export function textAt(xml: Uint8Array, start: number, end: number): string {
  if (start < 0 || end <= start) return '';
  let ascii = true;
  let amp = false;
  for (let i = start; i < end; i++) {
    const b = xml[i];
    if (b >= 0x80) {
      ascii = false;
      break;
    }
    if (b === AMP) amp = true;
  }
  let text: string;
  if (ascii && end - start < 64) {
    text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(xml[i]);
  } else {
    text = utf8.decode(xml.subarray(start, end));
    amp = true;
  }
  return amp ? decodeXmlEntities(text) : text;
}

/** A number written in ASCII at a byte range (NaN when empty or not a number). */
function numberAt(xml: Uint8Array, start: number, end: number): number {
  if (start < 0 || end <= start) return NaN;
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(xml[i]);
  return parseFloat(text);
}

/** Finds `text` (ASCII) in the bytes from `from`, or -1. */
export function indexOfAscii(xml: Uint8Array, text: string, from = 0): number {
  const first = text.charCodeAt(0);
  const n = text.length;
  let i = xml.indexOf(first, from);
  while (i >= 0 && i + n <= xml.length) {
    let k = 1;
    while (k < n && xml[i + k] === text.charCodeAt(k)) k++;
    if (k === n) return i;
    i = xml.indexOf(first, i + 1);
  }
  return -1;
}

/** The `>` that ends the tag starting at `lt`, skipping quoted attribute values. */
function tagEnd(xml: Uint8Array, lt: number): number {
  for (let i = lt + 1; i < xml.length; i++) {
    const b = xml[i];
    if (b === GT) return i;
    if (b === QUOTE || b === APOS) {
      const close = xml.indexOf(b, i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/** Calls `visit(nameStart, nameEnd, valueStart, valueEnd)` for each attribute of a tag. */
function eachAttribute(xml: Uint8Array, from: number, to: number, visit: (ns: number, ne: number, vs: number, ve: number) => void): void {
  let i = from;
  while (i < to) {
    while (i < to && xml[i] <= 0x20) i++;
    const ns = i;
    while (i < to && xml[i] !== EQUALS && xml[i] > 0x20 && xml[i] !== SLASH) i++;
    const ne = i;
    while (i < to && xml[i] !== QUOTE && xml[i] !== APOS) {
      if (xml[i] === SLASH && ne === ns) return;
      i++;
    }
    if (i >= to) return;
    const quote = xml[i];
    const vs = i + 1;
    const ve = xml.indexOf(quote, vs);
    if (ve < 0 || ve > to) return;
    if (ne > ns) visit(ns, ne, vs, ve);
    i = ve + 1;
  }
}

/** True when bytes [ns, ne) are the attribute name `name` (one or two ASCII letters), ignoring a prefix. */
function isName(xml: Uint8Array, ns: number, ne: number, name: string): boolean {
  let start = ns;
  for (let i = ns; i < ne; i++) if (xml[i] === COLON) start = i + 1;
  if (ne - start !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (xml[start + k] !== name.charCodeAt(k)) return false;
  return true;
}

/** "AB12" at a byte range → 0-based column and row, or null. */
function parseCellRef(xml: Uint8Array, start: number, end: number, out: { row: number; col: number }): boolean {
  let i = start;
  let col = 0;
  while (i < end) {
    const b = xml[i] | 0x20; // lower-case letters
    if (b < 0x61 || b > 0x7a) break;
    col = col * 26 + (b - 0x60);
    i++;
  }
  let row = 0;
  const digits = i;
  while (i < end && xml[i] >= 0x30 && xml[i] <= 0x39) row = row * 10 + (xml[i++] - 0x30);
  if (i !== end || digits === start || digits === end || row < 1) return false;
  out.col = col - 1;
  out.row = row - 1;
  return true;
}

function intAt(xml: Uint8Array, start: number, end: number): number {
  let n = 0;
  let any = false;
  for (let i = start; i < end; i++) {
    const b = xml[i];
    if (b < 0x30 || b > 0x39) break;
    n = n * 10 + (b - 0x30);
    any = true;
  }
  return any ? n : -1;
}

function kindOf(xml: Uint8Array, start: number, end: number): CellKind {
  const n = end - start;
  const a = xml[start];
  if (n === 1) {
    if (a === 0x73) return CellKind.Shared; // s
    if (a === 0x62) return CellKind.Boolean; // b
    if (a === 0x65) return CellKind.Error; // e
    return CellKind.Number; // n, d (ISO dates are rare; read as numbers they become empty)
  }
  if (n === 3 && a === 0x73) return CellKind.Text; // str
  if (n === 9 && a === 0x69) return CellKind.Inline; // inlineStr
  return CellKind.Number;
}

/** The next position of byte `b` from `from`, or -1 (a plain loop: the distances are short). */
function next(xml: Uint8Array, b: number, from: number): number {
  const n = xml.length;
  for (let i = from; i < n; i++) if (xml[i] === b) return i;
  return -1;
}

/** True for the byte after an element name: white space, ">" or "/". */
function endsName(b: number): boolean {
  return b <= 0x20 || b === GT || b === SLASH;
}

/** True when the bytes at `at` spell `name` and the name ends there. */
function nameAt(xml: Uint8Array, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if (xml[at + k] !== name.charCodeAt(k)) return false;
  return endsName(xml[at + name.length]);
}

/**
 * Visits every cell of a worksheet part. Rows and cells without an `r` attribute follow the
 * previous one, as the file format allows. Element names may carry the prefix the <sheetData>
 * element has ("x:c" in files written with a prefixed main namespace). A row or cell past Excel's
 * last row or column stops the scan with the limit's message (`place` names the sheet in it).
 */
export function scanSheet(xml: Uint8Array, visitor: SheetScanVisitor, place: SheetPlace = { part: 'xl/worksheets' }, limits: Readonly<XlsxLimits> = LIMITS): void {
  const { maxRows, maxColumns } = limits;
  const sheetData = indexOfAscii(xml, 'sheetData');
  if (sheetData < 0) return;
  // "<sheetData" or "<x:sheetData": every element of the main namespace has that prefix.
  let prefixStart = sheetData;
  while (prefixStart > 0 && xml[prefixStart - 1] !== LT) prefixStart--;
  const prefix = sheetData - prefixStart;
  const cell: ScannedCell = {
    row: -1,
    col: -1,
    kind: CellKind.Number,
    style: 0,
    valueStart: -1,
    valueEnd: -1,
    hasFormula: false,
    formulaStart: -1,
    formulaEnd: -1,
    sharedIndex: -1,
  };
  const ref = { row: 0, col: 0 };
  let row = -1;
  let col = -1;
  let inCell = false;
  let pos = sheetData + 9;

  for (;;) {
    const lt = next(xml, LT, pos);
    if (lt < 0) return;
    let i = lt + 1;
    const closing = xml[i] === SLASH;
    if (closing) i++;
    // Text and attribute values cannot hold "<" (it is escaped), so the next "<" is the next tag.
    if (prefix > 0) {
      if (xml[i + prefix - 1] !== COLON) {
        pos = i;
        continue;
      }
      i += prefix;
    }
    const a = xml[i];
    if (closing) {
      if (a === 0x63 && xml[i + 1] === GT) {
        // </c>
        if (inCell && visitor.cell(cell) === false) return;
        inCell = false;
        pos = i + 2;
        continue;
      }
      if (a === 0x73 && nameAt(xml, i, 'sheetData')) {
        if (visitor.merge) scanMerges(xml, i, visitor.merge);
        return;
      }
      pos = i;
      continue;
    }

    if (a === 0x63 && endsName(xml[i + 1])) {
      // <c r="B7" s="3" t="s">
      const gt = next(xml, GT, i);
      if (gt < 0) return;
      const selfClosing = xml[gt - 1] === SLASH;
      cell.kind = CellKind.Number;
      cell.style = 0;
      cell.valueStart = cell.valueEnd = -1;
      cell.hasFormula = false;
      cell.formulaStart = cell.formulaEnd = -1;
      cell.sharedIndex = -1;
      let refFound = false;
      let j = i + 1;
      while (j < gt) {
        while (j < gt && xml[j] <= 0x20) j++;
        if (j >= gt || xml[j] === SLASH) break;
        const ns = j;
        while (j < gt && xml[j] !== EQUALS) j++;
        const ne = j;
        while (j < gt && xml[j] !== QUOTE && xml[j] !== APOS) j++;
        if (j >= gt) break;
        const vs = j + 1;
        const ve = next(xml, xml[j], vs);
        if (ve < 0 || ve > gt) break;
        j = ve + 1;
        if (ne - ns !== 1) continue;
        const n = xml[ns];
        if (n === 0x72) refFound = parseCellRef(xml, vs, ve, ref);
        else if (n === 0x73) cell.style = Math.max(0, intAt(xml, vs, ve));
        else if (n === 0x74) cell.kind = kindOf(xml, vs, ve);
      }
      if (refFound) {
        row = ref.row;
        col = ref.col;
      } else {
        if (row < 0) row = 0;
        col++;
      }
      if (row >= maxRows || col >= maxColumns) checkCellIndex(row, col, place, limits);
      cell.row = row;
      cell.col = col;
      pos = gt + 1;
      if (selfClosing) {
        inCell = false;
        if (visitor.cell(cell) === false) return;
      } else inCell = true;
      continue;
    }

    if (a === 0x76 && endsName(xml[i + 1])) {
      // <v>text</v>
      const gt = next(xml, GT, i);
      if (gt < 0) return;
      pos = gt + 1;
      if (!inCell || xml[gt - 1] === SLASH) continue;
      const close = next(xml, LT, pos);
      cell.valueStart = pos;
      cell.valueEnd = close < 0 ? pos : close;
      pos = cell.valueEnd;
      continue;
    }

    if (a === 0x72 && xml[i + 1] === 0x6f && xml[i + 2] === 0x77 && endsName(xml[i + 3])) {
      // <row r="7" …>
      const gt = next(xml, GT, i);
      if (gt < 0) return;
      // The r attribute: ' r="7"' (a plain loop; rows are many and their other attributes unused).
      let r = -1;
      for (let j = i + 3; j + 3 < gt; j++) {
        if (xml[j] === 0x72 && xml[j - 1] <= 0x20 && xml[j + 1] === EQUALS && (xml[j + 2] === QUOTE || xml[j + 2] === APOS)) {
          r = intAt(xml, j + 3, gt) - 1;
          break;
        }
      }
      row = r >= 0 ? r : row + 1;
      if (row >= maxRows) checkCellIndex(row, 0, place, limits);
      col = -1;
      pos = gt + 1;
      continue;
    }

    if (a === 0x66 && endsName(xml[i + 1])) {
      // <f t="shared" si="0" ref="B4:D4">SUM(B2:B3)</f>, or <f t="shared" si="0"/>
      const gt = next(xml, GT, i);
      if (gt < 0) return;
      pos = gt + 1;
      if (!inCell) continue;
      const selfClosing = xml[gt - 1] === SLASH;
      let shared = false;
      let si = -1;
      eachAttribute(xml, i + 1, selfClosing ? gt - 1 : gt, (ns, ne, vs, ve) => {
        if (isName(xml, ns, ne, 't')) shared = ve - vs === 6 && xml[vs] === 0x73 && xml[vs + 1] === 0x68; // "shared"
        else if (isName(xml, ns, ne, 'si')) si = intAt(xml, vs, ve);
      });
      cell.sharedIndex = shared ? si : -1;
      if (!selfClosing) {
        const close = next(xml, LT, pos);
        if (close > pos) {
          cell.formulaStart = pos;
          cell.formulaEnd = close;
          pos = close;
        }
      }
      cell.hasFormula = cell.formulaStart >= 0 || cell.sharedIndex >= 0;
      continue;
    }

    if (a === 0x69 && xml[i + 1] === 0x73 && endsName(xml[i + 2])) {
      // <is><t>text</t></is>: an inline string; its text is gathered by richText.
      const gt = next(xml, GT, i);
      if (gt < 0) return;
      pos = gt + 1;
      if (!inCell || xml[gt - 1] === SLASH) continue;
      const close = findClose(xml, pos, 'is');
      cell.valueStart = pos;
      cell.valueEnd = close < 0 ? pos : close;
      cell.kind = CellKind.Inline;
      pos = cell.valueEnd;
      continue;
    }

    pos = i;
  }
}

/** Visits the <mergeCell ref="…"> elements after </sheetData>. */
function scanMerges(xml: Uint8Array, from: number, merge: (ref: string) => void): void {
  let at = indexOfAscii(xml, 'mergeCell', from);
  while (at >= 0) {
    const gt = xml.indexOf(GT, at);
    if (gt < 0) return;
    if (endsName(xml[at + 9])) {
      eachAttribute(xml, at + 9, gt, (ns, ne, vs, ve) => {
        if (isName(xml, ns, ne, 'ref')) merge(textAt(xml, vs, ve));
      });
    }
    at = indexOfAscii(xml, 'mergeCell', gt + 1);
  }
}

/** Position of the closing tag `</name>` or `</prefix:name>` from `from`, or -1. */
function findClose(xml: Uint8Array, from: number, name: string): number {
  let i = xml.indexOf(LT, from);
  while (i >= 0) {
    if (xml[i + 1] === SLASH) {
      let ne = i + 2;
      while (ne < xml.length && xml[ne] !== GT && xml[ne] > 0x20) ne++;
      if (isName(xml, i + 2, ne, name)) return i;
    }
    i = xml.indexOf(LT, i + 1);
  }
  return -1;
}

/**
 * Text of rich or plain string XML (the content of <si> or <is>): the <t> texts in order, leaving
 * out phonetic runs (<rPh>), as ExcelJS joins rich text.
 */
export function richText(xml: Uint8Array, start: number, end: number): string {
  let text = '';
  let i = start;
  let skipDepth = 0;
  while (i < end) {
    const lt = xml.indexOf(LT, i);
    if (lt < 0 || lt >= end) break;
    const gt = tagEnd(xml, lt);
    if (gt < 0 || gt >= end + 1) break;
    let ns = lt + 1;
    const closing = xml[ns] === SLASH;
    if (closing) ns++;
    let ne = ns;
    while (ne < gt && xml[ne] > 0x20 && xml[ne] !== SLASH) ne++;
    const selfClosing = xml[gt - 1] === SLASH;
    i = gt + 1;
    if (isName(xml, ns, ne, 'rPh')) {
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (!closing && !selfClosing && skipDepth === 0 && isName(xml, ns, ne, 't')) {
      const close = xml.indexOf(LT, i);
      const stop = close < 0 || close > end ? end : close;
      text += textAt(xml, i, stop);
      i = stop;
    }
  }
  return text;
}

export interface ValueContext {
  sharedStrings: readonly string[];
  /** Serial offset to add to date-formatted numbers (1462 for the 1904 date system, else 0). */
  dateOffset: number;
  isDateStyle(style: number): boolean;
}

/** The cell's value as core sees it (the ExcelJS adapter's `cellValue` semantics). */
export function scannedValue(xml: Uint8Array, cell: ScannedCell, ctx: ValueContext): RawValue {
  const { valueStart: vs, valueEnd: ve } = cell;
  if (vs < 0) return null;
  switch (cell.kind) {
    case CellKind.Shared: {
      if (cell.hasFormula) return textOrNull(textAt(xml, vs, ve)); // a formula's cached result is never a shared string
      const index = intAt(xml, vs, ve);
      const s = index >= 0 ? ctx.sharedStrings[index] : undefined;
      return s === undefined || s === '' ? null : s;
    }
    case CellKind.Text:
      return textOrNull(textAt(xml, vs, ve));
    case CellKind.Inline:
      return textOrNull(cell.hasFormula ? textAt(xml, vs, ve) : richText(xml, vs, ve));
    case CellKind.Boolean:
      return intAt(xml, vs, ve) !== 0;
    case CellKind.Error: {
      const code = textAt(xml, vs, ve);
      return code === '' ? null : new CellError(code);
    }
    default: {
      const n = numberAt(xml, vs, ve);
      if (!Number.isFinite(n)) return null;
      return ctx.dateOffset !== 0 && ctx.isDateStyle(cell.style) ? n + ctx.dateOffset : n;
    }
  }
}

function textOrNull(text: string): string | null {
  return text === '' ? null : text;
}

/** True when the cell counts for the used range (it holds a value or a formula). */
export function scannedIsFilled(xml: Uint8Array, cell: ScannedCell, ctx: ValueContext): boolean {
  if (cell.hasFormula) return true;
  if (cell.valueStart < 0) return false;
  switch (cell.kind) {
    case CellKind.Shared:
    case CellKind.Text:
    case CellKind.Inline:
      return scannedValue(xml, cell, ctx) !== null;
    default:
      return true;
  }
}

/** The raw formula text of the cell (as the file stores it), or '' for a shared dependent. */
export function scannedFormulaText(xml: Uint8Array, cell: ScannedCell): string {
  return cell.formulaStart < 0 ? '' : textAt(xml, cell.formulaStart, cell.formulaEnd);
}
