/**
 * The follow-up job as the Uppföljning section uses it, in one lazily loaded chunk: the core's
 * read/build/refresh/check/consolidate, and what the section shows about a workbook (inputs found,
 * existing tabs, which are stale). Pure apart from the port calls.
 */
import type { Finding } from '../../../core/findings';
import {
  buildConsolidation,
  buildFollowUpTab,
  checkFollowUpTab,
  isKommunBoard,
  periodMonth,
  planFollowUpRead,
  refreshFollowUpTab,
  SECTION_SOURCES,
  sectionsFor,
  typedInputs,
  type FilledTab,
  type FollowUpReadPlan,
  type FollowUpReport,
} from '../../../core/followup';
import { inputDef, type InputId } from '../../../core/inputs/catalogue';
import { RULE_CATALOGUE } from '../../../core/messages/rule-catalogue';
import type { BudgetModel } from '../../../core/recognition/model';
import { normalizeKey } from '../../../core/text/normalize';
import type { ReadOptions, WorkbookPort, WriteOptions } from '../../../io/port';
import { progressSpan, runCoreTask } from '../../worker/run-core-task';

export type { FilledTab, Finding, FollowUpReport };

/** What the section knows about the workbook after one read. */
export interface FollowUpSnapshot {
  model: BudgetModel;
  /** Owned follow-up tabs and compilations, in tab order. */
  tabs: FilledTab[];
  /** Nämnder as spelt in Driftbudget (then Ramar). */
  boards: string[];
  years: number[];
  /** Sheets whose budget figures no longer match Driftbudget (UPF-STALE). */
  stale: ReadonlySet<string>;
  /** The last month with Utfall rows ("2027-06") per year, worked out once per read (not on every render). */
  lastActual: Record<number, string>;
}

/**
 * One read phase of inputs and owned tabs (progress to one half), then recognition and the stale
 * check in the core worker (run-core-task.ts, followUpTask).
 */
export async function readSnapshot(port: WorkbookPort, options: ReadOptions = {}): Promise<FollowUpSnapshot> {
  let planned: FollowUpReadPlan | null = null;
  const raw = await port.read(
    (index) => {
      planned = planFollowUpRead(index);
      return planned.plan;
    },
    { ...options, onProgress: progressSpan(options.onProgress, 0, 0.5) },
  );
  return runCoreTask('followUp', { raw, planned: planned! }, { ...options, onProgress: progressSpan(options.onProgress, 0.5, 1) });
}

export interface InputStatus {
  id: InputId;
  /** The input's name ("Utfall"). */
  name: string;
  /** The sheet it was found on, or null when missing. */
  sheet: string | null;
  /** For Utfall: the last month of the year with rows ("2027-06"), and the report's last month. */
  actualsThrough?: { last: string | null; periodEnd: string };
}

/** The inputs the chosen report's tabs read, in section order, found or not. */
export function inputStatuses(snapshot: Pick<FollowUpSnapshot, 'model' | 'lastActual'>, report: FollowUpReport, boards: readonly string[], year: number): InputStatus[] {
  const { model } = snapshot;
  // Driftbudget (required) and Utfall first: every tab's Ekonomisk uppföljning reads them.
  const ids: InputId[] = ['driftbudget', 'utfall'];
  const chosen = boards.length > 0 ? boards : ['-'];
  for (const board of chosen) {
    for (const section of sectionsFor(report, board)) for (const id of SECTION_SOURCES[section] ?? []) if (!ids.includes(id)) ids.push(id);
  }
  return ids.map((id) => {
    const layout = model.layouts[id];
    const status: InputStatus = { id, name: inputDef(id).name, sheet: layout ? layout.sheet : null };
    if (id === 'utfall') {
      status.actualsThrough = { last: snapshot.lastActual[year] ?? null, periodEnd: periodMonth(report, year) };
    }
    return status;
  });
}

function sameBoard(a: string, b: string): boolean {
  return normalizeKey(a) === normalizeKey(b);
}

/** The owned follow-up tab of this report, year and nämnd, if the workbook has one. */
export function existingTab(tabs: readonly FilledTab[], report: FollowUpReport, year: number, board: string): FilledTab | null {
  return tabs.find((t) => t.kind === 'uppfoljning' && t.report === report && t.year === year && sameBoard(t.board, board)) ?? null;
}

export interface GenerateOutcome {
  written: string[];
  /** Nämnder that already had a tab of this report and year (refresh those instead). */
  existing: { board: string; sheet: string }[];
  cancelled: boolean;
}

/** One new tab per chosen nämnd (free names; never replaces anything), with progress and cancel. */
export async function generateTabs(
  port: WorkbookPort,
  snapshot: FollowUpSnapshot,
  request: { report: FollowUpReport; year: number; boards: readonly string[]; now: Date },
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<GenerateOutcome> {
  const outcome: GenerateOutcome = { written: [], existing: [], cancelled: false };
  const total = request.boards.length;
  for (const [i, board] of request.boards.entries()) {
    if (options.signal?.aborted) {
      outcome.cancelled = true;
      break;
    }
    const already = existingTab(snapshot.tabs, request.report, request.year, board);
    if (already) {
      outcome.existing.push({ board, sheet: already.sheet });
    } else {
      const spec = buildFollowUpTab({ model: snapshot.model, report: request.report, board, year: request.year, generatedAt: request.now });
      const write: WriteOptions = options.signal ? { signal: options.signal } : {};
      const result = await port.writeSheet(spec, write);
      outcome.written.push(result.name);
    }
    options.onProgress?.(i + 1, total);
  }
  return outcome;
}

/** Refreshes one tab in place (its name and place kept, everything typed put back by row key). */
export async function refreshTab(port: WorkbookPort, snapshot: FollowUpSnapshot, sheet: string, now: Date): Promise<string> {
  const tab = snapshot.tabs.find((t) => t.sheet === sheet && t.kind === 'uppfoljning');
  if (!tab) throw new RangeError(`no follow-up tab ${sheet}`);
  const spec = refreshFollowUpTab(snapshot.model, tab, now);
  return (await port.writeSheet(spec, { replace: tab.sheet })).name;
}

/** The UPF-* findings of one tab with the English how-to-fix texts, or null when the tab is gone. */
export function checkTab(snapshot: FollowUpSnapshot, sheet: string): { findings: Finding[]; fixEn: Record<string, string> } | null {
  const tab = snapshot.tabs.find((t) => t.sheet === sheet && t.kind === 'uppfoljning');
  if (!tab) return null;
  const fixEn: Record<string, string> = {};
  for (const [id, entry] of Object.entries(RULE_CATALOGUE) as [string, { fix?: { sv: string; en: string } }][]) {
    if (id.startsWith('UPF-') && entry.fix) fixEn[entry.fix.sv] = entry.fix.en;
  }
  return { findings: checkFollowUpTab(tab, snapshot.model), fixEn };
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
  snapshot: FollowUpSnapshot,
  report: FollowUpReport,
  year: number,
  now: Date,
): Promise<ConsolidateOutcome> {
  const compiled = snapshot.tabs.filter((t) => t.kind === 'uppfoljning' && t.report === report && t.year === year && !isKommunBoard(t.board)).length;
  if (compiled === 0) return { sheet: null, replaced: false, compiled };
  const earlier = snapshot.tabs.find((t) => t.kind === 'sammanstallning' && t.report === report && t.year === year) ?? null;
  const spec = buildConsolidation(snapshot.tabs, snapshot.model, year, report, {
    generatedAt: now,
    ...(earlier ? { previous: typedInputs(earlier) } : {}),
  });
  const result = await port.writeSheet(spec, earlier ? { replace: earlier.sheet } : {});
  return { sheet: result.name, replaced: earlier !== null, compiled };
}
