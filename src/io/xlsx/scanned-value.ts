/**
 * The values of scanned cells (sheet-scan.ts), decoded on demand with the semantics of the ExcelJS
 * adapter (cells.ts): formula cells give their cached result, empty text is empty, errors are
 * CellErrors.
 */
import { CellError, type RawValue } from '../../core/workbook/raw';
import { CellKind, type ScannedCell } from './sheet-scan';
import { intAt, numberAt, richText, textAt } from './xml-bytes';

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
