/**
 * The check job (Kontrollera budget in the task pane, `budgetkoll validate`): read the validation
 * inputs and, when the index shows any, the owned follow-up tabs — in one read phase, so a
 * workbook without follow-up tabs costs what it did before — then every validation rule and the
 * UPF rules of each owned follow-up tab (not the compilations: KS's summary of other tabs).
 */
import { sortFindings, type Finding } from '../core/findings';
import { checkFollowUpTab, planOwnedTabs, readOwnedTabs, type FilledTab, type OwnedTabRead } from '../core/followup';
import { RULE_CATALOGUE } from '../core/messages/rule-catalogue';
import { locateJobInputs } from '../core/recognition';
import type { Mapping } from '../core/inputs/mapping';
import type { LocatedInputs } from '../core/recognition/locate';
import type { BudgetModel } from '../core/recognition/model';
import { frameSummary, validateModel, type BoardFrameSummary, type RuleConfig } from '../core/rules';
import type { PlannedRead, WorkbookReader } from '../core/workbook/port';
import type { RawWorkbook, WorkbookIndex } from '../core/workbook/raw';
import { recognizeInputs, type JobOptions } from './read-inputs';

/** What the check's plan located: the inputs, and the owned follow-up tabs it reads. */
export interface CheckLocated {
  inputs: LocatedInputs;
  tabs: OwnedTabRead[];
}

/** The check's read plan: the validation inputs (through a mapping file when given) plus every owned follow-up tab (pure; from the index). */
export function checkPlan(mapping?: Mapping): (index: WorkbookIndex) => PlannedRead<CheckLocated> {
  return (index) => {
    const inputs = locateJobInputs(index, 'validation', mapping);
    const owned = planOwnedTabs(index);
    return { ...inputs.plan, ranges: [...inputs.plan.ranges, ...owned.ranges], located: { inputs, tabs: owned.tabs } };
  };
}

export interface CheckOutcome {
  /** The recognised inputs: what the check used. */
  model: BudgetModel;
  /** The owned follow-up tabs checked with the UPF rules. */
  tabs: FilledTab[];
  /** Every finding, sorted. */
  findings: Finding[];
}

/** Every rule on what checkPlan read (pure). */
export function checkWorkbook(raw: RawWorkbook, located: CheckLocated, overrides: Partial<RuleConfig> = {}): CheckOutcome {
  const model = recognizeInputs(raw, located.inputs, 'validation', overrides);
  const tabs = readOwnedTabs(raw, located.tabs).filter((t) => t.kind === 'uppfoljning');
  let findings = validateModel(model, overrides);
  if (tabs.length > 0) findings = sortFindings([...findings, ...tabs.flatMap((t) => checkFollowUpTab(t, model))]);
  return { model, tabs, findings };
}

/** Reads through the reader (one read phase) and checks. */
export async function runCheck(reader: WorkbookReader, options: JobOptions = {}): Promise<CheckOutcome> {
  const { located, ...raw } = await reader.read(checkPlan(options.mapping), options.read);
  return checkWorkbook(raw, located, options.overrides);
}

/** A rule's one-line title, for the "fix all" list. */
export interface RuleText {
  title: { sv: string; en: string };
}

/** What the task pane shows of a check. */
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
}

type CatalogueEntry = (typeof RULE_CATALOGUE)[keyof typeof RULE_CATALOGUE] & { publicId?: string };

/** A check's outcome as the pane shows it: the findings, the frames per nämnd and the texts the findings need. */
export function checkResult({ model, findings }: CheckOutcome): CheckResult {
  const rules: Record<string, RuleText> = {};
  const present = new Set(findings.map((f) => f.rule));
  for (const [id, entry] of Object.entries(RULE_CATALOGUE) as [string, CatalogueEntry][]) {
    const publicId = entry.publicId ?? id;
    if (!present.has(publicId)) continue;
    // The public entry's title wins over a variant's (KEY-KONTO's class-8 warning).
    if (!rules[publicId] || !entry.publicId) rules[publicId] = { title: entry.title };
  }
  return {
    findings,
    frames: frameSummary(model),
    years: model.years,
    kommun: model.parameters.kommun,
    toleranceKr: model.parameters.toleranceKr,
    rules,
  };
}
