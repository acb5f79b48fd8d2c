/**
 * Formula forms IronCalc 0.8 does not evaluate, made into ones it does, with the same value.
 *
 * IronCalc gives 0 — silently — for a criteria function with an array constant as a criterion,
 * `SUMPRODUCT(SUMIFS(sum, range, {"2027-01*","2027-02*"}))`, a form Excel and LibreOffice sum over
 * the array (Budgetkoll's follow-up tabs use it for the months of a period). Wrapped in SUM or
 * SUMPRODUCT with one array constant, it is the sum of one call per element, which IronCalc does
 * evaluate: `(SUMIFS(sum, range, "2027-01*")+SUMIFS(sum, range, "2027-02*"))`. Any other array
 * constant in a criteria function is reported as unsupported, so the grid never shows its 0.
 */

const CRITERIA_FUNCTIONS = 'SUMIFS|SUMIF|COUNTIFS|COUNTIF|AVERAGEIFS|AVERAGEIF|MAXIFS|MINIFS';
const WRAPPED = new RegExp(`(?<![A-Za-z0-9_.])(SUMPRODUCT|SUM)\\(\\s*(${CRITERIA_FUNCTIONS})\\(`, 'gi');
const CRITERIA_CALL = new RegExp(`(?<![A-Za-z0-9_.])(${CRITERIA_FUNCTIONS})\\(`, 'gi');

/** Index just past a quoted run starting at `i` ("…" or '…', doubled quotes inside). */
function skipQuoted(text: string, i: number): number {
  const quote = text[i];
  let j = i + 1;
  while (j < text.length) {
    if (text[j] === quote) {
      if (text[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return j;
}

/** Index of the bracket closing the one opened at `open` ("(" or "{"), or -1. */
function closingOf(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; ) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      i = skipQuoted(text, i);
      continue;
    }
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  return -1;
}

/** `text` split at top-level separators (outside quotes and brackets). */
function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      i = skipQuoted(text, i);
      continue;
    }
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (depth === 0 && separators.includes(ch)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  parts.push(text.slice(start));
  return parts;
}

const isArrayConstant = (arg: string) => /^\s*\{[\s\S]*\}\s*$/.test(arg);

/** One SUM/SUMPRODUCT(criteria(…{…}…)) expanded, or null when the formula has none to expand. */
function expandOnce(formula: string): string | null {
  WRAPPED.lastIndex = 0;
  for (let match = WRAPPED.exec(formula); match; match = WRAPPED.exec(formula)) {
    const outerOpen = match.index + match[1].length;
    const innerName = match[2];
    const innerOpen = match.index + match[0].length - 1;
    const innerClose = closingOf(formula, innerOpen);
    const outerClose = closingOf(formula, outerOpen);
    if (innerClose < 0 || outerClose < 0 || formula.slice(innerClose + 1, outerClose).trim() !== '') continue;
    const args = splitTopLevel(formula.slice(innerOpen + 1, innerClose), ',');
    const arrays = args.map((a, i) => (isArrayConstant(a) ? i : -1)).filter((i) => i >= 0);
    if (arrays.length !== 1) continue;
    const at = arrays[0];
    const body = args[at].trim().slice(1, -1);
    const elements = splitTopLevel(body, ',;').map((e) => e.trim());
    if (elements.length === 0 || elements.some((e) => e === '')) continue;
    const calls = elements.map((element) => `${innerName}(${args.map((a, i) => (i === at ? element : a)).join(',')})`);
    return `${formula.slice(0, match.index)}(${calls.join('+')})${formula.slice(outerClose + 1)}`;
  }
  return null;
}

/** True when a criteria function in `formula` still has an array constant among its arguments. */
function hasArrayCriteria(formula: string): boolean {
  CRITERIA_CALL.lastIndex = 0;
  for (let match = CRITERIA_CALL.exec(formula); match; match = CRITERIA_CALL.exec(formula)) {
    const open = match.index + match[0].length - 1;
    const close = closingOf(formula, open);
    if (close < 0) return true;
    if (splitTopLevel(formula.slice(open + 1, close), ',').some(isArrayConstant)) return true;
  }
  return false;
}

export interface Rewritten {
  formula: string;
  /** The engine would give a wrong value for this formula: do not trust its result. */
  unsupported: boolean;
}

/** `formula` in a form IronCalc evaluates correctly, or marked unsupported. */
export function forIronCalc(formula: string): Rewritten {
  let current = formula;
  // Bounded: each step removes one array constant.
  for (let i = 0; i < 64; i++) {
    const next = expandOnce(current);
    if (next === null) break;
    current = next;
  }
  return { formula: current, unsupported: hasArrayCriteria(current) };
}
