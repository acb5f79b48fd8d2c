/**
 * One <c> element as the sheet scanner (sheet-scan.ts) finds it, and its value decoded on demand
 * with the semantics of the ExcelJS adapter (cells.ts): formula cells give their cached result,
 * empty text is empty, errors are CellErrors.
 *
 * CellKind is compared only in this module (the scanner sets it through kindOf and
 * setInlineString, and reads CellKind.Number once per sheet): under isolatedModules tsc emits it
 * as an object, and another module would read it through the exports object on every cell.
 */
import { CellError, type RawValue } from '../../core/workbook/raw';
import { intAt, numberAt, richText, textAt } from './xml-bytes';

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

/** The one ScannedCell a scan reuses for all its cells. */
export function scannedCell(): ScannedCell {
  return {
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
}

/** The cell's content is an inline string, at the byte range of its <is> element's content. */
export function setInlineString(cell: ScannedCell, start: number, end: number): void {
  cell.valueStart = start;
  cell.valueEnd = end;
  cell.kind = CellKind.Inline;
}

/** The `t` attribute's value at a byte range: "s", "str", "inlineStr", "b", "e"; "n", "d" and anything else are numbers. */
export function kindOf(xml: Uint8Array, start: number, end: number): CellKind {
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
