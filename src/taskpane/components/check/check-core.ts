/**
 * The core side of "Kontrollera budget", loaded on first use: recognition, the rule set, the rule
 * catalogue and the Kontrollrapport builder are not needed to show the task pane, so they stay out
 * of its initial JavaScript (quality.md: ≤ 200 KB gzip).
 */
import type { Finding } from '../../../core/findings';
import { RULE_CATALOGUE } from '../../../core/messages/rule-catalogue';
import { readBudgetModel } from '../../../core/recognition';
import { buildControlReport, CONTROL_REPORT_NAME, type ControlReportInput } from '../../../core/reports/control-report';
import { frameSummary, validateModel, type BoardFrameSummary } from '../../../core/rules';
import type { SheetSpec } from '../../../core/workbook/sheet-spec';
import type { ReadOptions, WorkbookPort } from '../../../io/port';

/** A rule's one-line title, for the "fix all" list. */
export interface RuleText {
  title: { sv: string; en: string };
}

export interface CheckResult {
  findings: Finding[];
  frames: BoardFrameSummary[];
  /** Y1..Y3, or null when no year could be established. */
  years: readonly number[] | null;
  kommun: string | null;
  /** Kronor: differences within it count as "on the frame". */
  toleranceKr: number;
  /** Titles of the rules that occur, by public rule id. */
  rules: Record<string, RuleText>;
  /** English how-to-fix texts, keyed by the Swedish one (the same text may serve several rules). */
  fixEn: Record<string, string>;
}

type CatalogueEntry = (typeof RULE_CATALOGUE)[keyof typeof RULE_CATALOGUE] & { publicId?: string };

/** Reads the validation inputs through the port, runs every rule and summarises the frames. */
export async function runBudgetCheck(port: WorkbookPort, options: ReadOptions): Promise<CheckResult> {
  const model = await readBudgetModel(port, 'validation', options);
  const findings = validateModel(model);
  const rules: Record<string, RuleText> = {};
  const fixEn: Record<string, string> = {};
  const present = new Set(findings.map((f) => f.rule));
  for (const [id, raw] of Object.entries(RULE_CATALOGUE)) {
    const entry = raw as CatalogueEntry;
    const publicId = entry.publicId ?? id;
    if (!present.has(publicId)) continue;
    // The public entry's title wins over a variant's (KEY-KONTO's class-8 warning).
    if (!rules[publicId] || !entry.publicId) rules[publicId] = { title: entry.title };
    fixEn[entry.fix.sv] = entry.fix.en;
  }
  return {
    findings,
    frames: frameSummary(model),
    years: model.years,
    kommun: model.parameters.kommun,
    toleranceKr: model.parameters.toleranceKr,
    rules,
    fixEn,
  };
}

export { CONTROL_REPORT_NAME };

/** The Kontrollrapport tab for a check's result. */
export function controlReportSpec(input: ControlReportInput): SheetSpec {
  return buildControlReport(input);
}
