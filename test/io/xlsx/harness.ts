/**
 * Builds XlsxWorkbookPorts over seeded workbooks and inspects what they saved — with a fresh
 * ExcelJS, independently of the adapter's own reading code.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Workbook } from 'exceljs';
import { parseRangeA1, toA1 } from '../../../src/core/a1';
import { XlsxWorkbookPort } from '../../../src/io/xlsx/xlsx-port';
import type { InspectedSheet, PortUnderTest, SeedSheet } from '../port-contract';

function seedCell(value: string | number | boolean | null): CellValue {
  if (typeof value === 'string' && value.startsWith('=')) return { formula: value.slice(1) } as CellValue;
  return value;
}

/** An .xlsx holding the seeded sheets, written by plain ExcelJS (as a user's file would be). */
export async function seedWorkbook(seed: SeedSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of seed) {
    const ws = wb.addWorksheet(s.name);
    const inTable = new Set<string>();
    for (const t of s.tables ?? []) {
      const pos = parseRangeA1(t.range);
      if (!pos) throw new Error(`bad seed table range ${t.range}`);
      const header = s.rows[pos.top] ?? [];
      const columns = [];
      for (let c = pos.left; c <= pos.right; c++) columns.push({ name: String(header[c] ?? `Kolumn${c + 1}`), filterButton: true });
      const rows = [];
      for (let r = pos.top + 1; r <= pos.bottom; r++) {
        const row = [];
        for (let c = pos.left; c <= pos.right; c++) row.push(seedCell(s.rows[r]?.[c] ?? null));
        rows.push(row);
      }
      ws.addTable({ name: t.name, ref: toA1(pos.top, pos.left), headerRow: true, columns, rows });
      for (let r = pos.top; r <= pos.bottom; r++) for (let c = pos.left; c <= pos.right; c++) inTable.add(toA1(r, c));
    }
    s.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || inTable.has(toA1(r, c))) return;
        ws.getCell(r + 1, c + 1).value = seedCell(value);
      }),
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Loads saved bytes with a fresh ExcelJS. */
export async function reload(bytes: Uint8Array): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function plain(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  const v = value as { text?: unknown; richText?: { text: string }[]; result?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if (v.text !== undefined) return plain(v.text);
  if (v.error !== undefined) return v.error;
  if ('result' in v) return plain(v.result);
  return String(value);
}

export function inspectWorkbook(wb: Workbook): InspectedSheet[] {
  return wb.worksheets.map((ws) => {
    const values: InspectedSheet['values'] = {};
    const formulas: InspectedSheet['formulas'] = {};
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      if (row.hidden) hiddenRows.push(rowNumber - 1);
      row.eachCell((cell) => {
        const address = cell.address;
        if (cell.formula) {
          formulas[address] = `=${cell.formula}`;
          values[address] = plain(cell.result);
        } else {
          const v = plain(cell.value);
          if (v !== null && v !== '') values[address] = v;
        }
      });
    });
    return { name: ws.name, values, formulas, hiddenRows };
  });
}

export async function xlsxPortUnderTest(seed: SeedSheet[]): Promise<PortUnderTest & { port: XlsxWorkbookPort }> {
  let selected: string | null = null;
  const port = await XlsxWorkbookPort.fromBuffer(await seedWorkbook(seed), {
    onSelect: (sheet, address) => (selected = `${sheet}!${address}`),
  });
  return {
    port,
    inspect: async () => inspectWorkbook(await reload(await port.toBuffer())),
    selected: () => selected,
  };
}
