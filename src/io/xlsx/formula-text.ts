/**
 * Formula text as the xlsx file format stores it versus what Excel shows (and Office.js returns):
 * the file has no leading "=", prefixes functions newer than Excel 2007 with "_xlfn.", and stores a
 * filled-down formula once ("shared formula") for the other cells to derive.
 */
import { columnIndex, columnLetters } from '../../core/a1';

/**
 * Functions that must be stored with the "_xlfn." prefix; without it Excel shows #NAME?.
 * (Excel 2010+ additions that core might use; dynamic-array functions also need array metadata
 * ExcelJS cannot write, so they are deliberately not listed.)
 */
const FUTURE_FUNCTIONS = [
  'AGGREGATE', 'CEILING.MATH', 'CONCAT', 'DAYS', 'FLOOR.MATH', 'FORMULATEXT', 'IFNA', 'IFS',
  'ISFORMULA', 'ISOWEEKNUM', 'LET', 'MAXIFS', 'MINIFS', 'MODE.SNGL', 'NETWORKDAYS.INTL',
  'NUMBERVALUE', 'PERCENTILE.EXC', 'PERCENTILE.INC', 'QUARTILE.EXC', 'QUARTILE.INC', 'RANK.AVG',
  'RANK.EQ', 'SHEET', 'SHEETS', 'STDEV.P', 'STDEV.S', 'SWITCH', 'TEXTJOIN', 'VAR.P', 'VAR.S',
  'WORKDAY.INTL', 'XLOOKUP', 'XMATCH',
];

const FUTURE_PATTERN = new RegExp(
  `(^|[^A-Za-z0-9_.])(${FUTURE_FUNCTIONS.map((f) => f.replace('.', '\\.')).join('|')})(?=\\s*\\()`,
  'gi',
);

/**
 * Splits a formula into code and literal pieces: string literals ("…", with "" escapes) and quoted
 * sheet names ('…', with '' escapes) are literals and must never be rewritten.
 */
function mapCode(formula: string, rewrite: (code: string) => string): string {
  let out = '';
  let code = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      out += rewrite(code);
      code = '';
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else {
      code += ch;
      i++;
    }
  }
  return out + rewrite(code);
}

/** "=SUM(A1:A3)" → "SUM(A1:A3)" as the file stores it, with "_xlfn." where Excel needs it. */
export function toFileFormula(formula: string): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return mapCode(body, (code) =>
    code.replace(FUTURE_PATTERN, (_m, before: string, name: string) => `${before}_xlfn.${name}`),
  );
}

/** File formula text → what Excel shows: "=" first, without "_xlfn."/"_xlws." prefixes. */
export function fromFileFormula(text: string): string {
  const body = text.startsWith('=') ? text.slice(1) : text;
  return '=' + mapCode(body, (code) => code.replace(/_xlfn\.|_xlws\./gi, ''));
}

/** True when the formula's parentheses and quotes balance (a cheap guard against writing a corrupt file). */
export function isBalancedFormula(formula: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (quote) {
      if (ch === quote) {
        if (formula[i + 1] === quote) i++;
        else quote = null;
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0 && quote === null;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

// A cell reference not glued to a name before it ("tbl_A1", "LOG10") and not followed by "(" / "!" / a word char.
const CELL_REF = /(^|[^A-Za-z0-9_.$\]])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_.(!])/g;
const COLUMN_RANGE = /(^|[^A-Za-z0-9_.$\]])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(!])/g;
const ROW_RANGE = /(^|[^A-Za-z0-9_.$\]])(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![A-Za-z0-9_.(!])/g;

function shiftRow(dollar: string, row: number, dRow: number): string | null {
  const r = dollar ? row : row + dRow;
  return r >= 1 && r <= MAX_ROW ? `${dollar}${r}` : null;
}

function shiftCol(dollar: string, letters: string, dCol: number): string | null {
  const c = columnIndex(letters);
  if (c < 0 || c >= MAX_COL) return null;
  const shifted = dollar ? c : c + dCol;
  return shifted >= 0 && shifted < MAX_COL ? `${dollar}${columnLetters(shifted)}` : null;
}

/** Rewrites relative references in one code piece outside [...] structured references. */
function shiftCode(code: string, dRow: number, dCol: number): string {
  return code
    .replace(COLUMN_RANGE, (m, before: string, d1: string, c1: string, d2: string, c2: string) => {
      if (columnIndex(c1) >= MAX_COL || columnIndex(c2) >= MAX_COL) return m;
      const a = shiftCol(d1, c1, dCol);
      const b = shiftCol(d2, c2, dCol);
      return before + (a && b ? `${a}:${b}` : '#REF!');
    })
    .replace(ROW_RANGE, (_m, before: string, d1: string, r1: string, d2: string, r2: string) => {
      const a = shiftRow(d1, Number(r1), dRow);
      const b = shiftRow(d2, Number(r2), dRow);
      return before + (a && b ? `${a}:${b}` : '#REF!');
    })
    .replace(CELL_REF, (m, before: string, dc: string, letters: string, dr: string, digits: string) => {
      if (columnIndex(letters) >= MAX_COL) return m; // a name such as "ABCD1", not a cell
      const col = shiftCol(dc, letters, dCol);
      const row = shiftRow(dr, Number(digits), dRow);
      return before + (col && row ? col + row : '#REF!');
    });
}

/** Skips structured references ("Tabell[[#Denna rad],[Belopp]]") while shifting a code piece. */
function shiftOutsideBrackets(code: string, dRow: number, dCol: number): string {
  let out = '';
  let depth = 0;
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '[') {
      if (depth === 0) {
        out += shiftCode(code.slice(start, i), dRow, dCol);
        start = i;
      }
      depth++;
    } else if (ch === ']' && depth > 0) {
      depth--;
      if (depth === 0) {
        out += code.slice(start, i + 1);
        start = i + 1;
      }
    }
  }
  const rest = code.slice(start);
  return out + (depth > 0 ? rest : shiftCode(rest, dRow, dCol));
}

/**
 * The formula of a shared-formula cell, derived from its master's formula by moving relative
 * references by the distance between the cells (what Excel does when it fills a formula).
 * ExcelJS has its own version (`cell.formula`), but it also shifts text inside string literals and
 * quoted sheet names ('Uppföljning T1'!A1 would become 'Uppföljning T2'!A2).
 */
export function translateSharedFormula(masterFormula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return masterFormula;
  return mapCode(masterFormula, (code) => shiftOutsideBrackets(code, dRow, dCol));
}
