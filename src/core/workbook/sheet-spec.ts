/**
 * A SheetSpec is a tab described as data: what Budgetkoll writes, built by pure core functions
 * (templates, result tabs, reports) and written by either adapter in the same way. Specs are
 * read-only once built: builders may share one cell object between many cells (a tab of a hundred
 * thousand rows has few distinct empty input cells).
 */
import { parseRangeA1, type RangePosition } from '../a1';
import type { StyleName } from './styles';

/** A constant a spec may hold. Text is always written as text, never as a formula. */
export type SpecValue = string | number | boolean | null;

export interface SpecCell {
  /**
   * Constant value. With `formula`/`formulaR1C1` set: the formula's result as the core computed it
   * (its cached value), written to files so that a viewer that does not recalculate shows the right
   * figure; absent where the core cannot know it (a formula over a cell the user types). Hosts that
   * calculate (Excel through Office.js) write the formula only.
   */
  value?: SpecValue;
  /** A formula in Excel's English syntax, starting with "=" (e.g. "=SUM(C3:C9)"). */
  formula?: string;
  /**
   * The same in R1C1 notation, relative to the cell ("=RC3*8/12"): one text, and so one cell
   * object, can serve a whole column of rows. Adapters write it as A1 (r1c1.ts). Set one of the two.
   */
  formulaR1C1?: string;
  style?: StyleName;
  /** Excel number format code (see NUMBER_FORMATS). */
  numberFormat?: string;
  /** Internal hyperlink target on this workbook ("'Driftbudget'!E12"). */
  link?: string;
}

export interface DataValidationSpec {
  /** A1 range on this tab. */
  range: string;
  kind: 'list' | 'wholeNumber' | 'decimal' | 'date';
  /** For list: the allowed values (shown as a dropdown). */
  list?: string[];
  /** For numbers: inclusive bounds. */
  min?: number;
  max?: number;
  /** Shown when the user types something else (Swedish). */
  errorMessage?: string;
}

/**
 * A dropdown's values as Excel's inline list formula ("\"Ja,Nej\""), or null when they cannot be
 * inline: the list is split at commas, cannot hold quotes, and Excel caps it at 255 characters
 * (the writers then put the values in a hidden column and point the list there).
 */
export function inlineListFormula(items: readonly string[]): string | null {
  const inline = items.join(',');
  if (inline.length > 255 || items.some((i) => i.includes(',') || i.includes('"'))) return null;
  return `"${inline}"`;
}

/** Excel table column names from the header cells' texts: never empty ("Kolumn2"), unique case-insensitively ("Belopp2"). */
export function tableColumnNames(headerTexts: readonly string[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  headerTexts.forEach((text, i) => {
    const raw = text.trim();
    let name = raw || `Kolumn${i + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${raw || 'Kolumn'}${n}`;
    seen.add(name.toLowerCase());
    names.push(name);
  });
  return names;
}

/** The Swedish message shown when a typed value breaks a validation that gives none of its own. */
export function defaultValidationMessage(v: DataValidationSpec): string {
  const bounds =
    v.min !== undefined && v.max !== undefined
      ? ` mellan ${v.min} och ${v.max}`
      : v.min !== undefined
        ? ` som är minst ${v.min}`
        : v.max !== undefined
          ? ` som är högst ${v.max}`
          : '';
  switch (v.kind) {
    case 'list':
      return 'Välj ett av värdena i listan.';
    case 'wholeNumber':
      return `Skriv ett heltal${bounds}.`;
    case 'decimal':
      return `Skriv ett tal${bounds}.`;
    case 'date':
      return 'Skriv ett datum (ÅÅÅÅ-MM-DD).';
  }
}

export interface ConditionalFormatSpec {
  /** A1 range on this tab. */
  range: string;
  /** Formula relative to the range's top-left cell, true where the style applies (e.g. "=AND($F5<0,$H5=\"\")"). */
  formula: string;
  style: 'warning';
}

export interface PrintSpec {
  orientation: 'landscape' | 'portrait';
  /** Fit all columns on one page width. */
  fitToWidth: boolean;
  /** Rows repeated at the top of each printed page, e.g. "$3:$4". */
  repeatRows?: string;
  /** Footer with page numbers. */
  pageNumbers: boolean;
}

/** An Excel table (ListObject) created over a block of the tab. */
export interface TableSpec {
  name: string;
  /** A1 range including the header row. */
  range: string;
}

/**
 * A chart over a block of the tab, drawn where the host can (Excel). The xlsx files of the
 * playground and the CLI get none (the library they are written with has no charts): the block
 * it is drawn from stays readable as cells, and the cells it covers say so.
 */
export interface ChartSpec {
  kind: 'columnClustered';
  /** A1 range of the data: series names in the first row, category labels in the first column. */
  source: string;
  title: string;
  /** The cells the chart covers, e.g. "B40:F52". */
  placement: string;
}

export interface SheetSpec {
  /** Wanted tab name; the adapter writes it under a free name ≤ 31 characters based on this. */
  name: string;
  /**
   * Rows from A1 downwards; a row is a list of cells from column A (null = empty cell), each row
   * an array of its own (its cells may be shared with other rows).
   */
  rows: (SpecCell | null)[][];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Ranges merged into one cell each, e.g. "C5:D5". */
  merges: string[];
  /**
   * Ranges merged row by row: each row of the range becomes one merged cell (Excel's "merge
   * across"). A block of a thousand rows merging the same columns is one entry, not a thousand.
   */
  mergesAcross?: string[];
  validations: DataValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  tables: TableSpec[];
  /** Rows and columns kept visible while scrolling. */
  freeze?: { rows: number; columns: number };
  print?: PrintSpec;
  /** Rows hidden (0-based); the marker row of owned tabs. */
  hiddenRows: number[];
  /** Protect the tab so only `input` cells can be edited (no password: a guard, not security). */
  protect: boolean;
  /** Tab colour #RRGGBB. */
  tabColor?: string;
  charts?: ChartSpec[];
}

/** An empty spec to start from. */
export function emptySheetSpec(name: string): SheetSpec {
  return {
    name,
    rows: [],
    columnWidths: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    tables: [],
    hiddenRows: [],
    protect: false,
  };
}

/** Every merged cell of a spec, one rectangle each: its merges, and each row of its merges across. */
export function mergedAreas(spec: SheetSpec): RangePosition[] {
  const parse = (address: string): RangePosition => {
    const position = parseRangeA1(address);
    if (!position) throw new RangeError(`sheet spec: not an A1 range: ${address}`);
    return position;
  };
  const areas = spec.merges.map(parse);
  for (const address of spec.mergesAcross ?? []) {
    const block = parse(address);
    for (let row = block.top; row <= block.bottom; row++) areas.push({ ...block, top: row, bottom: row });
  }
  return areas;
}

/** Width of the widest row of a spec. */
export function specWidth(spec: SheetSpec): number {
  let width = spec.columnWidths.length;
  for (const row of spec.rows) if (row.length > width) width = row.length;
  return width;
}
