/**
 * Quick fixes: writes the edits the user clicked (one finding, or a confirmed batch of one rule)
 * through the port and remembers which cells changed, so the pane can mark those findings as
 * fixed and say that the check's result is now out of date.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isWorkbookError, type CellEdit, type CellEditResult, type TableResize, type WorkbookPort } from '../../../core/workbook/port';

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
  const busy = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  /** Runs one change of the user's workbook at a time; a failure becomes the error status. */
  const guarded = useCallback(async (work: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setStatus({ phase: 'applying' });
    try {
      await work();
    } catch (error) {
      if (!isWorkbookError(error)) console.error(error);
      if (mounted.current) setStatus({ phase: 'error', error });
    } finally {
      busy.current = false;
    }
  }, []);

  const apply = useCallback(
    async (edits: readonly CellEdit[]) => {
      if (edits.length === 0) return;
      await guarded(async () => {
        const result = await port.writeCells(edits);
        if (!mounted.current) return;
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
      guarded(async () => {
        await port.resizeTable(resize);
        if (!mounted.current) return;
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
