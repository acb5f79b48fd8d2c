/**
 * Opening an .xlsx from bytes: recognise what is not one (empty, .xls, password-protected, .ods,
 * damaged) before ExcelJS tries, so the user gets one clear line; then repair what ExcelJS 4.4
 * reads wrongly in tables, so saving the workbook again does not damage the user's tables.
 */
import ExcelJS from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import { parseRangeA1, rangeToA1, type RangePosition } from '../../core/a1';
import { cellText } from './cells';
import { unreadable } from './messages';
import { decodeMarker } from '../../core/workbook/marker';
import { WorkbookError } from '../../core/workbook/port';
import type { InflateRaw } from './zip-entries';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b]; // "PK"

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** True when the bytes contain `text` as UTF-16LE (how OLE directory entries store stream names). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const end = bytes.length - text.length * 2;
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

function containsAscii(bytes: Uint8Array, text: string, from: number, to: number): boolean {
  const end = Math.min(to, bytes.length) - text.length;
  outer: for (let i = from; i <= end; i++) {
    for (let k = 0; k < text.length; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * Rejects bytes that are not an .xlsx package (empty, encrypted, .xls, .ods, not a zip) with
 * WorkbookError('unreadable'); shared by loadWorkbook and the lean read path (read-port.ts).
 */
export function rejectNonXlsx(bytes: Uint8Array): void {
  if (bytes.length === 0) throw unreadable.empty();
  if (startsWith(bytes, OLE_MAGIC)) {
    // An OLE compound file is either an encrypted OOXML package or a legacy binary workbook.
    if (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage')) throw unreadable.encrypted();
    throw unreadable.legacyXls();
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw unreadable.notWorkbook();
  // An OpenDocument package names its type in an uncompressed "mimetype" entry at the start.
  if (containsAscii(bytes, 'application/vnd.oasis.opendocument.spreadsheet', 30, 200)) throw unreadable.openDocument();
}

/**
 * Loads an .xlsx; every failure becomes WorkbookError('unreadable') with a Swedish message.
 * `prepare` changes the checked package before ExcelJS reads it.
 */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array, inflateRaw?: InflateRaw, prepare?: (bytes: Uint8Array) => Promise<Uint8Array>): Promise<Workbook> {
  const checked = toBytes(data);
  rejectNonXlsx(checked);
  await checkPackageLimits(checked, inflateRaw);
  let bytes = checked;
  try {
    if (prepare) bytes = await prepare(checked);
  } catch (cause) {
    throw unreadable.damaged(cause);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw unreadable.damaged(cause);
  }
  if (workbook.worksheets.length === 0) throw unreadable.notWorkbook();
  for (const sheet of workbook.worksheets) {
    repairLoadedTables(sheet);
    dropUnquotablePrintRanges(sheet);
  }
  if (inflateRaw) await restoreEmptyTextResults(workbook, bytes, inflateRaw);
  return workbook;
}

/** Worksheet parts as ExcelJS finds them (by path, not through the workbook's relationships). */
const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
const SHARED_STRINGS_PART = 'xl/sharedStrings.xml';

/**
 * The limits of limits.ts on the whole package, before ExcelJS reads it: ExcelJS inflates and
 * parses every part with no bound of its own. The directory first (entry count, declared sizes,
 * ratios); then, with an inflater, each part in turn inflated no further than its declared size,
 * its XML nesting, the shared string count and every sheet's cell references; each part is
 * dropped after its check. Without an inflater (the task pane's import) only the directory is
 * checked, and only where TextDecoder exists (the directory reader needs it).
 */
export async function checkPackageLimits(bytes: Uint8Array, inflateRaw?: InflateRaw): Promise<void> {
  if (!inflateRaw && typeof TextDecoder !== 'function') return;
  // Loaded on first use, like the readers in restoreEmptyTextResults.
  const [{ entryBytes, readZipEntries }, { countSharedStrings }, { scanSheet }] = await Promise.all([
    import('./zip-entries'),
    import('./package-parts'),
    import('./sheet-scan'),
  ]);
  try {
    const entries = readZipEntries(bytes);
    if (!inflateRaw) return;
    const ignore = () => {};
    for (const entry of entries.values()) {
      if (entry.name.endsWith('/')) continue; // a folder
      const part = await entryBytes(bytes, entry, inflateRaw);
      if (entry.name === SHARED_STRINGS_PART) countSharedStrings(part, entry.name);
      else if (WORKSHEET_PART.test(entry.name)) scanSheet(part, { cell: ignore }, { part: entry.name });
    }
  } catch (cause) {
    if (cause instanceof WorkbookError) throw cause;
    throw unreadable.damaged(cause);
  }
}

/** A formula cell with an empty text result: `<c r="C41" … t="str"…><f>…</f><v></v></c>` (or `<v/>`). */
const EMPTY_TEXT_RESULT = /<c r="([A-Z]+\d+)"[^>]*?\bt="str"[^>]*><f[^>]*(?:\/>|>[^<]*<\/f>)(?:<v><\/v>|<v\/>)/g;

/**
 * ExcelJS loads a formula's empty text result ("" from IF(…,"",…)) as no result, and would write the
 * cell back without its cached value. On the tabs Budgetkoll owns (a marker in A1), which a write
 * passes through unchanged when it adds another tab, the "" results are put back from the sheet XML
 * (issue 13: every formula Budgetkoll writes to a file carries its cached value).
 */
async function restoreEmptyTextResults(workbook: Workbook, bytes: Uint8Array, inflateRaw: InflateRaw): Promise<void> {
  const owned = workbook.worksheets.filter((sheet) => decodeMarker(sheet.getCell('A1').value) !== null);
  if (owned.length === 0) return;
  // Loaded on first use: the package reader needs TextDecoder, which some hosts of this module lack.
  const [{ folderOf, parseRelationships, parseWorkbook, partText, relsPathOf }, { entryBytes, readZipEntries }] = await Promise.all([
    import('./package-parts'),
    import('./zip-entries'),
  ]);
  const entries = readZipEntries(bytes);
  const text = async (path: string): Promise<string | null> => {
    const entry = entries.get(path);
    return entry ? partText(await entryBytes(bytes, entry, inflateRaw)) : null;
  };
  const workbookPath = 'xl/workbook.xml';
  const rels = parseRelationships((await text(relsPathOf(workbookPath))) ?? '', folderOf(workbookPath));
  const parts = new Map(parseWorkbook((await text(workbookPath)) ?? '', rels).sheets.map((s) => [s.name, s.path]));
  for (const sheet of owned) {
    const path = parts.get(sheet.name);
    const xml = path ? await text(path) : null;
    if (!xml) continue;
    for (const m of xml.matchAll(EMPTY_TEXT_RESULT)) {
      const cell = sheet.getCell(m[1]);
      const value = cell.value as { formula?: string; sharedFormula?: string; result?: unknown } | null;
      if (value && typeof value === 'object' && (value.formula !== undefined || value.sharedFormula !== undefined) && value.result === undefined) {
        cell.value = { ...value, result: '' } as ExcelJS.CellValue;
      }
    }
  }
}

/**
 * ExcelJS writes print titles and print areas as '<sheet name>'!… without doubling an apostrophe
 * in the name, which Excel then reports as damage and removes. For such a sheet, drop them here
 * (the same outcome for the user, without Excel's repair dialog).
 */
export function dropUnquotablePrintRanges(sheet: Worksheet): void {
  if (!sheet.name.includes("'") || !sheet.pageSetup) return;
  delete sheet.pageSetup.printTitlesRow;
  delete sheet.pageSetup.printTitlesColumn;
  delete sheet.pageSetup.printArea;
}

/** The parts of ExcelJS's table model this adapter uses (Table.model in ExcelJS 4.4). */
export interface TableModel {
  name: string;
  displayName?: string;
  ref?: string;
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string; filterButton?: boolean }[];
}

/** The tables of a sheet as ExcelJS keeps them (`worksheet.tables`, by name). */
export function sheetTables(sheet: Worksheet): TableModel[] {
  const tables = (sheet as unknown as { tables?: Record<string, { model?: TableModel; table?: TableModel }> }).tables;
  if (!tables) return [];
  const models: TableModel[] = [];
  for (const t of Object.values(tables)) {
    const model = t?.model ?? t?.table;
    if (model) models.push(model);
  }
  return models;
}

/** A table's full range (header to totals) without "$", or null when ExcelJS has none. */
export function tableRange(model: TableModel): RangePosition | null {
  const ref = model.tableRef ?? model.ref;
  return ref ? parseRangeA1(ref) : null;
}

const GENERIC_COLUMN_NAME = /^\D*\d+$/;

/**
 * ExcelJS 4.4 reads a table's header row as absent unless the file says headerRowCount="1" — but
 * Excel leaves that attribute out because 1 is the default — and would then write
 * headerRowCount="0", turning the user's header into data. It also writes an autoFilter without a
 * range when the file had none. Decide the header from the sheet: a table has a header unless none
 * of its column names is in its first row and all of them are generic ("Kolumn1", "Column2").
 */
export function repairLoadedTables(sheet: Worksheet): void {
  for (const model of sheetTables(sheet)) {
    const range = tableRange(model);
    if (!range || !Array.isArray(model.columns)) continue;
    if (!model.headerRow) {
      const row = sheet.findRow(range.top + 1);
      const anyNameInFirstRow = model.columns.some(
        (column, j) => cellText(row?.findCell(range.left + j + 1))?.trim() === String(column.name ?? '').trim(),
      );
      const allGeneric = model.columns.every((column) => GENERIC_COLUMN_NAME.test(String(column.name ?? '')));
      model.headerRow = anyNameInFirstRow || !allGeneric;
    }
    if (!model.headerRow) continue;
    const hadFilter = model.autoFilterRef !== undefined;
    if (!hadFilter) {
      const bottom = model.totalsRow ? range.bottom - 1 : range.bottom;
      model.autoFilterRef = rangeToA1({ ...range, bottom: Math.max(range.top, bottom) });
    }
    // ExcelJS maps filter settings to columns by list position, not by colId, and hides the button
    // of every column it has no setting for. Buttons are all shown or all hidden in Excel's UI:
    // shown when the table had a filter, hidden when it had none.
    for (const column of model.columns) column.filterButton = hadFilter;
  }
}
