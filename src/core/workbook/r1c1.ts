/**
 * Formulas in R1C1 notation: references relative to the formula's own cell ("RC10" is column J of
 * the same row, "R[-3]C" three rows up, "R7C10" is $J$7). A column of rows that compute the same
 * thing has one R1C1 text, so a builder can give a whole block one shared cell object instead of a
 * formula string per row; the adapters turn it into A1 notation for the cell it lands in.
 */
import { columnLetters } from '../a1';
import type { SpecCell } from './sheet-spec';

/** An absolute R1C1 reference to a 0-based cell: R7C10 for row 6, column 9 ($J$7). */
export function absoluteR1C1(row: number, col: number): string {
  return `R${row + 1}C${col + 1}`;
}

/** A relative R1C1 reference: R[-3]C[2] (three rows up, two columns right); "R"/"C" alone for 0. */
export function relativeR1C1(rows: number, cols: number): string {
  return `R${rows === 0 ? '' : `[${rows}]`}C${cols === 0 ? '' : `[${cols}]`}`;
}

/** A reference to this row's cell in a 0-based column: RC10 (column J of the same row). */
export function sameRowR1C1(col: number): string {
  return `RC${col + 1}`;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordChar = (c: number) => isLetter(c) || isDigit(c) || c === 95 /* _ */ || c === 46 /* . */;

// R, then an optional [offset] or number, C, then an optional [offset] or number; sticky so it is
// tried only where a word starts.
const REFERENCE = /[Rr](?:\[(-?\d+)\]|(\d+))?[Cc](?:\[(-?\d+)\]|(\d+))?/y;

/**
 * The A1 text of an R1C1 formula written in the cell at (row, col), 0-based. String literals and
 * quoted sheet names are copied as they are; words that are not references (function names) too.
 * Throws on a reference that would fall off the sheet: a builder error, never user data.
 */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  let out = '';
  let copied = 0;
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const c = formula.charCodeAt(i);
    if (c === 34 /* " */) {
      // "…" with "" inside: the closing quote is one not followed by another.
      let e = i + 1;
      while (e < n && !(formula.charCodeAt(e) === 34 && formula.charCodeAt(e + 1) !== 34)) e += formula.charCodeAt(e) === 34 ? 2 : 1;
      i = e + 1;
    } else if (c === 39 /* ' */) {
      let e = i + 1;
      while (e < n && !(formula.charCodeAt(e) === 39 && formula.charCodeAt(e + 1) !== 39)) e += formula.charCodeAt(e) === 39 ? 2 : 1;
      i = e + 1;
    } else if (isLetter(c) || c === 95) {
      REFERENCE.lastIndex = i;
      const m = REFERENCE.exec(formula);
      const end = m ? REFERENCE.lastIndex : i;
      const next = formula.charCodeAt(end);
      if (m && !isWordChar(next) && next !== 40 /* ( */ && next !== 91 /* [ */) {
        const r = m[1] !== undefined ? row + Number(m[1]) : m[2] !== undefined ? Number(m[2]) - 1 : row;
        const k = m[3] !== undefined ? col + Number(m[3]) : m[4] !== undefined ? Number(m[4]) - 1 : col;
        if (r < 0 || k < 0) throw new RangeError(`R1C1 reference ${m[0]} off the sheet from row ${row + 1}, column ${col + 1}`);
        const rowText = m[2] !== undefined ? `$${r + 1}` : String(r + 1);
        const colText = m[4] !== undefined ? `$${columnLetters(k)}` : columnLetters(k);
        out += formula.slice(copied, i) + colText + rowText;
        copied = end;
        i = end;
      } else {
        while (i < n && isWordChar(formula.charCodeAt(i))) i++;
      }
    } else {
      i++;
    }
  }
  return copied === 0 ? formula : out + formula.slice(copied);
}

/** The A1 formula of a spec cell at (row, col), whichever notation it was built in; undefined for a constant. */
export function formulaOfCell(cell: SpecCell, row: number, col: number): string | undefined {
  if (cell.formulaR1C1 !== undefined) return r1c1ToA1(cell.formulaR1C1, row, col);
  return cell.formula;
}
