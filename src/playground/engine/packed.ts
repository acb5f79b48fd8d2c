/**
 * The engine's input in a form that crosses to the worker cheaply: per sheet, rows and columns as
 * typed arrays (transferred, not copied) and every cell's text in one string.
 */
import type { EngineCell, EngineInput } from './ironcalc-model';

export interface PackedSheet {
  name: string;
  rows: Int32Array;
  cols: Int32Array;
  /** The cells' texts joined by NUL (a character no cell text holds). */
  texts: string;
  formulas: Int32Array;
}

export interface PackedInput {
  sheets: PackedSheet[];
}

const SEPARATOR = '\u0000';

export function packInput(input: EngineInput): PackedInput {
  return {
    sheets: input.sheets.map((sheet) => ({
      name: sheet.name,
      rows: Int32Array.from(sheet.cells, (cell) => cell[0]),
      cols: Int32Array.from(sheet.cells, (cell) => cell[1]),
      texts: sheet.cells.map((cell) => cell[2].replaceAll(SEPARATOR, '')).join(SEPARATOR),
      formulas: Int32Array.from(sheet.formulas),
    })),
  };
}

export function unpackInput(packed: PackedInput): EngineInput {
  return {
    sheets: packed.sheets.map((sheet) => {
      const texts = sheet.rows.length > 0 ? sheet.texts.split(SEPARATOR) : [];
      const cells: EngineCell[] = Array.from(sheet.rows, (row, i) => [row, sheet.cols[i], texts[i]]);
      return { name: sheet.name, cells, formulas: Array.from(sheet.formulas) };
    }),
  };
}
