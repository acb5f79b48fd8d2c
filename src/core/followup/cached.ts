/**
 * Cached results of the follow-up tabs' own formula shapes, computed as Excel evaluates them on the
 * cells Budgetkoll writes (issue 13: a file shows the right figure before anything recalculates).
 * A cell's value here is what the written cell holds: a number, text, null for an empty cell, or
 * undefined where the result cannot be known (a typed text in an amount cell gives #VALUE! or
 * depends on Excel's text-to-number coercion): such a formula is written without a cached value.
 * Each builder computes its formulas' results with these helpers, next to the formula it writes.
 */
import type { RawValue } from '../workbook/raw';
import type { SpecCell, SpecValue } from '../workbook/sheet-spec';

/** A cell's value as a formula sees it; undefined when unknown. */
export type CellResult = number | string | boolean | null | undefined;

/** A typed input's value as the cell holds it (null when empty). */
export function typedCell(value: SpecValue | undefined): CellResult {
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : undefined;
}

/** A cell in arithmetic (=C*8/12, =C-G): empty is 0; a number is itself; anything else unknown. */
export function arithmetic(value: CellResult): number | undefined {
  if (value === null) return 0;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** `X=""`: true for an empty cell and for empty text. */
export function isBlankText(value: CellResult): boolean {
  return value === null || value === '';
}

/** `=IF(spent="","",budget-spent)`: the deviation formula of the economy rows. */
export function deviation(budget: CellResult, spent: CellResult): CellResult {
  if (spent === undefined) return undefined;
  if (isBlankText(spent)) return '';
  const b = arithmetic(budget);
  const s = arithmetic(spent);
  return b === undefined || s === undefined ? undefined : b - s;
}

/** The other way round (prognos − budget for an income): exactly −(budget − prognos) in floating point. */
export function negate(result: CellResult): CellResult {
  return typeof result === 'number' ? -result : result;
}

/** `=X` referring to a cell: an empty cell shows 0. */
export function reference(value: CellResult): CellResult {
  return value === null ? 0 : value;
}

/**
 * A column's total over its cells: `=SUM(range)` (numbers only; text and empty cells skipped), or
 * with `blankWhenNoNumber` `=IF(COUNT(range)=0,"",SUM(range))`. Unknown when a cell is unknown.
 */
export function columnTotal(values: readonly CellResult[], blankWhenNoNumber: boolean): CellResult {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v === undefined) return undefined;
    if (typeof v === 'number') {
      sum += v;
      count++;
    }
  }
  return blankWhenNoNumber && count === 0 ? '' : sum;
}

/** A result as a cached value for SpecCell.value: undefined (none) when unknown. */
export function cachedValue(result: CellResult): SpecValue | undefined {
  return result === undefined ? undefined : result;
}

/** `=IF(ISBLANK(ref),"",ref)` on a cell as it is (undefined: no such cell, the formula is `=""`); an error value is unknown. */
export function blankSafe(cell: RawValue | undefined): CellResult {
  if (cell === undefined || cell === null) return '';
  return typeof cell === 'object' ? undefined : cell;
}

/** Sets the cached result of a formula cell among a row's own cells (none when unknown). */
export function withCached(own: (SpecCell | undefined)[], col: number, value: CellResult): void {
  const cached = cachedValue(value);
  if (cached !== undefined && own[col]) own[col] = { ...own[col], value: cached };
}
