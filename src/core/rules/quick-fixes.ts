/**
 * Quick fixes: only where the fix is unambiguous (CELL-TEXT-NUMBER → the parsed number,
 * KEY-UNKNOWN-NAMND with a close match → the suggested name, KEY-SPELLING-VARIANT → the canonical
 * name, UTF-PERIOD-FORM → the period as text "YYYY-MM"). Applied only on a click, one
 * finding or a listed batch of one kind; the result lists every cell changed.
 */
import type { Finding, TableResize } from '../findings';

export interface CellEdit {
  sheet: string;
  cell: string;
  value: number | string;
}

/** The edits for one finding's quick fix, or [] when it has none. */
export function editsFor(finding: Finding): CellEdit[] {
  if (!finding.quickFix || finding.quickFix.resizeTable) return [];
  return [{ sheet: finding.sheet, cell: finding.cell, value: finding.quickFix.value }];
}

/** The table resize of a finding's quick fix (STRUCT-OUTSIDE-TABLE: "Utöka tabellen"), or null. */
export function resizeFor(finding: Finding): TableResize | null {
  return finding.quickFix?.resizeTable ?? null;
}

/** "Fix all of this kind": every finding of the rule that has a quick fix, one edit per cell. */
export function editsForRule(findings: readonly Finding[], rule: string): CellEdit[] {
  const seen = new Set<string>();
  const edits: CellEdit[] = [];
  for (const f of findings) {
    if (f.rule !== rule || !f.quickFix) continue;
    const key = `${f.sheet}!${f.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edits.push(...editsFor(f));
  }
  return edits;
}

/** Rules whose findings may carry a quick fix. */
export const QUICK_FIX_RULES = ['CELL-TEXT-NUMBER', 'KEY-UNKNOWN-NAMND', 'KEY-SPELLING-VARIANT', 'UTF-PERIOD-FORM'] as const;
