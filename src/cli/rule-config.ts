/**
 * `--config settings.json`: a kommun's own thresholds for the rules marked (config) in the rule
 * catalogue, as a JSON object with RuleConfig's keys. Every key and value is checked; a mistake is
 * one Swedish line (exit 2), never a silently ignored setting.
 */
import type { RuleConfig } from '../core/rules';
import { editDistance, foldText } from '../core/text/normalize';
import { CliError, type CliIo } from './io';
import { readJsonFile } from './json-file';

type Check = (value: unknown) => string | null;

const fraction: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? null : 'ska vara en andel mellan 0 och 1 (0.1 = 10 %)';
const nonNegative: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : 'ska vara ett tal som är 0 eller större');
const positive: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? null : 'ska vara ett tal större än 0');
const count = (min: number): Check => (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min ? null : `ska vara ett heltal från ${min} och uppåt`;

/** Each setting with its check and a short Swedish description for --help. */
export const CONFIG_KEYS: Record<keyof RuleConfig, { check: Check; help: string }> = {
  toleranceKr: { check: nonNegative, help: 'tolerans för beloppsjämförelser i kronor (standard 500); Parametrar: Tolerans går före' },
  frameJump: { check: fraction, help: 'RAM-JUMP: ramförändring mellan år, andel (standard 0.1)' },
  volumeJump: { check: fraction, help: 'VOL-JUMP: prognosförändring mellan år, andel (standard 0.15)' },
  forecastMiss: { check: fraction, help: 'VOL-FORECAST-MISS: avvikelse utfall mot prognos, andel (standard 0.05)' },
  riskScale: {
    check: (v) => {
      const scale = v as { min?: unknown; max?: unknown } | null;
      if (typeof v !== 'object' || scale === null || Array.isArray(v)) return 'ska vara ett objekt som {"min": 1, "max": 4}';
      const extra = Object.keys(scale).filter((k) => k !== 'min' && k !== 'max');
      if (extra.length > 0) return `har okänd nyckel "${extra[0]}"; bara "min" och "max" är tillåtna`;
      const { min, max } = scale;
      if (typeof min !== 'number' || typeof max !== 'number' || !Number.isInteger(min) || !Number.isInteger(max) || min < 0 || min >= max) {
        return 'ska ha heltal "min" och "max" där min är mindre än max, t.ex. {"min": 1, "max": 4}';
      }
      return null;
    },
    help: 'IK-SCALE: skalan för Sannolikhet och Konsekvens (standard {"min": 1, "max": 4})',
  },
  riskNeedsControl: { check: positive, help: 'IK-NO-CONTROL: riskvärde från vilket en kontrollaktivitet krävs (standard 9)' },
  maxDirections: { check: count(0), help: 'POL-TOO-MANY: högsta antal politiska inriktningar per nämnd (standard 5)' },
  maxDirectionLength: { check: count(1), help: 'POL-TOO-LONG: högsta antal tecken i en inriktning (standard 300)' },
  politicalTypes: {
    check: (v) =>
      Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === 'string' && t.trim() !== '')
        ? null
        : 'ska vara en lista med texter, t.ex. ["Politisk satsning"]',
    help: 'OVR-POLITICAL: typer i Övriga förändringar som räknas som politiska prioriteringar',
  },
};

const KEYS = Object.keys(CONFIG_KEYS) as (keyof RuleConfig)[];

function closestKey(key: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of KEYS) {
    const d = editDistance(foldText(key), foldText(k));
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= 3 ? best : null;
}

/** Checks a parsed settings object; returns the overrides or throws a CliError naming the file. */
export function parseRuleConfig(path: string, value: unknown): Partial<RuleConfig> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(`inställningsfilen ${path} ska innehålla ett JSON-objekt, t.ex. {"frameJump": 0.15}.`);
  }
  const overrides: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(value)) {
    const known = (CONFIG_KEYS as Record<string, { check: Check } | undefined>)[key];
    if (!known) {
      const suggestion = closestKey(key);
      throw new CliError(
        `okänd inställning "${key}" i ${path}.` + (suggestion ? ` Menade du "${suggestion}"?` : '') + ` Tillåtna: ${KEYS.join(', ')}.`,
      );
    }
    const problem = known.check(setting);
    if (problem) throw new CliError(`inställningen "${key}" i ${path} ${problem}.`);
    overrides[key] = setting;
  }
  return overrides as Partial<RuleConfig>;
}

/** Reads and checks --config; undefined when no file was given. */
export async function loadRuleConfig(io: CliIo, path: string | undefined): Promise<Partial<RuleConfig>> {
  if (path === undefined) return {};
  const parsed = await readJsonFile(io, path, 'inställningsfilen', 'Skriv den som t.ex. {"frameJump": 0.15, "maxDirections": 6}.');
  return parseRuleConfig(path, parsed);
}

/** The tolerance of a --config file, where the workbook sets none (the jobs' rule, src/jobs/read-inputs.ts). */
export { applyToleranceSetting } from '../jobs/read-inputs';

/** The keys and their defaults, for --help: one line each, the texts in a column. */
export function configHelp(): string[] {
  const width = Math.max(...KEYS.map((k) => k.length)) + 2;
  return KEYS.map((k) => `${k.padEnd(width)}${CONFIG_KEYS[k].help}`);
}
