/**
 * State of the Uppföljning section: one read of the workbook (inputs and owned follow-up tabs) and
 * the operations on it. Every operation reads the workbook again first, so a refresh keeps what was
 * typed a moment ago and a check sees the tab as it is now.
 */
import { useCallback, useRef, useState } from 'react';
import type { WorkbookPort } from '../../../core/workbook/port';
import { openCoreSession, type CoreSession } from '../../worker/run-core-task';
import type { Finding, FollowUpSnapshot } from './followup-core';
import { returned, useCancellableTask, type TaskRun } from '../use-cancellable-task';

const loadCore = () => import(/* webpackChunkName: "followup" */ './followup-core');
export type FollowUpCore = Awaited<ReturnType<typeof loadCore>>;

export type Operation = 'reading' | 'generating' | 'refreshing' | 'checking' | 'consolidating' | 'importing' | 'fixingNames';

/** A result to show in a MessageBar: a message key and its params, or a port error. */
export type Outcome =
  | {
      intent: 'success' | 'warning' | 'info';
      lines: { key: string; params?: Record<string, string | number> }[];
      /** Tabs written by the action, each offered as "Visa fliken …". */
      tabs?: string[];
    }
  | { intent: 'error'; error: unknown }
  | { intent: 'cancelled' };

export interface CheckResult {
  sheet: string;
  findings: Finding[];
}

export interface FollowUpState {
  /** The follow-up core, once loaded. */
  core: FollowUpCore | null;
  snapshot: FollowUpSnapshot | null;
  operation: Operation | null;
  /** 0–1 while reading or generating, null when unknown. */
  progress: { done: number; total: number } | number | null;
  outcome: Outcome | null;
  check: CheckResult | null;
}

export function useFollowUp(port: WorkbookPort) {
  const [state, setState] = useState<FollowUpState>({ core: null, snapshot: null, operation: null, progress: null, outcome: null, check: null });
  // A new operation replaces a running one.
  const { start, cancel: abort } = useCancellableTask({ whileBusy: 'replace' });
  /** The latest operation, for progress reported from inside its work. */
  const latest = useRef<TaskRun | null>(null);

  /**
   * Runs one operation: a fresh read (with progress), then `work` on the snapshot. The snapshot is
   * read again after a write so the list of tabs shows what the workbook now holds. The operation is
   * one core session: the model of its read stays in the worker for `work`'s builds, and the
   * worker ends with the operation.
   */
  const run = useCallback(
    async (
      operation: Operation,
      work:
        | ((core: FollowUpCore, snapshot: FollowUpSnapshot, signal: AbortSignal, session: CoreSession) => Promise<Partial<FollowUpState> & { wrote?: boolean }>)
        | null,
      keepCheck = false,
    ) => {
      const outcome = await start(async (task) => {
        latest.current = task;
        const update = (patch: Partial<FollowUpState>) => {
          if (task.current()) setState((s) => ({ ...s, ...patch }));
        };
        update({ operation, progress: null, outcome: null, ...(keepCheck ? {} : { check: null }) });
        const session = openCoreSession();
        try {
          const core = await loadCore();
          let snapshot = await core.readSnapshot(port, session, { signal: task.signal, onProgress: (fraction) => update({ progress: fraction }) });
          update({ core, snapshot });
          if (!work) return {};
          const { wrote, ...patch } = await work(core, snapshot, task.signal, session);
          if (wrote) {
            snapshot = await core.readSnapshot(port, session);
            patch.snapshot = snapshot;
          }
          return patch;
        } finally {
          session.close();
        }
      });
      if (outcome.kind === 'ignored') return;
      // An operation that ran to its end despite Avbryt (a generation stops between tabs) says what it did.
      const finished = returned(outcome);
      const patch: Partial<FollowUpState> = finished ?? (outcome.kind === 'failed' ? { outcome: { intent: 'error', error: outcome.error } } : { outcome: { intent: 'cancelled' } });
      setState((s) => ({ ...s, ...patch, operation: null, progress: null }));
    },
    [port, start],
  );

  const cancel = useCallback(() => void abort(), [abort]);
  const setProgress = useCallback((progress: FollowUpState['progress']) => {
    if (latest.current?.current()) setState((s) => ({ ...s, progress }));
  }, []);

  return { state, run, cancel, setProgress };
}

/** The follow-up state and its operations, as the section hands them to its views. */
export type FollowUp = ReturnType<typeof useFollowUp>;
