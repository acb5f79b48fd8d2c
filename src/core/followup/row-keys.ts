/**
 * Row keys: every row of a follow-up tab that holds inputs or formulas carries, in its key cell
 * (column A, in the near-invisible marker style), a small JSON descriptor — the row's stable key
 * (section, nämnd, item text) and which column holds which field, split into inputs, formulas and
 * constants. The tab thereby describes itself: reading it back needs no knowledge of where a
 * builder put things, and refresh matches typed inputs by key, never by position.
 */
import { columnIndex, columnLetters } from '../a1';
import { normalizeKey } from '../text/normalize';
import type { SectionId } from './reports';

/** The part of a tab a row belongs to: a section, the header block or the "Borttagna rader" block. */
export type RowSection = SectionId | 'huvud' | 'borttagna';

export interface RowKey {
  section: RowSection;
  /** The nämnd the row concerns (the recipient for an uppdrag; "Kommunen" for kommun-level rows). */
  board: string;
  /** Verksamhet, item text or prompt; "" for a whole nämnd. */
  item: string;
  /** True for a section's total row. */
  total?: boolean;
}

/** Columns (0-based) of the fields of one row, by kind. */
export interface RowFields {
  /** Cells a person fills in (style `input`, unlocked). */
  inputs: Record<string, number>;
  /** Formula cells that must stay formulas. */
  formulas: Record<string, number>;
  /** Constants written from the source data (not formulas, not inputs). */
  constants: Record<string, number>;
}

export interface RowDescriptor {
  key: RowKey;
  fields: RowFields;
  /** For a "Borttagna rader" row: the key and field the kept value came from. */
  removed?: { key: RowKey; field: string };
}

/** What the key cell holds: short property names keep 200 000-row workbooks small. */
interface EncodedDescriptor {
  s: string;
  b: string;
  i: string;
  t?: 1;
  in?: Record<string, string>;
  fx?: Record<string, string>;
  k?: Record<string, string>;
  o?: { s: string; b: string; i: string; t?: 1; f: string };
}

/** Every part a row can belong to, in the order they stand on a tab. */
export const ROW_SECTIONS: readonly RowSection[] = [
  'huvud',
  'sammanfattning',
  'mal',
  'ekonomi',
  'atgarder',
  'inriktningar',
  'uppdrag',
  'internkontroll',
  'personal',
  'privata',
  'genomlysning',
  'centrala',
  'balanskrav',
  'borttagna',
];

function isSection(value: unknown): value is RowSection {
  return typeof value === 'string' && (ROW_SECTIONS as readonly string[]).includes(value);
}

function lettersOf(fields: Record<string, number>): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const field in fields) {
    const col = fields[field];
    (out ??= Object.create(null) as Record<string, string>)[field] = columnLetters(col);
  }
  return out;
}

function columnsOf(encoded: unknown): Record<string, number> | null {
  // Objects without a prototype: field names come from the sheet, and "__proto__" is a name too.
  if (encoded === undefined) return Object.create(null) as Record<string, number>;
  if (!encoded || typeof encoded !== 'object' || Array.isArray(encoded)) return null;
  const out = Object.create(null) as Record<string, number>;
  for (const [field, letters] of Object.entries(encoded as Record<string, unknown>)) {
    if (typeof letters !== 'string') return null;
    const col = columnIndex(letters);
    if (col < 0 || col > 16383) return null;
    out[field] = col;
  }
  return out;
}

export function encodeDescriptor(descriptor: RowDescriptor): string {
  return encodeWithFields(descriptor.key, encodeFields(descriptor.fields), descriptor.removed);
}

/**
 * The fields part of a descriptor (`,"in":{…},"fx":{…}`): the same for every row of a block, so
 * builders encode it once and pass it to encodeWithFields per row.
 */
export function encodeFields(fields: RowFields): string {
  const parts: Partial<EncodedDescriptor> = {};
  const inputs = lettersOf(fields.inputs);
  const formulas = lettersOf(fields.formulas);
  const constants = lettersOf(fields.constants);
  if (inputs) parts.in = inputs;
  if (formulas) parts.fx = formulas;
  if (constants) parts.k = constants;
  const json = JSON.stringify(parts);
  return json === '{}' ? '' : `,${json.slice(1, -1)}`;
}

/** JSON.stringify of a string. */
export function jsonString(text: string): string {
  return JSON.stringify(text);
}

/**
 * How the key cell of a section's total row begins, whatever fields follow: a formula on another
 * tab can find the row by it (MATCH with a trailing *), wherever a refresh has moved it.
 */
export function totalKeyPrefix(section: RowSection, board: string): string {
  return `{"s":${jsonString(section)},"b":${jsonString(board)},"i":"","t":1`;
}

/**
 * A descriptor from its key, the encoded fields part and the "Borttagna rader" origin: the text
 * JSON.stringify gives for { s, b, i, t?, in?, fx?, k?, o? } in that order, every value through
 * JSON.stringify, the fields part made once per shape (encodeFields).
 */
export function encodeWithFields(key: RowKey, encodedFields: string, removed?: RowDescriptor['removed']): string {
  let text = `{"s":${jsonString(key.section)},"b":${jsonString(key.board)},"i":${jsonString(key.item)}${key.total ? ',"t":1' : ''}${encodedFields}`;
  if (removed) {
    const origin: NonNullable<EncodedDescriptor['o']> = { s: removed.key.section, b: removed.key.board, i: removed.key.item, f: removed.field };
    if (removed.key.total) origin.t = 1;
    text += `,"o":${JSON.stringify(origin)}`;
  }
  return `${text}}`;
}

/** The descriptor in a key cell, or null when the cell holds none (any other text, a number, empty). */
export function decodeDescriptor(text: unknown): RowDescriptor | null {
  if (typeof text !== 'string' || !text.startsWith('{"s":')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const e = parsed as Partial<EncodedDescriptor>;
  if (!isSection(e.s) || typeof e.b !== 'string' || typeof e.i !== 'string') return null;
  const inputs = columnsOf(e.in);
  const formulas = columnsOf(e.fx);
  const constants = columnsOf(e.k);
  if (!inputs || !formulas || !constants) return null;
  const descriptor: RowDescriptor = { key: { section: e.s, board: e.b, item: e.i }, fields: { inputs, formulas, constants } };
  if (e.t === 1) descriptor.key.total = true;
  if (e.o !== undefined) {
    const o = e.o as Partial<EncodedDescriptor['o'] & object>;
    if (!isSection(o.s) || typeof o.b !== 'string' || typeof o.i !== 'string' || typeof o.f !== 'string') return null;
    descriptor.removed = { key: { section: o.s, board: o.b, item: o.i, ...(o.t === 1 ? { total: true } : {}) }, field: o.f };
  }
  return descriptor;
}

/** The identity of a key for matching: case, surrounding and repeated spaces do not matter. */
export function keyId(key: RowKey): string {
  return [key.section, normalizeKey(key.board), normalizeKey(key.item), key.total ? 'summa' : ''].join('\u0000');
}
