/**
 * Thresholds of the rules marked (config) in the catalogue: defaults here, overridable per kommun
 * by a settings file (CLI --config) or a task-pane setting, and the tolerance by Parametrar.
 */
import type { BudgetModel } from '../recognition/model';

export interface RuleConfig {
  /** Tolerance for amount comparisons, kronor. */
  toleranceKr: number;
  /** RAM-JUMP: frame change between consecutive years, fraction. */
  frameJump: number;
  /** VOL-JUMP: forecast change year on year, fraction. */
  volumeJump: number;
  /** VOL-FORECAST-MISS: |Utfall Y0 − Prognos Y0| / Prognos Y0, fraction. */
  forecastMiss: number;
  /** IK-SCALE: the scale of Sannolikhet and Konsekvens. */
  riskScale: { min: number; max: number };
  /** IK-NO-CONTROL: risk value from which a control activity is required. */
  riskNeedsControl: number;
  /** POL-TOO-MANY and POL-TOO-LONG. */
  maxDirections: number;
  maxDirectionLength: number;
  /** Types in Övriga förändringar that mark a political priority (OVR-POLITICAL), folded. */
  politicalTypes: string[];
}

export const DEFAULT_RULE_CONFIG: RuleConfig = {
  toleranceKr: 500,
  frameJump: 0.1,
  volumeJump: 0.15,
  forecastMiss: 0.05,
  riskScale: { min: 1, max: 4 },
  riskNeedsControl: 9,
  maxDirections: 5,
  maxDirectionLength: 300,
  politicalTypes: ['politisk satsning', 'politisk prioritering', 'politisk inriktning'],
};

/** The configuration in force: defaults, then overrides (settings file), then Parametrar's Tolerans. */
export function ruleConfigFor(model: BudgetModel, overrides: Partial<RuleConfig> = {}): RuleConfig {
  const toleranceKr = model.parameters.toleranceFromWorkbook
    ? model.parameters.toleranceKr
    : (overrides.toleranceKr ?? model.parameters.toleranceKr ?? DEFAULT_RULE_CONFIG.toleranceKr);
  return { ...DEFAULT_RULE_CONFIG, ...overrides, toleranceKr };
}
