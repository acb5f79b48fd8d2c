/**
 * The rule catalogue: every rule id with its severity and its messages (Swedish first, English),
 * in one place. Recognition and the rules create findings only through `makeFinding`, so a rule's
 * wording and severity are defined once. Adding a rule = adding an entry here (and its check).
 */
import type { Finding } from '../findings';
import { BUDGET_RULES } from './catalogue/budget';
import { FOLLOW_UP_RULES } from './catalogue/follow-up';
import { KEY_RULES } from './catalogue/keys';
import type { MessageParams, RuleEntry } from './catalogue/rule-entry';
import { STRUCTURE_RULES } from './catalogue/structure';

export type { MessageParams, RuleEntry } from './catalogue/rule-entry';

/** Every rule, by family (catalogue/*.ts), in the order the documentation lists them. */
export const RULE_CATALOGUE = {
  ...STRUCTURE_RULES,
  ...KEY_RULES,
  ...BUDGET_RULES,
  ...FOLLOW_UP_RULES,
} satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof RULE_CATALOGUE;

/** Where a finding points. */
export interface FindingPlace {
  sheet: string;
  cell: string;
  range?: string;
  board?: string;
}

/** The one way to create a finding: severity and texts come from the catalogue. */
export function makeFinding(rule: RuleId, place: FindingPlace, params: MessageParams = {}): Finding {
  const def: RuleEntry = RULE_CATALOGUE[rule];
  const finding: Finding = {
    rule: def.publicId ?? rule,
    severity: def.severity,
    sheet: place.sheet,
    cell: place.cell,
    message: def.message.sv(params),
    message_en: def.message.en(params),
    fix: def.fix.sv,
    fix_en: def.fix.en,
  };
  if (place.range) finding.range = place.range;
  if (place.board) finding.board = place.board;
  if (def.missing) finding.missing = { sv: def.missing.sv(params), en: def.missing.en(params) };
  return finding;
}
