/** The task pane's header: the mark, the product name and the language switch. */
import { Caption1, makeStyles, Select, Text, tokens, useId } from '@fluentui/react-components';
import { isLanguage, LANGUAGES, useI18n } from '../i18n';
import { Logo } from './Logo';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  titles: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    flexGrow: 1,
  },
  name: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  tagline: {
    color: tokens.colorNeutralForeground3,
  },
  language: {
    flexShrink: 0,
    width: '104px',
  },
});

export function Header() {
  const styles = useStyles();
  const { t, language, setLanguage } = useI18n();
  const selectId = useId('language');
  return (
    <header className={styles.header}>
      <Logo />
      <div className={styles.titles}>
        <Text as="h1" className={styles.name}>
          {t('app.name')}
        </Text>
        <Caption1 className={styles.tagline}>{t('app.tagline')}</Caption1>
      </div>
      <Select
        id={selectId}
        className={styles.language}
        size="small"
        aria-label={t('app.language')}
        value={language}
        onChange={(_, data) => {
          if (isLanguage(data.value)) setLanguage(data.value);
        }}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`app.language.${lang}`)}
          </option>
        ))}
      </Select>
    </header>
  );
}
