/**
 * The theme and the language around the task pane (and, in the playground, around the page that
 * shows it): FluentProvider with the theme that follows Office or the browser, and the language
 * remembered in the settings store.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { DEFAULT_LANGUAGE, I18nContext, LOCALES, makeI18n, type Language } from './i18n';
import { createMemorySettingsStore, type SettingsStore } from './settings-store';
import { FLUENT_THEMES, useThemeKind, type HostTheme, type ThemeKind } from './theme';
import { useLoadedSetting } from './use-loaded-setting';

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
  const [language, chooseLanguage] = useLoadedSetting(settings, 'language', DEFAULT_LANGUAGE);

  const setLanguage = useCallback(
    (next: Language) => {
      chooseLanguage(next);
      void settings.save({ language: next });
    },
    [settings, chooseLanguage],
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
