/**
 * Lämna in: the workbook's submission status when the section opens (not submitted, intact,
 * changed with links to the cells, or a receipt that cannot be trusted), the submission itself
 * (a name, a comment on every warning, refused while errors remain), and Jämför med en annan
 * version. The same job functions as `budgetkoll verify`, `submit` and `diff`.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Body1, Button, Field, Input, Link, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import type { Finding } from '../../../core/findings';
import { isWorkbookError, type WorkbookPort } from '../../../core/workbook/port';
import { useSettingsStore } from '../../app-providers';
import { useI18n } from '../../i18n';
import { useSubmissionText, type SubmissionT } from './submission-texts';
import { CellLink } from '../allocation/CellLink';
import { LimitedList } from '../allocation/LimitedList';
import { countText } from '../check/format';
import { ErrorNotice } from '../ErrorNotice';
import { RuleId } from '../RuleId';
import { useCancellableTask } from '../use-cancellable-task';
import { useFocusResult } from '../use-focus-result';
import { CompareVersions } from './CompareVersions';
import { formatSubmittedAt, readStatus, submit, warningKey, warningsToComment, type OpenVersion, type SubmissionStatus, type Verification } from './submission-core';
import { OWNED_TAB_FIRST_CELL } from '../../../core/workbook/marker';
import { Notice } from '../Notice';
import { ProgressLine } from '../ProgressLine';

export interface SubmissionSectionProps {
  port: WorkbookPort;
  /** The section is the one shown: the status is read each time it is opened. */
  active: boolean;
  now?: () => Date;
  /** Opens Kontrollera budget (errors block a submission). */
  onOpenCheck?: () => void;
  /** Opens the other version's bytes (tests); the lean read port in the browser otherwise. */
  openVersion?: OpenVersion;
}

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  intro: { margin: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  cells: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  warnings: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  warning: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, overflowWrap: 'break-word' },
  message: { margin: 0 },
  submit: { alignSelf: 'flex-start' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  text: { overflowWrap: 'break-word', minWidth: 0 },
});

type StatusState =
  | { phase: 'idle'; cancelled: boolean }
  | { phase: 'reading'; progress: number | null }
  | { phase: 'done'; status: SubmissionStatus }
  | { phase: 'error'; error: unknown };

type SubmitState =
  | { phase: 'idle' }
  | { phase: 'writing' }
  | { phase: 'done'; name: string; at: string; by: string; number: number }
  | { phase: 'refused'; kind: 'errors' | 'uncommented' }
  | { phase: 'error'; error: unknown };

const realNow = () => new Date();

export default function SubmissionSection({ port, active, now = realNow, onOpenCheck, openVersion }: SubmissionSectionProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = useSubmissionText();
  const settings = useSettingsStore();
  const [status, setStatus] = useState<StatusState>({ phase: 'idle', cancelled: false });
  const [submitted, setSubmitted] = useState<SubmitState>({ phase: 'idle' });
  const [name, setName] = useState('');
  const nameTyped = useRef(false);
  const [comments, setComments] = useState<ReadonlyMap<string, string>>(new Map());
  const [tried, setTried] = useState(false);
  const [comparing, setComparing] = useState(false);
  const reading = useCancellableTask();
  const writing = useCancellableTask();

  const busy = status.phase === 'reading' || submitted.phase === 'writing' || comparing;
  const sectionRef = useFocusResult(busy);
  // Focus follows a submission's outcome: the Lämna in button may be enabled again by then (a
  // clean workbook), so use-focus-result would see no lost focus.
  const outcomeRef = useRef<HTMLDivElement>(null);
  const submitPhase = submitted.phase;
  useEffect(() => {
    if (submitPhase === 'done' || submitPhase === 'refused' || submitPhase === 'error') {
      outcomeRef.current?.querySelector<HTMLElement>('[data-focus-result="notice"]')?.focus();
    }
  }, [submitPhase]);

  useEffect(() => {
    let live = true;
    void settings.load().then((saved) => {
      if (live && !nameTyped.current && saved.submitter) setName(saved.submitter);
    });
    return () => {
      live = false;
    };
  }, [settings]);

  const refresh = useCallback(async () => {
    const outcome = await reading.start(async (task) => {
      setStatus({ phase: 'reading', progress: null });
      return readStatus(port, {
        signal: task.signal,
        onProgress: (fraction) => {
          if (task.live()) setStatus((s) => (s.phase === 'reading' ? { ...s, progress: Math.max(0, Math.min(1, fraction)) } : s));
        },
      });
    });
    if (outcome.kind === 'done') setStatus({ phase: 'done', status: outcome.value });
    else if (outcome.kind === 'failed') setStatus({ phase: 'error', error: outcome.error });
    else if (outcome.kind === 'cancelled') setStatus({ phase: 'idle', cancelled: true });
  }, [port, reading]);

  // The status is read each time the section is opened (the workbook may have changed meanwhile),
  // and when another workbook is opened (the playground hands a new port): what was shown for the
  // last one goes.
  const shownPort = useRef(port);
  useEffect(() => {
    const another = shownPort.current !== port;
    if (another) {
      shownPort.current = port;
      writing.cancel();
      setSubmitted({ phase: 'idle' });
      setComments(new Map());
      setTried(false);
      setStatus({ phase: 'idle', cancelled: false });
    }
    if (active && (another || submitted.phase !== 'writing')) void refresh();
    // On opening the section and on a new port only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, port]);

  const cancelRead = useCallback(() => {
    if (reading.cancel()) setStatus({ phase: 'idle', cancelled: true });
  }, [reading]);

  const select = useCallback(
    (sheet: string, cell: string) => {
      port.selectCell(sheet, cell).catch((error: unknown) => {
        if (!isWorkbookError(error)) console.error(error);
      });
    },
    [port],
  );

  const state = status.phase === 'done' ? status.status : null;
  const warnings = useMemo(() => (state ? warningsToComment(state.findings) : []), [state]);
  const errors = state ? state.findings.filter((f) => f.severity === 'error').length : 0;
  const uncommented = warnings.filter((w) => !(comments.get(warningKey(w)) ?? '').trim()).length;
  const ready = state !== null && errors === 0 && uncommented === 0 && name.trim() !== '';

  const doSubmit = useCallback(async () => {
    setTried(true);
    if (!state || !ready) return;
    const by = name.trim();
    void settings.save({ submitter: by });
    setSubmitted({ phase: 'writing' });
    const outcome = await writing.start(async (task) => {
      const result = await submit(port, { by, at: now(), comments, signal: task.signal });
      if ('refused' in result) return { result, status: null };
      // The status follows: read again, now with the receipt (intact).
      const after = await readStatus(port, { signal: task.signal });
      return { result, status: after };
    });
    if (outcome.kind === 'done') {
      const { result, status: after } = outcome.value;
      if ('refused' in result) setSubmitted({ phase: 'refused', kind: result.refused.kind });
      else {
        const r = result.record.receipt;
        setSubmitted({ phase: 'done', name: result.name, at: r.at, by: r.by, number: r.number });
        if (after) setStatus({ phase: 'done', status: after });
        setComments(new Map());
        setTried(false);
      }
    } else if (outcome.kind === 'failed') setSubmitted({ phase: 'error', error: outcome.error });
    else if (outcome.kind !== 'ignored') setSubmitted({ phase: 'idle' });
  }, [state, ready, name, settings, writing, port, now, comments]);

  return (
    <div className={styles.section} ref={sectionRef} data-testid="submission-section">
      <Body1 as="p" className={styles.intro}>
        {t('submission.intro')}
      </Body1>

      <section className={styles.group} aria-labelledby="submission-status-heading">
        <div className={styles.row}>
          <Text as="h3" id="submission-status-heading" className={styles.heading}>
            {t('submission.statusHeading')}
          </Text>
          <Button
            size="small"
            appearance="subtle"
            disabled={busy}
            onClick={() => {
              // Read again on request: the last submission's message belongs to the status before.
              setSubmitted({ phase: 'idle' });
              void refresh();
            }}
            data-testid="submission-refresh"
          >
            {t('submission.refresh')}
          </Button>
        </div>
        <div aria-live="polite" className={styles.group} data-testid="submission-status">
          <StatusView status={status} onCancel={cancelRead} onSelect={select} />
        </div>
      </section>

      {state && (
        <section className={styles.group} aria-labelledby="submission-form-heading">
          <Text as="h3" id="submission-form-heading" className={styles.heading}>
            {t('submission.formHeading')}
          </Text>
          {state.verification.receipt && (
            <p className={styles.hint}>{t('submission.nextVersion', { number: state.verification.receipt.number + 1 })}</p>
          )}
          {errors > 0 ? (
            <Notice intent="error" testId="submission-errors">
              {t('submission.errors', { errors: countText(i18n, 'error', errors) })}{' '}
              {onOpenCheck && (
                <Link as="button" inline onClick={onOpenCheck}>
                  {t('submission.openCheck')}
                </Link>
              )}
            </Notice>
          ) : (
            <SubmitForm
              name={name}
              onName={(value) => {
                nameTyped.current = true;
                setName(value);
              }}
              warnings={warnings}
              comments={comments}
              onComment={(key, text) => setComments((m) => new Map(m).set(key, text))}
              tried={tried}
              uncommented={uncommented}
              ready={ready}
              busy={busy}
              again={state.verification.receipt ? state.verification.receipt.number + 1 : null}
              onSubmit={() => void doSubmit()}
              onSelect={select}
            />
          )}
          <div aria-live="polite" className={styles.group} ref={outcomeRef}>
            <SubmitOutcome state={submitted} onSelect={select} />
          </div>
        </section>
      )}

      <CompareVersions port={port} busy={busy} onBusy={setComparing} onSelect={select} openVersion={openVersion} />
    </div>
  );
}

function cellsText(t: SubmissionT, count: number): string {
  return count === 1 ? t('submission.cells.one') : t('submission.cells.many', { count: new Intl.NumberFormat('sv-SE').format(count) });
}

function who(v: Verification) {
  const r = v.receipt!;
  return { at: formatSubmittedAt(r.at), by: r.by, number: r.number };
}

function StatusView({ status, onCancel, onSelect }: { status: StatusState; onCancel(): void; onSelect(sheet: string, cell: string): void }) {
  const styles = useStyles();
  const { t, language } = useSubmissionText();
  switch (status.phase) {
    case 'reading': {
      const label = status.progress === null ? t('submission.reading') : t('submission.readingPercent', { percent: Math.round(status.progress * 100) });
      return (
        <ProgressLine label={label} progress={status.progress} onCancel={onCancel} cancelLabel={t('submission.cancel')} />
      );
    }
    case 'error':
      return <ErrorNotice title={t('submission.readErrorTitle')} error={status.error} testId="submission-read-error" focus />;
    case 'idle':
      return status.cancelled ? (
        <Notice intent="warning" focus>{t('submission.cancelled')}</Notice>
      ) : null;
    case 'done': {
      const v = status.status.verification;
      switch (v.status) {
        case 'not-submitted':
          return (
            <Notice intent="info" testId="submission-not-submitted">{t('submission.notSubmitted')}</Notice>
          );
        case 'intact':
          return (
            <Notice intent="success" testId="submission-intact" className={styles.text}>{t('submission.intact', who(v))}</Notice>
          );
        case 'changed':
          return (
            <Notice intent="warning" title={t('submission.changedTitle', { cells: cellsText(t, v.changed.length) })} testId="submission-changed" className={styles.text}>
              {t('submission.changedBody', who(v))}
              <LimitedList
                items={v.changed}
                limit={10}
                className={styles.cells}
                testId="submission-changed-cells"
                renderItem={(c) => (
                  <li key={`${c.sheet}!${c.cell}!${c.kind}`}>
                    <CellLink sheet={c.sheet} cell={c.cell} onSelect={onSelect} /> {t(`submission.kind.${c.kind}`)}
                  </li>
                )}
              />
            </Notice>
          );
        case 'tampered':
          return (
            <Notice intent="error" title={t('submission.tamperedTitle')} testId="submission-tampered" className={styles.text}>
              {language === 'sv' ? v.reason?.sv : v.reason?.en} {t('submission.tamperedHint')}
            </Notice>
          );
      }
    }
  }
}

interface SubmitFormProps {
  name: string;
  onName(value: string): void;
  warnings: readonly Finding[];
  comments: ReadonlyMap<string, string>;
  onComment(key: string, text: string): void;
  tried: boolean;
  uncommented: number;
  ready: boolean;
  busy: boolean;
  /** The version a new submission becomes, when the workbook was submitted before. */
  again: number | null;
  onSubmit(): void;
  onSelect(sheet: string, cell: string): void;
}

function SubmitForm({ name, onName, warnings, comments, onComment, tried, uncommented, ready, busy, again, onSubmit, onSelect }: SubmitFormProps) {
  const styles = useStyles();
  const { t, language } = useSubmissionText();
  // An error only after a try; before that a plain hint says why the button cannot be chosen yet.
  const nameMissing = name.trim() === '' && tried;
  const nameNeeded = name.trim() === '' && uncommented === 0;
  return (
    <form
      className={styles.group}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      data-testid="submission-form"
    >
      <Field label={t('submission.name')} hint={t('submission.nameHint')} required validationMessage={nameMissing ? t('submission.nameMissing') : undefined}>
        <Input value={name} onChange={(_, d) => onName(d.value)} autoComplete="name" maxLength={200} data-testid="submission-name" />
      </Field>
      {warnings.length === 0 ? (
        <p className={styles.hint}>{t('submission.noWarnings')}</p>
      ) : (
        <div className={styles.group}>
          <Text as="h4" className={styles.heading}>
            {t('submission.warningsHeading', { count: warnings.length })}
          </Text>
          <p className={styles.hint}>{t('submission.warningsIntro')}</p>
          <ul className={styles.warnings} data-testid="submission-warnings">
            {warnings.map((w) => {
              const key = warningKey(w);
              const text = comments.get(key) ?? '';
              return (
                <li key={key} className={styles.warning} data-warning={key}>
                  <span>
                    <CellLink sheet={w.sheet} cell={w.cell} onSelect={onSelect} />
                  </span>
                  <p className={styles.message}>{language === 'sv' ? w.message : w.message_en}</p>
                  <RuleId rule={w.rule} />
                  <Field label={t('submission.comment')} required validationMessage={tried && !text.trim() ? t('submission.commentMissing') : undefined}>
                    <Textarea value={text} resize="vertical" onChange={(_, d) => onComment(key, d.value)} maxLength={2000} />
                  </Field>
                </li>
              );
            })}
          </ul>
          {uncommented > 0 && (
            <p className={styles.hint} data-testid="submission-remaining">
              {t('submission.remaining', { count: uncommented, total: warnings.length })}
            </p>
          )}
        </div>
      )}
      {nameNeeded && !nameMissing && (
        <p className={styles.hint} data-testid="submission-name-needed">
          {t('submission.nameNeeded')}
        </p>
      )}
      <Button className={styles.submit} appearance="primary" type="submit" disabled={!ready || busy} data-testid="submission-submit">
        {again ? t('submission.submitAgain', { number: again }) : t('submission.submit')}
      </Button>
      {busy && <Text className={styles.hint}>{t('submission.writing')}</Text>}
    </form>
  );
}

function SubmitOutcome({ state, onSelect }: { state: SubmitState; onSelect(sheet: string, cell: string): void }) {
  const { t } = useSubmissionText();
  switch (state.phase) {
    case 'idle':
    case 'writing':
      return null;
    case 'done':
      return (
        <Notice intent="success" testId="submission-done" focus>
          {t('submission.done', { at: formatSubmittedAt(state.at), by: state.by, number: state.number, name: state.name })}{' '}
          <Link as="button" inline onClick={() => onSelect(state.name, OWNED_TAB_FIRST_CELL)} data-testid="submission-open-tab">
            {t('submission.openTab')}
          </Link>
        </Notice>
      );
    case 'refused':
      return (
        <Notice intent="error" testId="submission-refused" focus>{t(state.kind === 'errors' ? 'submission.refusedErrors' : 'submission.refusedUncommented')}</Notice>
      );
    case 'error':
      return <ErrorNotice title={t('submission.submitErrorTitle')} error={state.error} testId="submission-error" focus />;
  }
}
