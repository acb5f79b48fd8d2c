/**
 * "Skriv kontrollrapport": writes the Kontrollrapport tab for a check's result. An existing
 * Kontrollrapport that Budgetkoll owns (its marker says so) is replaced in place, so running it
 * again replaces only that tab; a user's own tab that happens to be called Kontrollrapport is
 * never touched (the new tab then gets a free name).
 */
import { useCallback, useState } from 'react';
import { decodeMarker } from '../../../core/workbook/marker';
import type { WorkbookIndex } from '../../../core/workbook/raw';
import type { WorkbookPort } from '../../../core/workbook/port';
import { useCancellableTask } from '../use-cancellable-task';
import type { CheckResult } from './check-core';
import { loadCheckCore } from './use-budget-check';

export type ReportStatus =
  | { phase: 'idle' }
  | { phase: 'writing' }
  | { phase: 'done'; name: string; replaced: boolean }
  | { phase: 'error'; error: unknown };

export interface ControlReportWriter {
  status: ReportStatus;
  write(result: CheckResult, generatedAt: Date): Promise<void>;
  reset(): void;
}

/** The owned Kontrollrapport tab to replace: the one with the report's name first, else the first. */
export function ownedReportSheet(index: WorkbookIndex, reportName: string): string | null {
  const owned = index.sheets.filter((s) => decodeMarker(s.firstCellText)?.type === 'kontrollrapport');
  const byName = owned.find((s) => s.name.toLocaleLowerCase('sv-SE') === reportName.toLocaleLowerCase('sv-SE'));
  return (byName ?? owned[0])?.name ?? null;
}

export function useControlReport(port: WorkbookPort): ControlReportWriter {
  const [status, setStatus] = useState<ReportStatus>({ phase: 'idle' });
  const { start } = useCancellableTask();

  const write = useCallback(
    async (result: CheckResult, generatedAt: Date) => {
      const outcome = await start(async () => {
        setStatus({ phase: 'writing' });
        const core = await loadCheckCore();
        const spec = core.controlReportSpec({
          findings: result.findings,
          frames: result.frames,
          years: result.years,
          kommun: result.kommun,
          generatedAt,
        });
        const existing = ownedReportSheet(await port.index(), core.CONTROL_REPORT_NAME);
        const written = await port.writeSheet(spec, existing ? { replace: existing } : {});
        return { name: written.name, replaced: existing !== null };
      });
      if (outcome.kind === 'done') setStatus({ phase: 'done', ...outcome.value });
      else if (outcome.kind === 'failed') setStatus({ phase: 'error', error: outcome.error });
    },
    [port, start],
  );

  const reset = useCallback(() => setStatus({ phase: 'idle' }), []);

  return { status, write, reset };
}
