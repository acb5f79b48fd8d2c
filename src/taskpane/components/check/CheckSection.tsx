/**
 * Kontrollera budget: one click checks the open workbook through the port (progress, cancel),
 * then shows the summary, budget vs frame per nämnd, and the findings; clicking a finding selects
 * its cell. Safe fixes are applied only on a click, and the Kontrollrapport tab only on request.
 *
 * This shell is all the task pane loads at start; the results view comes with the check's core
 * in one lazily loaded chunk (docs/quality.md: initial JavaScript ≤ 200 KB gzip).
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { summarize, type Finding } from '../../../core/findings';
import { isWorkbookError, type CellEdit, type TableResize, type WorkbookPort } from '../../../core/workbook/port';
import { useI18n, type I18n } from '../../i18n';
import { countText } from './format';
import { ErrorNotice } from '../ErrorNotice';
import { useFocusResult } from '../use-focus-result';
import { useBudgetCheck, type BudgetCheck } from './use-budget-check';
import { useCellFixes } from './use-cell-fixes';
import { useControlReport } from './use-control-report';
import { Notice } from '../Notice';
import { ProgressLine } from '../ProgressLine';
import { PaneSection } from '../PaneSection';

const CheckResults = lazy(() => import(/* webpackChunkName: "check" */ './CheckResults'));

const useStyles = makeStyles({
  run: { alignSelf: 'flex-start' },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, ':empty': { display: 'none' } },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export interface CheckSectionProps {
  port: WorkbookPort;
  /** The clock for the report's date; the real one when absent. */
  now?: () => Date;
  /** Opens Koppla indata (a MAP-STALE finding's "Koppla om"). */
  onRemap?: () => void;
}

const realNow = () => new Date();

export function CheckSection({ port, now = realNow, onRemap }: CheckSectionProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const check = useBudgetCheck(port, now);
  const fixes = useCellFixes(port);
  const report = useControlReport(port);
  const [selectError, setSelectError] = useState<unknown>(null);
  const fixResultRef = useRef<HTMLDivElement>(null);

  const busy = check.phase === 'reading' || fixes.status.phase === 'applying' || report.status.phase === 'writing';
  const sectionRef = useFocusResult(busy);

  const run = useCallback(() => {
    fixes.reset();
    report.reset();
    setSelectError(null);
    void check.run();
  }, [check, fixes, report]);

  const select = useCallback(
    async (finding: Finding) => {
      setSelectError(null);
      try {
        await port.selectCell(finding.sheet, finding.cell);
      } catch (error) {
        if (!isWorkbookError(error)) console.error(error);
        setSelectError(error);
      }
    },
    [port],
  );

  const apply = useCallback(
    async (edits: readonly CellEdit[]) => {
      report.reset();
      await fixes.apply(edits);
    },
    [fixes, report],
  );

  const resizeTable = useCallback(
    async (resize: TableResize, finding: Finding) => {
      report.reset();
      await fixes.resizeTable(resize, finding);
    },
    [fixes, report],
  );

  // Focus follows a fix's outcome: the button that was clicked is gone.
  const fixPhase = fixes.status.phase;
  useEffect(() => {
    if (fixPhase === 'done' || fixPhase === 'resized' || fixPhase === 'error') fixResultRef.current?.focus();
  }, [fixPhase]);

  return (
    <PaneSection intro={t('check.intro')} ref={sectionRef}>
      <Button className={styles.run} appearance="primary" disabled={busy} onClick={run}>
        {t('check.run')}
      </Button>

      <div className={styles.status} aria-live="polite" data-testid="check-status">
        <CheckStatusView check={check} />
      </div>
      {/* Heard, not seen: the summary below shows the same counts. Out of the flow, so no gap. */}
      <div className={styles.visuallyHidden} aria-live="polite" data-testid="check-announcement">
        {check.result && counts(i18n, check.result.findings)}
      </div>

      {check.result && (
        <Suspense fallback={<Spinner size="tiny" label={t('check.loadingView')} />}>
          <CheckResults
            result={check.result}
            checkedAt={check.checkedAt}
            fixes={fixes}
            report={report}
            busy={busy}
            selectError={selectError}
            fixResultRef={fixResultRef}
            onRecheck={run}
            onSelect={(f) => void select(f)}
            onApply={(edits) => void apply(edits)}
            onResize={(resize, finding) => void resizeTable(resize, finding)}
            onWriteReport={() => void report.write(check.result!, now())}
            onRemap={onRemap}
          />
        </Suspense>
      )}
    </PaneSection>
  );
}

function CheckStatusView({ check }: { check: BudgetCheck }) {
  const { t } = useI18n();
  switch (check.phase) {
    case 'reading': {
      const label = check.progress === null ? t('check.reading') : t('check.readingPercent', { percent: Math.round(check.progress * 100) });
      return (
        <ProgressLine label={label} progress={check.progress} onCancel={check.cancel} cancelLabel={t('check.cancel')} />
      );
    }
    case 'error':
      return <ErrorNotice title={t('check.errorTitle')} error={check.error} testId="check-error" focus />;
    case 'idle':
      return check.cancelled ? (
        <Notice intent="warning" testId="check-cancelled" focus>{t('check.cancelled')}</Notice>
      ) : null;
    case 'done':
      return null;
  }
}

function counts(i18n: I18n, findings: readonly Finding[]): string {
  const s = summarize(findings);
  return [countText(i18n, 'error', s.error), countText(i18n, 'warning', s.warning), countText(i18n, 'info', s.info)].join(', ');
}
