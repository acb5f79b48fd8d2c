import { luminance, pickThemeKind } from '../../src/taskpane/theme';

describe('pickThemeKind', () => {
  it('follows Office when it gives a body background', () => {
    expect(pickThemeKind({ officeTheme: { bodyBackgroundColor: '#262626' }, prefersDark: false, forcedColors: false })).toBe('dark');
    expect(pickThemeKind({ officeTheme: { bodyBackgroundColor: '#000000' }, prefersDark: false, forcedColors: false })).toBe('dark');
    expect(pickThemeKind({ officeTheme: { bodyBackgroundColor: '#FFFFFF' }, prefersDark: true, forcedColors: false })).toBe('light');
    expect(pickThemeKind({ officeTheme: { bodyBackgroundColor: '#E6E6E6' }, prefersDark: true, forcedColors: false })).toBe('light');
  });

  it('falls back to prefers-color-scheme when Office says nothing usable', () => {
    expect(pickThemeKind({ officeTheme: undefined, prefersDark: true, forcedColors: false })).toBe('dark');
    expect(pickThemeKind({ officeTheme: { bodyBackgroundColor: '' }, prefersDark: false, forcedColors: false })).toBe('light');
    expect(pickThemeKind({ officeTheme: { bodyBackgroundColor: 'not a colour' }, prefersDark: true, forcedColors: false })).toBe('dark');
  });

  it('uses high contrast whenever colours are forced', () => {
    expect(pickThemeKind({ officeTheme: { bodyBackgroundColor: '#FFFFFF' }, prefersDark: false, forcedColors: true })).toBe('highContrast');
  });
});

describe('luminance', () => {
  it('reads short and long hex colours', () => {
    expect(luminance('#fff')).toBeCloseTo(1);
    expect(luminance('000000')).toBeCloseTo(0);
    expect(luminance('#zzz')).toBeNull();
  });
});
