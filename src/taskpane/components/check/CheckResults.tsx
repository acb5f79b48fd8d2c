/**
 * The result of a budget check: the counts and the verdict, the Kontrollrapport button, budget vs
 * frame per nämnd, the quick fixes and their outcome, and the findings. Loaded lazily with the
 * check's core (see CheckSection).
 */
import { useState, type RefObject } from 'react';
import { Badge, Body1, Button, Caption1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { listPhrase, submissionGaps, summarize, type Finding } from '../../../core/findings';
import { editsFor, resizeFor } from '../../../core/rules/quick-fixes';
import type { CellEdit, CellEditResult, TableResize } from '../../../core/workbook/port';
import { useI18n, type I18n } from '../../i18n';
import { ErrorNotice } from '../ErrorNotice';
import { PaneGroup } from '../PaneGroup';
import type { CheckResult } from './check-core';
import { FindingsList, FirstErrorLink } from './FindingsList';
import { FixAll } from './FixAll';
import { cellValueText, countText, place, timeOfDay } from './format';
import { FrameChart } from './FrameChart';
import type { CellFixes, FixStatus } from './use-cell-fixes';
import type { ControlReportWriter, ReportStatus } from './use-control-report';
import { Notice } from '../Notice';

const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: 'none' },
  verdict: { margin: 0 },
  checkedAt: { color: tokens.colorNeutralForeground3 },
  reportButton: { alignSelf: 'flex-start' },
  hint: { color: tokens.colorNeutralForeground2 },
  cells: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  fixResult: { outlineStyle: 'none', ':empty': { display: 'none' } },
});

export interface CheckResultsProps {
  result: CheckResult;
  checkedAt: Date | null;
  fixes: CellFixes;
  report: ControlReportWriter;
  /** Something is reading or writing: actions wait. */
  busy: boolean;
  selectError: unknown;
  fixResultRef: RefObject<HTMLDivElement | null>;
  onRecheck(): void;
  onSelect(finding: Finding): void;
  onApply(edits: readonly CellEdit[]): void;
  /** The quick fix "Utöka tabellen" of a finding (STRUCT-OUTSIDE-TABLE). */
  onResize(resize: TableResize, finding: Finding): void;
  onWriteReport(): void;
  /** Opens Koppla indata (a MAP-STALE finding's "Koppla om"); absent where it cannot. */
  onRemap?: () => void;
}

export default function CheckResults(props: CheckResultsProps) {
  const { result, checkedAt, fixes, report, busy, selectError, fixResultRef } = props;
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  // After a fix the findings describe the workbook as it was: a new check shows it as it is.
  const stale = [...fixes.handled.values()].includes('changed');
  const [jump, setJump] = useState(0);
  const errors = summarize(result.findings).error;

  return (
    <>
      <PaneGroup idPrefix="check-summary" heading={t('check.summaryHeading')} focusHeading testId="check-summary">
        <Counts findings={result.findings} />
        <Body1 as="p" className={styles.verdict}>
          {verdict(i18n, result.findings)}
        </Body1>
        {errors > 0 && <FirstErrorLink errors={errors} onJump={() => setJump((n) => n + 1)} />}
        {checkedAt && <Caption1 className={styles.checkedAt}>{t('check.checkedAt', { time: timeOfDay(i18n.language, checkedAt) })}</Caption1>}
        <Button className={styles.reportButton} disabled={busy || stale} onClick={props.onWriteReport}>
          {t('check.report')}
        </Button>
        {stale && <Caption1 className={styles.hint}>{t('check.reportStale')}</Caption1>}
        <div aria-live="polite">
          <ReportStatusView status={report.status} />
        </div>
      </PaneGroup>

      {result.years && result.frames.length > 0 && <FrameChart frames={result.frames} years={result.years} toleranceKr={result.toleranceKr} />}

      <FixAll findings={result.findings} rules={result.rules} handled={fixes.handled} busy={busy} onApply={props.onApply} />

      <div className={styles.fixResult} aria-live="polite" ref={fixResultRef} tabIndex={-1} data-testid="fix-result">
        <FixStatusView status={fixes.status} onRecheck={props.onRecheck} busy={busy} />
      </div>

      {selectError !== null && <ErrorNotice title={t('check.selectErrorTitle')} error={selectError} />}

      {result.findings.length > 0 && (
        <FindingsList
          findings={result.findings}
          handled={fixes.handled}
          busy={busy}
          onSelect={props.onSelect}
          jumpToFirstError={jump}
          onRemap={props.onRemap}
          onFix={(f) => {
            const resize = resizeFor(f);
            if (resize) props.onResize(resize, f);
            else props.onApply(editsFor(f));
          }}
        />
      )}
    </>
  );
}

function Counts({ findings }: { findings: readonly Finding[] }) {
  const styles = useStyles();
  const i18n = useI18n();
  const s = summarize(findings);
  return (
    <ul className={styles.counts} aria-label={i18n.t('check.countsName')}>
      <li>
        <Badge size="large" appearance={s.error > 0 ? 'filled' : 'tint'} color={s.error > 0 ? 'danger' : 'subtle'} data-testid="count-error">
          {countText(i18n, 'error', s.error)}
        </Badge>
      </li>
      <li>
        <Badge size="large" appearance="tint" color={s.warning > 0 ? 'warning' : 'subtle'} data-testid="count-warning">
          {countText(i18n, 'warning', s.warning)}
        </Badge>
      </li>
      <li>
        <Badge size="large" appearance="tint" color={s.info > 0 ? 'informative' : 'subtle'} data-testid="count-info">
          {countText(i18n, 'info', s.info)}
        </Badge>
      </li>
    </ul>
  );
}

function verdict(i18n: I18n, findings: readonly Finding[]): string {
  const gaps = submissionGaps(findings);
  if (gaps.length > 0) {
    const lang = i18n.language === 'en' ? 'en' : 'sv';
    return i18n.t('check.verdict.missing', { missing: listPhrase(gaps.map((g) => g[lang]), lang) });
  }
  const s = summarize(findings);
  if (s.error > 0) return i18n.t('check.verdict.errors');
  if (s.warning > 0) return i18n.t('check.verdict.warnings');
  if (s.info > 0) return i18n.t('check.verdict.info');
  return i18n.t('check.verdict.clean');
}

function ReportStatusView({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  switch (status.phase) {
    case 'idle':
      return null;
    case 'writing':
      return <Spinner size="tiny" label={t('check.reportWriting')} />;
    case 'done':
      return (
        <Notice intent="success" testId="report-result">{t(status.replaced ? 'check.reportReplaced' : 'check.reportDone', { name: status.name })}</Notice>
      );
    case 'error':
      return <ErrorNotice title={t('check.reportErrorTitle')} error={status.error} testId="report-result" />;
  }
}

/** After a fix the findings are stale: one action to check again. */
function RecheckAction({ busy, onRecheck }: { busy: boolean; onRecheck: () => void }) {
  const { t } = useI18n();
  return (
    <Button size="small" appearance="primary" disabled={busy} onClick={onRecheck}>
      {t('check.recheck')}
    </Button>
  );
}

function FixStatusView({ status, onRecheck, busy }: { status: FixStatus; onRecheck: () => void; busy: boolean }) {
  const styles = useStyles();
  const { t } = useI18n();
  switch (status.phase) {
    case 'idle':
      return null;
    case 'applying':
      return <Spinner size="tiny" label={t('check.applying')} />;
    case 'done': {
      const { changed, skipped } = status.result;
      return (
        <Notice
          intent={changed.length > 0 ? 'success' : 'warning'}
          title={changed.length === 1 ? t('check.fixChangedOne') : t('check.fixChangedMany', { count: changed.length })}
          actions={<RecheckAction busy={busy} onRecheck={onRecheck} />}
        >
          {changed.length > 0 && <ChangedList changed={changed} />}
          {skipped.length > 0 && (
            <div>
              {t('check.fixSkipped', { count: skipped.length })}
              <ul className={styles.cells}>
                {skipped.map((s) => (
                  <li key={place(s.sheet, s.cell)}>{t('check.fixSkippedItem', { place: place(s.sheet, s.cell), reason: s.reason })}</li>
                ))}
              </ul>
            </div>
          )}
          {changed.length > 0 && <div>{t('check.fixStale')}</div>}
        </Notice>
      );
    }
    case 'resized':
      return (
        <Notice
          intent="success"
          title={t('check.resized', { table: status.resize.table, address: status.resize.address })}
          actions={<RecheckAction busy={busy} onRecheck={onRecheck} />}
        >
          <div>{t('check.fixStale')}</div>
        </Notice>
      );
    case 'error':
      return <ErrorNotice title={t('check.fixErrorTitle')} error={status.error} />;
  }
}

function ChangedList({ changed }: { changed: CellEditResult['changed'] }) {
  const styles = useStyles();
  const i18n = useI18n();
  return (
    <ul className={styles.cells} data-testid="changed-cells">
      {changed.map((c) => (
        <li key={place(c.sheet, c.cell)}>
          {i18n.t('check.fixChangedItem', { place: place(c.sheet, c.cell), before: cellValueText(i18n, c.before), after: cellValueText(i18n, c.after) })}
        </li>
      ))}
    </ul>
  );
}
