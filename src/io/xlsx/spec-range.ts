import { parseRangeA1, type RangePosition } from '../../core/a1';

/** A range a SheetSpec gives in A1 form; a writer refuses a spec whose range does not parse. */
export function specRange(address: string, what: string): RangePosition {
  const pos = parseRangeA1(address);
  if (!pos) throw new Error(`invalid ${what} range: ${address}`);
  return pos;
}
