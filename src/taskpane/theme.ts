/**
 * Which Fluent theme to use: Office's own theme when the host gives one (dark when its body
 * background is dark), else the browser's prefers-color-scheme (Excel on the web may leave
 * officeTheme undefined, and the playground has no Office); high contrast whenever the system
 * forces colours, with links in the system's LinkText.
 */
import { useEffect, useState } from 'react';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeKind = 'light' | 'dark' | 'highContrast';

/** What the host says about its theme: the part of Office.OfficeTheme we use. */
export interface HostTheme {
  bodyBackgroundColor?: string;
}

export interface ThemeSignals {
  /** Office.context.officeTheme, or undefined outside Office / when the host does not tell. */
  officeTheme?: HostTheme | null;
  prefersDark: boolean;
  forcedColors: boolean;
}

/** Relative luminance of a #RGB / #RRGGBB colour (0 black … 1 white); null when not a hex colour. */
export function luminance(color: string): number | null {
  const hex = color.trim().replace(/^#/, '');
  const full = /^[0-9a-f]{3}$/i.test(hex) ? hex.replace(/./g, (c) => c + c) : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  const channel = (i: number) => {
    const v = parseInt(full.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

export function pickThemeKind(signals: ThemeSignals): ThemeKind {
  if (signals.forcedColors) return 'highContrast';
  const background = signals.officeTheme?.bodyBackgroundColor;
  const lum = background ? luminance(background) : null;
  // Office's dark grey and black themes have backgrounds far below mid-grey.
  if (lum !== null) return lum < 0.2 ? 'dark' : 'light';
  return signals.prefersDark ? 'dark' : 'light';
}

/**
 * Teams' high-contrast theme with every link colour as the system's LinkText. The theme is used only
 * while the system forces colours, but its link yellow (#ffff00) belongs to Teams' dark palette:
 * the browser forces `color` to a system colour, yet what derives from the authored colour and is
 * not forced (`-webkit-text-fill-color`, which axe reads) stayed yellow — on a light palette such as
 * Windows' Desert that is yellow on white — and a link drawn as a button took ButtonText, not the
 * user's link colour. A system colour is left as authored, so links follow the user's palette.
 */
const forcedColorsTheme: Theme = {
  ...teamsHighContrastTheme,
  ...Object.fromEntries(Object.keys(teamsHighContrastTheme).filter((token) => /^color\w*Link/.test(token)).map((token) => [token, 'LinkText'])),
};

export const FLUENT_THEMES: Readonly<Record<ThemeKind, Theme>> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: forcedColorsTheme,
};

function mediaMatches(query: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';
const FORCED_QUERY = '(forced-colors: active)';

/**
 * The theme kind now, following changes of the browser's colour scheme and forced colours.
 * `getOfficeTheme` reads the host's theme (re-read on each change; Office has no theme event in Excel).
 */
export function useThemeKind(getOfficeTheme: () => HostTheme | null | undefined = () => undefined): ThemeKind {
  const read = () =>
    pickThemeKind({ officeTheme: getOfficeTheme(), prefersDark: mediaMatches(DARK_QUERY), forcedColors: mediaMatches(FORCED_QUERY) });
  const [kind, setKind] = useState<ThemeKind>(read);
  useEffect(() => {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return undefined;
    const update = () => setKind(read());
    const queries = [window.matchMedia(DARK_QUERY), window.matchMedia(FORCED_QUERY)];
    for (const q of queries) q.addEventListener?.('change', update);
    window.addEventListener('focus', update);
    return () => {
      for (const q of queries) q.removeEventListener?.('change', update);
      window.removeEventListener('focus', update);
    };
    // read() closes over getOfficeTheme, which the composition roots create once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return kind;
}
