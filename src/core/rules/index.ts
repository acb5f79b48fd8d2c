/**
 * The validation rule set: each rule's check in one list. Messages and severities live in the
 * rule catalogue (messages/rule-catalogue.ts); thresholds in config.ts. Validation is a pure
 * function of the recognised model.
 */
import { sortFindings, type Finding } from '../findings';
import type { BudgetModel } from '../recognition/model';
import { checkOtherChanges, checkVolumes } from './checks/allocation-inputs';
import { checkBalance, checkFrames } from './checks/frames';
import { checkAssignments, checkInternalControl, checkPoliticalDirections } from './checks/governance';
import { checkAccounts, checkBoardsWithoutBudget, checkDuplicates, checkUnknownBoards } from './checks/keys';
import { checkBoardsWithoutFrame, checkEmptyInputs } from './checks/completeness';
import { checkTotals } from './checks/totals';
import { ruleConfigFor, type RuleConfig } from './config';

export interface RuleCheck {
  /** Rule ids this check can produce. */
  rules: string[];
  check: (model: BudgetModel, config: RuleConfig) => Finding[];
}

export const VALIDATION_CHECKS: readonly RuleCheck[] = [
  { rules: ['KEY-DUPLICATE'], check: checkDuplicates },
  { rules: ['KEY-UNKNOWN-NAMND'], check: checkUnknownBoards },
  { rules: ['STRUCT-EMPTY-INPUT', 'STRUCT-EMPTY-YEAR'], check: checkEmptyInputs },
  { rules: ['KEY-NAMND-NO-BUDGET'], check: checkBoardsWithoutBudget },
  { rules: ['KEY-NAMND-NO-FRAME'], check: checkBoardsWithoutFrame },
  { rules: ['KEY-KONTO'], check: checkAccounts },
  { rules: ['RAM-OVER', 'RAM-UNDER', 'RAM-NEGATIVE', 'RAM-JUMP'], check: checkFrames },
  { rules: ['RAM-BALANSKRAV', 'RAM-FINANSIELLT-MAL'], check: checkBalance },
  { rules: ['SUM-MISMATCH', 'SUM-RANGE'], check: checkTotals },
  { rules: ['VOL-MISSING', 'VOL-NEGATIVE', 'VOL-JUMP', 'VOL-FORECAST-MISS'], check: checkVolumes },
  { rules: ['OVR-POLITICAL', 'OVR-NO-DESCRIPTION'], check: checkOtherChanges },
  { rules: ['IK-MISSING', 'IK-SCALE', 'IK-RISKVARDE', 'IK-NO-CONTROL'], check: checkInternalControl },
  { rules: ['POL-TOO-MANY', 'POL-TOO-LONG'], check: checkPoliticalDirections },
  { rules: ['UPP-INCOMPLETE', 'UPP-STATUS'], check: checkAssignments },
];

/** Recognition findings plus every rule's findings, in a deterministic order. */
export function validateModel(model: BudgetModel, overrides: Partial<RuleConfig> = {}): Finding[] {
  const config = ruleConfigFor(model, overrides);
  const findings = [...model.findings];
  for (const { check } of VALIDATION_CHECKS) findings.push(...check(model, config));
  return sortFindings(findings);
}

export { frameSummary, type BoardFrameSummary } from './checks/frames';
export { listPhrase, submissionGaps } from '../findings';
export { DEFAULT_RULE_CONFIG, type RuleConfig } from './config';
