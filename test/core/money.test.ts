import { roundHalfAwayFromZero, toKronor } from '../../src/core/money';
import fc from 'fast-check';

describe('money in integer kronor', () => {
  it('rounds half away from zero like Excel ROUND', () => {
    expect([0.5, 1.5, 2.5, -0.5, -2.5, 2.4999, 1.005 * 1000].map(roundHalfAwayFromZero)).toEqual([1, 2, 3, -1, -3, 2, 1005]);
  });
  it('converts tkr and mnkr to integer kronor', () => {
    expect(toKronor(1234.5, 'tkr')).toBe(1_234_500);
    expect(toKronor(0.1 + 0.2, 'tkr')).toBe(300);
    expect(toKronor(1.5, 'mnkr')).toBe(1_500_000);
  });
  it('always returns an integer and is symmetric around zero', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const r = roundHalfAwayFromZero(x);
        expect(Number.isInteger(r)).toBe(true);
        expect(roundHalfAwayFromZero(-x)).toBe(-r || 0);
      }),
    );
  });
});
