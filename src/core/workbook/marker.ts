/**
 * Owned tabs carry a machine-readable marker in cell A1 (a hidden row): the type of tab, its period,
 * its nämnd and the format version. It lets Budgetkoll recognise, refresh and check its own tabs,
 * and it is the only proof of ownership: a tab without it is never replaced or deleted.
 */
import type { SheetSpec, SpecCell } from './sheet-spec';
import { parseRangeA1, rangeToA1 } from '../a1';

export const MARKER_PREFIX = 'BUDGETKOLL:';
export const FORMAT_VERSION = 1;
/** The cell to show when opening an owned tab: the first under the hidden marker row (A1 would show the marker in the formula bar). */
export const OWNED_TAB_FIRST_CELL = 'A2';

export type OwnedTabType = 'kontrollrapport' | 'resursfordelning' | 'uppfoljning' | 'sammanstallning' | 'koppling' | 'inlamning';

export interface TabMarker {
  type: OwnedTabType;
  version: number;
  /** Budget year the tab belongs to. */
  year?: number;
  /** Report kind for follow-up tabs: april | august | december. */
  report?: string;
  /** Nämnd name, or "Kommunen" for a kommun-level tab. */
  board?: string;
  /** ISO timestamp of generation. */
  generatedAt?: string;
  /** Koppling tabs: the saved mapping, in the mapping file's JSON form (core/inputs/mapping-store.ts). */
  mapping?: unknown;
  /** Inlämning tabs: the submission receipt (core/submission/receipt.ts). */
  submission?: unknown;
}

export function encodeMarker(marker: TabMarker): string {
  return MARKER_PREFIX + JSON.stringify(marker);
}

/** The marker in a cell's text, or null when the text is not a valid marker. */
export function decodeMarker(text: unknown): TabMarker | null {
  if (typeof text !== 'string' || !text.startsWith(MARKER_PREFIX)) return null;
  try {
    const parsed: unknown = JSON.parse(text.slice(MARKER_PREFIX.length));
    if (!parsed || typeof parsed !== 'object') return null;
    const m = parsed as Partial<TabMarker>;
    if (typeof m.type !== 'string' || typeof m.version !== 'number') return null;
    return m as TabMarker;
  } catch {
    return null;
  }
}

/**
 * Puts the marker in A1 of a hidden first row. Builders work in content coordinates; everything
 * positional (rows, merges, validations, conditional formats, tables, charts, freeze panes, print
 * titles, hidden rows) moves one row down here, so no builder has to know about the marker row.
 */
export function withMarker(spec: SheetSpec, marker: TabMarker): SheetSpec {
  return {
    ...spec,
    rows: [[{ value: encodeMarker(marker), style: 'marker' }], ...spec.rows.map(shiftRowFormulas)],
    hiddenRows: [0, ...spec.hiddenRows.map((r) => r + 1)],
    merges: spec.merges.map(shiftRange),
    ...(spec.mergesAcross ? { mergesAcross: spec.mergesAcross.map(shiftRange) } : {}),
    validations: spec.validations.map((v) => ({ ...v, range: shiftRange(v.range) })),
    conditionalFormats: spec.conditionalFormats.map((c) => ({ ...c, range: shiftRange(c.range), formula: shiftFormulaRows(c.formula) })),
    tables: spec.tables.map((t) => ({ ...t, range: shiftRange(t.range) })),
    ...(spec.charts ? { charts: spec.charts.map((c) => ({ ...c, source: shiftRange(c.source), placement: shiftRange(c.placement) })) } : {}),
    freeze: spec.freeze && spec.freeze.rows > 0 ? { ...spec.freeze, rows: spec.freeze.rows + 1 } : spec.freeze,
    print: spec.print && spec.print.repeatRows ? { ...spec.print, repeatRows: shiftRowSpan(spec.print.repeatRows) } : spec.print,
  };
}

/**
 * Puts the marker in A1 of a spec whose builder already left the first row free and wrote
 * everything else in sheet coordinates: no shifting, which matters for tabs of a hundred thousand
 * formulas (follow-up tabs of every nämnd).
 */
export function fillMarkerRow(spec: SheetSpec, marker: TabMarker): SheetSpec {
  if (spec.rows.length === 0 || spec.rows[0].some((cell) => cell !== null)) {
    throw new Error('fillMarkerRow: the first row must be left empty for the marker');
  }
  const rows = spec.rows.slice();
  rows[0] = [{ value: encodeMarker(marker), style: 'marker' }];
  return { ...spec, rows, hiddenRows: spec.hiddenRows.includes(0) ? spec.hiddenRows : [0, ...spec.hiddenRows] };
}

function shiftRowFormulas(row: (SpecCell | null)[]): (SpecCell | null)[] {
  return row.map((cell) => {
    // R1C1 cells are shared between rows and their absolute rows cannot be moved one by one.
    if (cell?.formulaR1C1 !== undefined) throw new Error('withMarker cannot move R1C1 formulas: build in sheet rows and use fillMarkerRow');
    return cell && cell.formula ? { ...cell, formula: shiftFormulaRows(cell.formula) } : cell;
  });
}

function shiftRange(a1: string): string {
  const pos = parseRangeA1(a1);
  if (!pos) return a1;
  return rangeToA1({ top: pos.top + 1, left: pos.left, bottom: pos.bottom + 1, right: pos.right });
}

/** "$3:$4" → "$4:$5". */
function shiftRowSpan(span: string): string {
  return span.replace(/\$?(\d+)/g, (m, n: string) => (m.startsWith('$') ? '$' : '') + String(Number(n) + 1));
}

/**
 * Every reference to this tab's own cells moves down one row with the content (relative or
 * absolute: the content itself moved). References to other sheets ('Blad'!A1, Blad!A1), text in
 * quotes and function names stay as they are.
 */
// A hand-written scanner (no regex, no slicing per token): result tabs hold tens of thousands of
// formulas, and this runs over every one of them.
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordChar = (c: number) => isLetter(c) || isDigit(c) || c === 95 /* _ */ || c === 46 /* . */ || c === 36 /* $ */;

/** Skips a reference such as $D$2 or B5:C9 starting at i; returns the index after it. */
function skipReference(f: string, i: number): number {
  while (i < f.length && (isWordChar(f.charCodeAt(i)) || f.charCodeAt(i) === 58 /* : */)) i++;
  return i;
}

/** Where the row digits of a cell reference f[start..end) begin ($?[A-Za-z]{1,3}$?\d+), or -1. */
function rowDigitsOf(f: string, start: number, end: number): number {
  let i = start;
  if (f.charCodeAt(i) === 36) i++;
  const lettersStart = i;
  while (i < end && isLetter(f.charCodeAt(i))) i++;
  const letters = i - lettersStart;
  if (letters < 1 || letters > 3) return -1;
  if (f.charCodeAt(i) === 36) i++;
  const digitsStart = i;
  while (i < end && isDigit(f.charCodeAt(i))) i++;
  return i === end && i > digitsStart ? digitsStart : -1;
}

export function shiftFormulaRows(f: string): string {
  const n = f.length;
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < n) {
    const c = f.charCodeAt(i);
    if (c === 34 /* " */) {
      const end = f.indexOf('"', i + 1);
      i = end < 0 ? n : end + 1;
    } else if (c === 39 /* ' */) {
      // A quoted sheet name ('' escapes a quote): the reference after its "!" is on another sheet.
      let e = i + 1;
      while (e < n && !(f.charCodeAt(e) === 39 && f.charCodeAt(e + 1) !== 39)) e += f.charCodeAt(e) === 39 ? 2 : 1;
      i = e + 1;
      if (f.charCodeAt(i) === 33 /* ! */) i = skipReference(f, i + 1);
    } else if (isDigit(c) || c === 46) {
      // A number literal (also 1E5): never a reference.
      while (i < n && isWordChar(f.charCodeAt(i))) i++;
    } else if (isLetter(c) || c === 95 || c === 36) {
      const start = i;
      while (i < n && isWordChar(f.charCodeAt(i))) i++;
      const next = f.charCodeAt(i);
      if (next === 33 /* ! */) {
        i = skipReference(f, i + 1); // Sheet!A1: another sheet
      } else if (next !== 40 /* ( */) {
        const digits = rowDigitsOf(f, start, i);
        if (digits >= 0) {
          out += f.slice(copied, digits) + String(Number(f.slice(digits, i)) + 1);
          copied = i;
        }
      }
    } else {
      i++;
    }
  }
  return copied === 0 ? f : out + f.slice(copied);
}
