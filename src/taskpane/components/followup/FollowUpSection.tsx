/**
 * Uppföljning: choose the report (the next one in the årshjul preselected), the year and the
 * nämnder, see which inputs were found, create the standard follow-up tabs, refresh and check the
 * tabs already in the workbook, and compile them for KS. The core comes in a lazily loaded chunk.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  RadioGroup,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { PaneRadio } from '../PaneRadio';
import { calendarDateOf, nextFollowUpReport, type AnnualCycleConfig } from '../../../core/calendar/annual-cycle';
import { KOMMUN_BOARD, REPORT_IDS, type FollowUpReport } from '../../../core/followup/reports';
import { editsFor } from '../../../core/rules/quick-fixes';
import { writeBlockers } from '../../../core/rules/write-blockers';
import type { WorkbookPort } from '../../../core/workbook/port';
import { formatList, formatLongDate, useI18n, type MessageKey } from '../../i18n';
import { errorText } from '../check/format';
import type { FollowUpImportService } from '../../../core/followup/import-service';
import { planNewTabs } from './new-tabs';
import { useFollowUp, type Outcome } from './use-follow-up';
import { useFocusResult } from '../use-focus-result';

const WorkbookView = lazy(() => import(/* webpackChunkName: "followup-view" */ './WorkbookView'));

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { margin: 0 },
  start: { alignSelf: 'flex-start' },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  boards: { display: 'flex', flexDirection: 'column', gap: 0 },
  boardsLabel: { fontWeight: tokens.fontWeightSemibold },
  allBoards: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  hint: { color: tokens.colorNeutralForeground2, margin: 0 },
  working: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  progress: { flexGrow: 1, minWidth: 0 },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, ':empty': { display: 'none' } },
  primary: { alignSelf: 'flex-start', maxWidth: '100%', height: 'auto' },
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
  const { state, run, cancel, setProgress } = useFollowUp(port);
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

  const years = snapshot?.years ?? [];
  const year = chosenYear !== null && years.includes(chosenYear) ? chosenYear : years.includes(next.event.date.year) ? next.event.date.year : (years[0] ?? null);
  const boards = useMemo(() => (snapshot ? [...snapshot.boards, KOMMUN_BOARD] : []), [snapshot]);
  const selected = boards.filter((b) => chosen.has(b));
  const nämnder = boards.filter((b) => b !== KOMMUN_BOARD);
  const allChosen = nämnder.length > 0 && nämnder.every((b) => chosen.has(b));
  const hasBudget = snapshot?.inputs.layouts.driftbudget !== undefined;

  const toggle = (board: string, on: boolean) =>
    setChosen((c) => {
      const copy = new Set(c);
      if (on) copy.add(board);
      else copy.delete(board);
      return copy;
    });

  const read = () => void run('reading', null);

  /** Activates a tab Budgetkoll wrote (its top-left cell); a failure shows where selection errors do. */
  const showTab = async (name: string) => {
    setSelectError(null);
    try {
      await port.selectCell(name, 'A1');
    } catch (error) {
      setSelectError(error);
    }
  };

  const generate = () => {
    if (year === null || selected.length === 0) return;
    const boardsNow = [...selected];
    void run('generating', async (core, snap, signal, session) => {
      setProgress({ done: 0, total: boardsNow.length });
      const outcome = await core.generateTabs(
        port,
        session,
        snap,
        { report, year, boards: boardsNow, now: now() },
        { signal, onProgress: (done, total) => setProgress({ done, total }) },
      );
      const lines: { key: MessageKey; params?: Record<string, string | number> }[] = [];
      if (outcome.written.length > 0)
        lines.push({ key: outcome.written.length === 1 ? 'followup.generated.one' : 'followup.generated.many', params: { count: outcome.written.length, names: formatList(language, outcome.written) } });
      if (outcome.existing.length > 0) lines.push({ key: 'followup.generatedExisting', params: { names: formatList(language, outcome.existing.map((e) => e.sheet)) } });
      if (outcome.cancelled) lines.push({ key: 'followup.generateCancelled', params: { done: outcome.written.length + outcome.existing.length, total: boardsNow.length } });
      const intent = outcome.cancelled || outcome.existing.length > 0 ? 'warning' : 'success';
      // The first new tab is shown, as Excel shows a sheet the user adds; each gets a link.
      if (outcome.written.length > 0) await showTab(outcome.written[0]);
      return { outcome: { intent, lines, tabs: outcome.written }, wrote: outcome.written.length > 0 };
    });
  };

  const refresh = (sheet: string) =>
    void run('refreshing', async (core, snap, _signal, session) => {
      const name = await core.refreshTab(port, session, snap, sheet, now());
      return { outcome: { intent: 'success', lines: [{ key: 'followup.refreshed', params: { sheet: name } }], tabs: [name] }, wrote: true };
    });

  const check = (sheet: string) =>
    void run('checking', async (core, _snap, _signal, session) => {
      const checked = await core.checkTab(session, sheet);
      if (checked === null) return { outcome: { intent: 'warning', lines: [{ key: 'followup.tabGone', params: { sheet } }] } };
      return { check: { sheet, ...checked } };
    });

  const compile = () => {
    if (year === null) return;
    void run('consolidating', async (core, snap, _signal, session) => {
      const result = await core.consolidate(port, session, snap, report, year, now());
      const reportName = t(`followup.report.${report}` as MessageKey);
      if (result.sheet === null) return { outcome: { intent: 'warning', lines: [{ key: 'followup.nothingToConsolidate', params: { report: reportName, year } }] } };
      const key = result.replaced ? 'followup.consolidatedReplaced' : 'followup.consolidated';
      return { outcome: { intent: 'success', lines: [{ key, params: { sheet: result.sheet, count: result.compiled } }], tabs: [result.sheet] }, wrote: true };
    });
  };

  /** The quick fix of every blocking cell (KEY-SPELLING-VARIANT, UTF-PERIOD-FORM), on a click: then read again. */
  const fixNames = () =>
    void run('fixingNames', async (_core, snap) => {
      const blockers = writeBlockers(snap.inputs.findings);
      const result = await port.writeCells(blockers.flatMap(editsFor));
      const fixed: MessageKey = blockers.some((f) => f.rule === 'KEY-SPELLING-VARIANT') ? 'followup.namesFixed' : 'followup.periodsFixed';
      const lines: { key: MessageKey; params?: Record<string, string | number> }[] = [{ key: fixed, params: { count: result.changed.length } }];
      if (result.skipped.length > 0) lines.push({ key: 'followup.namesSkipped', params: { cells: formatList(language, result.skipped.map((s) => `${s.sheet}!${s.cell}`)) } });
      return { outcome: { intent: result.skipped.length > 0 ? 'warning' : 'success', lines }, wrote: true };
    });

  const importFiles = (files: File[]) => {
    if (!importService || files.length === 0) return;
    void run('importing', async () => {
      const results = await importService.importFiles(files);
      const names = results.flatMap((r) => r.sheets);
      if (names.length === 0) return { outcome: { intent: 'warning', lines: [{ key: 'followup.importedNone' }] } };
      const imported = { key: names.length === 1 ? 'followup.imported.one' : 'followup.imported.many', params: { count: names.length, names: formatList(language, names) } };
      // What the host left out of the tabs (Excel on the web: charts and the like): said beside the success.
      const notes = [...new Set(results.flatMap((r) => r.notes ?? []))].map((note) => ({ key: `followup.importNote.${note}` }));
      return { outcome: { intent: notes.length > 0 ? 'warning' : 'success', lines: [imported, ...notes] }, wrote: true };
    });
  };

  // Only tabs that do not exist yet are counted: "Skapa" leaves an existing one alone.
  const planned = year === null ? null : planNewTabs(report, selected, year, snapshot?.tabs.map((tab) => tab.sheet) ?? []);
  const newCount = planned ? planned.created.length : selected.length;
  const generateLabel = newCount <= 1 ? t('followup.generate.one') : t('followup.generate.many', { count: newCount });

  return (
    <div className={styles.section} ref={sectionRef}>
      <Body1 as="p" className={styles.intro}>
        {t('followup.intro')}
      </Body1>

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
          <div className={styles.working}>
            <Field className={styles.progress} label={progressLabel(t, operation, state.progress)}>
              <ProgressBar value={progressValue(state.progress)} max={1} thickness="large" />
            </Field>
            {(operation === 'reading' || operation === 'generating') && (
              <Button size="small" onClick={cancel}>
                {t('followup.cancel')}
              </Button>
            )}
          </div>
        )}
        {state.outcome && operation === null && <OutcomeBar outcome={state.outcome} errorText={(e) => errorText(i18n, e)} onShowTab={(name) => void showTab(name)} />}
      </div>

      {snapshot && (
        <Suspense fallback={<Spinner size="tiny" label={t('followup.loadingView')} />}>
          <WorkbookView
            {...{ snapshot, core: state.core, years, year, hasBudget, busy, setChosenYear, nämnder, allChosen, chosen, setChosen, boards, toggle, report, selected, planned, generate, generateLabel }}
            {...{ check: state.check, refresh, checkTab: check, selectError, setSelectError, port, compile, importService, importFiles, fixNames, embedded }}
          />
        </Suspense>
      )}
    </div>
  );
}

function progressValue(progress: { done: number; total: number } | number | null): number | undefined {
  if (progress === null) return undefined;
  if (typeof progress === 'number') return progress;
  return progress.total === 0 ? undefined : progress.done / progress.total;
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
      <MessageBar intent="warning" layout="multiline" data-testid="followup-outcome" data-focus-result="notice" tabIndex={-1}>
        <MessageBarBody>{t('followup.cancelled')}</MessageBarBody>
      </MessageBar>
    );
  if (outcome.intent === 'error')
    return (
      <MessageBar intent="error" layout="multiline" data-testid="followup-outcome" data-focus-result="notice" tabIndex={-1}>
        <MessageBarBody>
          <MessageBarTitle>{t('followup.errorTitle')}</MessageBarTitle>
          {errorText(outcome.error)}
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <MessageBar intent={outcome.intent} layout="multiline" data-testid="followup-outcome" data-focus-result="notice" tabIndex={-1}>
      <MessageBarBody>
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
      </MessageBarBody>
    </MessageBar>
  );
}
