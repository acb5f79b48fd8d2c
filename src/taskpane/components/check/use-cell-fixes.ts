/**
 * Quick fixes: writes the edits the user clicked (one finding, or a confirmed batch of one rule)
 * through the port and remembers which cells changed, so the pane can mark those findings as
 * fixed and say that the check's result is now out of date.
 */
import { useCallback, useState } from 'react';
import type { CellEdit, CellEditResult, TableResize, WorkbookPort } from '../../../core/workbook/port';
import { useCancellableTask, type TaskRun } from '../use-cancellable-task';

export type FixStatus =
  | { phase: 'idle' }
  | { phase: 'applying' }
  | { phase: 'done'; result: CellEditResult }
  /** A table was extended (STRUCT-OUTSIDE-TABLE: "Utöka tabellen"). */
  | { phase: 'resized'; resize: TableResize }
  | { phase: 'error'; error: unknown };

export interface CellFixes {
  status: FixStatus;
  /** What happened to each cell a fix touched since the last reset (a new check), by "Sheet!A1". */
  handled: ReadonlyMap<string, 'changed' | 'skipped'>;
  apply(edits: readonly CellEdit[]): Promise<void>;
  /** Extends a table (the finding at `at` is then marked as fixed). */
  resizeTable(resize: TableResize, at: { sheet: string; cell: string }): Promise<void>;
  /** Forgets the changes and the last result (when a new check starts). */
  reset(): void;
}

export const cellKey = (sheet: string, cell: string) => `${sheet}!${cell}`;

export function useCellFixes(port: WorkbookPort): CellFixes {
  const [status, setStatus] = useState<FixStatus>({ phase: 'idle' });
  const [handled, setHandled] = useState<ReadonlyMap<string, 'changed' | 'skipped'>>(() => new Map());
  const { start } = useCancellableTask();

  /** Runs one change of the user's workbook at a time; a failure becomes the error status. */
  const guarded = useCallback(
    async (work: (run: TaskRun) => Promise<void>) => {
      const outcome = await start(async (run) => {
        setStatus({ phase: 'applying' });
        await work(run);
      });
      if (outcome.kind === 'failed') setStatus({ phase: 'error', error: outcome.error });
    },
    [start],
  );

  const apply = useCallback(
    async (edits: readonly CellEdit[]) => {
      if (edits.length === 0) return;
      await guarded(async (run) => {
        const result = await port.writeCells(edits);
        if (!run.current()) return;
        setHandled((before) => {
          const next = new Map(before);
          for (const c of result.changed) next.set(cellKey(c.sheet, c.cell), 'changed');
          // A cell left alone (it holds a formula) cannot be fixed by clicking again either.
          for (const c of result.skipped) next.set(cellKey(c.sheet, c.cell), 'skipped');
          return next;
        });
        setStatus({ phase: 'done', result });
      });
    },
    [port, guarded],
  );

  const resizeTable = useCallback(
    async (resize: TableResize, at: { sheet: string; cell: string }) =>
      guarded(async (run) => {
        await port.resizeTable(resize);
        if (!run.current()) return;
        setHandled((before) => new Map(before).set(cellKey(at.sheet, at.cell), 'changed'));
        setStatus({ phase: 'resized', resize });
      }),
    [port, guarded],
  );

  const reset = useCallback(() => {
    setStatus({ phase: 'idle' });
    setHandled(new Map());
  }, []);

  return { status, handled, apply, resizeTable, reset };
}
