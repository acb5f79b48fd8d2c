import { formatNumberSv, formatTkr, parseNumberText } from '../../../src/core/text/numbers';
import fc from 'fast-check';

describe('numbers typed as text', () => {
  it.each([
    ['1 234,5', 1234.5],
    ['1\u00a0234\u00a0567', 1234567],
    ['−12', -12],
    ['-12', -12],
    ['(1 000)', -1000],
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['12 %', 0.12],
    ['2,5 %', 0.025],
    ['1 200 tkr', 1200],
    ['+7', 7],
  ])('reads %p as %p', (text, value) => {
    expect(parseNumberText(text)!.value).toBeCloseTo(value, 10);
  });

  it.each(['tio', '', '12a', 'Summa', '1-2', '--5', 'NaN', 'Infinity', '.'])('does not read %p as a number', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });

  it('reads back what it formats, for any integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseNumberText(formatNumberSv(n))!.value).toBe(n);
      }),
    );
  });

  it('formats the Swedish way', () => {
    expect(formatNumberSv(612340).replace(/\s/g, ' ')).toBe('612 340');
    expect(formatTkr(612_340_000).replace(/\s/g, ' ')).toBe('612 340 tkr');
    expect(formatTkr(-1_500).replace(/\s/g, ' ')).toBe('−1,5 tkr');
  });
});
