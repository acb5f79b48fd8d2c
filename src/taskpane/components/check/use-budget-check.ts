/**
 * The state of one budget check: read the validation inputs through the port (with progress and
 * cancel), run the rules, keep the findings and the frame summary. One check at a time; a
 * cancelled or superseded check never overwrites what the user sees.
 */
import { useCallback, useState } from 'react';
import type { Finding } from '../../../core/findings';
import type { BoardFrameSummary } from '../../../core/rules';
import type { WorkbookPort } from '../../../core/workbook/port';
import { useCancellableTask } from '../use-cancellable-task';
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
  const { start, cancel: abort } = useCancellableTask();

  const run = useCallback(async () => {
    const outcome = await start(async (task) => {
      setState({ ...IDLE, phase: 'reading' });
      const core = await loadCheckCore();
      return core.runBudgetCheck(port, {
        signal: task.signal,
        onProgress: (fraction) => {
          if (task.live()) setState((s) => (s.phase === 'reading' ? { ...s, progress: Math.max(0, Math.min(1, fraction)) } : s));
        },
      });
    });
    if (outcome.kind === 'done') setState({ ...IDLE, phase: 'done', result: outcome.value, checkedAt: now() });
    else if (outcome.kind === 'failed') setState({ ...IDLE, phase: 'error', error: outcome.error });
  }, [port, now, start]);

  // The pane says "cancelled" at once; what the check still brings back is ignored.
  const cancel = useCallback(() => {
    if (abort()) setState({ ...IDLE, cancelled: true });
  }, [abort]);

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
