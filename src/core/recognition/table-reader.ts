/**
 * Reads the layout of one input from a raw grid: the header row, which column is which, the year
 * columns, the data rows and the total rows. Structural problems become STRUCT-* findings.
 */
import { toA1 } from '../a1';
import type { Finding } from '../findings';
import type { InputDef } from '../inputs/catalogue';
import { TOTAL_ROW_WORDS } from '../inputs/catalogue';
import { makeFinding } from '../messages/rule-catalogue';
import { foldText } from '../text/normalize';
import { CellError, type RawGrid, type RawValue } from '../workbook/raw';
import { columnMatchers, matchColumn, matchYearGroup, parseHeader, type ParsedHeader, type UnitHint } from './headers';
import type { InputLayout } from './model';

const HEADER_SEARCH_ROWS = 20;

export interface ReadTable {
  layout: InputLayout;
  /** 0-based sheet rows holding data (not empty, not totals). */
  dataRows: number[];
  /** 0-based sheet rows of total rows, with the data rows each closes. */
  totalRows: { row: number; closes: { first: number; last: number } | null }[];
  grid: RawGrid;
}

export interface TableReadResult {
  table: ReadTable | null;
  findings: Finding[];
}

function isEmptyValue(v: RawValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim().length === 0);
}

/** True for a key cell that marks a total row: Summa, Totalt, Total, or "Summa …". */
export function isTotalKey(value: RawValue | undefined): boolean {
  if (typeof value !== 'string') return false;
  // Cheap pre-check: every total word starts with s or t.
  const first = value.trimStart().charAt(0);
  if (first !== 's' && first !== 'S' && first !== 't' && first !== 'T') return false;
  const folded = foldText(value);
  return (TOTAL_ROW_WORDS as readonly string[]).includes(folded) || folded.startsWith('summa ') || folded.startsWith('totalt ');
}

function isGrandTotalKey(value: RawValue): boolean {
  return typeof value === 'string' && (TOTAL_ROW_WORDS as readonly string[]).includes(foldText(value));
}

interface HeaderMapping {
  columns: Record<string, number>;
  years: { group: string; year: number; col: number; header: ParsedHeader }[];
  units: Map<number, UnitHint>;
  matches: number;
  headers: string[];
}

function mapHeaderRow(def: InputDef, row: RawValue[], left: number, y1: number | null): HeaderMapping {
  const matchers = columnMatchers(def);
  const mapping: HeaderMapping = { columns: {}, years: [], units: new Map(), matches: 0, headers: [] };
  for (let i = 0; i < row.length; i++) {
    const header = parseHeader(row[i]);
    if (!header) continue;
    mapping.headers.push(header.original);
    const col = left + i;
    const column = matchColumn(matchers, header);
    if (column) {
      if (mapping.columns[column.key] === undefined) {
        mapping.columns[column.key] = col;
        mapping.units.set(col, header.unit);
        mapping.matches++;
      }
      continue;
    }
    const group = matchYearGroup(def, header, y1);
    if (group) {
      mapping.years.push({ group: group.key, year: header.year!, col, header });
      mapping.units.set(col, header.unit);
      mapping.matches++;
    }
  }
  return mapping;
}

/** The years found in the budget-year group of an input (for establishing Y1 before Parametrar). */
export function yearsInHeader(def: InputDef, grid: RawGrid, fromTable: boolean): number[] {
  const headerIndex = findHeaderRow(def, grid, fromTable, null);
  if (headerIndex < 0) return [];
  const mapping = mapHeaderRow(def, grid.values[headerIndex] ?? [], grid.left, null);
  return mapping.years.map((y) => y.year);
}

function findHeaderRow(def: InputDef, grid: RawGrid, fromTable: boolean, y1: number | null): number {
  if (fromTable) return grid.values.length > 0 ? 0 : -1;
  const limit = Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  for (let r = 0; r < limit; r++) {
    const mapping = mapHeaderRow(def, grid.values[r] ?? [], grid.left, y1);
    if (mapping.matches >= 2) return r;
  }
  return -1;
}

/**
 * Reads an input's layout from its grid. `y1` is the budget year when known; year columns are
 * checked against Y1..Y3 (and Y0 for groups that need it).
 */
export function readTable(def: InputDef, grid: RawGrid, source: { table: string | null }, y1: number | null): TableReadResult {
  const findings: Finding[] = [];
  const fromTable = source.table !== null;
  const headerIndex = findHeaderRow(def, grid, fromTable, y1);
  const anchor = { sheet: grid.sheet, cell: toA1(grid.top, grid.left) };
  const expectedHeaders = [
    ...def.columns.filter((c) => c.required).map((c) => c.label),
    ...def.yearGroups.flatMap((g) => (y1 === null ? [] : g.offsets.map((o) => `${g.prefix}${y1 + o}`))),
  ];

  if (headerIndex < 0) {
    const firstRow = grid.values.find((row) => row.some((v) => !isEmptyValue(v))) ?? [];
    const found = firstRow.map((v) => parseHeader(v)?.original).filter(Boolean).join(', ') || '(inga)';
    const missing = def.columns.filter((c) => c.required).map((c) => c.label);
    for (const column of missing) {
      findings.push(makeFinding('STRUCT-MISSING-COLUMN', anchor, { input: def.name, column, found }));
    }
    if (missing.length === 0 && expectedHeaders.length > 0) {
      findings.push(makeFinding('STRUCT-MISSING-COLUMN', anchor, { input: def.name, column: expectedHeaders.join(', '), found }));
    }
    return { table: null, findings };
  }

  const headerRow = grid.top + headerIndex;
  const mapping = mapHeaderRow(def, grid.values[headerIndex] ?? [], grid.left, y1);
  const headerAnchor = { sheet: grid.sheet, cell: toA1(headerRow, grid.left) };
  const foundList = mapping.headers.join(', ') || '(inga)';
  let usable = true;
  for (const column of def.columns) {
    if (!column.required || mapping.columns[column.key] !== undefined) continue;
    findings.push(makeFinding('STRUCT-MISSING-COLUMN', headerAnchor, { input: def.name, column: column.label, found: foundList }));
    if (column.kind === 'key') usable = false;
  }

  const yearColumns: Record<string, number[]> = {};
  for (const group of def.yearGroups) {
    const inGroup = mapping.years.filter((y) => y.group === group.key);
    const expected = y1 === null ? null : group.offsets.map((o) => y1 + o);
    const cols: number[] = [];
    if (expected === null) {
      // Without a budget year, take the group's columns in order.
      for (const y of inGroup) cols.push(y.col);
    } else {
      for (const year of expected) {
        const hit = inGroup.find((y) => y.year === year);
        cols.push(hit ? hit.col : -1);
      }
    }
    yearColumns[group.key] = cols;

    if (group.offsets.length === 3) {
      const years = [...new Set(inGroup.map((y) => y.year))].sort((a, b) => a - b);
      const consecutive = years.length === 3 && years[1] === years[0] + 1 && years[2] === years[1] + 1;
      const matchesExpected = expected === null || (consecutive && years[0] === expected[0]);
      if (!consecutive || !matchesExpected) {
        const cell = inGroup.length > 0 ? toA1(headerRow, inGroup[0].col) : headerAnchor.cell;
        findings.push(
          makeFinding('STRUCT-YEARS', { sheet: grid.sheet, cell }, {
            input: def.name,
            found: years.length > 0 ? years.join(', ') : 'inga',
            expected: expected ? expected.join(', ') : 'tre på varandra följande år',
          }),
        );
      }
    } else if (expected !== null) {
      expected.forEach((year, i) => {
        if (cols[i] >= 0) return;
        findings.push(
          makeFinding('STRUCT-MISSING-COLUMN', headerAnchor, { input: def.name, column: `${group.prefix}${year}`, found: foundList }),
        );
      });
    }
  }

  if (!usable) return { table: null, findings };

  // Data rows: below the header to the last non-empty row; empty rows skipped; totals set apart.
  const keyCol = Math.min(...Object.values(mapping.columns), ...mapping.years.map((y) => y.col), Number.MAX_SAFE_INTEGER);
  const keyOffset = (Number.isFinite(keyCol) && keyCol !== Number.MAX_SAFE_INTEGER ? keyCol : grid.left) - grid.left;
  const dataRows: number[] = [];
  const totalRows: ReadTable['totalRows'] = [];
  let blockStart = -1;
  let lastNonEmpty = headerRow;
  for (let i = headerIndex + 1; i < grid.values.length; i++) {
    const row = grid.values[i];
    if (!row || row.every(isEmptyValue)) continue;
    const sheetRow = grid.top + i;
    lastNonEmpty = sheetRow;
    const key = row[keyOffset] ?? row.find((v) => !isEmptyValue(v));
    if (isTotalKey(key as RawValue)) {
      // After subtotals ("Summa KS"), a plain "Summa"/"Totalt" is the grand total of all data rows;
      // otherwise a total closes the block of data rows since the previous total.
      const grand = totalRows.length > 0 && isGrandTotalKey(key as RawValue);
      const closes =
        dataRows.length === 0
          ? null
          : grand || blockStart < 0
            ? { first: dataRows[0], last: dataRows[dataRows.length - 1] }
            : { first: blockStart, last: dataRows[dataRows.length - 1] };
      totalRows.push({ row: sheetRow, closes });
      blockStart = -1;
      continue;
    }
    if (blockStart < 0) blockStart = sheetRow;
    dataRows.push(sheetRow);
  }

  const layout: InputLayout = {
    input: def.id,
    name: def.name,
    sheet: grid.sheet,
    table: source.table,
    headerRow,
    firstDataRow: headerRow + 1,
    lastDataRow: lastNonEmpty,
    columns: mapping.columns,
    yearColumns,
    headers: mapping.headers,
    kronorPerUnit: kronorPerUnit(def, mapping),
    emptyYearColumns: emptyYearColumns(grid, mapping.years.map((y) => y.col), dataRows),
  };
  return { table: { layout, dataRows, totalRows, grid }, findings };
}

/** Year columns in which no data row holds anything (stops at the first filled cell per column). */
function emptyYearColumns(grid: RawGrid, cols: number[], dataRows: number[]): number[] {
  if (dataRows.length === 0) return [];
  return cols.filter((col) => !dataRows.some((row) => !isEmptyValue(grid.values[row - grid.top]?.[col - grid.left])));
}

const KRONOR: Record<string, number> = { kr: 1, tkr: 1000, mnkr: 1_000_000 };

/** Kronor per cell unit for every amount-like column: the header's unit, else the kind's default. */
function kronorPerUnit(def: InputDef, mapping: HeaderMapping): Record<number, number> {
  const result: Record<number, number> = {};
  const defaultFor = (kind: string) => (kind === 'unitCost' ? 1 : 1000);
  for (const column of def.columns) {
    const col = mapping.columns[column.key];
    if (col === undefined || (column.kind !== 'amount' && column.kind !== 'unitCost')) continue;
    const hint = mapping.units.get(col);
    result[col] = hint && hint in KRONOR ? KRONOR[hint] : defaultFor(column.kind);
  }
  for (const year of mapping.years) {
    const group = def.yearGroups.find((g) => g.key === year.group);
    if (!group || group.kind !== 'amount') continue;
    const hint = mapping.units.get(year.col);
    result[year.col] = hint && hint in KRONOR ? KRONOR[hint] : 1000;
  }
  return result;
}

/** Value of a sheet cell in a read table (null outside the grid). */
export function cellAt(table: ReadTable, row: number, col: number): RawValue {
  if (col < 0) return null;
  const r = table.grid.values[row - table.grid.top];
  if (!r) return null;
  const v = r[col - table.grid.left];
  return v === undefined ? null : v;
}

export function isErrorValue(v: RawValue): v is CellError {
  return v instanceof CellError;
}
