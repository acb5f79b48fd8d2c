/**
 * The cell references of an A1 formula, as far as its text proves them: same-sheet and
 * 'Sheet'!A1 references, ranges, whole columns (E:E) and whole rows (3:5). Text inside string
 * literals is not code. What the text cannot prove is reported as such, never guessed:
 * references into another workbook ([1]Blad1!A1, '[Budget.xlsx]Blad1'!A1) and functions whose
 * references are computed (INDIRECT, OFFSET). Structured references (Tabell[Kolumn]) and defined
 * names are not resolved (they are not cells here).
 */
import { columnIndex, type RangePosition } from '../a1';

const MAX_ROW = 1048575;
const MAX_COL = 16383;

export interface FormulaReference {
  /** The sheet referred to (the formula's own sheet when unqualified). */
  sheet: string;
  /** 0-based rectangle. */
  rect: RangePosition;
}

export interface FormulaReferences {
  refs: FormulaReference[];
  /** True when the formula refers to another workbook (its value there is not read). */
  external: boolean;
  /** Functions whose result is not fixed by the formula's references, upper case (INDIRECT, NOW, …). */
  volatile: string[];
}

// Sheet prefix: 'quoted name'! or [1]Name! / Name! (letters incl. åäö, digits, _ and .).
const SHEET = String.raw`(?:'((?:[^']|'')+)'|(\[[^\]]*\])?([A-Za-z_\u00c0-\u024f][\w.\u00c0-\u024f]*))!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const REFERENCE = new RegExp(
  String.raw`(?:${SHEET})?(?<![\w.$\]\u00c0-\u024f])(?:(${CELL})(?::(${CELL}))?|(\$?[A-Za-z]{1,3}):(\$?[A-Za-z]{1,3})|(\$?\d{1,7}):(\$?\d{1,7}))(?![\w.(!\u00c0-\u024f])`,
  'g',
);
const VOLATILE = /(?<![\w.])(INDIRECT|OFFSET|NOW|TODAY|RAND|RANDBETWEEN|RANDARRAY)\s*\(/gi;
const BOOK_PREFIX = /^\[[^\]]*\]|^[^[]*\[[^\]]*\]/;

function cellPosition(text: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text);
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  return col < 0 || col > MAX_COL || row < 0 || row > MAX_ROW ? null : { row, col };
}

/** The references of a formula ("=SUM('Ramar'!C3:C9)+E5") on the sheet `ownSheet`. */
export function formulaReferences(formula: string, ownSheet: string): FormulaReferences {
  // Blank out string literals ("…" with "" escapes): their text is not code.
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const refs: FormulaReference[] = [];
  let external = false;
  for (const m of code.matchAll(REFERENCE)) {
    const [, quoted, book, bare, c1, c2, col1, col2, row1, row2] = m;
    let sheet = ownSheet;
    if (quoted !== undefined) {
      const name = quoted.replace(/''/g, "'");
      const bookPart = BOOK_PREFIX.exec(name);
      if (bookPart) {
        external = true;
        continue;
      }
      sheet = name;
    } else if (bare !== undefined) {
      if (book !== undefined) {
        external = true;
        continue;
      }
      sheet = bare;
    }
    let rect: RangePosition | null = null;
    if (c1 !== undefined) {
      const a = cellPosition(c1);
      const b = cellPosition(c2 ?? c1);
      if (a && b) rect = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
    } else if (col1 !== undefined) {
      const a = columnIndex(col1.replace('$', ''));
      const b = columnIndex(col2.replace('$', ''));
      if (a >= 0 && b >= 0 && a <= MAX_COL && b <= MAX_COL) rect = { top: 0, bottom: MAX_ROW, left: Math.min(a, b), right: Math.max(a, b) };
    } else if (row1 !== undefined) {
      const a = Number(row1.replace('$', '')) - 1;
      const b = Number(row2.replace('$', '')) - 1;
      if (a >= 0 && b >= 0 && a <= MAX_ROW && b <= MAX_ROW) rect = { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COL };
    }
    if (rect) refs.push({ sheet, rect });
  }
  // A defined name in another workbook ("[1]!Rate") has no cell part: still external.
  if (!external && /(^|[^\w\]])\[\d+\]!/.test(code)) external = true;
  const volatile = [...new Set([...code.matchAll(VOLATILE)].map((m) => m[1].toUpperCase()))];
  return { refs, external, volatile };
}
