/**
 * The pane's one rounding rule for tkr (docs/aktivitetsfonstret.md): whole tkr, half away from
 * zero, unless a non-zero amount would read as 0 — then the fewest decimals that show it. Both
 * Kontrollera (tkrNumber) and Resursfördelning (tkrText) follow it.
 */
import { tkrText } from '../../../src/taskpane/components/allocation/format';
import { tkrNumber } from '../../../src/taskpane/components/check/format';
import { roundTkr } from '../../../src/taskpane/format/tkr';

describe('roundTkr', () => {
  it.each([
    [0, 0, 0],
    [1_046_890_600, 1_046_891, 0],
    [1_046_890_400, 1_046_890, 0],
    [1_500, 2, 0],
    [-1_500, -2, 0],
    [2_500, 3, 0],
    [-622_000, -622, 0],
    [400, 0.4, 1],
    [-450, -0.5, 1],
    [40, 0.04, 2],
    [4, 0.004, 3],
  ])('%d kr → %d tkr with %d decimals', (kronor, value, decimals) => {
    expect(roundTkr(kronor)).toEqual({ value, decimals });
  });
});

/** Intl writes narrow no-break spaces as thousands separators; compare with plain spaces. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('both sections format tkr by the rule', () => {
  it('Resursfördelning: whole tkr, Swedish style, decimals only where a figure needs them', () => {
    expect(plain(tkrText(1_046_890_600))).toBe('1 046 891');
    expect(plain(tkrText(1_078_196_300))).toBe('1 078 196');
    expect(plain(tkrText(-6_295_000))).toBe('−6 295');
    expect(plain(tkrText(0))).toBe('0');
    expect(plain(tkrText(400))).toBe('0,4');
  });

  it('Kontrollera: the same figures, in the UI language', () => {
    expect(plain(tkrNumber('sv', 1_046_890_600))).toBe('1 046 891');
    expect(plain(tkrNumber('sv', 12_500))).toBe('13');
    expect(plain(tkrNumber('sv', 5_000, true))).toBe('+5');
    expect(plain(tkrNumber('sv', 400, true))).toBe('+0,4');
    expect(plain(tkrNumber('en', 1_046_890_600))).toBe('1,046,891');
  });
});
