/**
 * The findings about the allocation inputs (VOL-*, OVR-*, STRUCT-*, CELL-*), each with a link to
 * its cell; and, once the model has run, the reconciliation with KF's frames (ALLOC-RECONCILE,
 * one per nämnd and year) folded away, since the tables already show it as Skillnad.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Caption1,
  makeStyles,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import type { Finding, Severity } from '../../../core/findings';
import { useI18n } from '../../i18n';
import { RuleId } from '../RuleId';
import { CellLink } from './CellLink';
import { LimitedList } from './LimitedList';

const SHOWN = 8;

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  fix: { color: tokens.colorNeutralForeground2 },
  panel: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  accordionHeader: { fontWeight: tokens.fontWeightSemibold },
});

export interface FindingListProps {
  findings: readonly Finding[];
  /** ALLOC-RECONCILE findings; shown folded away when there are any. */
  reconcile: readonly Finding[];
  onSelectCell(sheet: string, cell: string): void;
}

export function FindingList({ findings, reconcile, onSelectCell }: FindingListProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId('allocation-findings');
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="allocation-findings">
      <Text as="h3" id={headingId} className={styles.heading}>
        {t('allocation.findingsHeading', { count: findings.length })}
      </Text>
      {findings.length === 0 ? (
        <Body1 as="p" className={styles.muted}>
          {t('allocation.noFindings')}
        </Body1>
      ) : (
        <Findings findings={findings} onSelectCell={onSelectCell} />
      )}
      {reconcile.length > 0 && (
        <Accordion collapsible data-testid="allocation-reconcile">
          <AccordionItem value="reconcile">
            <AccordionHeader className={styles.accordionHeader}>{t('allocation.reconcileHeading', { count: reconcile.length })}</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <Caption1 as="p" className={styles.muted}>
                {t('allocation.reconcileIntro')}
              </Caption1>
              <Findings findings={reconcile} onSelectCell={onSelectCell} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </section>
  );
}

function Findings({ findings, onSelectCell }: { findings: readonly Finding[]; onSelectCell(sheet: string, cell: string): void }) {
  const styles = useStyles();
  const { t, language } = useI18n();
  return (
    <LimitedList
      className={styles.list}
      items={findings}
      limit={SHOWN}
      renderItem={(f, i) => (
        <li key={i} className={styles.item} data-rule={f.rule}>
          <span className={styles.top}>
            <Badge size="small" appearance="tint" color={BADGE_COLOR[f.severity]}>
              {t(`allocation.severity.${f.severity}`)}
            </Badge>
            <CellLink sheet={f.sheet} cell={f.cell} onSelect={onSelectCell} />
          </span>
          <span>{language === 'sv' ? f.message : f.message_en}</span>
          {/* How to fix it (Swedish only in the catalogue); info findings need nothing done. */}
          {language === 'sv' && f.fix && f.severity !== 'info' && <span className={styles.fix}>{f.fix}</span>}
          <RuleId rule={f.rule} />
        </li>
      )}
    />
  );
}
