/**
 * Cells typed next to an Excel table (issue 13, case 3): rows directly below it or columns
 * directly to its right, up to the first fully empty row or column. Excel does not always widen a
 * table as users type, and recognition reads a table by its range, so those cells would be left
 * out without a word. Each side is one STRUCT-OUTSIDE-TABLE finding at its first non-empty cell,
 * with a quick fix that extends the table over them.
 */
import { columnLetters, parseRangeA1, rangeToA1, toA1 } from '../a1';
import type { Finding } from '../findings';
import { makeFinding, type FindingPlace } from '../messages/rule-catalogue';
import type { RawGrid, RawValue, RawWorkbook } from '../workbook/raw';
import { readNumber } from './cell-values';
import type { InputSource } from '../inputs/input-source';
import type { InputLayout } from './model';

const isEmpty = (v: RawValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Leading non-empty rows of a grid (stops at the first fully empty row). */
function leadingRows(grid: RawGrid | undefined): number {
  if (!grid) return 0;
  let n = 0;
  while (n < grid.values.length && (grid.values[n] ?? []).some((v) => !isEmpty(v))) n++;
  return n;
}

/** Leading non-empty columns of a grid (stops at the first fully empty column). */
function leadingColumns(grid: RawGrid | undefined): number {
  if (!grid) return 0;
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  let n = 0;
  while (n < width && grid.values.some((r) => !isEmpty(r[n]))) n++;
  return n;
}

/** First non-empty cell (row-major in the first `rows` rows, or column-major in the first `cols` columns). */
function firstCell(grid: RawGrid, byColumn: boolean): string {
  if (byColumn) {
    for (let r = 0; r < grid.values.length; r++) if (!isEmpty(grid.values[r]?.[0])) return toA1(grid.top + r, grid.left);
  } else {
    const row = grid.values[0] ?? [];
    for (let c = 0; c < row.length; c++) if (!isEmpty(row[c])) return toA1(grid.top, grid.left + c);
  }
  return toA1(grid.top, grid.left);
}

/** True when the rows hold an amount: a number (or a number stored as text) in a column the input counts. */
function holdsAmounts(grid: RawGrid, rows: number, layout: InputLayout | undefined): boolean {
  const amountCols = layout ? new Set([...Object.keys(layout.kronorPerUnit).map(Number), ...Object.values(layout.yearColumns).flat()]) : null;
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (amountCols && !amountCols.has(grid.left + c)) continue;
      const kind = readNumber(row[c]).kind;
      if (kind === 'number' || kind === 'text-number') return true;
    }
  }
  return false;
}

const span = (from: string, to: string) => (from === to ? from : `${from}–${to}`);

const SIDE_WORDS = {
  below: { one: 'rad', many: 'rader', oneEn: 'row', manyEn: 'rows', where: 'under', whereEn: 'below' },
  right: { one: 'kolumn', many: 'kolumner', oneEn: 'column', manyEn: 'columns', where: 'till höger om', whereEn: 'right of' },
} as const;

/** STRUCT-OUTSIDE-TABLE-TEXT: `count` rows below or columns right of `table` hold text, at `cells` ("12–14", "F"). */
function textOutside(place: FindingPlace, table: string, count: number, side: keyof typeof SIDE_WORDS, cells: string): Finding {
  const w = SIDE_WORDS[side];
  return makeFinding('STRUCT-OUTSIDE-TABLE-TEXT', place, {
    count,
    what: count === 1 ? `1 ${w.one}` : `${count} ${w.many}`,
    whatEn: count === 1 ? `1 ${w.oneEn}` : `${count} ${w.manyEn}`,
    where: w.where,
    whereEn: w.whereEn,
    table,
    cells: `${w.one} ${cells}`,
  });
}

/** STRUCT-OUTSIDE-TABLE findings for one table source (none when nothing was typed next to it). */
export function tableExtentFindings(source: InputSource, raw: RawWorkbook, layout: InputLayout | undefined): Finding[] {
  const info = source.table;
  const t = info ? parseRangeA1(info.address) : null;
  if (!info || !t) return [];
  const below = info.belowId ? raw.grids.get(info.belowId) : undefined;
  const right = info.rightId ? raw.grids.get(info.rightId) : undefined;
  const rows = leadingRows(below);
  const cols = leadingColumns(right);
  if (rows === 0 && cols === 0) return [];

  const address = rangeToA1({ top: t.top, left: t.left, bottom: t.bottom + rows, right: t.right + cols });
  const quickFix = () => ({
    value: address,
    label: `Utöka tabellen till ${address}`,
    label_en: `Extend the table to ${address}`,
    resizeTable: { sheet: source.sheet, table: source.name, address },
  });
  const findings: Finding[] = [];
  if (below && rows > 0) {
    const more = rows === below.values.length && info.belowCapped ? ' och fler' : '';
    const rowSpan = `${span(String(t.bottom + 2), String(t.bottom + 1 + rows))}${more}`;
    const place = { sheet: source.sheet, cell: firstCell(below, false), range: rangeToA1({ top: t.bottom + 1, left: t.left, bottom: t.bottom + rows, right: t.right }) };
    const finding = holdsAmounts(below, rows, layout)
      ? makeFinding('STRUCT-OUTSIDE-TABLE', place, { count: rows, table: source.name, rows: rowSpan })
      : textOutside(place, source.name, rows, 'below', rowSpan);
    finding.quickFix = quickFix();
    findings.push(finding);
  }
  if (right && cols > 0) {
    const more = info.rightCapped && cols === Math.max(0, ...right.values.map((r) => r.length)) ? ' och fler' : '';
    const colSpan = `${span(columnLetters(t.right + 1), columnLetters(t.right + cols))}${more}`;
    const place = { sheet: source.sheet, cell: firstCell(right, true), range: rangeToA1({ top: t.top, left: t.right + 1, bottom: t.bottom, right: t.right + cols }) };
    const finding = textOutside(place, source.name, cols, 'right', colSpan);
    finding.quickFix = quickFix();
    findings.push(finding);
  }
  return findings;
}
