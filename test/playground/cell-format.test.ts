import { CellError } from '../../src/core/workbook/raw';
import { displayValue, formatScale, formatDecimals, formulaBarText, isDateFormat, serialToDate } from '../../src/playground/cell-format';

describe('displayValue', () => {
  it('writes numbers the Swedish way', () => {
    expect(displayValue(1234567)).toBe('1\u00a0234\u00a0567');
    expect(displayValue(-12)).toBe('−12');
    expect(displayValue(1234.5, '#,##0.0')).toBe('1\u00a0234,5');
    expect(displayValue(612340, '#,##0;[Red]-#,##0')).toBe('612\u00a0340');
    expect(displayValue(0.12345)).toBe('0,1235');
  });

  it('groups thousands only where the number format does, as Excel does', () => {
    expect(displayValue(5010, 'General')).toBe('5010');
    expect(displayValue(-5010.25, 'General')).toBe('−5010,25');
    expect(displayValue(12345.678, '0.00')).toBe('12345,68');
    expect(displayValue(12345.678, '#,##0.00')).toBe('12\u00a0345,68');
  });

  it('shows percentages and dates by the number format', () => {
    expect(displayValue(0.025, '0.0%')).toBe('2,5\u00a0%');
    expect(displayValue(46630, 'yyyy-mm-dd')).toBe('2027-08-31');
  });

  it('shows text, booleans and error values as they are', () => {
    expect(displayValue('Ramar')).toBe('Ramar');
    expect(displayValue(true)).toBe('SANT');
    expect(displayValue(new CellError('#REF!'))).toBe('#REF!');
    expect(displayValue(null)).toBe('');
  });

  it('shows a formula without a cached result as its text', () => {
    expect(displayValue(null, undefined, '=SUM(B2:B9)')).toBe('=SUM(B2:B9)');
    expect(displayValue(45, undefined, '=SUM(B2:B9)')).toBe('45');
  });
});

describe('number format codes', () => {
  it('counts decimals and recognises dates', () => {
    expect(formatDecimals('#,##0.00')).toBe(2);
    expect(formatDecimals('General')).toBeNull();
    expect(formatDecimals('0')).toBe(0);
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('[Red]-#,##0')).toBe(false);
    expect(isDateFormat('"dagar" 0')).toBe(false);
  });

  it('turns Excel serials into dates', () => {
    const date = serialToDate(46630);
    expect([date.getFullYear(), date.getMonth() + 1, date.getDate()]).toEqual([2027, 8, 31]);
  });
});

describe('formulaBarText', () => {
  it('shows the formula, or the value as typed', () => {
    expect(formulaBarText(612340, '#,##0', '=SUM(B2:B9)')).toBe('=SUM(B2:B9)');
    expect(formulaBarText(1091, '#,##0')).toBe('1091');
    expect(formulaBarText(-1589.5, '#,##0.0')).toBe('−1589,5');
    expect(formulaBarText(0.025, '0.0%')).toBe('2,5\u00a0%');
    expect(formulaBarText(46630, 'yyyy-mm-dd')).toBe('2027-08-31');
    expect(formulaBarText('Ramar')).toBe('Ramar');
  });
});

describe('thousands scaling (a trailing comma divides by 1 000)', () => {
  it('shows kronor as tkr with a "#,##0," format, as Excel does', () => {
    expect(formatScale('#,##0,;[Red]-#,##0,')).toBe(1);
    expect(formatScale('#,##0')).toBe(0);
    expect(displayValue(1_046_890_600, '#,##0,;[Red]-#,##0,').replace(/\s/g, ' ')).toBe('1 046 891');
    expect(displayValue(-2_500, '#,##0,;[Red]-#,##0,')).toMatch(/^[−-]3$/);
  });
});
