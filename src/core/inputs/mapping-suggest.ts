/**
 * Suggesting a mapping from the top rows of each sheet and table (headerScanPlan reads them): for
 * each input the sheet or table and header row whose cells match most of the input's headers
 * (the recognizer's own header matching: labels, synonyms, year columns), the column letters, the
 * unit (from the headers' "(mnkr)" or a title row above), the sign of costs (from the amounts
 * read) and subtotal rows ("Summa …" / "Totalt" in the first column). Each candidate region goes
 * to one input only, best score first. The result is a valid mapping (parseMapping accepts it),
 * with a score and the matched headers per input, and what could not be decided.
 */
import { columnLetters, parseRangeA1, rangeToA1 } from '../a1';
import type { Unit } from '../money';
import { readNumber } from '../recognition/cell-values';
import { columnMatchers, matchColumn, matchYearGroup, parseHeader, type ParsedHeader } from '../recognition/headers';
import { inputNames } from './catalogue';
import { isTotalKey } from '../recognition/table-reader';
import { foldName, foldText } from '../text/normalize';
import { decodeMarker } from '../workbook/marker';
import type { RawGrid, RawValue, ReadPlan, WorkbookIndex } from '../workbook/raw';
import { INPUTS, type InputDef, type InputId } from './catalogue';
import { hasAmounts, hasCosts, impliedY1, yearKey, type InputMapping, type Mapping } from './mapping';

/** Rows read from the top of each sheet and table (the recognizer looks for headers in 20). */
export const HEADER_SCAN_ROWS = 25;
export const HEADER_SCAN_COLUMNS = 60;
const HEADER_ROWS = 20;

export function scanId(kind: 'sheet' | 'table', name: string): string {
  return `scan:${kind}:${name}`;
}

/** The read plan of the suggestion: the top rows of every sheet and table Budgetkoll does not own. */
export function headerScanPlan(index: WorkbookIndex): ReadPlan {
  const owned = new Set(index.sheets.filter((s) => decodeMarker(s.firstCellText) !== null).map((s) => s.name));
  const ranges: ReadPlan['ranges'] = [];
  const top = (address: string) => {
    const r = parseRangeA1(address);
    return r && rangeToA1({ top: r.top, left: r.left, bottom: Math.min(r.bottom, r.top + HEADER_SCAN_ROWS - 1), right: Math.min(r.right, r.left + HEADER_SCAN_COLUMNS - 1) });
  };
  for (const s of index.sheets) {
    const address = s.usedAddress && !owned.has(s.name) ? top(s.usedAddress) : null;
    if (address) ranges.push({ id: scanId('sheet', s.name), sheet: s.name, address, formulas: false, numberFormats: false });
  }
  for (const t of index.tables) {
    const address = owned.has(t.sheet) ? null : top(t.address);
    if (address) ranges.push({ id: scanId('table', t.name), sheet: t.sheet, address, formulas: false, numberFormats: false });
  }
  return { ranges };
}

export interface SuggestedInput {
  score: number;
  /** The headers matched: the mapping key, its column letter and the header text found. */
  matched: { key: string; column: string; header: string }[];
  unitFrom: 'header' | 'title' | 'default' | null;
  costsFrom: 'data' | 'default' | null;
}

export interface MappingSuggestion {
  mapping: Mapping;
  details: Record<string, SuggestedInput>;
  /** Inputs with a partial match only: what was found and what is missing. */
  undecided: { input: string; sv: string; en: string }[];
}

interface Candidate {
  region: string;
  grid: RawGrid;
  headerRow: number;
  table: string | null;
  /** The table's name, or the sheet's: an input named so gets a bonus (the recognizer's own rule). */
  name: string;
  /** Rows above the header (a title with "mnkr"). */
  above: RawValue[][];
}

interface Evaluation {
  def: InputDef;
  candidate: Candidate;
  score: number;
  complete: boolean;
  columns: { key: string; col: number; header: ParsedHeader; above?: true }[];
  missing: string[];
}

const ALL_MATCHERS = INPUTS.map((d) => ({ def: d, matchers: columnMatchers(d) }));

type HeaderCell = { col: number; header: ParsedHeader; above?: true };

/**
 * The header cells of a candidate row. A header over two rows – the key headers merged down over
 * rows 3–4 and "Budget" merged across the year columns on row 3, the years on row 4 – reads as
 * its top cell, so row 4 holds only the years: when a sheet row has two or more year headers of
 * its own, each of its empty cells takes the text header right above it (marked `above`).
 */
function headerCells(c: Candidate): HeaderCell[] {
  const parse = (row: RawValue[]) => row.map((v, i) => ({ col: c.grid.left + i, header: parseHeader(v) })).filter((h): h is HeaderCell => h.header !== null);
  const own = parse(c.grid.values[c.headerRow - c.grid.top] ?? []);
  const i = c.headerRow - c.grid.top;
  if (c.table !== null || i === 0 || own.filter((h) => h.header.year !== null).length < 2) return own;
  const fromAbove = parse(c.grid.values[i - 1] ?? []).filter((h) => h.header.year === null && !own.some((o) => o.col === h.col));
  return [...own, ...fromAbove.map((h) => ({ ...h, above: true as const }))].sort((a, b) => a.col - b.col);
}

function evaluate(def: InputDef, c: Candidate): Evaluation | null {
  const headers = headerCells(c);
  const matchers = columnMatchers(def);
  const columns: Evaluation['columns'] = [];
  const used = new Set<number>();
  for (const { col, header, above } of headers) {
    const column = matchColumn(matchers, header);
    if (column && !columns.some((x) => x.key === column.label)) {
      columns.push({ key: column.label, col, header, ...(above ? { above } : {}) });
      used.add(col);
    }
  }
  const yearHeaders = headers.filter((h) => h.header.year !== null && matchYearGroup(def, h.header, null));
  const y1 = impliedY1(def, yearHeaders.map((h) => h.header));
  const groupsFound = new Set<string>();
  for (const { col, header } of yearHeaders) {
    const group = matchYearGroup(def, header, y1);
    if (!group || y1 === null || !group.offsets.includes(header.year! - y1)) continue;
    const key = yearKey(def, group, header.year!);
    if (columns.some((x) => x.key === key)) continue;
    columns.push({ key, col, header });
    groupsFound.add(group.key);
    used.add(col);
  }
  if (columns.length < 2) return null;
  const missing = [
    ...def.columns.filter((d) => d.required && !columns.some((x) => x.key === d.label)).map((d) => d.label),
    ...def.yearGroups.filter((g) => !groupsFound.has(g.key)).map((g) => `${g.prefix}<år>`.trim()),
  ];
  const requiredTotal = def.columns.filter((d) => d.required).length + def.yearGroups.reduce((n, g) => n + g.offsets.length, 0);
  const requiredFound = columns.filter((x) => def.columns.some((d) => d.required && d.label === x.key) || /\d{4}$/.test(x.key)).length;
  const optional = columns.length - requiredFound;
  const unused = headers.filter((h) => !used.has(h.col));
  const foreign = unused.filter((h) => h.header.year !== null || ALL_MATCHERS.some((m) => m.def !== def && matchColumn(m.matchers, h.header))).length;
  const score = Math.round((100 * requiredFound) / Math.max(1, requiredTotal)) + 5 * optional + (inputNames(def).has(foldName(c.name)) ? 25 : 0) - 10 * foreign;
  return { def, candidate: c, score, complete: missing.length === 0, columns, missing };
}

function candidates(index: WorkbookIndex, scan: ReadonlyMap<string, RawGrid>): Candidate[] {
  const list: Candidate[] = [];
  const tableRanges = index.tables.map((t) => ({ t, r: parseRangeA1(t.address) }));
  for (const { t, r } of tableRanges) {
    const grid = scan.get(scanId('table', t.name));
    if (!grid || !r) continue;
    const sheetGrid = scan.get(scanId('sheet', t.sheet));
    const above = sheetGrid ? sheetGrid.values.slice(0, Math.max(0, r.top - sheetGrid.top)) : [];
    list.push({ region: `table:${t.name}`, grid, headerRow: r.top, table: t.name, name: t.name, above });
  }
  for (const s of index.sheets) {
    const grid = scan.get(scanId('sheet', s.name));
    if (!grid) continue;
    for (let i = 0; i < Math.min(HEADER_ROWS, grid.values.length); i++) {
      const row = grid.top + i;
      if (tableRanges.some(({ t, r }) => t.sheet === s.name && r && row >= r.top && row <= r.bottom)) continue;
      list.push({ region: `sheet:${s.name}:${row}`, grid, headerRow: row, table: null, name: s.name, above: grid.values.slice(0, i) });
    }
  }
  return list;
}

function unitOf(e: Evaluation): { unit: Unit; from: SuggestedInput['unitFrom'] } {
  const amountKeys = new Set([...e.def.columns.filter((c) => c.kind === 'amount').map((c) => c.label)]);
  const hinted = e.columns
    .filter((x) => amountKeys.has(x.key) || (/\d{4}$/.test(x.key) && e.def.yearGroups.some((g) => g.kind === 'amount')))
    .map((x) => x.header.unit)
    .filter((u): u is Unit => u === 'kr' || u === 'tkr' || u === 'mnkr');
  if (hinted.length > 0) {
    const counts = new Map<Unit, number>();
    for (const u of hinted) counts.set(u, (counts.get(u) ?? 0) + 1);
    return { unit: [...counts].sort((a, b) => b[1] - a[1])[0][0], from: 'header' };
  }
  for (const row of e.candidate.above) {
    for (const v of row) {
      if (typeof v !== 'string') continue;
      const t = foldText(v);
      if (/\b(mnkr|mkr|msek)\b|miljoner kronor/.test(t)) return { unit: 'mnkr', from: 'title' };
      if (/\b(tkr|tsek)\b|tusental kronor|tusen kronor/.test(t)) return { unit: 'tkr', from: 'title' };
      if (/(^|[\s(])kr\b|\bkronor\b/.test(t)) return { unit: 'kr', from: 'title' };
    }
  }
  return { unit: 'tkr', from: 'default' };
}


/** Rows below the header in the scan: [row values, first non-empty column] pairs. */
function dataRows(e: Evaluation): { values: RawValue[]; first: number }[] {
  const g = e.candidate.grid;
  return g.values.slice(e.candidate.headerRow - g.top + 1).map((values) => ({ values, first: values.findIndex((v) => v !== null && !(typeof v === 'string' && v.trim() === '')) })).filter((r) => r.first >= 0);
}

/** The mapped key and text columns (Nämnd, Verksamhet …), left to right. */
function keyColumns(e: Evaluation): number[] {
  return e.columns
    .filter((x) => !/\d{4}$/.test(x.key) && e.def.columns.some((c) => c.label === x.key && (c.kind === 'key' || c.kind === 'text')))
    .map((x) => x.col - e.candidate.grid.left)
    .sort((a, b) => a - b);
}

/**
 * The cell (index in the row) that makes a row a subtotal row, or -1: its first filled cell, or
 * else one of its key columns – a "Totalt" typed in the Nämnd column when the amounts come first.
 */
function totalCell(values: RawValue[], first: number, keys: readonly number[]): number {
  // The recognizer's own test of a total row (Summa, Totalt, Total, "Summa …", "Totalt …").
  return [first, ...keys].find((i) => typeof values[i] === 'string' && isTotalKey(values[i])) ?? -1;
}

function subtotalsOf(e: Evaluation): InputMapping['subtotals'] {
  const counts = new Map<number, number>();
  const words: string[] = [];
  const keys = keyColumns(e);
  for (const { values, first } of dataRows(e)) {
    const at = totalCell(values, first, keys);
    if (at < 0) continue;
    const word = String(values[at]).trim().split(/\s+/)[0];
    counts.set(at, (counts.get(at) ?? 0) + 1);
    if (!words.some((w) => foldText(w) === foldText(word))) words.push(word);
  }
  if (counts.size === 0) return undefined;
  const col = [...counts].sort((a, b) => b[1] - a[1])[0][0] + e.candidate.grid.left;
  return { column: columnLetters(col), startsWith: words };
}

function costsOf(e: Evaluation, subtotalColumn: string | undefined): { costs: 'positive' | 'negative'; from: SuggestedInput['costsFrom'] } {
  const amountCols = e.columns.filter((x) => /\d{4}$/.test(x.key) || e.def.columns.some((c) => c.kind === 'amount' && c.label === x.key)).map((x) => x.col - e.candidate.grid.left);
  const keys = keyColumns(e);
  let sum = 0;
  let seen = 0;
  for (const { values, first } of dataRows(e)) {
    if (subtotalColumn !== undefined && totalCell(values, first, keys) >= 0) continue;
    for (const i of amountCols) {
      const reading = readNumber(values[i] ?? null);
      if (reading.kind === 'number' || reading.kind === 'text-number') {
        sum += reading.value;
        seen++;
      }
    }
  }
  if (seen === 0) return { costs: 'positive', from: 'default' };
  return { costs: sum < 0 ? 'negative' : 'positive', from: 'data' };
}

function toInputMapping(e: Evaluation): { m: InputMapping; detail: SuggestedInput } {
  const c = e.candidate;
  const m: InputMapping = c.table !== null ? { columns: {}, table: c.table } : { sheet: c.grid.sheet, headerRow: c.headerRow + 1, lastRow: null, columns: {} };
  const seen: Record<string, string> = {};
  const matched: SuggestedInput['matched'] = [];
  for (const x of [...e.columns].sort((a, b) => a.col - b.col)) {
    m.columns[x.key] = columnLetters(x.col);
    // A header read from the row above is not in the header row: the check would call it moved.
    if (!x.above) seen[x.key] = x.header.original;
    matched.push({ key: x.key, column: columnLetters(x.col), header: x.header.original });
  }
  m.seen = seen;
  const detail: SuggestedInput = { score: e.score, matched, unitFrom: null, costsFrom: null };
  if (hasAmounts(e.def)) {
    const unit = unitOf(e);
    m.unit = unit.unit;
    detail.unitFrom = unit.from;
  }
  const subtotals = subtotalsOf(e);
  if (subtotals) m.subtotals = subtotals;
  if (hasCosts(e.def)) {
    const costs = costsOf(e, subtotals?.column);
    m.costs = costs.costs;
    detail.costsFrom = costs.from;
  }
  return { m, detail };
}

/**
 * Suggests a mapping from the grids read by headerScanPlan (by their read ids). `inputs` limits
 * which inputs are suggested (all by default).
 */
export function suggestMapping(index: WorkbookIndex, headerScan: ReadonlyMap<string, RawGrid>, inputs?: readonly InputId[]): MappingSuggestion {
  const wanted = INPUTS.filter((d) => !inputs || inputs.includes(d.id));
  const all = candidates(index, headerScan);
  const evaluations: Evaluation[] = [];
  for (const def of wanted) {
    for (const c of all) {
      const e = evaluate(def, c);
      if (e) evaluations.push(e);
    }
  }
  evaluations.sort((a, b) => Number(b.complete) - Number(a.complete) || b.score - a.score || a.candidate.region.localeCompare(b.candidate.region));
  const mapping: Mapping = { version: 1, inputs: {} };
  const details: Record<string, SuggestedInput> = {};
  const taken = new Set<string>();
  for (const e of evaluations) {
    if (!e.complete || e.def.name in mapping.inputs || taken.has(e.candidate.region)) continue;
    taken.add(e.candidate.region);
    const { m, detail } = toInputMapping(e);
    mapping.inputs[e.def.name] = m;
    details[e.def.name] = detail;
  }
  const undecided: MappingSuggestion['undecided'] = [];
  for (const def of wanted) {
    if (def.name in mapping.inputs) continue;
    // A partial match in a region another input took is explained by that input; a weak one is noise.
    const best = evaluations.find((e) => e.def === def && !e.complete && !taken.has(e.candidate.region) && e.score >= 50);
    if (!best) continue;
    const where = best.candidate.table !== null ? `tabellen ${best.candidate.table}` : `”${best.candidate.grid.sheet}” rad ${best.candidate.headerRow + 1}`;
    const whereEn = best.candidate.table !== null ? `the table ${best.candidate.table}` : `"${best.candidate.grid.sheet}" row ${best.candidate.headerRow + 1}`;
    const found = best.columns.map((x) => x.header.original).join(', ');
    undecided.push({
      input: def.name,
      sv: `${def.name}: ${where} har ${found} men saknar ${best.missing.join(', ')}.`,
      en: `${def.name}: ${whereEn} has ${found} but lacks ${best.missing.join(', ').replace(/<år>/g, '<year>')}.`,
    });
  }
  return { mapping, details, undecided };
}
