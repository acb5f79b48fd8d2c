/**
 * The Resursfördelning job through the port: read the allocation inputs (with progress, can be
 * cancelled), run the core model, and write the transparent result tab — replacing only the
 * owned `Resursfördelning <Y1>` tab of the same budget year, never any other tab.
 */
import { useCallback, useRef, useState } from 'react';
import type { AllocationResult } from '../../../core/allocation/model';
import { isWorkbookError, type WorkbookPort } from '../../../core/workbook/port';
import type { AllocationOutcome } from '../../../jobs/allocation';
import { returned, useCancellableTask, type TaskRun } from '../use-cancellable-task';

/** The core (recognition, rules, model, result tab) loads on first use, outside the initial JavaScript. */
const loadCore = () => import(/* webpackChunkName: "allocation" */ './allocation-core');

export type AllocationTask = 'read' | 'write';

export interface AllocationBusy {
  task: AllocationTask;
  /** A write reads the workbook again first, so the tab's formulas point at today's cells. */
  step: 'reading' | 'writing';
  /** Fraction of the read done, 0..1, when the port reports it. */
  progress: number | null;
}

export type AllocationNotice =
  | { kind: 'written'; name: string; replaced: boolean; updated: boolean }
  | { kind: 'cancelled'; task: AllocationTask }
  | { kind: 'failed'; task: AllocationTask | 'select'; error: unknown };

/** One read's outcome as the pane shows it (the job's, without the tab spec), and whether it ran. */
export type AllocationData = Omit<AllocationOutcome, 'spec'> & {
  /** "Kör modellen" was pressed: the result is shown. */
  ran: boolean;
};

export interface Allocation {
  busy: AllocationBusy | null;
  data: AllocationData | null;
  notice: AllocationNotice | null;
  /** Reads the workbook and shows what the model will use. */
  read(): Promise<void>;
  /** Shows the model's result for what was read. */
  run(): void;
  /** Reads again, runs, and writes (or replaces) the result tab. */
  write(): Promise<void>;
  cancel(): void;
  selectCell(sheet: string, cell: string): Promise<void>;
}

export interface AllocationOptions {
  /** The clock for the tab's "Beräknad" date; injectable for tests. */
  now?: () => Date;
}

/** The numbers a user sees: did a fresh read change any of them? */
function sameNumbers(a: AllocationResult | null, b: AllocationResult | null): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify([a.years, a.boards, a.excluded]) === JSON.stringify([b.years, b.boards, b.excluded]);
}

export function useAllocation(port: WorkbookPort, options: AllocationOptions = {}): Allocation {
  const [busy, setBusy] = useState<AllocationBusy | null>(null);
  const [data, setData] = useState<AllocationData | null>(null);
  const [notice, setNotice] = useState<AllocationNotice | null>(null);
  const { start, cancel: abort } = useCancellableTask();
  const dataRef = useRef<AllocationData | null>(null);
  const now = options.now;

  const showData = useCallback((next: AllocationData | null) => {
    dataRef.current = next;
    setData(next);
  }, []);

  /** Runs a task unless one is running: its progress, and its outcome as the notice. */
  const startTask = useCallback(
    async (task: AllocationTask, body: (run: TaskRun, progress: (fraction: number) => void) => Promise<AllocationNotice | void>) => {
      const outcome = await start(async (run) => {
        setNotice(null);
        setBusy({ task, step: 'reading', progress: null });
        return body(run, (fraction) => {
          if (run.current()) setBusy({ task, step: 'reading', progress: fraction });
        });
      });
      if (outcome.kind === 'ignored') return;
      setBusy(null);
      if (outcome.kind === 'failed') return setNotice({ kind: 'failed', task, error: outcome.error });
      // A tab the port wrote despite Avbryt is still reported as written.
      const finished = returned(outcome);
      if (finished) setNotice(finished);
      else if (outcome.kind === 'cancelled') setNotice({ kind: 'cancelled', task });
    },
    [start],
  );

  const read = useCallback(
    () =>
      startTask('read', async (task, onProgress) => {
        const { loadAllocation } = await loadCore();
        const loaded = await loadAllocation(port, { signal: task.signal, onProgress });
        if (task.live()) showData({ ...loaded, ran: false });
      }),
    [port, showData, startTask],
  );

  const run = useCallback(() => {
    const current = dataRef.current;
    if (!current || !current.result || current.ran) return;
    showData({ ...current, ran: true });
  }, [showData]);

  const write = useCallback(
    () =>
      startTask('write', async (task, onProgress) => {
        const before = dataRef.current;
        const { signal } = task;
        const { loadAllocation, writeAllocationTab } = await loadCore();
        const generatedAt = now ? now() : new Date();
        const outcome = await loadAllocation(port, { signal, onProgress }, generatedAt);
        if (!task.live()) return;
        const { spec: _spec, ...fresh } = outcome;
        showData({ ...fresh, ran: true });
        if (!fresh.result) return; // the summary says why the model cannot run
        setBusy({ task: 'write', step: 'writing', progress: null });
        // The job's write: the owned tab of the same budget year is replaced, no other tab.
        const { name, replaced } = await writeAllocationTab(port, outcome, generatedAt, { signal });
        if (task.current()) showData({ ...fresh, ran: true, existingTab: name });
        const updated = before?.ran === true && !sameNumbers(before.result, fresh.result);
        return { kind: 'written', name, replaced, updated };
      }),
    [now, port, showData, startTask],
  );

  const cancel = useCallback(() => void abort(), [abort]);

  const selectCell = useCallback(
    async (sheet: string, cell: string) => {
      try {
        await port.selectCell(sheet, cell);
      } catch (error) {
        if (!isWorkbookError(error)) console.error(error);
        setNotice({ kind: 'failed', task: 'select', error });
      }
    },
    [port],
  );

  return { busy, data, notice, read, run, write, cancel, selectCell };
}
