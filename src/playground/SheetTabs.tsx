/**
 * The playground's sheet tabs under the grid: each tab with its tab colour as a bar under the name
 * (as Excel draws it), and on a protected tab a note that only the yellow, framed (unlocked) cells take input in Excel.
 * The tabs are Fluent's TabList, so arrow keys move between them as before.
 */
import { Caption1, makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import type { SheetInfo } from '../core/workbook/raw';
import { useI18n } from '../taskpane/i18n';

const TEXTS = {
  sv: { protectedNote: 'Skyddad flik – bara de gula, inramade cellerna kan ändras i Excel' },
  en: { protectedNote: 'Protected tab – only the yellow, framed cells can be changed in Excel' },
};

const useStyles = makeStyles({
  tabs: {
    overflowX: 'auto',
    flexShrink: 0,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  tabList: { flexWrap: 'nowrap' },
  name: { display: 'inline-flex', flexDirection: 'column', alignItems: 'stretch', gap: '2px' },
  // The colour is the file's; the bar is decoration beside the tab's own text colours, so it keeps
  // its colour in forced colours too, framed in the system's text colour.
  bar: {
    display: 'block',
    height: '4px',
    borderRadius: tokens.borderRadiusSmall,
    outline: `1px solid ${tokens.colorNeutralStroke2}`,
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', outline: '1px solid CanvasText' },
  },
  note: {
    display: 'block',
    padding: `2px ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground2,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export interface SheetTabsProps {
  sheets: readonly SheetInfo[];
  active: string | null;
  onSelect(sheet: string): void;
  /** A tab's colour (#RRGGBB), where it has one. */
  tabColor?(sheet: string): string | null;
  /** The active tab is protected: say which cells Excel lets you change. */
  activeProtected: boolean;
}

export function SheetTabs({ sheets, active, onSelect, tabColor, activeProtected }: SheetTabsProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const texts = TEXTS[language === 'sv' ? 'sv' : 'en'];
  return (
    <>
      {activeProtected && (
        <Caption1 className={styles.note} data-testid="protected-note">
          {texts.protectedNote}
        </Caption1>
      )}
      <div className={styles.tabs}>
        <TabList
          className={styles.tabList}
          size="small"
          aria-label={t('playground.sheets')}
          selectedValue={active ?? ''}
          onTabSelect={(_, data) => onSelect(String(data.value))}
          data-testid="sheet-tabs"
        >
          {sheets.map((s) => {
            const color = tabColor?.(s.name) ?? null;
            return (
              <Tab key={s.name} value={s.name} data-tab-color={color ?? undefined}>
                <span className={styles.name}>
                  {s.name}
                  {color && <span className={styles.bar} style={{ backgroundColor: color }} aria-hidden data-testid="tab-color" />}
                </span>
              </Tab>
            );
          })}
        </TabList>
      </div>
    </>
  );
}
