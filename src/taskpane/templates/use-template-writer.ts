/**
 * Writes template tabs through the port, one tab at a time so progress can be shown and the user
 * can cancel between tabs. Only tabs whose input is missing are written (see planTemplateTabs).
 */
import { useCallback, useState } from 'react';
import type { SheetSpec } from '../../core/workbook/sheet-spec';
import type { WorkbookPort } from '../../core/workbook/port';
import { useCancellableTask } from '../components/use-cancellable-task';
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
  const { start, cancel: abort } = useCancellableTask();

  const write = useCallback(
    async (build: () => Promise<SheetSpec[]>) => {
      const created: string[] = [];
      let skipped: SkippedTab[] = [];
      const outcome = await start(async (run) => {
        const update = (next: TemplateWriteStatus) => {
          if (run.current()) setStatus(next);
        };
        update({ phase: 'working', progress: null });
        const specs = await build();
        const plan = planTemplateTabs(specs, await port.index());
        const toWrite = plan.toWrite;
        skipped = plan.skipped;
        for (const [i, spec] of toWrite.entries()) {
          if (run.signal.aborted) break;
          update({ phase: 'working', progress: { sheet: spec.name, index: i + 1, count: toWrite.length } });
          const result = await port.writeSheet(spec, { signal: run.signal });
          created.push(result.name);
        }
      });
      if (outcome.kind === 'done') setStatus({ phase: 'done', created, skipped });
      else if (outcome.kind === 'cancelled') setStatus({ phase: 'cancelled', created, skipped });
      else if (outcome.kind === 'failed') setStatus({ phase: 'failed', created, error: outcome.error });
    },
    [port, start],
  );

  const cancel = useCallback(() => void abort(), [abort]);

  return { status, write, cancel };
}
