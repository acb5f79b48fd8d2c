import { forIronCalc } from '../../../src/playground/engine/rewrite';

describe('forIronCalc', () => {
  it('expands a SUMPRODUCT over SUMIFS with one array constant into a sum of calls', () => {
    const formula = `=SUMPRODUCT(SUMIFS('Utfall'!$E$3:$E$9,'Utfall'!$A$3:$A$9,$J$6,'Utfall'!$D$3:$D$9,{"2027-01*","2027-02*"}))+1`;
    expect(forIronCalc(formula)).toEqual({
      formula: `=(SUMIFS('Utfall'!$E$3:$E$9,'Utfall'!$A$3:$A$9,$J$6,'Utfall'!$D$3:$D$9,"2027-01*")+SUMIFS('Utfall'!$E$3:$E$9,'Utfall'!$A$3:$A$9,$J$6,'Utfall'!$D$3:$D$9,"2027-02*"))+1`,
      unsupported: false,
    });
  });

  it('leaves quotes, commas and braces inside strings and sheet names alone', () => {
    const formula = `=SUM(COUNTIF('a, {b}'!A1:A3,{"x,}";"y"}))`;
    expect(forIronCalc(formula)).toEqual({ formula: `=(COUNTIF('a, {b}'!A1:A3,"x,}")+COUNTIF('a, {b}'!A1:A3,"y"))`, unsupported: false });
  });

  it('marks an array criterion it cannot expand as unsupported', () => {
    expect(forIronCalc('=SUMIFS(B1:B3,A1:A3,{"a","b"})').unsupported).toBe(true);
    expect(forIronCalc('=SUMPRODUCT(SUMIFS(B1:B3,A1:A3,{"a","b"},C1:C3,{1,2}))').unsupported).toBe(true);
  });

  it('leaves other formulas as they are', () => {
    for (const formula of ['=SUMIFS(B:B,A:A,"SN")', '=SUMPRODUCT({1,2}*{3,4})', '=ROUND(A1/1000,1)', '=IFERROR(INDEX(B1:B5,MATCH("x",A1:A5,0)),0)']) {
      expect(forIronCalc(formula)).toEqual({ formula, unsupported: false });
    }
  });
});
