import { placeholders } from '../../../src/taskpane/i18n';
import { mappingEn, mappingSv, mappingText } from '../../../src/taskpane/components/mapping/mapping-texts';

describe('Koppla indata’s texts', () => {
  it('has every key in both languages, with the same placeholders and no empty text', () => {
    expect(Object.keys(mappingEn).sort()).toEqual(Object.keys(mappingSv).sort());
    const keys = Object.keys(mappingSv) as (keyof typeof mappingSv)[];
    expect(keys.filter((k) => placeholders(mappingSv[k]).join() !== placeholders(mappingEn[k]).join())).toEqual([]);
    expect(keys.filter((k) => mappingSv[k].trim() === '' || mappingEn[k].trim() === '')).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(mappingText('sv', 'cardHeaders', { found: 6, total: 6 })).toBe('6 av 6 rubriker');
    expect(mappingText('en', 'cardHeaders', { found: 6, total: 6 })).toBe('6 of 6 headers');
  });
});
