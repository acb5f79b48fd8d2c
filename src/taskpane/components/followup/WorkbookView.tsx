/**
 * The part of the Uppföljning section shown once the workbook is read (year, nämnder, inputs found,
 * create, the existing tabs, Sammanställ för KS, import): loaded with the follow-up core, so it is
 * not in the task pane's initial JavaScript.
 */
import { useMemo, type Dispatch, type SetStateAction } from 'react';
import { Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Select, Text, tokens, useId } from '@fluentui/react-components';
import { PaneCheckbox } from '../PaneCheckbox';
import { KOMMUN_BOARD, type FollowUpReport } from '../../../core/followup/reports';
import { writeBlockers } from '../../../core/rules/write-blockers';
import type { WorkbookPort } from '../../../core/workbook/port';
import { formatList, useI18n, type MessageKey } from '../../i18n';
import type { FollowUpSnapshot } from './followup-core';
import { FollowUpTabs } from './FollowUpTabs';
import { ImportTabs } from './ImportTabs';
import type { FollowUpImportService } from '../../../core/followup/import-service';
import { InputList } from './InputList';
import type { NewTabs } from './new-tabs';
import type { CheckResult, FollowUpCore } from './use-follow-up';

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

export interface WorkbookViewProps {
  snapshot: FollowUpSnapshot;
  core: FollowUpCore | null;
  years: number[];
  year: number | null;
  hasBudget: boolean;
  busy: boolean;
  setChosenYear(year: number): void;
  nämnder: string[];
  allChosen: boolean;
  chosen: ReadonlySet<string>;
  setChosen: Dispatch<SetStateAction<ReadonlySet<string>>>;
  boards: string[];
  toggle(board: string, on: boolean): void;
  report: FollowUpReport;
  selected: string[];
  generate(): void;
  generateLabel: string;
  /** The chosen nämnder split into new tabs and tabs that exist already. */
  planned: NewTabs | null;
  check: CheckResult | null;
  refresh(sheet: string): void;
  checkTab(sheet: string): void;
  selectError: unknown;
  setSelectError(error: unknown): void;
  port: WorkbookPort;
  compile(): void;
  importService: FollowUpImportService | undefined;
  importFiles(files: File[]): void;
  /** Applies the quick fix of every blocking cell (write-blockers.ts). */
  fixNames(): void;
  /** In the playground rather than Excel (the import note names the host). */
  embedded: boolean;
}

export default function WorkbookView(props: WorkbookViewProps) {
  const { snapshot, core, years, year, hasBudget, busy, setChosenYear, nämnder, allChosen, chosen, setChosen, boards, toggle, report, selected, planned, generate, generateLabel, check, refresh, checkTab, selectError, setSelectError, port, compile, importService, importFiles, fixNames, embedded } = props;
  const styles = useStyles();
  const { t, language } = useI18n();
  const boardsLabelId = useId('followup-boards');
  // Names with invisible differences (KEY-SPELLING-VARIANT) or Utfall periods in a form the
  // criteria do not match (UTF-PERIOD-FORM): the tabs' SUMIFS would miss their rows, so nothing
  // that writes formulas over the inputs is offered until they are corrected.
  const blockers = useMemo(() => writeBlockers(snapshot.inputs.findings), [snapshot.inputs]);
  const blocked = blockers.length > 0;
  const spellingCount = blockers.filter((f) => f.rule === 'KEY-SPELLING-VARIANT').length;
  const periodCount = blockers.length - spellingCount;
  const select = (sheet: string, cell: string) => {
    setSelectError(null);
    port.selectCell(sheet, cell).catch((error: unknown) => setSelectError(error));
  };
  return (
        <>
          {blocked && (
            <MessageBar intent="error" layout="multiline" data-testid="followup-blocked" data-focus-result="notice" tabIndex={-1}>
              <MessageBarBody>
                {spellingCount > 0 && <>{t('followup.blocked.spelling', { count: spellingCount })} </>}
                {periodCount > 0 && <>{t('followup.blocked.period', { count: periodCount })} </>}
                {blockers.slice(0, 5).map((f) => (
                  <Button key={`${f.sheet}!${f.cell}`} appearance="transparent" size="small" onClick={() => select(f.sheet, f.cell)}>
                    {t('followup.blocked.cell', { sheet: f.sheet, cell: f.cell })}
                  </Button>
                ))}
                {blockers.length > 5 && t('followup.blocked.more', { count: blockers.length - 5 })}
                <div>
                  <Button appearance="primary" size="small" disabled={busy} onClick={fixNames}>
                    {t(spellingCount > 0 ? 'followup.blocked.fix' : 'followup.blocked.fixPeriods')}
                  </Button>
                </div>
              </MessageBarBody>
            </MessageBar>
          )}
          {years.length === 0 || year === null ? (
            <MessageBar intent="warning" layout="multiline" data-focus-result="notice" tabIndex={-1}>
              <MessageBarBody>{t(hasBudget ? 'followup.noYears' : 'followup.noBudget')}</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <Field label={t('followup.year')}>
                <Select value={String(year)} disabled={busy} onChange={(_, data) => setChosenYear(Number(data.value))}>
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
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
                  {t('followup.tabNamesExisting', { names: formatList(language, planned.existing) })}
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
