/**
 * Writes template tabs through the port, one tab at a time so progress can be shown and the user
 * can cancel between tabs. Only tabs whose input is missing are written (see planTemplateTabs).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SheetSpec } from '../../core/workbook/sheet-spec';
import { isWorkbookError, type WorkbookPort } from '../../core/workbook/port';
import { planTemplateTabs, type SkippedTab } from './plan';

export interface WriteProgress {
  sheet: string;
  /** 1-based. */
  index: number;
  count: number;
}

export type TemplateWriteStatus =
  | { phase: 'idle' }
  | { phase: 'working'; progress: WriteProgress | null }
  | { phase: 'done'; created: string[]; skipped: SkippedTab[] }
  | { phase: 'cancelled'; created: string[]; skipped: SkippedTab[] }
  | { phase: 'failed'; created: string[]; error: unknown };

export interface TemplateWriter {
  status: TemplateWriteStatus;
  /** Builds the specs (lazily), then writes the missing tabs. */
  write(build: () => Promise<SheetSpec[]>): Promise<void>;
  cancel(): void;
}

export function useTemplateWriter(port: WorkbookPort): TemplateWriter {
  const [status, setStatus] = useState<TemplateWriteStatus>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const update = (next: TemplateWriteStatus) => {
    if (mounted.current) setStatus(next);
  };

  const write = useCallback(
    async (build: () => Promise<SheetSpec[]>) => {
      if (controller.current) return; // one write at a time
      const abort = new AbortController();
      controller.current = abort;
      const created: string[] = [];
      let skipped: SkippedTab[] = [];
      update({ phase: 'working', progress: null });
      try {
        const specs = await build();
        const plan = planTemplateTabs(specs, await port.index());
        const toWrite = plan.toWrite;
        skipped = plan.skipped;
        for (const [i, spec] of toWrite.entries()) {
          if (abort.signal.aborted) break;
          update({ phase: 'working', progress: { sheet: spec.name, index: i + 1, count: toWrite.length } });
          const result = await port.writeSheet(spec, { signal: abort.signal });
          created.push(result.name);
        }
        update(abort.signal.aborted ? { phase: 'cancelled', created, skipped } : { phase: 'done', created, skipped });
      } catch (error) {
        if (abort.signal.aborted || (isWorkbookError(error) && error.kind === 'cancelled')) {
          update({ phase: 'cancelled', created, skipped });
        } else {
          // Typed errors carry a user message; anything else is a bug worth a trace for developers.
          if (!isWorkbookError(error)) console.error(error);
          update({ phase: 'failed', created, error });
        }
      } finally {
        controller.current = null;
      }
    },
    [port],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { status, write, cancel };
}
