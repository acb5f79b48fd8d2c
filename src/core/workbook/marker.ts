/**
 * Owned tabs carry a machine-readable marker in cell A1 (a hidden row): the type of tab, its period,
 * its nämnd and the format version. It lets Budgetkoll recognise, refresh and check its own tabs,
 * and it is the only proof of ownership: a tab without it is never replaced or deleted.
 */
import type { SheetSpec } from './sheet-spec';

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

/** Puts the marker in A1 and hides row 1: the spec's own rows move one down. */
export function withMarker(spec: SheetSpec, marker: TabMarker): SheetSpec {
  return {
    ...spec,
    rows: [[{ value: encodeMarker(marker), style: 'marker' }], ...spec.rows],
    hiddenRows: [0, ...spec.hiddenRows.map((r) => r + 1)],
  };
}
