import { CellError } from '../../../src/core/workbook/raw';
import { shownValue } from '../../../src/playground/engine/evaluation';

describe('shownValue', () => {
  it("shows the engine's value, errors included", () => {
    expect(shownValue({ kind: 'number', value: 1234.5 }, 1000)).toEqual({ value: 1234.5, source: 'engine' });
    expect(shownValue({ kind: 'error', value: '#DIV/0!' }, 3)).toEqual({ value: new CellError('#DIV/0!'), source: 'engine' });
  });

  it("shows the file's cached value, marked, where the engine could not evaluate the formula", () => {
    expect(shownValue({ kind: 'error', value: '#N/IMPL!' }, 42)).toEqual({ value: 42, source: 'cached', engineError: '#N/IMPL!' });
    expect(shownValue(undefined, 42)).toEqual({ value: 42, source: 'cached' });
  });

  it('shows an error, never a number, where there is neither', () => {
    expect(shownValue({ kind: 'error', value: '#NAME?' }, null)).toEqual({ value: new CellError('#NAME?'), source: 'unavailable', engineError: '#NAME?' });
  });
});
