/**
 * A forward-only scanner over a worksheet part's XML bytes (xl/worksheets/sheetN.xml) for the lean
 * read path: it visits every <c> element of <sheetData> without building a DOM or decoding text it
 * is not asked for, so a 200 000-row sheet costs one pass over its bytes and no per-cell objects.
 * The cell it hands on and the decoding of its value are in scanned-cell.ts.
 */
import { checkCellIndex, LIMITS, type SheetPlace, type XlsxLimits } from './limits';
import { CellKind, kindOf, scannedCell, setInlineString, type ScannedCell } from './scanned-cell';
import { attributeSpan, endsName, findClose, indexOfAscii, intAt, isName, nameAt, next, nextAttribute, textAt, textIs, type AttributeSpan } from './xml-bytes';

export interface SheetScanVisitor {
  /** Called for every <c> element in document order (rows ascending, then columns); `false` ends the scan. */
  cell(cell: ScannedCell): void | boolean;
  /** Called for every <mergeCell ref="…"> after the cells. */
  merge?(ref: string): void;
}

/** The element names the scanner reads (local names: the namespace prefix of <sheetData> may come before them). */
const SHEET_DATA = 'sheetData';
const ROW = 'row'; // <row r="7" …>
const CELL = 'c'; // <c r="B7" s="3" t="s">
// <v>text</v>, a cell's value, is matched by its one letter (BYTE_V).
const FORMULA = 'f'; // <f t="shared" si="0" ref="B4:D4">SUM(B2:B3)</f>
const INLINE_STRING = 'is'; // <is><t>text</t></is>
const MERGE_CELL = 'mergeCell'; // <mergeCell ref="A1:B2"/>

/** The attribute names and values the scanner reads besides the one-letter ones (BYTE_R, BYTE_S, BYTE_T). */
const FORMULA_TYPE = 't'; // <f t="shared">
const SHARED = 'shared';
const SHARED_INDEX = 'si'; // <f si="0">
const MERGE_REF = 'ref'; // <mergeCell ref="A1:B2">

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
  while (i < end && xml[i] >= 0x30 && xml[i] <= 0x39) row = row * 10 + (xml[i++] - 0x30);
  if (i !== end || digits === start || digits === end || row < 1) return false;
  out.col = col - 1;
  out.row = row - 1;
  return true;
}

/**
 * Visits every cell of a worksheet part. Rows and cells without an `r` attribute follow the
 * previous one, as the file format allows. Element names may carry the prefix the <sheetData>
 * element has ("x:c" in files written with a prefixed main namespace). A row or cell past Excel's
 * last row or column stops the scan with the limit's message (`place` names the sheet in it).
 */
export function scanSheet(xml: Uint8Array, visitor: SheetScanVisitor, place: SheetPlace = { part: 'xl/worksheets' }, limits: Readonly<XlsxLimits> = LIMITS): void {
  // The bytes the loop compares: the letters of the names above (to dispatch on bytes, without a
  // call per tag), the one-letter attributes of <row> and <c>, and the markup characters. Local
  // constants cost nothing in the compiled loop; a module constant is a context read with a hole
  // check on every use, and tsc emits a const enum as an object under isolatedModules.
  const BYTE_C = 0x63; // CELL
  const BYTE_F = 0x66; // FORMULA
  const BYTE_I = 0x69; // INLINE_STRING
  const BYTE_O = 0x6f; // ROW
  const BYTE_R = 0x72; // ROW; r="B7" of <c>, r="7" of <row>
  const BYTE_S = 0x73; // SHEET_DATA, INLINE_STRING; s="3" of <c>, its style
  const BYTE_T = 0x74; // t="s" of <c>, its kind
  const BYTE_V = 0x76; // <v>
  const BYTE_W = 0x77; // ROW
  const SLASH = 0x2f; // /
  const COLON = 0x3a; // :
  const LT = 0x3c; // <
  const GT = 0x3e; // >
  const NUMBER = CellKind.Number; // the kind of a cell without a t attribute (an enum is an object under isolatedModules)
  const { maxRows, maxColumns } = limits;
  const sheetData = indexOfAscii(xml, SHEET_DATA);
  if (sheetData < 0) return;
  // "<sheetData" or "<x:sheetData": every element of the main namespace has that prefix.
  let prefixStart = sheetData;
  while (prefixStart > 0 && xml[prefixStart - 1] !== LT) prefixStart--;
  const prefix = sheetData - prefixStart;
  const cell = scannedCell();
  const ref = { row: 0, col: 0 };
  const attribute = attributeSpan();
  let row = -1;
  let col = -1;
  let inCell = false;
  let pos = sheetData + SHEET_DATA.length;

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
      if (a === BYTE_C && xml[i + 1] === GT) {
        // </c>
        if (inCell && visitor.cell(cell) === false) return;
        inCell = false;
        pos = i + 2;
        continue;
      }
      if (a === BYTE_S && nameAt(xml, i, SHEET_DATA)) {
        if (visitor.merge) scanMerges(xml, i, visitor.merge, attribute);
        return;
      }
      pos = i;
      continue;
    }
    // The end of the start tag, for the elements below (all that a <sheetData> holds in practice).
    const gt = next(xml, GT, i);
    if (gt < 0) return;

    if (a === BYTE_C && endsName(xml[i + 1])) {
      // <c r="B7" s="3" t="s">
      const selfClosing = xml[gt - 1] === SLASH;
      cell.kind = NUMBER;
      cell.style = 0;
      cell.valueStart = cell.valueEnd = -1;
      cell.hasFormula = false;
      cell.formulaStart = cell.formulaEnd = -1;
      cell.sharedIndex = -1;
      let refFound = false;
      let j = i + CELL.length;
      while ((j = nextAttribute(xml, j, gt, attribute)) >= 0) {
        if (attribute.nameEnd - attribute.nameStart !== 1) continue;
        const n = xml[attribute.nameStart];
        if (n === BYTE_R) refFound = parseCellRef(xml, attribute.valueStart, attribute.valueEnd, ref);
        else if (n === BYTE_S) cell.style = Math.max(0, intAt(xml, attribute.valueStart, attribute.valueEnd));
        else if (n === BYTE_T) cell.kind = kindOf(xml, attribute.valueStart, attribute.valueEnd);
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

    if (a === BYTE_V && endsName(xml[i + 1])) {
      // <v>text</v>
      pos = gt + 1;
      if (!inCell || xml[gt - 1] === SLASH) continue;
      const close = next(xml, LT, pos);
      cell.valueStart = pos;
      cell.valueEnd = close < 0 ? pos : close;
      pos = cell.valueEnd;
      continue;
    }

    if (a === BYTE_R && xml[i + 1] === BYTE_O && xml[i + 2] === BYTE_W && endsName(xml[i + 3])) {
      // <row r="7" …>: only the r attribute is read (it comes first in the files seen).
      let r = -1;
      let j = i + ROW.length;
      while ((j = nextAttribute(xml, j, gt, attribute)) >= 0) {
        if (attribute.nameEnd - attribute.nameStart === 1 && xml[attribute.nameStart] === BYTE_R) {
          r = intAt(xml, attribute.valueStart, attribute.valueEnd) - 1;
          break;
        }
      }
      row = r >= 0 ? r : row + 1;
      if (row >= maxRows) checkCellIndex(row, 0, place, limits);
      col = -1;
      pos = gt + 1;
      continue;
    }

    if (a === BYTE_F && endsName(xml[i + 1])) {
      // <f t="shared" si="0" ref="B4:D4">SUM(B2:B3)</f>, or <f t="shared" si="0"/>
      pos = gt + 1;
      if (!inCell) continue;
      const selfClosing = xml[gt - 1] === SLASH;
      const end = selfClosing ? gt - 1 : gt;
      let shared = false;
      let si = -1;
      let j = i + FORMULA.length;
      while ((j = nextAttribute(xml, j, end, attribute)) >= 0) {
        const { nameStart: ns, nameEnd: ne, valueStart: vs, valueEnd: ve } = attribute;
        if (isName(xml, ns, ne, FORMULA_TYPE)) shared = textIs(xml, vs, ve, SHARED);
        else if (isName(xml, ns, ne, SHARED_INDEX)) si = intAt(xml, vs, ve);
      }
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

    if (a === BYTE_I && xml[i + 1] === BYTE_S && endsName(xml[i + 2])) {
      // <is><t>text</t></is>: an inline string; its text is gathered by richText.
      pos = gt + 1;
      if (!inCell || xml[gt - 1] === SLASH) continue;
      const close = findClose(xml, pos, INLINE_STRING);
      setInlineString(cell, pos, close < 0 ? pos : close);
      pos = cell.valueEnd;
      continue;
    }

    pos = i;
  }
}

/** Visits the <mergeCell ref="…"> elements after </sheetData>. */
function scanMerges(xml: Uint8Array, from: number, merge: (ref: string) => void, a: AttributeSpan): void {
  let at = indexOfAscii(xml, MERGE_CELL, from);
  while (at >= 0) {
    const gt = indexOfAscii(xml, '>', at);
    if (gt < 0) return;
    if (endsName(xml[at + MERGE_CELL.length])) {
      let j = at + MERGE_CELL.length;
      while ((j = nextAttribute(xml, j, gt, a)) >= 0) {
        if (isName(xml, a.nameStart, a.nameEnd, MERGE_REF)) merge(textAt(xml, a.valueStart, a.valueEnd));
      }
    }
    at = indexOfAscii(xml, MERGE_CELL, gt + 1);
  }
}
