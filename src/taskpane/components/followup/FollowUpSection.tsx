/**
 * Uppföljning: choose the report (the next one in the årshjul preselected), the year and the
 * nämnder, see which inputs were found, create the standard follow-up tabs, refresh and check the
 * tabs already in the workbook, and compile them for KS. The core comes in a lazily loaded chunk.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Button, Caption1, Field, Link, makeStyles, RadioGroup, Spinner, tokens } from '@fluentui/react-components';
import { PaneRadio } from '../PaneRadio';
import { calendarDateOf, nextFollowUpReport, type AnnualCycleConfig } from '../../../core/calendar/annual-cycle';
import { REPORT_IDS, type FollowUpReport } from '../../../core/followup/reports';
import type { WorkbookPort } from '../../../core/workbook/port';
import { formatLongDate, useI18n, type MessageKey } from '../../i18n';
import { errorText } from '../check/format';
import type { FollowUpImportService } from '../../../core/followup/import-service';
import { useFollowUp, type Outcome } from './use-follow-up';
import { useFocusResult } from '../use-focus-result';
import { OWNED_TAB_FIRST_CELL } from '../../../core/workbook/marker';
import { Notice } from '../Notice';
import { ProgressLine } from '../ProgressLine';
import { PaneSection } from '../PaneSection';

const WorkbookView = lazy(() => import(/* webpackChunkName: "followup-view" */ './WorkbookView'));

const useStyles = makeStyles({
  start: { alignSelf: 'flex-start' },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground2, margin: 0 },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, ':empty': { display: 'none' } },
  line: { display: 'block', overflowWrap: 'anywhere' },
});

export interface FollowUpSectionProps {
  port: WorkbookPort;
  now?: () => Date;
  annualCycle?: AnnualCycleConfig;
  /** Importing other workbooks' tabs; absent where the host cannot (the playground). */
  importService?: FollowUpImportService;
  /** Shown beside the playground's grid rather than in Excel: notes about the host say so. */
  embedded?: boolean;
  /** The report Hem's next step opened the section for; chosen each time a new request comes. */
  preferredReport?: { report: FollowUpReport };
}

const realNow = () => new Date();

export function FollowUpSection({ port, now = realNow, annualCycle, importService, embedded = false, preferredReport }: FollowUpSectionProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, language } = i18n;
  const followUp = useFollowUp(port);
  const { state, run, cancel } = followUp;
  const { snapshot, operation } = state;
  const busy = operation !== null;
  const sectionRef = useFocusResult(busy);

  const next = useMemo(() => nextFollowUpReport(calendarDateOf(now()), annualCycle), [now, annualCycle]);
  const [report, setReport] = useState<FollowUpReport>(preferredReport?.report ?? next.event.report ?? 'august');
  useEffect(() => {
    if (preferredReport) setReport(preferredReport.report);
  }, [preferredReport]);
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const [selectError, setSelectError] = useState<unknown>(null);

  const read = () => void run('reading', null);

  /** Activates a tab Budgetkoll wrote (its top-left cell); a failure shows where selection errors do. */
  const showTab = async (name: string) => {
    setSelectError(null);
    try {
      await port.selectCell(name, OWNED_TAB_FIRST_CELL);
    } catch (error) {
      setSelectError(error);
    }
  };

  return (
    <PaneSection intro={t('followup.intro')} ref={sectionRef}>
      <div className={styles.block}>
        <Field label={t('followup.report')}>
          <RadioGroup value={report} onChange={(_, data) => setReport(data.value as FollowUpReport)} disabled={busy}>
            {REPORT_IDS.map((id) => (
              <PaneRadio key={id} value={id} label={t(`followup.reportOption.${id}` as MessageKey)} />
            ))}
          </RadioGroup>
        </Field>
        <Caption1 as="p" className={styles.hint} data-testid="followup-next">
          {t('followup.nextDue', { report: t(`followup.report.${next.event.report ?? 'august'}` as MessageKey), date: formatLongDate(language, next.event.date) })}
        </Caption1>
      </div>

      <Button className={styles.start} appearance={snapshot ? 'secondary' : 'primary'} disabled={busy} onClick={read}>
        {snapshot ? t('followup.reread') : t('followup.read')}
      </Button>

      <div className={styles.status} aria-live="polite" data-testid="followup-status">
        {operation !== null && (
          <ProgressLine
            label={progressLabel(t, operation, state.progress)}
            progress={progressValue(state.progress)}
            onCancel={operation === 'reading' || operation === 'generating' ? cancel : undefined}
            cancelLabel={t('followup.cancel')}
          />
        )}
        {state.outcome && operation === null && <OutcomeBar outcome={state.outcome} errorText={(e) => errorText(i18n, e)} onShowTab={(name) => void showTab(name)} />}
      </div>

      {snapshot && (
        <Suspense fallback={<Spinner size="tiny" label={t('followup.loadingView')} />}>
          <WorkbookView
            followUp={followUp}
            port={port}
            now={now}
            report={report}
            year={{ chosen: chosenYear, preferred: next.event.date.year, choose: setChosenYear }}
            boards={{ chosen, setChosen }}
            selection={{ error: selectError, setError: setSelectError, showTab }}
            importing={{ service: importService, embedded }}
          />
        </Suspense>
      )}
    </PaneSection>
  );
}

function progressValue(progress: { done: number; total: number } | number | null): number | null {
  if (progress === null || typeof progress === 'number') return progress;
  return progress.total === 0 ? null : progress.done / progress.total;
}

function progressLabel(
  t: ReturnType<typeof useI18n>['t'],
  operation: NonNullable<ReturnType<typeof useFollowUp>['state']['operation']>,
  progress: { done: number; total: number } | number | null,
): string {
  if (operation === 'generating' && progress !== null && typeof progress === 'object')
    return t('followup.generating', { done: Math.min(progress.done + 1, progress.total), total: progress.total });
  if (operation === 'reading' && typeof progress === 'number') return t('followup.readingPercent', { percent: Math.round(progress * 100) });
  return t(`followup.working.${operation}` as MessageKey);
}

function OutcomeBar({ outcome, errorText, onShowTab }: { outcome: Outcome; errorText: (error: unknown) => string; onShowTab: (name: string) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (outcome.intent === 'cancelled')
    return (
      <Notice intent="warning" testId="followup-outcome" focus>{t('followup.cancelled')}</Notice>
    );
  if (outcome.intent === 'error')
    return (
      <Notice intent="error" title={t('followup.errorTitle')} testId="followup-outcome" focus>
        {errorText(outcome.error)}
      </Notice>
    );
  return (
    <Notice intent={outcome.intent} testId="followup-outcome" focus>
      {outcome.lines.map((line, i) => (
        <span key={i} className={styles.line}>
          {t(line.key as MessageKey, line.params)}
        </span>
      ))}
      {outcome.tabs?.map((name) => (
        <Link key={name} as="button" className={styles.line} onClick={() => onShowTab(name)}>
          {t('followup.openTab', { name })}
        </Link>
      ))}
    </Notice>
  );
}
