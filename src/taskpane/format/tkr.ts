/**
 * The task pane's one rule for amounts in tkr (written for users in docs/aktivitetsfonstret.md):
 * whole tkr, rounded half away from zero like Excel's ROUND, unless a figure needs decimals to be
 * right — an amount that is not zero but would round to 0 gets the fewest decimals (at most three,
 * i.e. to the krona) that keep it from reading as zero. Every section formats tkr through here.
 */
import { roundHalfAwayFromZero } from '../../core/money';

/** Integer kronor as tkr under the rule: the rounded value and how many decimals to show. */
export function roundTkr(kronor: number): { value: number; decimals: number } {
  for (let decimals = 0; decimals < 3; decimals++) {
    const scale = 10 ** (3 - decimals);
    const units = roundHalfAwayFromZero(kronor / scale);
    if (units !== 0 || kronor === 0) return { value: units / 10 ** decimals, decimals };
  }
  return { value: kronor / 1000, decimals: 3 };
}
