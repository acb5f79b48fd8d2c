/**
 * Resursfördelning: read the workbook and show what the model will use, run the five-step model,
 * show the result per nämnd and year, and write the transparent result tab. Every workbook access
 * goes through the port (useAllocation); this component only renders.
 */
import { lazy, Suspense } from 'react';
import { Button, Link, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import type { WorkbookPort } from '../../../core/workbook/port';
import { useI18n, type MessageKey } from '../../i18n';
import { BusyLine } from '../BusyLine';
import { ErrorNotice } from '../ErrorNotice';
import { Notice } from '../Notice';
import { PaneGroup } from '../PaneGroup';
import { useFocusResult } from '../use-focus-result';
import { useAllocation, type Allocation, type AllocationBusy, type AllocationNotice, type AllocationOptions } from './use-allocation';
import { OWNED_TAB_FIRST_CELL } from '../../../core/workbook/marker';
import { PaneSection } from '../PaneSection';

/*
 * What is shown once the workbook has been read (the summary, the result with its chart, the
 * findings) loads on first use, outside the task pane's initial JavaScript (docs/quality.md).
 */
const loadInputSummary = () => import(/* webpackChunkName: "allocation-view" */ './InputSummary');
const loadResultView = () => import(/* webpackChunkName: "allocation-view" */ './ResultView');
const loadFindingList = () => import(/* webpackChunkName: "allocation-view" */ './FindingList');
const InputSummary = lazy(() => loadInputSummary().then((m) => ({ default: m.InputSummary })));
const ResultView = lazy(() => loadResultView().then((m) => ({ default: m.ResultView })));
const FindingList = lazy(() => loadFindingList().then((m) => ({ default: m.FindingList })));

/** Starts loading the views while the workbook is read, so they are there when the data is. */
function preloadViews(): void {
  void Promise.all([loadInputSummary(), loadResultView(), loadFindingList()]).catch(() => undefined);
}

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  working: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  button: { alignSelf: 'flex-start' },
});

export interface AllocationSectionProps extends AllocationOptions {
  port: WorkbookPort;
}

export function AllocationSection({ port, ...options }: AllocationSectionProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const allocation = useAllocation(port, options);
  const { busy, data } = allocation;
  const result = data?.result ?? null;
  const ran = data?.ran === true && result !== null;
  const sectionRef = useFocusResult(busy !== null);

  return (
    <PaneSection intro={t('allocation.intro')} ref={sectionRef}>
      {data?.preview && (
        <Suspense fallback={null}>
          <InputSummary preview={data.preview} onSelectCell={(s, c) => void allocation.selectCell(s, c)} />
        </Suspense>
      )}

      {data && !result && (
        <Notice intent="error" title={t('allocation.noYearsTitle')} testId="allocation-no-years" focus>
          {t('allocation.noYears')}
        </Notice>
      )}

      <div className={styles.actions}>
        {data && result && !data.ran && (
          <Button appearance="primary" disabled={busy !== null} onClick={allocation.run}>
            {t('allocation.run')}
          </Button>
        )}
        <Button
          appearance={data ? 'secondary' : 'primary'}
          disabled={busy !== null}
          onClick={() => {
            preloadViews();
            void allocation.read();
          }}
        >
          {data ? t('allocation.reread') : t('allocation.read')}
        </Button>
      </div>

      <StatusRegion allocation={allocation} tasks={['read', 'select']} testId="allocation-status" />

      {ran && result && (
        <Suspense fallback={null}>
          <ResultView result={result} />
        </Suspense>
      )}
      {ran && result && <WriteGroup allocation={allocation} />}
      {data && (
        <Suspense fallback={null}>
          <FindingList
            findings={data.findings.filter((f) => f.rule !== 'ALLOC-RECONCILE')}
            reconcile={ran ? data.findings.filter((f) => f.rule === 'ALLOC-RECONCILE') : []}
            onSelectCell={(s, c) => void allocation.selectCell(s, c)}
          />
        </Suspense>
      )}
    </PaneSection>
  );
}

function WriteGroup({ allocation }: { allocation: Allocation }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { data, busy } = allocation;
  if (!data?.result) return null;
  const name = data.tabName ?? '';
  const text = `${t('allocation.writeText', { name })} ${data.existingTab ? t('allocation.writeReplaces', { name: data.existingTab }) : t('allocation.writeNew')}`;
  return (
    <PaneGroup idPrefix="allocation-write" heading={t('allocation.writeHeading')} text={text}>
      <Button className={styles.button} appearance="primary" disabled={busy !== null} onClick={() => void allocation.write()}>
        {t('allocation.write')}
      </Button>
      <StatusRegion allocation={allocation} tasks={['write']} testId="allocation-write-status" />
    </PaneGroup>
  );
}

/** Progress and outcome of the tasks given, shown next to the button that started them. */
function StatusRegion({ allocation, tasks, testId }: { allocation: Allocation; tasks: readonly NoticeTask[]; testId: string }) {
  const styles = useStyles();
  const { busy, notice, data } = allocation;
  return (
    <div className={styles.status} aria-live="polite" data-testid={testId}>
      {busy && tasks.includes(busy.task) && (
        <Working busy={busy} tabName={data?.tabName ?? ''} onCancel={allocation.cancel} />
      )}
      {notice && tasks.includes(noticeTask(notice)) && <AllocationOutcome notice={notice} onOpenTab={(name) => void allocation.selectCell(name, OWNED_TAB_FIRST_CELL)} />}
    </div>
  );
}

type NoticeTask = 'read' | 'write' | 'select';

function noticeTask(notice: AllocationNotice): NoticeTask {
  return notice.kind === 'written' ? 'write' : notice.task;
}

function Working({ busy, tabName, onCancel }: { busy: AllocationBusy; tabName: string; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const label =
    busy.step === 'writing'
      ? t('allocation.writing', { name: tabName })
      : busy.progress === null
        ? t('allocation.reading')
        : t('allocation.readingPercent', { percent: Math.round(busy.progress * 100) });
  return (
    <div className={styles.working} data-testid="allocation-working">
      <BusyLine label={label} cancelLabel={t('allocation.cancel')} onCancel={onCancel} />
      {busy.step === 'reading' && busy.progress !== null && <ProgressBar value={busy.progress} max={1} aria-label={label} />}
    </div>
  );
}

const FAILED_TITLE: Record<NoticeTask, MessageKey> = {
  read: 'allocation.errorRead',
  write: 'allocation.errorWrite',
  select: 'allocation.errorSelect',
};

function AllocationOutcome({ notice, onOpenTab }: { notice: AllocationNotice; onOpenTab: (name: string) => void }) {
  const { t } = useI18n();
  switch (notice.kind) {
    case 'written':
      return (
        <Notice intent="success" title={t('allocation.written')} testId="allocation-notice" focus>
          <div>{t(notice.replaced ? 'allocation.writtenReplaced' : 'allocation.writtenNew', { name: notice.name })}</div>
          {notice.updated && <div>{t('allocation.updated')}</div>}
          <Link as="button" onClick={() => onOpenTab(notice.name)}>
            {t('allocation.openTab', { name: notice.name })}
          </Link>
        </Notice>
      );
    case 'cancelled':
      return (
        <Notice intent="warning" title={t('allocation.cancelled')} testId="allocation-notice" focus>
          {t(notice.task === 'read' ? 'allocation.cancelledRead' : 'allocation.cancelledWrite')}
        </Notice>
      );
    case 'failed':
      return <ErrorNotice title={t(FAILED_TITLE[notice.task])} error={notice.error} testId="allocation-notice" focus />;
  }
}
