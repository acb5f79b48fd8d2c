/**
 * The follow-up tabs already in the workbook: report, period, nämnd, status and whether the budget
 * changed since (stale), each with Uppdatera and Kontrollera inför inlämning. The findings of a
 * check come in the check section's list (lazily loaded), and clicking one selects its cell.
 */
import { lazy, Suspense } from 'react';
import { Badge, Body1, Button, Caption1, makeStyles, Spinner, Text, tokens, useId } from '@fluentui/react-components';
import type { FilledTab } from '../../../core/followup/filled';
import { isKommunBoard } from '../../../core/followup/reports';
import { useI18n, type MessageKey } from '../../i18n';
import type { CheckResult } from './use-follow-up';

const FollowUpFindings = lazy(() => import(/* webpackChunkName: "followup-findings" */ './FollowUpFindings'));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  details: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  none: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface FollowUpTabsProps {
  tabs: readonly FilledTab[];
  stale: ReadonlySet<string>;
  busy: boolean;
  /** Refreshing would write formulas over inputs with KEY-SPELLING-VARIANT findings: refresh is off. */
  writeBlocked?: boolean;
  check: CheckResult | null;
  selectError: unknown;
  onRefresh(sheet: string): void;
  onCheck(sheet: string): void;
  onSelect(sheet: string, cell: string): void;
}

function statusOf(tab: FilledTab): string | null {
  const v = tab.status?.value;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function periodOf(tab: FilledTab): string | null {
  const v = tab.periodEnd?.value;
  return v === null || v === undefined ? null : String(v);
}

export function FollowUpTabs({ tabs, stale, busy, writeBlocked = false, check, selectError, onRefresh, onCheck, onSelect }: FollowUpTabsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId('followup-tabs');
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} className={styles.heading}>
        {t('followup.tabsHeading', { count: tabs.length })}
      </Text>
      {tabs.length === 0 && (
        <Body1 as="p" className={styles.none}>
          {t('followup.noTabs')}
        </Body1>
      )}
      <ul className={styles.list} aria-labelledby={headingId}>
        {tabs.map((tab) => {
          const consolidation = tab.kind === 'sammanstallning';
          const status = statusOf(tab);
          const reportName = tab.report ? t(`followup.report.${tab.report}` as MessageKey) : t('followup.tab.unknownReport');
          const board = consolidation || isKommunBoard(tab.board) ? t('followup.tab.kommun') : tab.board;
          const isStale = stale.has(tab.sheet);
          return (
            <li key={tab.sheet} className={styles.card} data-testid="followup-tab" data-sheet={tab.sheet}>
              <Text as="h4" className={styles.name}>
                {tab.sheet}
              </Text>
              <Caption1 className={styles.details}>
                {consolidation
                  ? t('followup.tab.consolidation', { report: reportName, year: tab.year ?? '' })
                  : t('followup.tab.details', { report: reportName, period: periodOf(tab) ?? String(tab.year ?? ''), board })}
              </Caption1>
              {!consolidation && (
                <div className={styles.badges}>
                  <Badge appearance="tint" color={status === 'Klar för inlämning' ? 'success' : 'informative'}>
                    {status ?? t('followup.tab.noStatus')}
                  </Badge>
                  <Badge appearance="tint" color={isStale ? 'warning' : 'subtle'}>
                    {isStale ? t('followup.tab.stale') : t('followup.tab.current')}
                  </Badge>
                </div>
              )}
              {!consolidation && (
                <div className={styles.actions}>
                  <Button size="small" disabled={busy || writeBlocked} aria-label={t('followup.tab.refreshName', { sheet: tab.sheet })} onClick={() => onRefresh(tab.sheet)}>
                    {t('followup.tab.refresh')}
                  </Button>
                  <Button size="small" disabled={busy} aria-label={t('followup.tab.checkName', { sheet: tab.sheet })} onClick={() => onCheck(tab.sheet)}>
                    {t('followup.tab.check')}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {check && (
        <Suspense fallback={<Spinner size="tiny" label={t('followup.loadingView')} />}>
          <FollowUpFindings result={check} selectError={selectError} onSelect={onSelect} />
        </Suspense>
      )}
    </section>
  );
}
