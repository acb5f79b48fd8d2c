/**
 * Koppla indata: a mapping says where each input lives in the controller's own workbook (a sheet
 * and header row, or an Excel table), which of its columns holds which of the input's columns,
 * and the workbook's conventions (unit, sign of costs, subtotal rows, rows to skip).
 *
 * This file holds the contract's types (the JSON of docs/koppla-indata.md, `version: 1`), the
 * resolution of its column keys against the input catalogue, the canonical header texts the
 * existing recognizer understands, and the one-line summary. Parsing is in mapping-parse.ts,
 * checking against a workbook in mapping-check.ts, applying in mapping-apply.ts and suggesting in
 * mapping-suggest.ts.
 */
import { columnIndex, columnLetters, parseRangeA1, quoteSheetName, rangeToA1 } from '../a1';
import type { Unit } from '../money';
import { columnMatchers, matchColumn, matchYearGroup, parseHeader, type ParsedHeader } from '../recognition/headers';
import { inputForName } from './catalogue';
import type { WorkbookIndex } from '../workbook/raw';
import type { ColumnDef, InputDef, YearColumnGroup } from './catalogue';

export const MAPPING_VERSION = 1;

export type CostSign = 'positive' | 'negative';

/** Rows whose cell in `column` starts with one of `startsWith` (folded) are subtotals. */
export interface SubtotalRule {
  /** Column letter ("A"). */
  column: string;
  startsWith: string[];
}

/** Where one input is and how to read it. Rows are Excel row numbers (1-based), columns letters. */
export interface InputMapping {
  /** A sheet and its header row … */
  sheet?: string;
  headerRow?: number;
  /** … or an Excel table (its first row is the header row). Exactly one of the two. */
  table?: string;
  /** Last row to read (sheet only); null = to the last non-empty row of the sheet. */
  lastRow?: number | null;
  /** The input's column names (catalogue labels) and year keys ("2027", "Prognos 2026") → letters. */
  columns: Record<string, string>;
  /** The header text each mapped column showed when the mapping was made (same keys as columns). */
  seen?: Record<string, string>;
  /** Unit of the amount columns; tkr when absent. */
  unit?: Unit;
  /** Sign of costs in the amount columns; positive (the format's convention) when absent. */
  costs?: CostSign;
  subtotals?: SubtotalRule;
  /** Rows (1-based, below the header) left out. */
  skipRows?: number[];
}

export interface Mapping {
  version: 1;
  /** By input name as in docs/arbetsbokens-format.md ("Driftbudget", "Övriga förändringar"). */
  inputs: Record<string, InputMapping>;
}

/** The input a mapping key names (the input's name or an alias, folded as sheet names are). */
export function mappedInputDef(name: string): InputDef | null {
  return inputForName(name);
}

/** True when the input has amount columns (a unit applies). */
export function hasAmounts(def: InputDef): boolean {
  return def.columns.some((c) => c.kind === 'amount') || def.yearGroups.some((g) => g.kind === 'amount');
}

/**
 * True when the input's amounts are net costs, so a sign convention applies. Finansiering is
 * already read with revenue positive (the convention of a "costs negative" workbook), so not it.
 */
export function hasCosts(def: InputDef): boolean {
  return hasAmounts(def) && def.id !== 'finansiering';
}

/** One resolved key of `columns`: a catalogue column or a year of a year group. */
export interface ResolvedKey {
  /** The key as written. */
  key: string;
  /** The key in canonical form: the column's label, or the year ("2027") / "Prognos 2026". */
  canonical: string;
  column?: ColumnDef;
  group?: YearColumnGroup;
  year?: number;
}

/** A key's canonical year form: the bare year when the input has one group without words. */
export function yearKey(def: InputDef, group: YearColumnGroup, year: number): string {
  const bare = def.yearGroups.length === 1 && !group.words;
  return bare ? String(year) : `${group.prefix}${year}`.trim();
}

/**
 * The input's Y1 implied by year headers: of the budget years the headers could belong to, the one
 * under which most of them fall in a year group's offsets (the latest on a tie). Null without years.
 */
export function impliedY1(def: InputDef, headers: readonly ParsedHeader[]): number | null {
  const years = headers.filter((h) => h.year !== null);
  if (years.length === 0 || def.yearGroups.length === 0) return null;
  const offsets = [...new Set(def.yearGroups.flatMap((g) => g.offsets))];
  const options = [...new Set(years.flatMap((h) => offsets.map((o) => h.year! - o)))].sort((a, b) => b - a);
  let best: number | null = null;
  let bestCount = -1;
  for (const y1 of options) {
    const count = years.filter((h) => {
      const group = matchYearGroup(def, h, y1);
      return group !== null && group.offsets.includes(h.year! - y1);
    }).length;
    if (count > bestCount) {
      best = y1;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Resolves the keys of `columns` against an input: column names by the recognizer's header
 * matching (label or synonym), year keys to a year group (with the input's Y1 implied by the
 * latest year). Keys that are neither, or a year outside the input's years, are `unknown`.
 */
export function resolveColumnKeys(def: InputDef, keys: readonly string[]): { resolved: ResolvedKey[]; unknown: string[] } {
  const matchers = columnMatchers(def);
  const parsed = keys.map((key) => ({ key, header: parseHeader(key) }));
  const y1 = impliedY1(def, parsed.flatMap((p) => (p.header ? [p.header] : [])));
  const resolved: ResolvedKey[] = [];
  const unknown: string[] = [];
  for (const { key, header } of parsed) {
    if (!header) {
      unknown.push(key);
      continue;
    }
    const column = matchColumn(matchers, header);
    if (column) {
      resolved.push({ key, canonical: column.label, column });
      continue;
    }
    const group = header.year === null ? null : matchYearGroup(def, header, y1);
    if (group && y1 !== null && group.offsets.includes(header.year! - y1)) {
      resolved.push({ key, canonical: yearKey(def, group, header.year!), group, year: header.year! });
      continue;
    }
    unknown.push(key);
  }
  return { resolved, unknown };
}

/** The header text the recognizer reads for a mapped column, with the unit of amount columns. */
export function canonicalHeader(resolved: ResolvedKey, unit: Unit, userHeader?: unknown): string {
  if (resolved.group) {
    const text = `${resolved.group.prefix}${resolved.year}`;
    return resolved.group.kind === 'amount' ? `${text} (${unit})` : text;
  }
  const column = resolved.column!;
  const bare = column.label.replace(/\s*\([^)]*\)/g, '');
  if (column.kind === 'amount') return `${bare} (${unit})`;
  if (column.kind === 'unitCost') {
    // Unit costs are kr unless the user's own header says otherwise ("Styckkostnad (tkr)").
    const own = parseHeader(userHeader)?.unit;
    return own === 'kr' || own === 'tkr' || own === 'mnkr' ? `${bare} (${own})` : column.label;
  }
  return column.label;
}

/** 0-based column of a letter ("A" → 0), or -1 when it is not a column A–XFD. */
export function letterColumn(letter: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letter)) return -1;
  const col = columnIndex(letter);
  return col >= 0 && col < 16384 ? col : -1;
}

/** 0-based columns of the mapping's letters (columns and the subtotal column), sorted, unique. */
export function mappedColumnIndexes(m: InputMapping): number[] {
  const letters = [...Object.values(m.columns), ...(m.subtotals ? [m.subtotals.column] : [])];
  return [...new Set(letters.map(letterColumn).filter((c) => c >= 0))].sort((a, b) => a - b);
}

const UNIT_WORDS: Record<Unit, { sv: string; en: string }> = {
  kr: { sv: 'kr', en: 'kr' },
  tkr: { sv: 'tkr', en: 'tkr' },
  mnkr: { sv: 'mnkr', en: 'mnkr' },
};

/**
 * The summary line of one input's mapping: "Driftbudget: 'Budget 2027–2029'!A4:F212, belopp i
 * mnkr, kostnader negativa". With the index, a `lastRow` of null is resolved to the sheet's used
 * bottom; without it the range ends at the columns ("A4:F").
 */
export function describeMapping(inputName: string, m: InputMapping, index?: WorkbookIndex): { sv: string; en: string } {
  const def = mappedInputDef(inputName);
  const name = def?.name ?? inputName;
  const cols = mappedColumnIndexes({ ...m, subtotals: undefined });
  let whereSv: string;
  let whereEn: string;
  if (m.table !== undefined) {
    whereSv = `tabellen ${m.table}`;
    whereEn = `the table ${m.table}`;
  } else {
    const sheet = m.sheet ?? '';
    const top = (m.headerRow ?? 1) - 1;
    const used = index?.sheets.find((s) => s.name === sheet)?.usedAddress;
    const usedBottom = used ? parseRangeA1(used)?.bottom : undefined;
    const bottom = m.lastRow != null ? m.lastRow - 1 : usedBottom;
    const left = cols[0] ?? 0;
    const right = cols[cols.length - 1] ?? 0;
    const range =
      bottom !== undefined && bottom >= top
        ? rangeToA1({ top, left, bottom, right })
        : `${columnLetters(left)}${top + 1}:${columnLetters(right)}`;
    whereSv = whereEn = `${quoteSheetName(sheet)}!${range}`;
  }
  const sv = [`${name}: ${whereSv}`];
  const en = [`${name}: ${whereEn}`];
  if (!def || hasAmounts(def)) {
    const unit = UNIT_WORDS[m.unit ?? 'tkr'];
    sv.push(`belopp i ${unit.sv}`);
    en.push(`amounts in ${unit.en}`);
  }
  if (!def || hasCosts(def)) {
    const negative = m.costs === 'negative';
    sv.push(negative ? 'kostnader negativa' : 'kostnader positiva');
    en.push(negative ? 'costs negative' : 'costs positive');
  }
  return { sv: sv.join(', '), en: en.join(', ') };
}
