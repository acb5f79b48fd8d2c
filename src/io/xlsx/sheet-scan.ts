/**
 * A forward-only scanner over a worksheet part's XML bytes (xl/worksheets/sheetN.xml) for the lean
 * read path: it visits every <c> element of <sheetData> without building a DOM or decoding text it
 * is not asked for, so a 200 000-row sheet costs one pass over its bytes and no per-cell objects.
 * Values are decoded on demand (scanned-value.ts).
 */
import { checkCellIndex, LIMITS, type SheetPlace, type XlsxLimits } from './limits';
import { attributeSpan, Byte, endsName, findClose, indexOfAscii, intAt, isName, nameAt, next, nextAttribute, textAt, type AttributeSpan } from './xml-bytes';

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

/** The element names the scanner reads (local names: a namespace prefix may come before them). */
const SHEET_DATA = 'sheetData';
const ROW = 'row'; // <row r="7" …>
const CELL = 'c'; // <c r="B7" s="3" t="s">
// <v>text</v> (a cell's value) is matched by its one letter in elementAt.
const FORMULA = 'f'; // <f t="shared" si="0" ref="B4:D4">SUM(B2:B3)</f>
const INLINE_STRING = 'is'; // <is><t>text</t></is>
const MERGE_CELL = 'mergeCell'; // <mergeCell ref="A1:B2"/>

/** The attribute names the scanner reads besides the one-letter ones (OneLetterAttribute). */
const TYPE = 't'; // of <f>
const SHARED_INDEX = 'si'; // of <f>
const MERGE_REF = 'ref'; // of <mergeCell>
const SHARED = 'shared'; // <f t="shared">

/** The lower-case ASCII letters the names above start with, to dispatch on one byte. */
const enum Letter {
  b = 0x62,
  c = 0x63,
  e = 0x65,
  f = 0x66,
  i = 0x69,
  r = 0x72,
  s = 0x73,
  t = 0x74,
  v = 0x76,
}

/** The one-letter attributes of <row> and <c>, by their byte. */
const enum OneLetterAttribute {
  Ref = Letter.r, // r="B7" of <c>, r="7" of <row>
  Style = Letter.s, // s="3" of <c>
  Type = Letter.t, // t="s" of <c>
}

const enum Element {
  Other,
  Row,
  Cell,
  Value,
  Formula,
  InlineString,
}

/**
 * The element whose start tag's name starts at `i` (after "<" and the prefix). One-letter names are
 * matched by their byte and the end of the name, without a loop: this runs for every tag.
 */
function elementAt(xml: Uint8Array, i: number): Element {
  switch (xml[i]) {
    case Letter.c: // CELL
      return endsName(xml[i + 1]) ? Element.Cell : Element.Other;
    case Letter.v: // <v>
      return endsName(xml[i + 1]) ? Element.Value : Element.Other;
    case Letter.f: // FORMULA
      return endsName(xml[i + 1]) ? Element.Formula : Element.Other;
    case Letter.r:
      return nameAt(xml, i, ROW) ? Element.Row : Element.Other;
    case Letter.i:
      return nameAt(xml, i, INLINE_STRING) ? Element.InlineString : Element.Other;
    default:
      return Element.Other;
  }
}

/**
 * Visits every cell of a worksheet part. Rows and cells without an `r` attribute follow the
 * previous one, as the file format allows. Element names may carry the prefix the <sheetData>
 * element has ("x:c" in files written with a prefixed main namespace). A row or cell past Excel's
 * last row or column stops the scan with the limit's message (`place` names the sheet in it).
 *
 * The loop keeps its position, row, column and whether it is inside a <c> in local variables and
 * hands each element's attributes to a helper: the loop runs once per element of the sheet.
 */
export function scanSheet(xml: Uint8Array, visitor: SheetScanVisitor, place: SheetPlace = { part: 'xl/worksheets' }, limits: Readonly<XlsxLimits> = LIMITS): void {
  const { maxRows, maxColumns } = limits;
  const sheetData = indexOfAscii(xml, SHEET_DATA);
  if (sheetData < 0) return;
  // "<sheetData" or "<x:sheetData": every element of the main namespace has that prefix.
  let prefixStart = sheetData;
  while (prefixStart > 0 && xml[prefixStart - 1] !== Byte.Lt) prefixStart--;
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
  const attribute = attributeSpan();
  let row = -1;
  let col = -1;
  let inCell = false;
  let pos = sheetData + SHEET_DATA.length;

  for (;;) {
    const lt = next(xml, Byte.Lt, pos);
    if (lt < 0) return;
    let i = lt + 1;
    const closing = xml[i] === Byte.Slash;
    if (closing) i++;
    // Text and attribute values cannot hold "<" (it is escaped), so the next "<" is the next tag.
    if (prefix > 0) {
      if (xml[i + prefix - 1] !== Byte.Colon) {
        pos = i;
        continue;
      }
      i += prefix;
    }
    if (closing) {
      // Only </c> and </sheetData> matter.
      if (xml[i] === Letter.c && endsName(xml[i + 1])) {
        if (inCell && visitor.cell(cell) === false) return;
        inCell = false;
      } else if (xml[i] === Letter.s && nameAt(xml, i, SHEET_DATA)) {
        if (visitor.merge) scanMerges(xml, i, visitor.merge, attribute);
        return;
      }
      pos = i + 1;
      continue;
    }
    const element = elementAt(xml, i);
    if (element === Element.Other) {
      pos = i;
      continue;
    }
    const gt = next(xml, Byte.Gt, i);
    if (gt < 0) return;
    const selfClosing = xml[gt - 1] === Byte.Slash;
    pos = gt + 1;
    switch (element) {
      case Element.Cell: {
        // <c r="B7" s="3" t="s">: in the loop, not a helper (the hot path: one per cell).
        cell.kind = CellKind.Number;
        cell.style = 0;
        cell.valueStart = cell.valueEnd = -1;
        cell.hasFormula = false;
        cell.formulaStart = cell.formulaEnd = -1;
        cell.sharedIndex = -1;
        let refFound = false;
        const a = attribute;
        for (let j = nextAttribute(xml, i + CELL.length, gt, a); j >= 0; j = nextAttribute(xml, j, gt, a)) {
          if (a.nameEnd - a.nameStart !== 1) continue;
          const name = xml[a.nameStart];
          if (name === OneLetterAttribute.Ref) refFound = parseCellRef(xml, a.valueStart, a.valueEnd, ref);
          else if (name === OneLetterAttribute.Style) cell.style = Math.max(0, intAt(xml, a.valueStart, a.valueEnd));
          else if (name === OneLetterAttribute.Type) cell.kind = kindOf(xml, a.valueStart, a.valueEnd);
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
        inCell = !selfClosing;
        if (selfClosing && visitor.cell(cell) === false) return;
        break;
      }
      case Element.Value:
        if (inCell && !selfClosing) pos = readValue(xml, pos, cell);
        break;
      case Element.Row: {
        const r = rowNumber(xml, i + ROW.length, gt, attribute);
        row = r >= 0 ? r : row + 1;
        if (row >= maxRows) checkCellIndex(row, 0, place, limits);
        col = -1;
        break;
      }
      case Element.Formula:
        if (inCell) pos = readFormula(xml, i + FORMULA.length, gt, cell, attribute);
        break;
      case Element.InlineString:
        if (inCell && !selfClosing) pos = readInlineString(xml, pos, cell);
        break;
    }
  }
}

/** <row r="7" …>: the 0-based row, or -1 when the row has no number. */
function rowNumber(xml: Uint8Array, from: number, gt: number, a: AttributeSpan): number {
  for (let j = nextAttribute(xml, from, gt, a); j >= 0; j = nextAttribute(xml, j, gt, a)) {
    if (a.nameEnd - a.nameStart === 1 && xml[a.nameStart] === OneLetterAttribute.Ref) return intAt(xml, a.valueStart, a.valueEnd) - 1;
  }
  return -1;
}

/** <v>text</v>: the cell's value bytes from `pos` (after the tag); returns where the text ends. */
function readValue(xml: Uint8Array, pos: number, cell: ScannedCell): number {
  const close = next(xml, Byte.Lt, pos);
  cell.valueStart = pos;
  cell.valueEnd = close < 0 ? pos : close;
  return cell.valueEnd;
}

/**
 * <f t="shared" si="0" ref="B4:D4">SUM(B2:B3)</f>, or <f t="shared" si="0"/>: the cell's formula
 * (its attributes from `from` to the tag's end `gt`); returns where to scan on.
 */
function readFormula(xml: Uint8Array, from: number, gt: number, cell: ScannedCell, a: AttributeSpan): number {
  let pos = gt + 1;
  const selfClosing = xml[gt - 1] === Byte.Slash;
  const end = selfClosing ? gt - 1 : gt;
  let shared = false;
  let si = -1;
  for (let j = nextAttribute(xml, from, end, a); j >= 0; j = nextAttribute(xml, j, end, a)) {
    if (isName(xml, a.nameStart, a.nameEnd, TYPE)) shared = textIs(xml, a.valueStart, a.valueEnd, SHARED);
    else if (isName(xml, a.nameStart, a.nameEnd, SHARED_INDEX)) si = intAt(xml, a.valueStart, a.valueEnd);
  }
  cell.sharedIndex = shared ? si : -1;
  if (!selfClosing) {
    const close = next(xml, Byte.Lt, pos);
    if (close > pos) {
      cell.formulaStart = pos;
      cell.formulaEnd = close;
      pos = close;
    }
  }
  cell.hasFormula = cell.formulaStart >= 0 || cell.sharedIndex >= 0;
  return pos;
}

/** <is><t>text</t></is>: an inline string from `pos` (after the tag); its text is gathered by richText. */
function readInlineString(xml: Uint8Array, pos: number, cell: ScannedCell): number {
  const close = findClose(xml, pos, INLINE_STRING);
  cell.valueStart = pos;
  cell.valueEnd = close < 0 ? pos : close;
  cell.kind = CellKind.Inline;
  return cell.valueEnd;
}

/** Visits the <mergeCell ref="…"> elements after </sheetData>. */
function scanMerges(xml: Uint8Array, from: number, merge: (ref: string) => void, a: AttributeSpan): void {
  let at = indexOfAscii(xml, MERGE_CELL, from);
  while (at >= 0) {
    const gt = xml.indexOf(Byte.Gt, at);
    if (gt < 0) return;
    if (nameAt(xml, at, MERGE_CELL)) {
      for (let j = nextAttribute(xml, at + MERGE_CELL.length, gt, a); j >= 0; j = nextAttribute(xml, j, gt, a)) {
        if (isName(xml, a.nameStart, a.nameEnd, MERGE_REF)) merge(textAt(xml, a.valueStart, a.valueEnd));
      }
    }
    at = indexOfAscii(xml, MERGE_CELL, gt + 1);
  }
}

/** True when the bytes [start, end) are the ASCII text `text`. */
function textIs(xml: Uint8Array, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false;
  for (let k = 0; k < text.length; k++) if (xml[start + k] !== text.charCodeAt(k)) return false;
  return true;
}

/** "AB12" at a byte range → 0-based column and row in `out`; false when it is no cell reference. */
function parseCellRef(xml: Uint8Array, start: number, end: number, out: { row: number; col: number }): boolean {
  let i = start;
  let col = 0;
  while (i < end) {
    const b = xml[i] | 0x20; // lower-case letters
    if (b < 0x61 || b > 0x7a) break; // a–z
    col = col * 26 + (b - 0x60);
    i++;
  }
  let row = 0;
  const digits = i;
  while (i < end && xml[i] >= Byte.Digit0 && xml[i] <= Byte.Digit9) row = row * 10 + (xml[i++] - Byte.Digit0);
  if (i !== end || digits === start || digits === end || row < 1) return false;
  out.col = col - 1;
  out.row = row - 1;
  return true;
}

/** The cell's `t` attribute: "s", "str", "inlineStr", "b", "e"; "n", "d" and anything else are numbers. */
function kindOf(xml: Uint8Array, start: number, end: number): CellKind {
  const n = end - start;
  const a = xml[start];
  if (n === 1) {
    if (a === Letter.s) return CellKind.Shared;
    if (a === Letter.b) return CellKind.Boolean;
    if (a === Letter.e) return CellKind.Error;
    return CellKind.Number; // n, d (ISO dates are rare; read as numbers they become empty)
  }
  if (n === 3 && a === Letter.s) return CellKind.Text; // str
  if (n === 9 && a === Letter.i) return CellKind.Inline; // inlineStr
  return CellKind.Number;
}
