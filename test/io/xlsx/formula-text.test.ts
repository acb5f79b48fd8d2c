import { fromFileFormula, isBalancedFormula, toFileFormula, translateSharedFormula } from '../../../src/io/xlsx/formula-text';

describe('translateSharedFormula (filling a formula down/right like Excel)', () => {
  it('moves relative references and keeps absolute ones', () => {
    expect(translateSharedFormula('A2*2', 1, 0)).toBe('A3*2');
    expect(translateSharedFormula('$A$2+B$2+$C2+D2', 1, 1)).toBe('$A$2+C$2+$C3+E3');
    expect(translateSharedFormula('SUM(E3:E11)', 0, 2)).toBe('SUM(G3:G11)');
    expect(translateSharedFormula('A2*2', 0, 0)).toBe('A2*2');
  });

  it('leaves string literals and quoted sheet names alone (ExcelJS does not)', () => {
    expect(translateSharedFormula(`'Uppföljning T1'!A2+LEN("A2")`, 1, 0)).toBe(`'Uppföljning T1'!A3+LEN("A2")`);
    expect(translateSharedFormula(`IF(B2="Q1","x""A1""",'Kim''s B2'!C2)`, 2, 0)).toBe(`IF(B4="Q1","x""A1""",'Kim''s B2'!C4)`);
  });

  it('moves references on unquoted sheets and leaves names, functions and numbers alone', () => {
    expect(translateSharedFormula('Blad1!B2+LOG10(C2)+Budget2027+1E5', 1, 0)).toBe('Blad1!B3+LOG10(C3)+Budget2027+1E5');
    expect(translateSharedFormula('ATAN2(A1,B1)+R1C1', 1, 0)).toBe('ATAN2(A2,B2)+R1C1');
  });

  it('leaves structured references alone', () => {
    expect(translateSharedFormula('Tabell1[[#Denna rad],[A1]]*B2', 1, 0)).toBe('Tabell1[[#Denna rad],[A1]]*B3');
  });

  it('moves whole-column and whole-row ranges', () => {
    expect(translateSharedFormula('SUM(A:A)+SUM($B:$B)', 5, 1)).toBe('SUM(B:B)+SUM($B:$B)');
    expect(translateSharedFormula('SUM(2:3)+SUM($1:$1)', 2, 0)).toBe('SUM(4:5)+SUM($1:$1)');
  });

  it('gives #REF! for references moved off the sheet', () => {
    expect(translateSharedFormula('A2+XFD1', -2, 0)).toBe('#REF!+#REF!');
    expect(translateSharedFormula('XFD1', 0, 1)).toBe('#REF!');
  });
});

describe('formula text in the file', () => {
  it('drops "=" and prefixes functions newer than Excel 2007', () => {
    expect(toFileFormula('=SUM(A1:A3)')).toBe('SUM(A1:A3)');
    expect(toFileFormula('=IFS(A1>0,1,TRUE,0)+maxifs(B:B,C:C,"x")')).toBe('_xlfn.IFS(A1>0,1,TRUE,0)+_xlfn.maxifs(B:B,C:C,"x")');
    expect(toFileFormula('=IFERROR(A1,0)&"IFS(1)"')).toBe('IFERROR(A1,0)&"IFS(1)"');
    expect(toFileFormula('=_xlfn.IFS(A1,1)')).toBe('_xlfn.IFS(A1,1)');
    expect(toFileFormula('=MYIFS(A1)')).toBe('MYIFS(A1)');
  });

  it('shows file formulas as Excel does', () => {
    expect(fromFileFormula('_xlfn.IFS(A1>0,1,TRUE,0)')).toBe('=IFS(A1>0,1,TRUE,0)');
    expect(fromFileFormula('_xlfn._xlws.SORT(A1:A3)')).toBe('=SORT(A1:A3)');
    expect(fromFileFormula('SUM(A1)&"_xlfn."')).toBe('=SUM(A1)&"_xlfn."');
  });

  it('checks that parentheses and quotes balance', () => {
    expect(isBalancedFormula('=SUM(A1:A3)')).toBe(true);
    expect(isBalancedFormula(`=IF(A1=")",'Blad (2)'!A1,"x""(")`)).toBe(true);
    expect(isBalancedFormula('=SUM(A1:A3')).toBe(false);
    expect(isBalancedFormula('=SUM(A1))')).toBe(false);
    expect(isBalancedFormula('="abc')).toBe(false);
  });
});
