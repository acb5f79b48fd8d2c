import fc from 'fast-check';
import { toA1 } from '../../../src/core/a1';
import { absoluteR1C1, formulaOfCell, r1c1ToA1, relativeR1C1, sameRowR1C1 } from '../../../src/core/workbook/r1c1';
import { fillMarkerRow, withMarker } from '../../../src/core/workbook/marker';
import { emptySheetSpec } from '../../../src/core/workbook/sheet-spec';

describe('R1C1 formulas written as A1', () => {
  it('turns absolute, relative and mixed references into A1 for the cell they sit in', () => {
    // Cell D16 (row 15, column 3).
    expect(r1c1ToA1('=R7C10', 15, 3)).toBe('=$J$7');
    expect(r1c1ToA1('=RC10', 15, 3)).toBe('=$J16');
    expect(r1c1ToA1('=RC[-1]*8/12', 15, 3)).toBe('=C16*8/12');
    expect(r1c1ToA1('=R[-3]C[2]+R[1]C', 15, 3)).toBe('=F13+D17');
    expect(r1c1ToA1('=R2C', 15, 3)).toBe('=D$2');
    expect(r1c1ToA1('=SUM(R[-5]C:R[-1]C)', 15, 3)).toBe('=SUM(D11:D15)');
  });

  it('handles sheet-qualified ranges and leaves text, sheet names and function names alone', () => {
    const formula = `=SUMPRODUCT(SUMIFS('Utfall'!R2C5:R9C5,'RC1 flik'!R2C1:R9C1,RC10,'Utfall'!R2C3:R9C3,{"RC1*","R1C1"}))+ROUND(ROW(),0)`;
    expect(r1c1ToA1(formula, 4, 1)).toBe(`=SUMPRODUCT(SUMIFS('Utfall'!$E$2:$E$9,'RC1 flik'!$A$2:$A$9,$J5,'Utfall'!$C$2:$C$9,{"RC1*","R1C1"}))+ROUND(ROW(),0)`);
    expect(r1c1ToA1('=IF(RC[1]="","",RC[1]&"R1C1")', 0, 0)).toBe('=IF(B1="","",B1&"R1C1")');
    expect(r1c1ToA1('="say ""RC"" "&RC2', 2, 0)).toBe('="say ""RC"" "&$B3');
  });

  it('refuses a reference that would fall off the sheet (a builder error)', () => {
    expect(() => r1c1ToA1('=R[-2]C', 0, 0)).toThrow(RangeError);
    expect(() => r1c1ToA1('=RC[-1]', 3, 0)).toThrow(RangeError);
  });

  it('agrees with toA1 for any offset that stays on the sheet', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(200), fc.integer({ min: -40, max: 40 }), fc.integer({ min: -10, max: 10 }), (row, col, dr, dc) => {
        fc.pre(row + dr >= 0 && col + dc >= 0);
        expect(r1c1ToA1(`=${relativeR1C1(dr, dc)}`, row, col)).toBe(`=${toA1(row + dr, col + dc)}`);
        expect(r1c1ToA1(`=${absoluteR1C1(row, col)}`, 7, 7)).toBe(`=${toA1(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')}`);
        expect(r1c1ToA1(`=${sameRowR1C1(col)}`, row, 0)).toBe(`=$${toA1(row, col)}`);
      }),
    );
  });

  it('gives the A1 formula of a spec cell in either notation, and nothing for a constant', () => {
    expect(formulaOfCell({ formulaR1C1: '=RC[-1]' }, 1, 1)).toBe('=A2');
    expect(formulaOfCell({ formula: '=A2' }, 1, 1)).toBe('=A2');
    expect(formulaOfCell({ value: 3 }, 1, 1)).toBeUndefined();
  });
});

describe('the marker row of a tab built in sheet rows', () => {
  it('fills the free first row and hides it, moving nothing', () => {
    const spec = { ...emptySheetSpec('X'), rows: [[], [{ formulaR1C1: '=R[1]C' }], [{ value: 2 }]] };
    const marked = fillMarkerRow(spec, { type: 'uppfoljning', version: 1 });
    expect(String(marked.rows[0][0]?.value)).toMatch(/^BUDGETKOLL:/);
    expect(marked.hiddenRows).toEqual([0]);
    expect(marked.rows.slice(1)).toEqual(spec.rows.slice(1));
  });

  it('refuses a first row with content, and withMarker refuses R1C1 cells it cannot move', () => {
    expect(() => fillMarkerRow({ ...emptySheetSpec('X'), rows: [[{ value: 1 }]] }, { type: 'uppfoljning', version: 1 })).toThrow();
    expect(() => withMarker({ ...emptySheetSpec('X'), rows: [[{ formulaR1C1: '=R1C1' }]] }, { type: 'uppfoljning', version: 1 })).toThrow(/R1C1/);
  });
});
