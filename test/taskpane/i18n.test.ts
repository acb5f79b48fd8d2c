import { en } from '../../src/taskpane/i18n/en';
import { sv } from '../../src/taskpane/i18n/sv';
import { formatList, formatLongDate, placeholders, shortMonthNames, translate } from '../../src/taskpane/i18n';

describe('catalogues', () => {
  const svKeys = Object.keys(sv).sort();
  const enKeys = Object.keys(en).sort();

  it('English has every Swedish key and no other', () => {
    expect(enKeys.filter((k) => !(k in sv))).toEqual([]);
    expect(svKeys.filter((k) => !(k in en))).toEqual([]);
  });

  it('English uses the same placeholders as Swedish for every key', () => {
    const mismatches = svKeys.filter(
      (k) => placeholders(sv[k as keyof typeof sv]).join() !== placeholders(en[k as keyof typeof en]).join(),
    );
    expect(mismatches).toEqual([]);
  });

  it('has no empty texts', () => {
    expect(Object.entries(sv).filter(([, v]) => v.trim() === '')).toEqual([]);
    expect(Object.entries(en).filter(([, v]) => v.trim() === '')).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('sv', 'home.when.days', { days: 45 })).toBe('om 45 dagar');
    expect(translate('en', 'home.when.days', { days: 45 })).toBe('in 45 days');
    expect(translate('sv', 'home.when.days')).toBe('om {days} dagar');
  });
});

describe('dates and lists', () => {
  it('writes dates as each language does', () => {
    expect(formatLongDate('sv', { year: 2027, month: 8, day: 31 })).toBe('31 augusti 2027');
    expect(formatLongDate('en', { year: 2027, month: 8, day: 31 })).toBe('31 August 2027');
    expect(formatLongDate('sv', { year: 2027, month: 7, day: 17 }, false)).toBe('17 juli');
  });

  it('has twelve short month names without trailing dots', () => {
    const months = shortMonthNames('sv');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('jan');
    expect(months.some((m) => m.endsWith('.'))).toBe(false);
  });

  it('joins names with "och" / "and"', () => {
    expect(formatList('sv', ['Ramar', 'Driftbudget', 'Volymer'])).toBe('Ramar, Driftbudget och Volymer');
    expect(formatList('en', ['Ramar', 'Volymer'])).toBe('Ramar and Volymer');
  });
});
