/**
 * Findings are values, not exceptions: everything Budgetkoll has to say about a workbook.
 * Rule ids are a public interface (task pane, Kontrollrapport, CLI JSON, docs).
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable rule id from the catalogue, e.g. "RAM-OVER". */
  rule: string;
  severity: Severity;
  /** Worksheet name. */
  sheet: string;
  /** A1 address of the one cell to look at first. */
  cell: string;
  /** A1 range of the related block, when there is one. */
  range?: string;
  /** Swedish message. */
  message: string;
  /** English message. */
  message_en: string;
  /** How to fix it, in Swedish, when the message alone does not say. */
  fix?: string;
  /** How to fix it, in English: set with `fix` (the catalogue holds both). */
  fix_en?: string;
  /** Nämnd the finding concerns, when it concerns one. */
  board?: string;
  /** An unambiguous fix the user may apply with a click: the new value of `cell`. */
  quickFix?: QuickFix;
  /**
   * What a submission lacks, when the finding means a needed input is missing or empty
   * (completeness rules): a short phrase for "cannot be submitted: … is missing".
   */
  missing?: { sv: string; en: string };
}

export interface QuickFix {
  /** The value to write into the finding's cell (for a table resize: the table's new range). */
  value: number | string;
  /** What the fix does, for the button (Swedish / English). */
  label: string;
  label_en: string;
  /** Instead of writing a cell: extend an Excel table to a new range (STRUCT-OUTSIDE-TABLE). */
  resizeTable?: TableResize;
}

/** An Excel table and the range it should cover, header row included (A1, no sheet name). */
export interface TableResize {
  sheet: string;
  table: string;
  address: string;
}

export interface FindingSummary {
  error: number;
  warning: number;
  info: number;
}

export function summarize(findings: readonly Finding[]): FindingSummary {
  const summary: FindingSummary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return summary;
}

/**
 * What a submission still lacks, from the findings of a check: one phrase per missing or empty
 * input (the completeness rules set `missing`), in order, without repeats. Empty = nothing missing.
 */
export function submissionGaps(findings: readonly Finding[]): { sv: string; en: string }[] {
  const seen = new Set<string>();
  const gaps: { sv: string; en: string }[] = [];
  for (const f of findings) {
    if (!f.missing || seen.has(f.missing.sv)) continue;
    seen.add(f.missing.sv);
    gaps.push(f.missing);
  }
  return gaps;
}

/** "A, B och C" / "A, B and C". */
export function listPhrase(items: readonly string[], lang: 'sv' | 'en'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')}${lang === 'sv' ? ' och ' : ' and '}${items[items.length - 1]}`;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Deterministic order: severity, sheet, row, column, rule. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.sheet.localeCompare(b.sheet, 'sv') ||
      compareCells(a.cell, b.cell) ||
      a.rule.localeCompare(b.rule),
  );
}

function compareCells(a: string, b: string): number {
  const ra = /^([A-Z]+)(\d+)$/.exec(a);
  const rb = /^([A-Z]+)(\d+)$/.exec(b);
  if (!ra || !rb) return a.localeCompare(b);
  return Number(ra[2]) - Number(rb[2]) || ra[1].length - rb[1].length || ra[1].localeCompare(rb[1]);
}
