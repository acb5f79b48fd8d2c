/** Findings as the CLI prints them: JSON objects for machines, Swedish text grouped by sheet for people. */
import type { Finding, FindingSummary, Severity } from '../core/findings';
import { listPhrase, submissionGaps } from '../core/rules';

/** A finding in the CLI's JSON: the public fields (docs/regler.md), without the task pane's quick fix and verdict phrase. */
export type FindingJson = Omit<Finding, 'quickFix' | 'missing'>;

export function findingJson(f: Finding): FindingJson {
  const out: FindingJson = { rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message, message_en: f.message_en };
  if (f.range) out.range = f.range;
  if (f.fix) out.fix = f.fix;
  if (f.fix_en) out.fix_en = f.fix_en;
  if (f.board) out.board = f.board;
  return out;
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'fel', warning: 'varning', info: 'info' };

/** "2 fel, 1 varning, 0 info" */
export function summaryPhrase(s: FindingSummary): string {
  return `${s.error} fel, ${s.warning} ${s.warning === 1 ? 'varning' : 'varningar'}, ${s.info} info`;
}

/**
 * The summary line that closes a file's report. With the findings, it says what a submission
 * still lacks (an empty template is never "ready").
 */
export function summaryLine(s: FindingSummary, findings: readonly Finding[] = []): string {
  const gaps = submissionGaps(findings);
  if (gaps.length > 0) {
    return `Sammanfattning: ${summaryPhrase(s)}. Kan inte lämnas in – det saknas: ${listPhrase(gaps.map((g) => g.sv), 'sv')}.`;
  }
  if (s.error > 0) return `Sammanfattning: ${summaryPhrase(s)}. Felen måste rättas innan budgeten lämnas in.`;
  if (s.warning > 0) return `Sammanfattning: ${summaryPhrase(s)}. Inga fel; se över varningarna.`;
  return `Sammanfattning: ${summaryPhrase(s)}. Inga fel.`;
}

/**
 * Findings grouped by sheet (sheets in the order their first finding appears, i.e. sheets with
 * errors first), each finding on one line with severity, rule id, cell and message, and the fix
 * on the line below. Lines are indented by `indent`.
 */
export function findingsText(findings: readonly Finding[], indent = '  '): string[] {
  const lines: string[] = [];
  if (findings.length === 0) return [`${indent}Inga anmärkningar.`];
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = bySheet.get(f.sheet) ?? [];
    list.push(f);
    bySheet.set(f.sheet, list);
  }
  const ruleWidth = Math.max(...findings.map((f) => f.rule.length));
  const cellWidth = Math.max(4, ...findings.map((f) => f.cell.length));
  const severityWidth = 7;
  for (const [sheet, list] of bySheet) {
    lines.push(`${indent}Flik ${sheet}`);
    for (const f of list) {
      const head = `${indent}  ${SEVERITY_LABEL[f.severity].padEnd(severityWidth)}  ${f.rule.padEnd(ruleWidth)}  ${f.cell.padEnd(cellWidth)}  `;
      lines.push(`${head}${f.message}`);
      if (f.fix) lines.push(`${' '.repeat(head.length)}Åtgärd: ${f.fix}`);
    }
  }
  return lines;
}
