/**
 * The follow-up job (src/jobs/follow-up.ts) as the Uppföljning section drives it, in one lazily
 * loaded chunk: read, build, refresh, check and consolidate through the port and the core worker's
 * session, and what the section shows about a workbook (inputs found, existing tabs, which are stale).
 */
import type { Finding } from '../../../core/findings';
import { isKommunBoard, type FilledTab, type FollowUpReport } from '../../../core/followup';
import { WorkbookError, type ReadOptions, type WorkbookPort, type WorkbookReader, type WriteOptions } from '../../../core/workbook/port';
import type { SheetSpec } from '../../../core/workbook/sheet-spec';
import { followUpPlan, inputStatuses, planFollowUpTabs, type FollowUpBuild, type FollowUpSnapshot } from '../../../jobs/follow-up';
import { progressSpan, type CoreSession } from '../../worker/run-core-task';

export type { FilledTab, Finding, FollowUpReport, FollowUpSnapshot };
export type { InputStatus } from '../../../jobs/follow-up';
export { inputStatuses };

/**
 * One read phase of inputs and owned tabs (progress to one half), then recognition and the stale
 * check in the core worker (run-core-task.ts, followUpTask), which keeps the model in `session`
 * for the builds of the same action.
 */
export async function readSnapshot(reader: WorkbookReader, session: CoreSession, options: ReadOptions = {}): Promise<FollowUpSnapshot> {
  const { located: planned, ...raw } = await reader.read(followUpPlan(), { ...options, onProgress: progressSpan(options.onProgress, 0, 0.5) });
  return session.run('followUp', { raw, planned }, { ...options, onProgress: progressSpan(options.onProgress, 0.5, 1) });
}

export interface GenerateOutcome {
  written: string[];
  /** Nämnder that already had a tab of this report and year (refresh those instead). */
  existing: { board: string; sheet: string }[];
  cancelled: boolean;
}

function isCancelled(error: unknown): boolean {
  return error instanceof WorkbookError && error.kind === 'cancelled';
}

/**
 * One new tab per chosen nämnd without one (named as planFollowUpTabs says, the names the section
 * showed; never replaces anything), with progress and cancel. The tabs are built in the session
 * that read `snapshot`.
 */
export async function generateTabs(
  port: WorkbookPort,
  session: CoreSession,
  snapshot: FollowUpSnapshot,
  request: { report: FollowUpReport; year: number; boards: readonly string[]; now: Date },
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<GenerateOutcome> {
  const outcome: GenerateOutcome = { written: [], existing: [], cancelled: false };
  const total = request.boards.length;
  const planned = planFollowUpTabs(snapshot, request.report, request.year, request.boards);
  outcome.existing.push(...planned.existing);
  let specs: SheetSpec[] = [];
  try {
    if (planned.created.length > 0) {
      const builds = planned.created.map(({ board, sheet }): FollowUpBuild => ({ kind: 'tab', report: request.report, board, year: request.year, now: request.now, sheet }));
      specs = await session.run('followUpSpecs', { builds }, options.signal ? { signal: options.signal } : {});
    }
  } catch (error) {
    if (!isCancelled(error)) throw error;
    outcome.cancelled = true;
    return outcome;
  }
  let done = outcome.existing.length;
  for (const spec of specs) {
    if (options.signal?.aborted) {
      outcome.cancelled = true;
      break;
    }
    const write: WriteOptions = options.signal ? { signal: options.signal } : {};
    const result = await port.writeSheet(spec, write);
    outcome.written.push(result.name);
    options.onProgress?.(++done, total);
  }
  return outcome;
}

/** Refreshes one tab in place (its name and place kept, everything typed put back by row key). */
export async function refreshTab(port: WorkbookPort, session: CoreSession, snapshot: FollowUpSnapshot, sheet: string, now: Date): Promise<string> {
  const tab = snapshot.tabs.find((t) => t.sheet === sheet && t.kind === 'uppfoljning');
  if (!tab) throw new RangeError(`no follow-up tab ${sheet}`);
  const [spec] = await session.run('followUpSpecs', { builds: [{ kind: 'refresh', sheet, now }] });
  return (await port.writeSheet(spec, { replace: tab.sheet })).name;
}

/** The UPF-* findings of one tab, or null when the tab is gone. */
export async function checkTab(session: CoreSession, sheet: string): Promise<{ findings: Finding[] } | null> {
  const findings = await session.run('followUpCheck', { sheet });
  return findings === null ? null : { findings };
}

export interface ConsolidateOutcome {
  /** The tab written, or null when there was nothing to compile. */
  sheet: string | null;
  replaced: boolean;
  /** Nämnd tabs compiled. */
  compiled: number;
}

/** The KS compilation of this report and year, replacing an owned one of the same report and year. */
export async function consolidate(
  port: WorkbookPort,
  session: CoreSession,
  snapshot: FollowUpSnapshot,
  report: FollowUpReport,
  year: number,
  now: Date,
): Promise<ConsolidateOutcome> {
  const compiled = snapshot.tabs.filter((t) => t.kind === 'uppfoljning' && t.report === report && t.year === year && !isKommunBoard(t.board)).length;
  if (compiled === 0) return { sheet: null, replaced: false, compiled };
  const earlier = snapshot.tabs.find((t) => t.kind === 'sammanstallning' && t.report === report && t.year === year) ?? null;
  const [spec] = await session.run('followUpSpecs', { builds: [{ kind: 'consolidation', report, year, now }] });
  const result = await port.writeSheet(spec, earlier ? { replace: earlier.sheet } : {});
  return { sheet: result.name, replaced: earlier !== null, compiled };
}
