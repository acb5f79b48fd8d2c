/**
 * Editing a mapping in the task pane's Koppla indata, as pure functions plus one read: the header
 * row's texts for the column dropdowns (readHeaderRow), the columns a header row means
 * (detectColumns, the recognizer's own header matching through resolveColumnKeys), the column
 * slots an input needs (columnSlots), and the edits themselves (place, selection, column, Y1,
 * unit, sign, subtotals, skipped rows). React only renders what these return.
 */
import { columnIndex, columnLetters, parseRangeA1, stripSheetName } from '../core/a1';
import { INPUTS, type InputDef } from '../core/inputs/catalogue';
import { hasAmounts, hasCosts, impliedY1, letterColumn, mappedInputDef, resolveColumnKeys, yearKey, type InputMapping, type Mapping } from '../core/inputs/mapping';
import { parseHeader, type ParsedHeader } from '../core/recognition/headers';
import { decodeMarker } from '../core/workbook/marker';
import type { PlannedRead, ReadOptions, WorkbookReader } from '../core/workbook/port';
import type { RawValue, WorkbookIndex } from '../core/workbook/raw';

/** Columns read from a header row at most (a header row wider than this is not a layout to map). */
export const HEADER_ROW_COLUMNS = 200;

/** Default words of a subtotal row. */
export const DEFAULT_SUBTOTAL_WORDS: readonly string[] = ['Summa', 'Totalt'];

export interface HeaderCell {
  /** Column letter ("D"). */
  letter: string;
  /** The header text as it stands in the cell. */
  text: string;
}

/** The texts of one header row: where it is and its non-empty cells, left to right. */
export interface HeaderRow {
  sheet: string;
  /** Excel row number (1-based). */
  row: number;
  cells: HeaderCell[];
}

/** Columns a range limits the dropdowns to (0-based, inclusive). */
export interface ColumnLimit {
  left: number;
  right: number;
}

/** The header row of an input's place: a sheet row (optionally limited to columns) or a table's first row. */
export type HeaderTarget = { sheet: string; headerRow: number; limit?: ColumnLimit } | { table: string };

/** The sheets a mapping may point at: the workbook's own, not Budgetkoll's tabs. */
export function mappableSheets(index: WorkbookIndex): string[] {
  return index.sheets.filter((s) => decodeMarker(s.firstCellText) === null).map((s) => s.name);
}

/** The tables a mapping may point at (not on Budgetkoll's tabs). */
export function mappableTables(index: WorkbookIndex): string[] {
  const own = new Set(mappableSheets(index));
  return index.tables.filter((t) => own.has(t.sheet)).map((t) => t.name);
}

/** The read plan of one header row; `located` says where it is, or null when the sheet or table is not there. */
export function headerRowPlan(index: WorkbookIndex, target: HeaderTarget): PlannedRead<{ sheet: string; row: number } | null> {
  let sheet: string;
  let row: number;
  let left: number;
  let right: number;
  if ('table' in target) {
    const table = index.tables.find((t) => t.name === target.table);
    const r = table && parseRangeA1(table.address);
    if (!table || !r) return { ranges: [], located: null };
    sheet = table.sheet;
    row = r.top;
    left = r.left;
    right = r.right;
  } else {
    const info = index.sheets.find((s) => s.name === target.sheet);
    if (!info) return { ranges: [], located: null };
    sheet = info.name;
    row = target.headerRow - 1;
    const used = info.usedAddress ? parseRangeA1(info.usedAddress) : null;
    if (!used || row < used.top || row > used.bottom) return { ranges: [], located: { sheet, row } };
    left = Math.max(used.left, target.limit?.left ?? 0);
    right = Math.min(used.right, target.limit?.right ?? Number.MAX_SAFE_INTEGER);
    if (right < left) return { ranges: [], located: { sheet, row } };
  }
  right = Math.min(right, left + HEADER_ROW_COLUMNS - 1);
  const address = `${columnLetters(left)}${row + 1}:${columnLetters(right)}${row + 1}`;
  return { ranges: [{ id: 'header-row', sheet, address, formulas: false, numberFormats: false }], located: { sheet, row } };
}

function headerText(value: RawValue): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

/** One read: the header row's texts, or null when the sheet or table is not in the workbook. */
export async function readHeaderRow(reader: WorkbookReader, target: HeaderTarget, options: ReadOptions = {}): Promise<HeaderRow | null> {
  const read = await reader.read((index) => headerRowPlan(index, target), options);
  if (!read.located) return null;
  const grid = read.grids.get('header-row');
  const cells: HeaderCell[] = [];
  for (const [i, value] of (grid?.values[0] ?? []).entries()) {
    const text = headerText(value);
    if (text !== null) cells.push({ letter: columnLetters(grid!.left + i), text });
  }
  return { sheet: read.located.sheet, row: read.located.row + 1, cells };
}

/**
 * The columns a header row means for an input: column names by their labels and synonyms, year
 * columns by their year (years outside the input's years left out), each key to the first column
 * that means it, with the header text as `seen`.
 */
export function detectColumns(inputName: string, cells: readonly HeaderCell[]): { columns: Record<string, string>; seen: Record<string, string> } {
  const def = mappedInputDef(inputName);
  const columns: Record<string, string> = {};
  const seen: Record<string, string> = {};
  if (!def) return { columns, seen };
  const { resolved } = resolveColumnKeys(def, cells.map((c) => c.text));
  for (const r of resolved) {
    if (r.canonical in columns) continue;
    const cell = cells.find((c) => c.text === r.key && !Object.values(columns).includes(c.letter));
    if (!cell) continue;
    columns[r.canonical] = cell.letter;
    seen[r.canonical] = cell.text;
  }
  return { columns, seen };
}

/** One column the input can map: a catalogue column or a year of a year group. */
export interface ColumnSlot {
  key: string;
  required: boolean;
  kind: 'column' | 'year';
}

function parsedKeys(m: InputMapping): ParsedHeader[] {
  return Object.keys(m.columns).flatMap((k) => {
    const h = parseHeader(k);
    return h ? [h] : [];
  });
}

/** The input's first budget year implied by the mapping's year keys, or null without any. */
export function mappingY1(def: InputDef, m: InputMapping): number | null {
  return impliedY1(def, parsedKeys(m));
}

/**
 * The columns an input can map, in the catalogue's order: its columns (required first as listed),
 * then each year group's years from `y1`. Without a Y1 only the columns.
 */
export function columnSlots(def: InputDef, y1: number | null): ColumnSlot[] {
  const slots: ColumnSlot[] = def.columns.map((c) => ({ key: c.label, required: c.required, kind: 'column' }));
  if (y1 !== null) {
    for (const g of def.yearGroups) for (const o of g.offsets) slots.push({ key: yearKey(def, g, y1 + o), required: false, kind: 'year' });
  }
  return slots;
}

/** The input mapped to a key, or null. */
function inputOf(name: string): InputDef {
  const def = mappedInputDef(name);
  if (!def) throw new RangeError(`unknown input ${name}`);
  return def;
}

/** The inputs a mapping can still add, in the catalogue's order. */
export function addableInputs(mapping: Mapping): string[] {
  return INPUTS.filter((d) => !(d.name in mapping.inputs)).map((d) => d.name);
}

function withInput(mapping: Mapping, name: string, m: InputMapping): Mapping {
  return { ...mapping, inputs: { ...mapping.inputs, [name]: m } };
}

/** A new input with no columns yet, on the first sheet: the user fills it in. */
export function addInput(mapping: Mapping, name: string, firstSheet: string): Mapping {
  const def = inputOf(name);
  const m: InputMapping = { sheet: firstSheet, headerRow: 1, lastRow: null, columns: {} };
  if (hasAmounts(def)) m.unit = 'tkr';
  if (hasCosts(def)) m.costs = 'positive';
  return withInput(mapping, def.name, m);
}

export function removeInput(mapping: Mapping, name: string): Mapping {
  const inputs = { ...mapping.inputs };
  delete inputs[name];
  return { ...mapping, inputs };
}

/**
 * A new place for an input (a sheet and header row, or a table) with the columns its header row
 * means: the unit, sign, subtotal words and skipped rows stay as they were.
 */
export function placeInput(mapping: Mapping, name: string, place: { sheet: string; headerRow: number; lastRow?: number | null } | { table: string }, header: HeaderRow | null): Mapping {
  const old = mapping.inputs[name];
  const { columns, seen } = detectColumns(name, header?.cells ?? []);
  const m: InputMapping = { ...old, columns, seen };
  delete m.sheet;
  delete m.headerRow;
  delete m.table;
  delete m.lastRow;
  if ('table' in place) m.table = place.table;
  else {
    m.sheet = place.sheet;
    m.headerRow = place.headerRow;
    m.lastRow = place.lastRow ?? null;
  }
  if (m.subtotals && header && !header.cells.length) delete m.subtotals;
  return withInput(mapping, name, m);
}

/** A selected range: its sheet and A1 address ("A4:F212" or "C5"). */
export interface RangeSelection {
  sheet: string;
  address: string;
}

/**
 * Where a selection puts an input: its sheet, the header row at the top of the range, the last row
 * at its bottom (a one-row selection reads to the last filled row), and its columns as the limit
 * of the dropdowns (a single cell limits nothing). Null for an address that is not a range.
 */
export function selectionPlace(selection: RangeSelection): { sheet: string; headerRow: number; lastRow: number | null; limit?: ColumnLimit } | null {
  const r = parseRangeA1(stripSheetName(selection.address).replace(/\$/g, ''));
  if (!r) return null;
  const single = r.left === r.right && r.top === r.bottom;
  return {
    sheet: selection.sheet,
    headerRow: r.top + 1,
    lastRow: r.bottom > r.top ? r.bottom + 1 : null,
    ...(single ? {} : { limit: { left: r.left, right: r.right } }),
  };
}

/** Maps (or, with null, unmaps) one column key; `seen` follows the header text in that column. */
export function setColumn(mapping: Mapping, name: string, key: string, letter: string | null, header: HeaderRow | null): Mapping {
  const old = mapping.inputs[name];
  const columns = { ...old.columns };
  const seen = { ...(old.seen ?? {}) };
  delete columns[key];
  delete seen[key];
  if (letter !== null) {
    columns[key] = letter;
    const text = header?.cells.find((c) => c.letter === letter)?.text;
    if (text !== undefined) seen[key] = text;
  }
  return withInput(mapping, name, { ...old, columns, seen });
}

/** Moves the input's year keys to another first budget year, each keeping its column. */
export function setY1(mapping: Mapping, name: string, y1: number): Mapping {
  const def = inputOf(name);
  const old = mapping.inputs[name];
  const from = mappingY1(def, old);
  if (from === null || from === y1) return mapping;
  const { resolved } = resolveColumnKeys(def, Object.keys(old.columns));
  const columns: Record<string, string> = {};
  const seen: Record<string, string> = {};
  for (const [key, letter] of Object.entries(old.columns)) {
    const r = resolved.find((x) => x.key === key);
    const newKey = r?.group && r.year !== undefined ? yearKey(def, r.group, r.year - from + y1) : key;
    columns[newKey] = letter;
    if (old.seen?.[key] !== undefined) seen[newKey] = old.seen[key];
  }
  return withInput(mapping, name, { ...old, columns, seen });
}

/** Edits of the input's conventions: unit, sign, subtotals, skipped rows, last row. */
export function updateInput(mapping: Mapping, name: string, change: Partial<Pick<InputMapping, 'unit' | 'costs' | 'subtotals' | 'skipRows' | 'lastRow'>>): Mapping {
  const m: InputMapping = { ...mapping.inputs[name], ...change };
  for (const key of ['subtotals', 'skipRows'] as const) if (key in change && change[key] === undefined) delete m[key];
  return withInput(mapping, name, m);
}

/** "Summa, Totalt" → ["Summa", "Totalt"]. */
export function parseWords(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((w) => w.trim())
    .filter((w) => w !== '');
}

/**
 * "12, 15–17" → [12, 15, 16, 17]; null when something is not a row number or a range of them
 * (at most 10 000 rows).
 */
export function parseRowList(text: string): number[] | null {
  const rows: number[] = [];
  for (const part of text.split(/[,;\s]+/).filter((p) => p !== '')) {
    const m = /^(\d+)(?:[-–](\d+))?$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from || to - from > 10_000) return null;
    for (let r = from; r <= to; r++) rows.push(r);
  }
  return [...new Set(rows)].sort((a, b) => a - b);
}

/** "12, 15, 16" for a list of rows. */
export function rowListText(rows: readonly number[] | undefined): string {
  return (rows ?? []).join(', ');
}

/** A column letter as an index for sorting, columns outside A–XFD last. */
export function letterOrder(letter: string): number {
  const c = letterColumn(letter);
  return c >= 0 ? c : columnIndex('XFD') + 1;
}
