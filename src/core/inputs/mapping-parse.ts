/**
 * Reading and writing the mapping contract (docs/koppla-indata.md). `parseMapping` checks every
 * key and returns either a mapping in canonical form (input names and column keys as in the
 * catalogue, letters upper-case, `lastRow` null when absent, skipped rows sorted) or every error,
 * each naming its key path in Swedish and English. `serializeMapping` writes the canonical form;
 * parse(serialize(m)) equals m.
 */
import { INPUTS } from './catalogue';
import { hasAmounts, hasCosts, letterColumn, mappedInputDef, resolveColumnKeys, type InputMapping, type Mapping } from './mapping';

export interface MappingError {
  /** Key path, e.g. "inputs.Driftbudget.columns.Konto". */
  key: string;
  sv: string;
  en: string;
}

const MAX_ROW = 1_048_576;
const TOP_KEYS = ['version', 'inputs'];
const INPUT_KEYS = ['sheet', 'headerRow', 'table', 'lastRow', 'columns', 'seen', 'unit', 'costs', 'subtotals', 'skipRows'];
const UNITS = ['tkr', 'kr', 'mnkr'] as const;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isRow(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_ROW;
}

class Errors {
  readonly list: MappingError[] = [];
  add(key: string, sv: string, en: string): void {
    this.list.push({ key, sv: `${key}: ${sv}`, en: `${key}: ${en}` });
  }
  unknownKeys(path: string, obj: Json, allowed: readonly string[]): void {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) this.add(path ? `${path}.${k}` : k, `okänd nyckel (tillåtna: ${allowed.join(', ')})`, `unknown key (allowed: ${allowed.join(', ')})`);
    }
  }
  letter(path: string, v: unknown): string | null {
    if (typeof v === 'string' && letterColumn(v) >= 0) return v.toUpperCase();
    this.add(path, `${JSON.stringify(v)} är ingen kolumnbokstav (A–XFD)`, `${JSON.stringify(v)} is not a column letter (A–XFD)`);
    return null;
  }
}

/** Parses a mapping file's JSON value: the canonical mapping, or every error found. */
export function parseMapping(json: unknown): { mapping: Mapping } | { errors: MappingError[] } {
  const e = new Errors();
  if (!isObject(json)) {
    e.add('(rot)', 'kopplingen ska vara ett JSON-objekt', 'the mapping must be a JSON object');
    return { errors: e.list };
  }
  e.unknownKeys('', json, TOP_KEYS);
  if (json.version !== 1) e.add('version', `versionen ska vara 1, inte ${JSON.stringify(json.version)}`, `the version must be 1, not ${JSON.stringify(json.version)}`);
  const inputs: Record<string, InputMapping> = {};
  if (!isObject(json.inputs)) {
    e.add('inputs', 'saknas eller är inget objekt med indata', 'missing or not an object of inputs');
    return { errors: e.list };
  }
  const seenInputs = new Map<string, string>();
  for (const [name, value] of Object.entries(json.inputs)) {
    const path = `inputs.${name}`;
    const def = mappedInputDef(name);
    if (!def) {
      const names = INPUTS.map((d) => d.name).join(', ');
      e.add(path, `okänt indata (kända: ${names})`, `unknown input (known: ${names})`);
      continue;
    }
    const earlier = seenInputs.get(def.name);
    if (earlier !== undefined) {
      e.add(path, `${def.name} är redan kopplat under ”${earlier}”`, `${def.name} is already mapped as "${earlier}"`);
      continue;
    }
    seenInputs.set(def.name, name);
    const parsed = parseInput(path, def, value, e);
    if (parsed) inputs[def.name] = ordered(parsed);
  }
  return e.list.length > 0 ? { errors: e.list } : { mapping: { version: 1, inputs } };
}

function parseInput(path: string, def: NonNullable<ReturnType<typeof mappedInputDef>>, value: unknown, e: Errors): InputMapping | null {
  if (!isObject(value)) {
    e.add(path, 'ska vara ett objekt', 'must be an object');
    return null;
  }
  const before = e.list.length;
  e.unknownKeys(path, value, INPUT_KEYS);
  const m: InputMapping = { columns: {} };

  // Where: a sheet and its header row, or a table.
  const hasSheet = value.sheet !== undefined;
  const hasTable = value.table !== undefined;
  if (hasSheet === hasTable) {
    e.add(path, 'ange antingen ”sheet” och ”headerRow” eller ”table” (exakt ett sätt)', 'give either "sheet" and "headerRow" or "table" (exactly one way)');
  }
  if (hasTable) {
    if (typeof value.table !== 'string' || value.table.trim() === '') e.add(`${path}.table`, 'ska vara tabellens namn', "must be the table's name");
    else m.table = value.table;
    if (value.headerRow !== undefined) e.add(`${path}.headerRow`, 'gäller bara ”sheet”: en tabells rubrikrad är dess första rad', "applies to \"sheet\" only: a table's header row is its first row");
    if (value.lastRow !== undefined && value.lastRow !== null) e.add(`${path}.lastRow`, 'gäller bara ”sheet”: en tabell läses efter sin storlek', 'applies to "sheet" only: a table is read by its size');
  }
  if (hasSheet) {
    if (typeof value.sheet !== 'string' || value.sheet.trim() === '' || value.sheet.length > 31) e.add(`${path}.sheet`, 'ska vara flikens namn (högst 31 tecken)', "must be the sheet's name (at most 31 characters)");
    else m.sheet = value.sheet;
    if (!isRow(value.headerRow)) e.add(`${path}.headerRow`, `${JSON.stringify(value.headerRow)} är inget radnummer (1 eller mer)`, `${JSON.stringify(value.headerRow)} is not a row number (1 or more)`);
    else m.headerRow = value.headerRow;
    if (value.lastRow === undefined || value.lastRow === null) m.lastRow = null;
    else if (!isRow(value.lastRow) || (m.headerRow !== undefined && value.lastRow < m.headerRow + 1)) {
      e.add(`${path}.lastRow`, `ska vara null eller en rad under rubrikraden (minst ${(m.headerRow ?? 0) + 1})`, `must be null or a row below the header row (at least ${(m.headerRow ?? 0) + 1})`);
    } else m.lastRow = value.lastRow;
  }

  // Columns: every required column and year group, each to one letter.
  if (!isObject(value.columns)) {
    e.add(`${path}.columns`, 'saknas eller är inget objekt (kolumnnamn → kolumnbokstav)', 'missing or not an object (column name → column letter)');
  } else {
    const { resolved, unknown } = resolveColumnKeys(def, Object.keys(value.columns));
    for (const key of unknown) {
      const what = /^\d+$/.test(key.trim()) ? 'är inget år (ett av indatats år, fyra siffror)' : `är ingen kolumn i ${def.name}`;
      const whatEn = /^\d+$/.test(key.trim()) ? "is not a year (one of the input's years, four digits)" : `is not a column of ${def.name}`;
      e.add(`${path}.columns.${key}`, what, whatEn);
    }
    const letters = new Map<string, string>();
    for (const r of resolved) {
      const letter = e.letter(`${path}.columns.${r.key}`, value.columns[r.key]);
      if (r.canonical in m.columns) {
        e.add(`${path}.columns.${r.key}`, `${r.canonical} är redan kopplad`, `${r.canonical} is already mapped`);
        continue;
      }
      if (letter === null) continue;
      const other = letters.get(letter);
      if (other !== undefined) e.add(`${path}.columns.${r.key}`, `kolumn ${letter} är redan kopplad till ${other}`, `column ${letter} is already mapped to ${other}`);
      letters.set(letter, r.canonical);
      m.columns[r.canonical] = letter;
    }
    for (const column of def.columns) {
      if (column.required && !resolved.some((r) => r.column === column)) {
        e.add(`${path}.columns.${column.label}`, `kolumnen ${column.label} behövs men är inte kopplad`, `the column ${column.label} is required but not mapped`);
      }
    }
    for (const group of def.yearGroups) {
      if (resolved.some((r) => r.group === group)) continue;
      const example = `${group.prefix}<år>`.trim();
      e.add(`${path}.columns`, `ingen årskolumn (${example}) är kopplad`, `no year column (${example.replace('<år>', '<year>')}) is mapped`);
    }
    if (value.seen !== undefined) parseSeen(`${path}.seen`, def, value.seen, m, e);
  }

  // Conventions.
  if (value.unit !== undefined) {
    if (!hasAmounts(def)) e.add(`${path}.unit`, `${def.name} har inga belopp`, `${def.name} has no amounts`);
    else if (!(UNITS as readonly unknown[]).includes(value.unit)) e.add(`${path}.unit`, `${JSON.stringify(value.unit)} är ingen enhet (tkr, kr eller mnkr)`, `${JSON.stringify(value.unit)} is not a unit (tkr, kr or mnkr)`);
    else m.unit = value.unit as InputMapping['unit'];
  }
  if (value.costs !== undefined) {
    if (!hasCosts(def)) e.add(`${path}.costs`, `${def.name} har inga kostnader att vända tecken på`, `${def.name} has no costs whose sign could be flipped`);
    else if (value.costs !== 'positive' && value.costs !== 'negative') e.add(`${path}.costs`, `ska vara ”positive” eller ”negative”, inte ${JSON.stringify(value.costs)}`, `must be "positive" or "negative", not ${JSON.stringify(value.costs)}`);
    else m.costs = value.costs;
  }
  if (value.subtotals !== undefined) {
    const s = value.subtotals;
    if (!isObject(s)) e.add(`${path}.subtotals`, 'ska vara {"column": "A", "startsWith": ["Summa"]}', 'must be {"column": "A", "startsWith": ["Summa"]}');
    else {
      e.unknownKeys(`${path}.subtotals`, s, ['column', 'startsWith']);
      const letter = e.letter(`${path}.subtotals.column`, s.column);
      const words = Array.isArray(s.startsWith) && s.startsWith.length > 0 && s.startsWith.every((w) => typeof w === 'string' && w.trim() !== '') ? (s.startsWith as string[]) : null;
      if (!words) e.add(`${path}.subtotals.startsWith`, 'ska vara en lista med minst en text, t.ex. ["Summa"]', 'must be a list of at least one text, e.g. ["Summa"]');
      if (letter && words) m.subtotals = { column: letter, startsWith: [...words] };
    }
  }
  if (value.skipRows !== undefined) {
    const rows = value.skipRows;
    const min = (m.headerRow ?? 1) + 1;
    if (!Array.isArray(rows) || !rows.every((r) => isRow(r) && (m.table !== undefined || r >= min))) {
      e.add(`${path}.skipRows`, `ska vara en lista med radnummer under rubrikraden (minst ${min})`, `must be a list of row numbers below the header row (at least ${min})`);
    } else m.skipRows = [...new Set(rows as number[])].sort((a, b) => a - b);
  }
  return e.list.length > before ? null : m;
}

function parseSeen(path: string, def: NonNullable<ReturnType<typeof mappedInputDef>>, seen: unknown, m: InputMapping, e: Errors): void {
  if (!isObject(seen)) {
    e.add(path, 'ska vara ett objekt (kolumnnamn → rubriktext)', 'must be an object (column name → header text)');
    return;
  }
  // Resolved with the mapped columns' keys, so a year key implies the same budget year as there.
  const mapped = Object.keys(m.columns);
  const all = resolveColumnKeys(def, [...mapped, ...Object.keys(seen)]);
  const resolved = all.resolved.slice(mapped.length);
  const unknown = all.unknown;
  for (const key of unknown) e.add(`${path}.${key}`, `är ingen kolumn i ${def.name}`, `is not a column of ${def.name}`);
  const out: Record<string, string> = {};
  for (const r of resolved) {
    const text = seen[r.key];
    if (typeof text !== 'string') e.add(`${path}.${r.key}`, 'ska vara rubrikens text', "must be the header's text");
    else if (!(r.canonical in m.columns)) e.add(`${path}.${r.key}`, `${r.canonical} finns inte i ”columns”`, `${r.canonical} is not in "columns"`);
    else out[r.canonical] = text;
  }
  m.seen = out;
}

const ORDER: (keyof InputMapping)[] = ['sheet', 'headerRow', 'lastRow', 'table', 'columns', 'seen', 'unit', 'costs', 'subtotals', 'skipRows'];

/** An input's mapping with its keys in the contract's order (JSON text is then stable). */
function ordered(m: InputMapping): InputMapping {
  const out: Record<string, unknown> = {};
  for (const key of ORDER) if (m[key] !== undefined) out[key] = m[key];
  return out as unknown as InputMapping;
}

/** The mapping as JSON text (keys in the contract's order, two-space indent). */
export function serializeMapping(mapping: Mapping): string {
  const inputs: Record<string, InputMapping> = {};
  for (const [name, m] of Object.entries(mapping.inputs)) inputs[name] = ordered(m);
  return JSON.stringify({ version: mapping.version, inputs }, null, 2);
}
