import { teamsHighContrastTheme } from '@fluentui/react-components';
import { FLUENT_THEMES, luminance, pickThemeKind } from '../../src/taskpane/theme';

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

describe('the high-contrast theme', () => {
  it('draws every link in the system link colour, whatever the forced palette', () => {
    const theme = FLUENT_THEMES.highContrast as unknown as Record<string, string>;
    const links = Object.keys(theme).filter((token) => /^color\w*Link/.test(token));
    expect(links).toEqual(expect.arrayContaining(['colorBrandForegroundLink', 'colorBrandForegroundLinkHover', 'colorNeutralForeground2Link', 'colorNeutralForegroundInvertedLink']));
    for (const token of links) expect([token, theme[token]]).toEqual([token, 'LinkText']);
    // No token keeps Teams' dark-palette link yellow.
    expect(Object.entries(theme).filter(([, value]) => String(value).toLowerCase() === '#ffff00')).toEqual([]);
  });

  it('keeps the rest of Teams\' high-contrast theme', () => {
    const theme = FLUENT_THEMES.highContrast as unknown as Record<string, string>;
    const teams = teamsHighContrastTheme as unknown as Record<string, string>;
    expect(Object.keys(theme).sort()).toEqual(Object.keys(teams).sort());
    const changed = Object.keys(teams).filter((token) => theme[token] !== teams[token]);
    expect(changed.every((token) => /^color\w*Link/.test(token))).toBe(true);
    expect(theme.colorNeutralForeground1).toBe(teams.colorNeutralForeground1);
  });
});
