/**
 * State of the Uppföljning section: one read of the workbook (inputs and owned follow-up tabs) and
 * the operations on it. Every operation reads the workbook again first, so a refresh keeps what was
 * typed a moment ago and a check sees the tab as it is now.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkbookPort } from '../../../core/workbook/port';
import { WorkbookError } from '../../../core/workbook/port';
import { openCoreSession, type CoreSession } from '../../worker/run-core-task';
import type { Finding, FollowUpSnapshot } from './followup-core';

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

function isCancel(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof WorkbookError && error.kind === 'cancelled');
}

export function useFollowUp(port: WorkbookPort) {
  const [state, setState] = useState<FollowUpState>({ core: null, snapshot: null, operation: null, progress: null, outcome: null, check: null });
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const update = useCallback((patch: Partial<FollowUpState>) => {
    if (mounted.current) setState((s) => ({ ...s, ...patch }));
  }, []);

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
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      update({ operation, progress: null, outcome: null, ...(keepCheck ? {} : { check: null }) });
      const session = openCoreSession();
      try {
        const core = await loadCore();
        let snapshot = await core.readSnapshot(port, session, { signal: abort.signal, onProgress: (fraction) => update({ progress: fraction }) });
        update({ core, snapshot });
        if (work) {
          const { wrote, ...patch } = await work(core, snapshot, abort.signal, session);
          if (wrote) {
            snapshot = await core.readSnapshot(port, session);
            patch.snapshot = snapshot;
          }
          update(patch);
        }
      } catch (error) {
        if (isCancel(error, abort.signal)) update({ outcome: { intent: 'cancelled' } });
        else {
          if (!(error instanceof WorkbookError)) console.error(error);
          update({ outcome: { intent: 'error', error } });
        }
      } finally {
        session.close();
        if (controller.current === abort) controller.current = null;
        update({ operation: null, progress: null });
      }
    },
    [port, update],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const setProgress = useCallback((progress: FollowUpState['progress']) => update({ progress }), [update]);

  return { state, run, cancel, setProgress };
}
