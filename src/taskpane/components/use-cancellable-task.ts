/**
 * The lifecycle every task-pane job shares: one task at a time, an AbortController per run,
 * cancel(), abort on unmount, and nothing shown from a run that was cancelled, replaced or outlived
 * its component. The calling hook keeps its own state; it sets it from inside the task (guarded by
 * `run.current()` / `run.live()`) and from the outcome `start` returns.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isWorkbookError } from '../../core/workbook/port';

export type TaskOutcome<T> =
  | { kind: 'done'; value: T }
  /**
   * cancel() was called while it ran, or the port reported a cancellation. `finished` holds what
   * the task returned when it ran to its end despite the cancel (say, the tabs written before it
   * stopped); without it the task threw.
   */
  | { kind: 'cancelled'; finished?: { value: T } }
  | { kind: 'failed'; error: unknown }
  /** Nothing to show: not started (another task runs), or it ended after its component unmounted or a newer run replaced it. */
  | { kind: 'ignored' };

/** What a task's body gets. */
export interface TaskRun {
  readonly signal: AbortSignal;
  /** The component is mounted and no newer run replaced this one: what it shows belongs on screen. */
  current(): boolean;
  /** current(), and not cancelled either: a result may still be shown. */
  live(): boolean;
}

export interface CancellableTask {
  /** A task holds the slot (until it settles, also after cancel()). */
  busy: boolean;
  /**
   * Runs `body` unless a task runs (a cancelled one still winding down does not count: it is
   * replaced). The outcome is 'ignored' when the run no longer belongs on screen.
   */
  start<T>(body: (run: TaskRun) => Promise<T>): Promise<TaskOutcome<T>>;
  /** Aborts the running task; false when none runs (or it was cancelled already). */
  cancel(): boolean;
}

export interface CancellableTaskOptions {
  /** A start while a task runs: 'ignore' the start (the default) or 'replace' the running task (aborted, its outcome ignored). */
  whileBusy?: 'ignore' | 'replace';
}

/** An error that means "cancelled" rather than "failed". */
export function isCancellation(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (isWorkbookError(error) && error.kind === 'cancelled');
}

/** What the task returned: done, or ran to its end despite a cancel; else undefined. */
export function returned<T>(outcome: TaskOutcome<T>): T | undefined {
  if (outcome.kind === 'done') return outcome.value;
  return outcome.kind === 'cancelled' ? outcome.finished?.value : undefined;
}

const IGNORED = { kind: 'ignored' } as const;
const CANCELLED = { kind: 'cancelled' } as const;

export function useCancellableTask(options: CancellableTaskOptions = {}): CancellableTask {
  const replace = options.whileBusy === 'replace';
  const [busy, setBusy] = useState(false);
  const running = useRef<AbortController | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      running.current?.abort();
    };
  }, []);

  const start = useCallback(
    async <T>(body: (run: TaskRun) => Promise<T>): Promise<TaskOutcome<T>> => {
      const before = running.current;
      if (before && !before.signal.aborted && !replace) return IGNORED;
      before?.abort();
      const abort = new AbortController();
      running.current = abort;
      const current = () => mounted.current && running.current === abort;
      const run: TaskRun = { signal: abort.signal, current, live: () => current() && !abort.signal.aborted };
      if (mounted.current) setBusy(true);
      let outcome: TaskOutcome<T>;
      try {
        const value = await body(run);
        // A port that finishes despite the abort: still a cancelled run, what it brought is only handed along.
        outcome = abort.signal.aborted ? { kind: 'cancelled', finished: { value } } : { kind: 'done', value };
      } catch (error) {
        if (isCancellation(error, abort.signal)) outcome = CANCELLED;
        else {
          // Typed errors carry a user message; anything else is a bug worth a trace for developers.
          if (!isWorkbookError(error)) console.error(error);
          outcome = { kind: 'failed', error };
        }
      }
      if (running.current !== abort) return IGNORED;
      running.current = null;
      if (!mounted.current) return IGNORED;
      setBusy(false);
      return outcome;
    },
    [replace],
  );

  const cancel = useCallback(() => {
    const task = running.current;
    if (!task || task.signal.aborted) return false;
    task.abort();
    return true;
  }, []);

  return { busy, start, cancel };
}
