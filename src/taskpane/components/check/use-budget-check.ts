/**
 * The state of one budget check: read the validation inputs through the port (with progress and
 * cancel), run the rules, keep the findings and the frame summary. One check at a time; a
 * cancelled or superseded check never overwrites what the user sees.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding } from '../../../core/findings';
import type { BoardFrameSummary } from '../../../core/rules';
import { isWorkbookError, type WorkbookPort } from '../../../core/workbook/port';
import type { CheckResult } from './check-core';

/** The check's core, in its own chunk (see check-core.ts). */
export const loadCheckCore = () => import(/* webpackChunkName: "check" */ './check-core');

export type CheckPhase = 'idle' | 'reading' | 'done' | 'error';

export interface BudgetCheck {
  phase: CheckPhase;
  /** Fraction read, 0..1, while reading; null until the port reports any. */
  progress: number | null;
  /** The last completed check's result (phase 'done'), else null. */
  result: CheckResult | null;
  findings: readonly Finding[];
  frames: readonly BoardFrameSummary[];
  years: readonly number[] | null;
  /** When the last completed check ran. */
  checkedAt: Date | null;
  /** The error of a failed check (phase 'error'). */
  error: unknown;
  /** The last check was cancelled by the user (phase 'idle'). */
  cancelled: boolean;
  run(): Promise<void>;
  cancel(): void;
}

interface State {
  phase: CheckPhase;
  progress: number | null;
  result: CheckResult | null;
  checkedAt: Date | null;
  error: unknown;
  cancelled: boolean;
}

const IDLE: State = { phase: 'idle', progress: null, result: null, checkedAt: null, error: null, cancelled: false };
const NO_FINDINGS: readonly Finding[] = [];
const NO_FRAMES: readonly BoardFrameSummary[] = [];

export function useBudgetCheck(port: WorkbookPort, now: () => Date = () => new Date()): BudgetCheck {
  const [state, setState] = useState<State>(IDLE);
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const run = useCallback(async () => {
    if (controller.current) return; // one check at a time
    const abort = new AbortController();
    controller.current = abort;
    const live = () => mounted.current && controller.current === abort && !abort.signal.aborted;
    setState({ ...IDLE, phase: 'reading' });
    try {
      const core = await loadCheckCore();
      const result = await core.runBudgetCheck(port, {
        signal: abort.signal,
        onProgress: (fraction) => {
          if (live()) setState((s) => (s.phase === 'reading' ? { ...s, progress: Math.max(0, Math.min(1, fraction)) } : s));
        },
      });
      // A port that finishes despite the abort must not bring back what the user cancelled.
      if (live()) setState({ ...IDLE, phase: 'done', result, checkedAt: now() });
    } catch (error) {
      if (!mounted.current || controller.current !== abort) return;
      if (abort.signal.aborted || (isWorkbookError(error) && error.kind === 'cancelled')) return;
      // Typed errors carry a user message; anything else is a bug worth a trace for developers.
      if (!isWorkbookError(error)) console.error(error);
      setState({ ...IDLE, phase: 'error', error });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }, [port, now]);

  const cancel = useCallback(() => {
    const running = controller.current;
    if (!running) return;
    running.abort();
    controller.current = null;
    if (mounted.current) setState({ ...IDLE, cancelled: true });
  }, []);

  const result = state.phase === 'done' ? state.result : null;
  return {
    phase: state.phase,
    progress: state.progress,
    result,
    findings: result?.findings ?? NO_FINDINGS,
    frames: result?.frames ?? NO_FRAMES,
    years: result?.years ?? null,
    checkedAt: state.checkedAt,
    error: state.error,
    cancelled: state.cancelled,
    run,
    cancel,
  };
}
