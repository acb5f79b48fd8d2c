/**
 * Jämför med en annan version…: the user picks an .xlsx; its bytes are read in the pane with the
 * lean read port (nothing is uploaded) and compared with the open workbook by the same job as
 * `budgetkoll diff` (jobs/compare.ts). The picked file is "förut", the open workbook "nu". Shown:
 * a compact chart of the net change per nämnd, per nämnd and year the net budget (and Ramar where
 * they changed), the changed Driftbudget rows with links to their cells, renamed nämnder and the
 * follow-up tabs' changed inputs.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { hasDifferences, type BoardChange, type InputValue, type RowChange, type VersionDiff, type YearAmounts } from '../../../core/compare';
import { fieldLabel } from '../../../core/followup/layout';
import type { WorkbookPort } from '../../../core/workbook/port';
import { CellLink } from '../allocation/CellLink';
import { tkrText } from '../allocation/format';
import { LimitedList } from '../allocation/LimitedList';
import { ErrorNotice } from '../ErrorNotice';
import { useCancellableTask } from '../use-cancellable-task';
import { DiffChart, signed } from './DiffChart';
import { CompareFailure, compareWithFile, type OpenVersion } from './submission-core';
import { useSubmissionStyles } from './submission-styles';
import { useSubmissionText, type SubmissionT } from './submission-texts';
import { Notice } from '../Notice';
import { ProgressLine } from '../ProgressLine';
import { FileButton } from '../FileButton';

const useStyles = makeStyles({
  subheading: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, fontWeight: tokens.fontWeightSemibold },
  picker: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  fileName: { minWidth: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums' },
  th: { textAlign: 'right', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  thFirst: { textAlign: 'left', width: '3.5em' },
  boardRow: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingTop: tokens.spacingVerticalS, overflowWrap: 'break-word' },
  td: { textAlign: 'right', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, overflowWrap: 'anywhere' },
  tdFirst: { textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  caption: { textAlign: 'left', paddingBottom: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'break-word', fontSize: tokens.fontSizeBase200 },
  kind: { fontWeight: tokens.fontWeightSemibold },
  amounts: { margin: 0, paddingLeft: tokens.spacingHorizontalL, listStyleType: 'none' },
});

export interface CompareVersionsProps {
  port: WorkbookPort;
  /** Another action of the section runs. */
  busy: boolean;
  onBusy(busy: boolean): void;
  onSelect(sheet: string, cell: string): void;
  openVersion?: OpenVersion;
}

type CompareState =
  | { phase: 'idle' }
  | { phase: 'reading'; file: string; progress: number | null }
  | { phase: 'done'; file: string; diff: VersionDiff }
  | { phase: 'error'; file: string; failure: unknown };

export function CompareVersions({ port, busy, onBusy, onSelect, openVersion }: CompareVersionsProps) {
  const styles = { ...useSubmissionStyles(), ...useStyles() };
  const { t } = useSubmissionText();
  const [state, setState] = useState<CompareState>({ phase: 'idle' });
  const task = useCancellableTask();

  // Another workbook opened (a new port): the comparison shown was with the last one.
  const shownPort = useRef(port);
  useEffect(() => {
    if (shownPort.current === port) return;
    shownPort.current = port;
    task.cancel();
    setState({ phase: 'idle' });
  }, [port, task]);

  const reading = state.phase === 'reading';
  useEffect(() => onBusy(reading), [reading, onBusy]);
  // Focus follows the outcome (the Välj fil button is enabled again by then, so focus is not "lost").
  const result = useRef<HTMLDivElement>(null);
  const phase = state.phase;
  useEffect(() => {
    if (phase !== 'done' && phase !== 'error') return;
    const root = result.current;
    root?.querySelector<HTMLElement>('[data-focus-result="notice"], [data-focus-result="heading"]')?.focus();
  }, [phase]);

  const compare = useCallback(
    async (file: File) => {
      const outcome = await task.start(async (run) => {
        setState({ phase: 'reading', file: file.name, progress: null });
        const bytes = await fileBytes(file);
        return compareWithFile(port, bytes, openVersion, {
          signal: run.signal,
          onProgress: (fraction) => {
            if (run.live()) setState((s) => (s.phase === 'reading' ? { ...s, progress: Math.max(0, Math.min(1, fraction)) } : s));
          },
        });
      });
      if (outcome.kind === 'done') setState({ phase: 'done', file: file.name, diff: outcome.value });
      else if (outcome.kind === 'failed') setState({ phase: 'error', file: file.name, failure: outcome.error });
      else if (outcome.kind === 'cancelled') setState({ phase: 'idle' });
    },
    [task, port, openVersion],
  );

  const file = state.phase === 'idle' ? null : state.file;

  return (
    <section className={styles.group} aria-labelledby="compare-heading" data-testid="compare-section">
      <Text as="h3" id="compare-heading" className={styles.heading}>
        {t('compare.heading')}
      </Text>
      <p className={styles.hint}>{t('compare.intro')}</p>
      <div className={styles.picker}>
        <FileButton
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy || reading}
          label={t('compare.pick')}
          inputTestId="compare-file"
          buttonTestId="compare-pick"
          onFiles={([picked]) => {
            if (picked) void compare(picked);
          }}
        >
          {t('compare.pick')}
        </FileButton>
        <span className={styles.fileName}>{file ?? t('compare.noFile')}</span>
      </div>
      <div aria-live="polite" className={styles.group} data-testid="compare-result" ref={result}>
        {state.phase === 'reading' && (
          <ProgressLine label={t('compare.reading', { file: state.file })} progress={state.progress} onCancel={() => task.cancel()} cancelLabel={t('submission.cancel')} />
        )}
        {state.phase === 'error' && (
          <ErrorNotice
            title={state.failure instanceof CompareFailure && state.failure.version === 'current' ? t('compare.errorCurrent') : t('compare.errorOther', { file: state.file })}
            error={state.failure}
            testId="compare-error"
            focus
          />
        )}
        {state.phase === 'done' && <DiffView file={state.file} diff={state.diff} onSelect={onSelect} />}
      </div>
    </section>
  );
}

function DiffView({ file, diff, onSelect }: { file: string; diff: VersionDiff; onSelect(sheet: string, cell: string): void }) {
  const styles = { ...useSubmissionStyles(), ...useStyles() };
  const { t } = useSubmissionText();
  if (!hasDifferences(diff)) {
    return (
      <Notice intent="success" testId="compare-none" focus>{t('compare.none', { file })}</Notice>
    );
  }
  const frames = diff.boards.filter((b) => b.frames);
  return (
    <div className={styles.group} data-testid="compare-diff">
      <Text as="h4" className={styles.heading} data-focus-result="heading" tabIndex={-1}>
        {t('compare.resultHeading', { file })}
      </Text>
      <p className={styles.hint}>{t('compare.direction', { file })}</p>
      {diff.boards.length > 0 && <DiffChart years={diff.years} boards={diff.boards} />}
      {diff.boards.length > 0 && <AmountTable caption={t('compare.boardsHeading')} boards={diff.boards} pick={(b) => b.net} testId="compare-boards" />}
      {frames.length > 0 && <AmountTable caption={t('compare.framesHeading')} boards={frames} pick={(b) => b.frames!} testId="compare-frames" />}
      {diff.rows.length > 0 && (
        <DiffGroup heading={t('compare.rowsHeading', { count: diff.rows.length })}>
          <LimitedList items={diff.rows} limit={20} className={styles.list} testId="compare-rows" renderItem={(r, i) => <RowItem key={`${r.kind}-${r.sheet}-${r.cell}-${i}`} row={r} file={file} onSelect={onSelect} />} />
        </DiffGroup>
      )}
      {diff.renamed.length > 0 && (
        <DiffGroup heading={t('compare.renamedHeading')}>
          <ul className={styles.list} data-testid="compare-renamed">
            {diff.renamed.map((r) => (
              <li key={`${r.old}>${r.new}`} className={styles.item}>
                <span>{t('compare.renamed', { old: r.old, new: r.new, share: new Intl.NumberFormat('sv-SE', { style: 'percent' }).format(r.identical) })}</span>
                <span>
                  <CellLink sheet={r.sheet} cell={r.cell} onSelect={onSelect} />
                </span>
              </li>
            ))}
          </ul>
        </DiffGroup>
      )}
      {diff.followUp.length > 0 && (
        <DiffGroup heading={t('compare.followUpHeading')}>
          <ul className={styles.list} data-testid="compare-followup">
            {diff.followUp.map((tab) => (
              <li key={`${tab.kind}-${tab.sheet}`} className={styles.item}>
                <span className={styles.kind}>
                  {tab.sheet}
                  {tab.kind !== 'changed' && `: ${t(tab.kind === 'added' ? 'compare.tab.added' : 'compare.tab.removed')}`}
                </span>
                {tab.inputs.length > 0 && (
                  <ul className={styles.amounts}>
                    {tab.inputs.map((input, i) => (
                      <li key={`${input.item}-${input.field}-${i}`}>
                        {input.cell && tab.kind !== 'removed' && (
                          <>
                            <CellLink sheet={tab.sheet} cell={input.cell} onSelect={onSelect} />{' '}
                          </>
                        )}
                        {`${input.label || input.item} (${fieldLabel(input.field).toLocaleLowerCase('sv-SE')}${input.removedRow ? `, ${t('compare.input.removedRow')}` : ''}): ${valueText(t, input.old)} → ${valueText(t, input.new)}`}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </DiffGroup>
      )}
    </div>
  );
}

function AmountTable({ caption, boards, pick, testId }: { caption: string; boards: readonly BoardChange[]; pick(b: BoardChange): YearAmounts[]; testId: string }) {
  const styles = useStyles();
  const { t } = useSubmissionText();
  return (
    <table className={styles.table} data-testid={testId}>
      <caption className={styles.caption}>
        {caption}
      </caption>
      <thead>
        <tr>
          <th scope="col" className={mergeClasses(styles.th, styles.thFirst)}>
            {t('compare.col.year')}
          </th>
          <th scope="col" className={styles.th}>
            {t('compare.col.old')}
          </th>
          <th scope="col" className={styles.th}>
            {t('compare.col.new')}
          </th>
          <th scope="col" className={styles.th}>
            {t('compare.col.change')}
          </th>
        </tr>
      </thead>
      {boards.map((b) => (
        <tbody key={b.board} data-board={b.board}>
          <tr>
            <th scope="colgroup" colSpan={4} className={styles.boardRow}>
              {b.board}
            </th>
          </tr>
          {pick(b).map((a) => (
            <tr key={a.year}>
              <th scope="row" className={mergeClasses(styles.td, styles.tdFirst)}>
                {a.year}
              </th>
              <td className={styles.td}>{tkrText(a.old)}</td>
              <td className={styles.td}>{tkrText(a.new)}</td>
              <td className={styles.td}>{signed(a.change)}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

/** The picked file's bytes (Blob.arrayBuffer, or a FileReader where a host lacks it). */
function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}

function rowLabel(r: RowChange): string {
  return [r.board, r.activity, [r.account, r.description].filter((x) => x !== '').join(' ')].filter((x) => x !== '').join(', ');
}

function RowItem({ row, file, onSelect }: { row: RowChange; file: string; onSelect(sheet: string, cell: string): void }) {
  const styles = { ...useSubmissionStyles(), ...useStyles() };
  const { t } = useSubmissionText();
  const kind = t(row.kind === 'added' ? 'compare.row.added' : row.kind === 'removed' ? 'compare.row.removed' : 'compare.row.changed');
  const amount = (v: number | null) => (v === null ? '–' : tkrText(v));
  return (
    <li className={styles.item} data-kind={row.kind} data-testid="compare-row">
      <span>
        <span className={styles.kind}>{kind}</span> {rowLabel(row)}
      </span>
      {row.kind === 'removed' ? (
        <span className={styles.hint}>{t('compare.row.removedWhere', { place: `${row.sheet}!${row.cell}`, file })}</span>
      ) : row.kind === 'added' ? (
        <span>
          <CellLink sheet={row.sheet} cell={row.cell} onSelect={onSelect} />
        </span>
      ) : null}
      <ul className={styles.amounts}>
        {row.amounts.map((a) => (
          <li key={a.year}>
            {row.kind === 'changed' && a.cell && (
              <>
                <CellLink sheet={row.sheet} cell={a.cell} onSelect={onSelect} />{' '}
              </>
            )}
            {row.kind === 'changed'
              ? t('compare.amount', { year: a.year, old: amount(a.old), new: amount(a.new) })
              : t('compare.amountOne', { year: a.year, value: amount(row.kind === 'added' ? a.new : a.old) })}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** A follow-up input's value: numbers the Swedish way, text in quotes, "(tomt)" for none. */
function valueText(t: SubmissionT, value: InputValue | null): string {
  if (value === null) return t('compare.empty');
  if (typeof value === 'number') return new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(value);
  if (typeof value === 'boolean') return t(value ? 'compare.true' : 'compare.false');
  return `”${value}”`;
}

/** One part of the comparison: its heading, then its list. */
function DiffGroup({ heading, children }: { heading: string; children: ReactNode }) {
  const styles = { ...useSubmissionStyles(), ...useStyles() };
  return (
    <div className={styles.group}>
      <Text as="h4" className={styles.subheading}>
        {heading}
      </Text>
      {children}
    </div>
  );
}
