/**
 * Header matching: the one place that decides which column a header text means.
 * Case-insensitive after trimming and collapsing spaces, å/ä/ö folded, "(tkr)"-style unit hints
 * split off, and a single four-digit year recognised as a year column.
 */
import type { Unit } from '../money';
import { foldText } from '../text/normalize';
import type { ColumnDef, InputDef, YearColumnGroup } from '../inputs/catalogue';

export type UnitHint = Unit | 'percent' | null;

export interface ParsedHeader {
  /** The header as written, for messages. */
  original: string;
  /** Folded text without unit hint (and without the year for year columns). */
  words: string;
  unit: UnitHint;
  /** The one four-digit year in the header, or null. */
  year: number | null;
}

const YEAR_PATTERN = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

function unitFromHint(hint: string): UnitHint {
  const h = foldText(hint).replace(/\s+/g, '');
  if (h === 'tkr' || h === 'tsek' || h === 'tusentalkronor') return 'tkr';
  if (h === 'kr' || h === 'sek' || h === 'kronor' || h.startsWith('kr/')) return 'kr';
  if (h === 'mnkr' || h === 'mkr' || h === 'msek') return 'mnkr';
  if (h === '%' || h === 'procent') return 'percent';
  return null;
}

/** Parses one header cell; null for empty or non-text headers that cannot be a column name. */
export function parseHeader(value: unknown): ParsedHeader | null {
  if (value === null || value === undefined) return null;
  const original = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  if (original === null) return null;
  let text = original;
  let unit: UnitHint = null;
  text = text.replace(/\(([^)]*)\)/g, (_, hint: string) => {
    unit = unit ?? unitFromHint(hint);
    return ' ';
  });
  const years = text.match(YEAR_PATTERN);
  const year = years && years.length === 1 ? Number(years[0]) : null;
  if (year !== null) text = text.replace(YEAR_PATTERN, ' ');
  const words = foldText(text).replace(/[:.]+$/, '').trim();
  if (words.length === 0 && year === null) return null;
  return { original: original.trim(), words, unit, year };
}

function labelWords(label: string): string {
  const parsed = parseHeader(label);
  return parsed ? parsed.words : foldText(label);
}

/** Precomputed folded names of a column definition. */
export interface ColumnMatcher {
  def: ColumnDef;
  names: Set<string>;
}

export function columnMatchers(input: InputDef): ColumnMatcher[] {
  return input.columns.map((def) => ({
    def,
    names: new Set([def.label, ...(def.synonyms ?? [])].map(labelWords)),
  }));
}

/** Words a year column may carry besides the year ("Budget 2027", "Plan 2028", "Ram 2027"). */
const GENERIC_YEAR_WORDS = new Set(['', 'budget', 'plan', 'ram', 'ar', 'belopp', 'netto', 'nettokostnad', 'kf', 'kf ram', 'ram kf', 'budget plan', 'prognos', 'utfall', 'ram tkr']);

/** The year group a header belongs to, or null. Year groups with `words` need one of them. */
export function matchYearGroup(input: InputDef, header: ParsedHeader, y1: number | null): YearColumnGroup | null {
  if (header.year === null) return null;
  // "KF-ram 2027" is "KF ram 2027": a hyphen between the words is a space.
  const words = header.words.replace(/\s*-\s*/g, ' ');
  const candidates = input.yearGroups.filter((g) => {
    if (g.words && !g.words.some((w) => header.words.includes(w))) return false;
    if (!g.words && !GENERIC_YEAR_WORDS.has(words) && !words.startsWith('budget') && !words.startsWith('ram') && !words.startsWith('plan')) {
      return false;
    }
    return true;
  });
  if (candidates.length <= 1 || y1 === null) return candidates[0] ?? null;
  // Several groups take these words (Volymer: Prognos Y0 and Prognos Y1..Y3): the year decides.
  return candidates.find((g) => g.offsets.includes(header.year! - y1)) ?? candidates[0];
}

/** The column definition a header means, or null. */
export function matchColumn(matchers: ColumnMatcher[], header: ParsedHeader): ColumnDef | null {
  if (header.year !== null) return null;
  for (const m of matchers) if (m.names.has(header.words)) return m.def;
  return null;
}
