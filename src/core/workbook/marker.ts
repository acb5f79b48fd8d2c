/**
 * Owned tabs carry a machine-readable marker in cell A1 (a hidden row): the type of tab, its period,
 * its nämnd and the format version. It lets Budgetkoll recognise, refresh and check its own tabs,
 * and it is the only proof of ownership: a tab without it is never replaced or deleted.
 */
import type { SheetSpec, SpecCell } from './sheet-spec';
import { parseRangeA1, rangeToA1 } from '../a1';

export const MARKER_PREFIX = 'BUDGETKOLL:';
export const FORMAT_VERSION = 1;

export type OwnedTabType = 'kontrollrapport' | 'resursfordelning' | 'uppfoljning' | 'sammanstallning';

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
 * positional (rows, merges, validations, conditional formats, tables, freeze panes, print titles,
 * hidden rows) moves one row down here, so no builder has to know about the marker row.
 */
export function withMarker(spec: SheetSpec, marker: TabMarker): SheetSpec {
  return {
    ...spec,
    rows: [[{ value: encodeMarker(marker), style: 'marker' }], ...spec.rows.map(shiftRowFormulas)],
    hiddenRows: [0, ...spec.hiddenRows.map((r) => r + 1)],
    merges: spec.merges.map(shiftRange),
    validations: spec.validations.map((v) => ({ ...v, range: shiftRange(v.range) })),
    conditionalFormats: spec.conditionalFormats.map((c) => ({ ...c, range: shiftRange(c.range), formula: shiftFormulaRows(c.formula) })),
    tables: spec.tables.map((t) => ({ ...t, range: shiftRange(t.range) })),
    freeze: spec.freeze && spec.freeze.rows > 0 ? { ...spec.freeze, rows: spec.freeze.rows + 1 } : spec.freeze,
    print: spec.print && spec.print.repeatRows ? { ...spec.print, repeatRows: shiftRowSpan(spec.print.repeatRows) } : spec.print,
  };
}

function shiftRowFormulas(row: (SpecCell | null)[]): (SpecCell | null)[] {
  return row.map((cell) => (cell && cell.formula ? { ...cell, formula: shiftFormulaRows(cell.formula) } : cell));
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
// One pass over a formula's tokens: text in quotes, references to other sheets (quoted or not)
// and function names are kept; only a bare cell reference (group 1-3) is moved.
const FORMULA_TOKENS =
  /"[^"]*"|'(?:[^']|'')*'![$A-Za-z]+\$?\d+(?::[$A-Za-z]+\$?\d+)?|[A-Za-z_][A-Za-z0-9_.]*![$A-Za-z]+\$?\d+(?::[$A-Za-z]+\$?\d+)?|(?<![A-Za-z0-9_.$])(\$?[A-Za-z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_!])|[A-Za-z_][A-Za-z0-9_.]*/g;

export function shiftFormulaRows(formula: string): string {
  return formula.replace(FORMULA_TOKENS, (token: string, col?: string, dollar?: string, row?: string) =>
    col === undefined ? token : col + dollar + String(Number(row) + 1),
  );
}
