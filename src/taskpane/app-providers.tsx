/**
 * The theme and the language around the task pane (and, in the playground, around the page that
 * shows it): FluentProvider with the theme that follows Office or the browser, and the language
 * remembered in the settings store.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { DEFAULT_LANGUAGE, I18nContext, LOCALES, makeI18n, type Language } from './i18n';
import { createMemorySettingsStore, type SettingsStore } from './settings-store';
import { FLUENT_THEMES, useThemeKind, type HostTheme, type ThemeKind } from './theme';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

const SettingsContext = createContext<SettingsStore | null>(null);
let fallbackSettings: SettingsStore | null = null;

/** The settings store handed to AppProviders (a memory store outside them, e.g. a bare component test). */
export function useSettingsStore(): SettingsStore {
  return useContext(SettingsContext) ?? (fallbackSettings ??= createMemorySettingsStore());
}

export interface AppProvidersProps {
  settings: SettingsStore;
  /** Office.context.officeTheme inside Office; absent in the playground. */
  getOfficeTheme?: () => HostTheme | null | undefined;
  /** Forces a theme (tests, screenshots); otherwise it follows the host. */
  themeKind?: ThemeKind;
  children: ReactNode;
}

export function AppProviders({ settings, getOfficeTheme, themeKind, children }: AppProvidersProps) {
  const styles = useStyles();
  const followedKind = useThemeKind(getOfficeTheme);
  const kind = themeKind ?? followedKind;
  const [language, setLanguageState] = useState<Language>(DEFAULT_LANGUAGE);
  // A choice the user makes before the saved setting arrives must win over it.
  const chosen = useRef(false);

  useEffect(() => {
    let live = true;
    void settings.load().then((saved) => {
      if (live && !chosen.current && saved.language) setLanguageState(saved.language);
    });
    return () => {
      live = false;
    };
  }, [settings]);

  const setLanguage = useCallback(
    (next: Language) => {
      chosen.current = true;
      setLanguageState(next);
      void settings.save({ language: next });
    },
    [settings],
  );

  useEffect(() => {
    document.documentElement.lang = LOCALES[language];
  }, [language]);

  const i18n = useMemo(() => makeI18n(language, setLanguage), [language, setLanguage]);

  return (
    <FluentProvider theme={FLUENT_THEMES[kind]} className={styles.root} data-theme={kind}>
      <SettingsContext.Provider value={settings}>
        <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>
      </SettingsContext.Provider>
    </FluentProvider>
  );
}
