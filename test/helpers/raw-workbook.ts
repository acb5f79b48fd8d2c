/** Builds RawWorkbooks in memory for core tests, the way an adapter would hand them over. */
import { parseRangeA1, rangeToA1, toA1 } from '../../src/core/a1';
import { CellError, isErrorCode, type RawGrid, type RawValue, type RawWorkbook, type ReadPlan, type WorkbookIndex } from '../../src/core/workbook/raw';

export interface TestSheet {
  name: string;
  rows: (string | number | boolean | null)[][];
  tables?: { name: string; range: string }[];
  numberFormats?: Record<string, string>;
  /** Merged ranges ("E3:G3"), written by testSheetsToXlsx; the value is the top-left cell's. */
  merges?: string[];
}

function toRaw(v: string | number | boolean | null): RawValue {
  if (typeof v === 'string' && isErrorCode(v)) return new CellError(v);
  return v;
}

/** The index an adapter would report for these sheets. */
export function indexOf(sheets: TestSheet[]): WorkbookIndex {
  return {
    sheets: sheets.map((s, position) => {
      const width = Math.max(0, ...s.rows.map((r) => r.length));
      const used = s.rows.length > 0 && width > 0 ? rangeToA1({ top: 0, left: 0, bottom: s.rows.length - 1, right: width - 1 }) : null;
      const first = s.rows[0]?.[0];
      return { name: s.name, position, visible: true, usedAddress: used, firstCellText: typeof first === 'string' ? first : null };
    }),
    tables: sheets.flatMap((s) => (s.tables ?? []).map((t) => ({ name: t.name, sheet: s.name, address: t.range }))),
  };
}

/** Executes a read plan against in-memory sheets (formulas: strings starting "=" give value 0). */
export function readPlan(sheets: TestSheet[], plan: ReadPlan): RawWorkbook {
  const grids = new Map<string, RawGrid>();
  for (const range of plan.ranges) {
    const sheet = sheets.find((s) => s.name === range.sheet)!;
    const pos = parseRangeA1(range.address)!;
    const values: RawValue[][] = [];
    const formulas: Record<string, string> = {};
    const numberFormats: string[][] = [];
    for (let r = pos.top; r <= pos.bottom; r++) {
      const row: RawValue[] = [];
      const fmtRow: string[] = [];
      for (let c = pos.left; c <= pos.right; c++) {
        const v = sheet.rows[r]?.[c] ?? null;
        if (typeof v === 'string' && v.startsWith('=')) {
          if (range.formulas) formulas[toA1(r, c)] = v;
          row.push(0);
        } else row.push(toRaw(v));
        fmtRow.push(sheet.numberFormats?.[toA1(r, c)] ?? 'General');
      }
      values.push(row);
      numberFormats.push(fmtRow);
    }
    grids.set(range.id, { sheet: sheet.name, top: pos.top, left: pos.left, values, formulas, numberFormats: range.numberFormats ? numberFormats : undefined });
  }
  return { index: indexOf(sheets), grids };
}
