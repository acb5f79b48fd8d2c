/**
 * Lämna in's state: the workbook's submission status (read when the section opens and when another
 * workbook is opened), the submitter's name (remembered in the settings), a comment per warning,
 * and the submission itself with the status read again after it. Reads and writes go through the
 * port and submission-core.ts, each as one cancellable task.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../../core/findings';
import { isWorkbookError, type WorkbookPort } from '../../../core/workbook/port';
import { useSettingsStore } from '../../app-providers';
import { useLoadedSetting } from '../../use-loaded-setting';
import { useCancellableTask } from '../use-cancellable-task';
import { readStatus, submit, warningKey, warningsToComment, type SubmissionStatus } from './submission-core';

export type StatusState =
  | { phase: 'idle'; cancelled: boolean }
  | { phase: 'reading'; progress: number | null }
  | { phase: 'done'; status: SubmissionStatus }
  | { phase: 'error'; error: unknown };

export type SubmitState =
  | { phase: 'idle' }
  | { phase: 'writing' }
  | { phase: 'done'; name: string; at: string; by: string; number: number }
  | { phase: 'refused'; kind: 'errors' | 'uncommented' }
  | { phase: 'error'; error: unknown };

export interface Submission {
  status: StatusState;
  submitted: SubmitState;
  /** The status read, once there is one. */
  state: SubmissionStatus | null;
  warnings: readonly Finding[];
  errors: number;
  uncommented: number;
  name: string;
  setName(value: string): void;
  comments: ReadonlyMap<string, string>;
  setComment(key: string, text: string): void;
  /** Lämna in was chosen once: missing fields are errors now, not hints. */
  tried: boolean;
  ready: boolean;
  /** Reading, writing or comparing (Jämför reports through setComparing). */
  busy: boolean;
  setComparing(comparing: boolean): void;
  /** Reads the status again on request: the last submission's message belongs to the status before. */
  reread(): void;
  cancelRead(): void;
  submit(): void;
  select(sheet: string, cell: string): void;
}

export function useSubmission(port: WorkbookPort, active: boolean, now: () => Date): Submission {
  const settings = useSettingsStore();
  const [status, setStatus] = useState<StatusState>({ phase: 'idle', cancelled: false });
  const [submitted, setSubmitted] = useState<SubmitState>({ phase: 'idle' });
  const [name, setName] = useLoadedSetting(settings, 'submitter', '');
  const [comments, setComments] = useState<ReadonlyMap<string, string>>(new Map());
  const [tried, setTried] = useState(false);
  const [comparing, setComparing] = useState(false);
  const reading = useCancellableTask();
  const writing = useCancellableTask();

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

  const setComment = useCallback((key: string, text: string) => setComments((m) => new Map(m).set(key, text)), []);
  const reread = useCallback(() => {
    setSubmitted({ phase: 'idle' });
    void refresh();
  }, [refresh]);
  const submitNow = useCallback(() => void doSubmit(), [doSubmit]);

  return {
    status,
    submitted,
    state,
    warnings,
    errors,
    uncommented,
    name,
    setName,
    comments,
    setComment,
    tried,
    ready,
    busy: status.phase === 'reading' || submitted.phase === 'writing' || comparing,
    setComparing,
    reread,
    cancelRead,
    submit: submitNow,
    select,
  };
}
