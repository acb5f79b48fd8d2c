/**
 * Real .xlsx files from the in-memory test workbooks (TestSheet): what the corpus script writes and
 * the CLI tests read back. Written with ExcelJS directly, the way a user's Excel file looks: formulas
 * carry their computed result (so a Summa row's cached value is right), "#REF!" is an error value,
 * text stays text ("130" is a number stored as text), tables are real Excel tables.
 */
import ExcelJS from 'exceljs';
import { parseA1, parseRangeA1, toA1 } from '../../src/core/a1';
import { isErrorCode } from '../../src/core/workbook/raw';
import type { TestSheet } from '../helpers/raw-workbook';

type Value = TestSheet['rows'][number][number];

/** The value of a formula the fixtures use: SUM over ranges of the same sheet (nested formulas evaluated). */
export function evaluateFormula(sheet: TestSheet, formula: string, seen = new Set<string>()): number {
  const match = /^=SUM\(([^()]*)\)$/i.exec(formula.replace(/\s+/g, ''));
  if (!match) throw new Error(`the fixture writer evaluates only =SUM(…): ${formula}`);
  let sum = 0;
  for (const part of match[1].split(',')) {
    const range = parseRangeA1(part.replace(/\$/g, ''));
    if (!range) throw new Error(`bad range in ${formula}`);
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const v = sheet.rows[r]?.[c] ?? null;
        if (typeof v === 'number') sum += v;
        else if (typeof v === 'string' && v.startsWith('=')) {
          const key = toA1(r, c);
          if (seen.has(key)) throw new Error(`circular formula at ${key}`);
          sum += evaluateFormula(sheet, v, new Set([...seen, key]));
        }
      }
    }
  }
  return sum;
}

/**
 * The result a file keeps for a formula: SUMs evaluated; a circular one keeps 0, as Excel leaves
 * it; any other formula 0 (the corpus uses them only where the rule is about the formula itself).
 */
function cachedResult(sheet: TestSheet, formula: string): number {
  if (!/^=SUM\(/i.test(formula)) return 0;
  try {
    return evaluateFormula(sheet, formula);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('circular formula')) return 0;
    throw e;
  }
}

function cellValue(sheet: TestSheet, v: Value): ExcelJS.CellValue {
  if (typeof v === 'string' && v.startsWith('=')) return { formula: v.slice(1), result: cachedResult(sheet, v) } as ExcelJS.CellFormulaValue;
  if (typeof v === 'string' && isErrorCode(v)) return { error: v } as ExcelJS.CellErrorValue;
  return v;
}

/** The sheets as .xlsx bytes. */
export async function testSheetsToXlsx(sheets: readonly TestSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const table of sheet.tables ?? []) {
      const range = parseRangeA1(table.range);
      if (!range) throw new Error(`bad table range ${table.range}`);
      const header = sheet.rows[range.top] ?? [];
      const columns = [];
      for (let c = range.left; c <= range.right; c++) columns.push({ name: String(header[c] ?? `Kolumn${c - range.left + 1}`) });
      const rows = [];
      for (let r = range.top + 1; r <= range.bottom; r++) {
        const row = [];
        for (let c = range.left; c <= range.right; c++) row.push(cellValue(sheet, sheet.rows[r]?.[c] ?? null));
        rows.push(row);
      }
      ws.addTable({ name: table.name, ref: toA1(range.top, range.left), headerRow: true, columns, rows });
    }
    sheet.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        ws.getCell(r + 1, c + 1).value = cellValue(sheet, v);
      });
    });
    for (const [address, format] of Object.entries(sheet.numberFormats ?? {})) {
      const at = parseA1(address);
      if (at) ws.getCell(at.row + 1, at.col + 1).numFmt = format;
    }
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
  }
  const out: unknown = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

/**
 * A password-protected workbook as Excel saves one: an OLE compound file (CFB, version 3) holding
 * the streams EncryptionInfo and EncryptedPackage instead of a zip package. Structurally valid
 * (header, FAT, directory with a red-black tree); the stream contents are filler.
 */
export function encryptedWorkbookBytes(): Uint8Array {
  const SECTOR = 512;
  const STREAM_SECTORS = 8; // 4 096 bytes each: at the mini-stream cutoff, so they live in normal sectors
  const sectors = 2 + 2 * STREAM_SECTORS; // FAT, directory, two streams
  const bytes = new Uint8Array(SECTOR * (1 + sectors));
  const view = new DataView(bytes.buffer);
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  // Header.
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x003e, true); // minor version
  view.setUint16(0x1a, 0x0003, true); // major version 3
  view.setUint16(0x1c, 0xfffe, true); // byte order
  view.setUint16(0x1e, 9, true); // sector size 2^9
  view.setUint16(0x20, 6, true); // mini sector size 2^6
  view.setUint32(0x2c, 1, true); // FAT sectors
  view.setUint32(0x30, 1, true); // first directory sector
  view.setUint32(0x38, 4096, true); // mini stream cutoff
  view.setUint32(0x3c, END, true); // first mini FAT sector
  view.setUint32(0x44, END, true); // first DIFAT sector
  view.setUint32(0x4c, 0, true); // DIFAT[0] = FAT in sector 0
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + 4 * i, FREE, true);
  const sectorOffset = (n: number) => SECTOR * (n + 1);
  // FAT: sector 0 is the FAT, 1 the directory, then two chains of stream sectors.
  const fat = sectorOffset(0);
  for (let i = 0; i < SECTOR / 4; i++) view.setUint32(fat + 4 * i, FREE, true);
  view.setUint32(fat, 0xfffffffd, true);
  view.setUint32(fat + 4, END, true);
  for (const first of [2, 2 + STREAM_SECTORS]) {
    for (let k = 0; k < STREAM_SECTORS; k++) view.setUint32(fat + 4 * (first + k), k === STREAM_SECTORS - 1 ? END : first + k + 1, true);
  }
  // Directory: root, EncryptionInfo, EncryptedPackage (EncryptionInfo is the tree's root, black).
  const dir = sectorOffset(1);
  const entry = (i: number, name: string, type: number, left: number, right: number, child: number, start: number, size: number) => {
    const at = dir + 128 * i;
    for (let k = 0; k < name.length; k++) view.setUint16(at + 2 * k, name.charCodeAt(k), true);
    view.setUint16(at + 0x40, 2 * (name.length + 1), true);
    bytes[at + 0x42] = type;
    bytes[at + 0x43] = 1; // black
    view.setUint32(at + 0x44, left, true);
    view.setUint32(at + 0x48, right, true);
    view.setUint32(at + 0x4c, child, true);
    view.setUint32(at + 0x74, start, true);
    view.setUint32(at + 0x78, size, true);
  };
  entry(0, 'Root Entry', 5, FREE, FREE, 1, END, 0);
  entry(1, 'EncryptionInfo', 2, FREE, 2, FREE, 2, STREAM_SECTORS * SECTOR);
  entry(2, 'EncryptedPackage', 2, FREE, FREE, FREE, 2 + STREAM_SECTORS, STREAM_SECTORS * SECTOR);
  for (let i = 3; i < 4; i++) {
    const at = dir + 128 * i;
    view.setUint32(at + 0x44, FREE, true);
    view.setUint32(at + 0x48, FREE, true);
    view.setUint32(at + 0x4c, FREE, true);
  }
  // Stream contents: EncryptionInfo starts with an agile-encryption version (4.4), the package with its size.
  view.setUint16(sectorOffset(2), 4, true);
  view.setUint16(sectorOffset(2) + 2, 4, true);
  view.setUint32(sectorOffset(2 + STREAM_SECTORS), 12345, true);
  return bytes;
}
