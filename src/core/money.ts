/**
 * Money inside core is integer kronor. tkr and mnkr exist only at the edges (parse, format, write).
 */

export type Unit = 'kr' | 'tkr' | 'mnkr';

const KRONOR_PER_UNIT: Record<Unit, number> = { kr: 1, tkr: 1000, mnkr: 1_000_000 };

/** Rounds half away from zero, like Excel's ROUND(x, 0). Guards against binary noise (2.5000000001 → 3). */
export function roundHalfAwayFromZero(value: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  // Snap values within a few ulps of .5 to .5 so 0.1*3*... noise does not flip the rounding.
  const snapped = Math.round(abs * 1e9) / 1e9;
  return sign * Math.floor(snapped + 0.5) || 0;
}

/** An amount in the given unit → integer kronor. */
export function toKronor(amount: number, unit: Unit): number {
  return roundHalfAwayFromZero(amount * KRONOR_PER_UNIT[unit]);
}

/** Integer kronor → an amount in the given unit (not rounded). */
export function fromKronor(kronor: number, unit: Unit): number {
  return kronor / KRONOR_PER_UNIT[unit];
}

/** Integer kronor → tkr (not rounded). */
export function kronorToTkr(kronor: number): number {
  return kronor / 1000;
}
