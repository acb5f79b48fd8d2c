/**
 * Test helper: the RawWorkbook (with the plan's `located`) an adapter would hand over for a list of written SheetSpecs
 * (values only, tables as declared), so recognition and validation can run on what we write.
 */
import { rangeToA1 } from '../../../src/core/a1';
import { readResult, type PlannedRead, type ReadResult } from '../../../src/core/workbook/port';
import type { RawValue, WorkbookIndex } from '../../../src/core/workbook/raw';
import type { SheetSpec } from '../../../src/core/workbook/sheet-spec';
import { parseRangeA1 } from '../../../src/core/a1';

export function specsAsRaw<T = undefined>(specs: readonly SheetSpec[], plan: (index: WorkbookIndex) => PlannedRead<T>): ReadResult<T> {
  const values = new Map<string, RawValue[][]>();
  const index: WorkbookIndex = { sheets: [], tables: [] };
  specs.forEach((spec, position) => {
    const grid: RawValue[][] = spec.rows.map((row) => row.map((cell) => (cell?.value === undefined ? null : (cell.value as RawValue))));
    values.set(spec.name, grid);
    const width = grid.reduce((w, r) => Math.max(w, r.length), 1); // no spread: 200 000 rows overflow the stack
    index.sheets.push({
      name: spec.name,
      position,
      visible: true,
      usedAddress: grid.length ? rangeToA1({ top: 0, left: 0, bottom: grid.length - 1, right: width - 1 }) : null,
      firstCellText: typeof grid[0]?.[0] === 'string' ? (grid[0][0] as string) : null,
    });
    for (const table of spec.tables) index.tables.push({ name: table.name, sheet: spec.name, address: table.range });
  });
  const grids = new Map();
  const planned = plan(index);
  for (const range of planned.ranges) {
    const pos = parseRangeA1(range.address)!;
    const sheet = values.get(range.sheet)!;
    const cut: RawValue[][] = [];
    for (let r = pos.top; r <= pos.bottom; r++) {
      const row = sheet[r] ?? [];
      const out: RawValue[] = [];
      for (let c = pos.left; c <= pos.right; c++) out.push(row[c] ?? null);
      cut.push(out);
    }
    grids.set(range.id, { sheet: range.sheet, top: pos.top, left: pos.left, values: cut, formulas: {} });
  }
  return readResult({ index, grids }, planned);
}
