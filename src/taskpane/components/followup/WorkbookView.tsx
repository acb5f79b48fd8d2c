/**
 * The part of the Uppföljning section shown once the workbook is read (year, nämnder, inputs found,
 * create, the existing tabs, Sammanställ för KS, import) and the operations started from it: loaded
 * with the follow-up core, so it is not in the task pane's initial JavaScript.
 */
import { useMemo, type Dispatch, type SetStateAction } from 'react';
import { Body1, Button, Caption1, Field, makeStyles, Select, Text, tokens, useId } from '@fluentui/react-components';
import { PaneCheckbox } from '../PaneCheckbox';
import type { FollowUpImportService } from '../../../core/followup/import-service';
import { KOMMUN_BOARD, type FollowUpReport } from '../../../core/followup/reports';
import { planFollowUpTabs } from '../../../core/followup/tab-names';
import { editsFor } from '../../../core/rules/quick-fixes';
import { writeBlockers } from '../../../core/rules/write-blockers';
import type { WorkbookPort } from '../../../core/workbook/port';
import { formatList, useI18n, type MessageKey } from '../../i18n';
import type { FollowUpSnapshot } from './followup-core';
import { FollowUpTabs } from './FollowUpTabs';
import { ImportTabs } from './ImportTabs';
import { InputList } from './InputList';
import type { FollowUp } from './use-follow-up';
import { PlainOptions } from '../PlainOptions';
import { Notice } from '../Notice';

const useStyles = makeStyles({
  intro: { margin: 0 },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  boards: { display: 'flex', flexDirection: 'column', gap: 0 },
  boardsLabel: { fontWeight: tokens.fontWeightSemibold },
  allBoards: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  hint: { color: tokens.colorNeutralForeground2, margin: 0, overflowWrap: 'anywhere' },
  primary: { alignSelf: 'flex-start', maxWidth: '100%', height: 'auto' },
});

/** The budget year: the user's choice, else the preferred one (the next report's), else the workbook's first. */
export interface YearChoice {
  chosen: number | null;
  preferred: number;
  choose(year: number): void;
}

/** The nämnder ticked (KOMMUN_BOARD stands for the kommun as a whole). */
export interface BoardChoice {
  chosen: ReadonlySet<string>;
  setChosen: Dispatch<SetStateAction<ReadonlySet<string>>>;
}

/** Selecting a cell or a tab Budgetkoll wrote, and the error of the last try. */
export interface Selection {
  error: unknown;
  setError(error: unknown): void;
  showTab(name: string): Promise<void>;
}

export interface ImportOptions {
  /** Absent where the host cannot import (the playground). */
  service: FollowUpImportService | undefined;
  /** In the playground rather than Excel (the import note names the host). */
  embedded: boolean;
}

export interface WorkbookViewProps {
  /** The section's follow-up state and operations (useFollowUp). */
  followUp: FollowUp;
  port: WorkbookPort;
  now: () => Date;
  report: FollowUpReport;
  year: YearChoice;
  boards: BoardChoice;
  selection: Selection;
  importing: ImportOptions;
}

export default function WorkbookView(props: WorkbookViewProps) {
  const snapshot = props.followUp.state.snapshot;
  return snapshot ? <ReadView {...props} snapshot={snapshot} /> : null;
}

function ReadView({ followUp, port, now, report, year: yearChoice, boards: boardChoice, selection, importing, snapshot }: WorkbookViewProps & { snapshot: FollowUpSnapshot }) {
  const { state, run, setProgress } = followUp;
  const { core, check } = state;
  const busy = state.operation !== null;
  const { chosen, setChosen } = boardChoice;
  const { error: selectError, setError: setSelectError } = selection;
  const { service: importService, embedded } = importing;
  const years = snapshot.years;
  const year =
    yearChoice.chosen !== null && years.includes(yearChoice.chosen) ? yearChoice.chosen : years.includes(yearChoice.preferred) ? yearChoice.preferred : (years[0] ?? null);
  const boards = useMemo(() => [...snapshot.boards, KOMMUN_BOARD], [snapshot]);
  const selected = boards.filter((b) => chosen.has(b));
  const nämnder = boards.filter((b) => b !== KOMMUN_BOARD);
  const allChosen = nämnder.length > 0 && nämnder.every((b) => chosen.has(b));
  const hasBudget = snapshot.inputs.layouts.driftbudget !== undefined;
  const styles = useStyles();
  const { t, language } = useI18n();
  const boardsLabelId = useId('followup-boards');
  // Names with invisible differences (KEY-SPELLING-VARIANT) or Utfall periods in a form the
  // criteria do not match (UTF-PERIOD-FORM): the tabs' SUMIFS would miss their rows, so nothing
  // that writes formulas over the inputs is offered until they are corrected.
  const blockers = useMemo(() => writeBlockers(snapshot.inputs.findings, snapshot.inputs.layouts), [snapshot.inputs]);
  const blocked = blockers.length > 0;
  const spellingCount = blockers.filter((f) => f.rule === 'KEY-SPELLING-VARIANT').length;
  const textCount = blockers.filter((f) => f.rule === 'CELL-TEXT-NUMBER').length;
  const periodCount = blockers.length - spellingCount - textCount;
  const select = (sheet: string, cell: string) => {
    setSelectError(null);
    port.selectCell(sheet, cell).catch((error: unknown) => setSelectError(error));
  };

  const toggle = (board: string, on: boolean) =>
    setChosen((c) => {
      const copy = new Set(c);
      if (on) copy.add(board);
      else copy.delete(board);
      return copy;
    });

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
      if (outcome.written.length > 0) await selection.showTab(outcome.written[0]);
      return { outcome: { intent, lines, tabs: outcome.written }, wrote: outcome.written.length > 0 };
    });
  };

  const refresh = (sheet: string) =>
    void run('refreshing', async (core, snap, _signal, session) => {
      const name = await core.refreshTab(port, session, snap, sheet, now());
      return { outcome: { intent: 'success', lines: [{ key: 'followup.refreshed', params: { sheet: name } }], tabs: [name] }, wrote: true };
    });

  const checkTab = (sheet: string) =>
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
      const blockers = writeBlockers(snap.inputs.findings, snap.inputs.layouts);
      const result = await port.writeCells(blockers.flatMap(editsFor));
      const fixed: MessageKey = blockers.some((f) => f.rule === 'KEY-SPELLING-VARIANT')
        ? 'followup.namesFixed'
        : blockers.some((f) => f.rule === 'CELL-TEXT-NUMBER')
          ? 'followup.textsFixed'
          : 'followup.periodsFixed';
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

  // The names "Skapa" gives (the one rule, tab-names.ts); a nämnd whose tab exists is not counted: "Skapa" leaves it alone.
  const planned = year === null ? null : planFollowUpTabs(snapshot, report, year, selected);
  const newCount = planned ? planned.created.length : selected.length;
  const generateLabel = newCount <= 1 ? t('followup.generate.one') : t('followup.generate.many', { count: newCount });

  return (
        <>
          {blocked && (
            <Notice intent="error" testId="followup-blocked" focus>
              {spellingCount > 0 && <>{t('followup.blocked.spelling', { count: spellingCount })} </>}
              {periodCount > 0 && <>{t('followup.blocked.period', { count: periodCount })} </>}
              {textCount > 0 && <>{t('followup.blocked.text', { count: textCount })} </>}
              {blockers.slice(0, 5).map((f) => (
                <Button key={`${f.sheet}!${f.cell}`} appearance="transparent" size="small" onClick={() => select(f.sheet, f.cell)}>
                  {t('followup.blocked.cell', { sheet: f.sheet, cell: f.cell })}
                </Button>
              ))}
              {blockers.length > 5 && t('followup.blocked.more', { count: blockers.length - 5 })}
              <div>
                <Button appearance="primary" size="small" disabled={busy} onClick={fixNames}>
                  {t(spellingCount > 0 ? 'followup.blocked.fix' : textCount > 0 ? 'followup.blocked.fixTexts' : 'followup.blocked.fixPeriods')}
                </Button>
              </div>
            </Notice>
          )}
          {years.length === 0 || year === null ? (
            <Notice intent="warning" focus>{t(hasBudget ? 'followup.noYears' : 'followup.noBudget')}</Notice>
          ) : (
            <>
              <Field label={t('followup.year')}>
                <Select value={String(year)} disabled={busy} onChange={(_, data) => yearChoice.choose(Number(data.value))}>
                  <PlainOptions values={years} />
                </Select>
              </Field>

              <div role="group" aria-labelledby={boardsLabelId} className={styles.boards}>
                <Text id={boardsLabelId} className={styles.boardsLabel} data-focus-result="heading" tabIndex={-1}>
                  {t('followup.boards')}
                </Text>
                {nämnder.length > 0 && (
                  <div className={styles.allBoards}>
                    <PaneCheckbox
                      checked={allChosen ? true : nämnder.some((b) => chosen.has(b)) ? 'mixed' : false}
                      disabled={busy}
                      label={t('followup.allBoards', { count: nämnder.length })}
                      onChange={(_, data) =>
                        setChosen((c) => {
                          const copy = new Set(c);
                          for (const b of nämnder) if (data.checked === true) copy.add(b);
                          else copy.delete(b);
                          return copy;
                        })
                      }
                    />
                  </div>
                )}
                {boards.map((b) => (
                  <PaneCheckbox
                    key={b}
                    checked={chosen.has(b)}
                    disabled={busy}
                    label={b === KOMMUN_BOARD ? t('followup.kommun') : b}
                    onChange={(_, data) => toggle(b, data.checked === true)}
                  />
                ))}
              </div>

              {core && <InputList statuses={core.inputStatuses(snapshot, report, selected, year)} year={year} />}

              {planned && planned.created.length > 0 && (
                <Caption1 as="p" className={styles.hint} data-testid="followup-names">
                  {t('followup.tabNames', { names: formatList(language, planned.created.map((c) => c.sheet)) })}
                </Caption1>
              )}
              {planned && planned.existing.length > 0 && (
                <Caption1 as="p" className={styles.hint} data-testid="followup-existing-names">
                  {t('followup.tabNamesExisting', { names: formatList(language, planned.existing.map((e) => e.sheet)) })}
                </Caption1>
              )}
              <Button
                className={styles.primary}
                appearance="primary"
                disabled={busy || blocked || selected.length === 0 || !hasBudget || (planned !== null && planned.created.length === 0)}
                onClick={generate}
              >
                {generateLabel}
              </Button>
              {selected.length === 0 && (
                <Caption1 as="p" className={styles.hint}>
                  {t('followup.chooseBoard')}
                </Caption1>
              )}
            </>
          )}

          <FollowUpTabs
            tabs={snapshot.tabs}
            stale={snapshot.stale}
            busy={busy}
            writeBlocked={blocked}
            check={check}
            onRefresh={refresh}
            onCheck={checkTab}
            selectError={selectError}
            onSelect={select}
          />

          {year !== null && (
            <section className={styles.block} aria-labelledby={`${boardsLabelId}-ks`}>
              <Text as="h3" id={`${boardsLabelId}-ks`} className={styles.subheading}>
                {t('followup.consolidateHeading')}
              </Text>
              <Body1 as="p" className={styles.intro}>
                {t('followup.consolidateIntro', { report: t(`followup.report.${report}` as MessageKey), year })}
              </Body1>
              <Button className={styles.primary} disabled={busy || blocked} onClick={compile}>
                {t('followup.consolidate')}
              </Button>
              <ImportTabs service={importService} busy={busy} onFiles={importFiles} report={report} embedded={embedded} />
            </section>
          )}
        </>
  );
}
