/**
 * The KS compilation (sammanställning): in a workbook, from its own follow-up tabs (Uppföljning's
 * "Sammanställ", through follow-up.ts), or over the nämnder's workbooks (`budgetkoll
 * consolidate`): read only each workbook's owned follow-up tabs, pick the year, compile, and
 * check each nämnd's tabs as for submission.
 */
import { sortFindings, summarize, type Finding, type FindingSummary } from '../core/findings';
import {
  buildConsolidation,
  compiledTab,
  isFollowUpTab,
  isKommunBoard,
  planOwnedTabs,
  readOwnedTabs,
  typedInputs,
  type CompiledTab,
  type FilledTab,
  type FollowUpReport,
} from '../core/followup';
import type { BudgetModel } from '../core/recognition/model';
import { normalizeKey } from '../core/text/normalize';
import type { ReadOptions, WorkbookReader } from '../core/workbook/port';
import type { SheetSpec } from '../core/workbook/sheet-spec';

/**
 * The compilation of this report and year over `tabs` (a workbook's own, or several workbooks'),
 * keeping what was typed on an earlier compilation of the same report and year among them.
 */
export function consolidationSpec(tabs: readonly FilledTab[], model: BudgetModel | null, report: FollowUpReport, year: number, now: Date): SheetSpec {
  const earlier = tabs.find((t) => t.kind === 'sammanstallning' && t.report === report && t.year === year);
  return buildConsolidation(tabs, model, year, report, { generatedAt: now, ...(earlier ? { previous: typedInputs(earlier) } : {}) });
}

/**
 * The owned follow-up tabs (and compilations) of one workbook, nothing else — only they are indexed,
 * a nämnd's whole workbook is not scanned — each marked with the workbook it came from (values are
 * then copied, not linked) and cut down to what the compilation reads (compiledTab), so 30 large
 * nämnd files are never all in memory at once.
 */
export async function readCompiledTabs(reader: WorkbookReader, workbook: string, options?: ReadOptions): Promise<CompiledTab[]> {
  const raw = await reader.read(
    (index) => {
      const owned = planOwnedTabs(index);
      return { ranges: owned.ranges, located: owned.tabs };
    },
    { ...options, sheets: isFollowUpTab },
  );
  return readOwnedTabs(raw, raw.located).map((tab) => compiledTab({ ...tab, workbook }));
}

/** The nämnd tabs of this report (with a year), over all workbooks. */
function tabsOfReport(tabs: readonly FilledTab[], report: FollowUpReport): FilledTab[] {
  return tabs.filter((t) => t.kind === 'uppfoljning' && t.report === report && t.year !== null);
}

/** The year to compile: the one given, else the one year the report's tabs have; null with the years found when that is not one. */
export function consolidationYear(tabs: readonly FilledTab[], report: FollowUpReport, given: number | null): { year: number } | { year: null; years: number[] } {
  if (given !== null) return { year: given };
  const years = [...new Set(tabsOfReport(tabs, report).map((t) => t.year!))].sort();
  return years.length === 1 ? { year: years[0] } : { year: null, years };
}

export interface ConsolidatedFile {
  file: string;
  /** The tabs of this report and year that were compiled. */
  tabs: CompiledTab[];
  /** The UPF findings of its nämnd tabs (a kommun tab only lends its balanskrav). */
  findings: Finding[];
  summary: FindingSummary;
}

export interface Consolidation {
  spec: SheetSpec;
  files: ConsolidatedFile[];
  /** Distinct nämnder compiled (the kommun's tab not counted). */
  boardCount: number;
}

/** The tabs of this report and year, per workbook; null when no workbook has one. */
export function tabsToCompile(read: readonly { file: string; tabs: CompiledTab[] }[], report: FollowUpReport, year: number): { file: string; tabs: CompiledTab[] }[] | null {
  const compiled = read.map((r) => ({ file: r.file, tabs: r.tabs.filter((t) => t.kind === 'uppfoljning' && t.report === report && t.year === year) }));
  return compiled.every((r) => r.tabs.length === 0) ? null : compiled;
}

/** The compilation over several workbooks' tabs (read with readCompiledTabs), and each workbook's findings. */
export function consolidateWorkbooks(read: readonly { file: string; tabs: CompiledTab[] }[], report: FollowUpReport, year: number, now: Date): Consolidation | null {
  const compiled = tabsToCompile(read, report, year);
  if (!compiled) return null;
  const spec = buildConsolidation(read.flatMap((r) => r.tabs), null, year, report, { generatedAt: now });
  const files = compiled.map((r) => {
    const findings = sortFindings(r.tabs.filter((t) => !isKommunBoard(t.board)).flatMap((t) => t.checked));
    return { ...r, findings, summary: summarize(findings) };
  });
  const boardCount = new Set(compiled.flatMap((r) => r.tabs.filter((t) => !isKommunBoard(t.board)).map((t) => normalizeKey(t.board)))).size;
  return { spec, files, boardCount };
}
