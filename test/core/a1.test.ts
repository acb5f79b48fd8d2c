import { columnIndex, columnLetters, parseA1, parseRangeA1, quoteSheetName, rangeToA1, toA1 } from '../../src/core/a1';
import fc from 'fast-check';

describe('A1 addressing', () => {
  it('converts columns both ways at the edges', () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    expect(columnIndex('XFD')).toBe(16383);
    expect(() => columnLetters(16384)).toThrow(RangeError);
  });

  it('round-trips every cell position', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1048575 }), fc.integer({ min: 0, max: 16383 }), (row, col) => {
        expect(parseA1(toA1(row, col))).toEqual({ row, col });
      }),
    );
  });

  it('parses ranges with sheet names and absolute markers', () => {
    expect(parseRangeA1("'Övriga förändringar'!$B$3:D10")).toEqual({ top: 2, left: 1, bottom: 9, right: 3 });
    expect(rangeToA1({ top: 0, left: 0, bottom: 0, right: 0 })).toBe('A1');
    expect(parseA1('A0')).toBeNull();
    expect(parseA1('Summa')).toBeNull();
  });

  it('quotes sheet names for formulas, doubling apostrophes', () => {
    expect(quoteSheetName("Nämndens 'bästa'")).toBe("'Nämndens ''bästa'''");
  });
});
