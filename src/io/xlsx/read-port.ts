/**
 * The lean read path: a WorkbookReader straight over the .xlsx package, for the CLI's
 * validate on large files. ExcelJS keeps every cell of every sheet as objects (a 200 000-row
 * budget with its ledger takes close to 3 GB); this path inflates one worksheet part at a time,
 * scans its XML bytes, and keeps only the cells the read plan asks for. Sheets no plan range
 * touches are scanned once for the index and never held in memory.
 *
 * It returns exactly what XlsxWorkbookPort.read returns for the same file (the CLI tests compare
 * the two), so core cannot tell which path read the workbook. It implements only the
 * WorkbookReader half of the port: writing goes through the package writer (package-port.ts).
 */
import { parseRangeA1, rangeToA1, type RangePosition } from '../../core/a1';
import type { RawGrid, RawValue, ReadRange, SheetInfo, TableInfo, WorkbookIndex } from '../../core/workbook/raw';
import { readResult, WorkbookError, type PlannedRead, type ReadOptions, type ReadResult, type WorkbookReader } from '../../core/workbook/port';
import { fromFileFormula, translateSharedFormula } from './formula-text';
import { GridBuilder, TextPool } from './grid-builder';
import { LIMITS } from './limits';
import { rejectNonXlsx, toBytes } from './load';
import * as messages from './messages';
import {
  folderOf,
  parseRelationships,
  parseSharedStrings,
  parseStyles,
  parseTable,
  parseWorkbook,
  partText,
  relsPathOf,
  type CellStyles,
  type SheetPart,
} from './package-parts';
import { scannedFormulaText, scannedIsFilled, scannedValue, type ScannedCell, type ValueContext } from './scanned-cell';
import { scanSheet } from './sheet-scan';
import { entryBytes, readZipEntries, type InflateRaw, type ZipEntry } from './zip-entries';

export type { InflateRaw } from './zip-entries';

export interface XlsxReadPortOptions {
  /** Raw DEFLATE decompression (Node: zlib.inflateRawSync). */
  inflateRaw: InflateRaw;
  /** Inflates the start of a part, to read its first cell without the rest (see InflateRawStart). */
  inflateRawStart?: InflateRawStart;
}

/**
 * Inflates the first bytes of a raw DEFLATE stream from the first bytes of its data (`data` may
 * stop anywhere in the stream): what they inflate to, never more than `maxSize` bytes (more is an
 * error). Node: inflateRawSync with finishFlush Z_SYNC_FLUSH and maxOutputLength.
 */
export type InflateRawStart = (data: Uint8Array, maxSize: number) => Uint8Array;

/** Compressed bytes inflated to find a tab's first cell, and the most they may inflate to. */
const PART_START_COMPRESSED = 64 * 1024;
const PART_START_MAX = 4 * 1024 * 1024;

interface SheetEntry extends SheetPart {
  position: number;
  entry: ZipEntry | undefined;
  tables: TableInfo[];
}

function cellTextOf(value: RawValue): string | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export class XlsxReadPort implements WorkbookReader {
  private cachedIndex: WorkbookIndex | null = null;
  /** Sheet parts whose XML nesting has been checked (on their first inflation). */
  private readonly depthChecked = new Set<ZipEntry>();

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly sheets: SheetEntry[],
    private readonly context: ValueContext,
    private readonly styles: CellStyles,
    private readonly inflateRaw: InflateRaw,
    private readonly inflateRawStart: InflateRawStart | undefined,
  ) {}

  /**
   * Opens .xlsx bytes: reads the package's directory, sheet list, tables, shared strings and styles.
   * Anything that is not a readable workbook is a WorkbookError('unreadable') with a Swedish message,
   * the same as XlsxWorkbookPort.fromBuffer gives.
   */
  static async fromBuffer(data: ArrayBuffer | Uint8Array, options: XlsxReadPortOptions): Promise<XlsxReadPort> {
    const bytes = toBytes(data);
    rejectNonXlsx(bytes);
    try {
      const entries = readZipEntries(bytes);
      const text = async (path: string): Promise<string | null> => {
        const entry = entries.get(path);
        return entry ? partText(await entryBytes(bytes, entry, options.inflateRaw)) : null;
      };
      const workbookPath = 'xl/workbook.xml';
      const workbookXml = await text(workbookPath);
      if (workbookXml === null) throw messages.unreadable.notWorkbook();
      const rels = parseRelationships((await text(relsPathOf(workbookPath))) ?? '', folderOf(workbookPath));
      const workbook = parseWorkbook(workbookXml, rels);
      if (workbook.sheets.length === 0) throw messages.unreadable.notWorkbook();

      const sharedPath = rels.find((r) => /\/sharedStrings$/.test(r.type))?.target ?? 'xl/sharedStrings.xml';
      const sharedEntry = entries.get(sharedPath);
      const sharedStrings = sharedEntry ? parseSharedStrings(await entryBytes(bytes, sharedEntry, options.inflateRaw), sharedPath) : [];
      const stylesPath = rels.find((r) => /\/styles$/.test(r.type))?.target ?? 'xl/styles.xml';
      const styles = parseStyles((await text(stylesPath)) ?? '');

      const sheets: SheetEntry[] = [];
      for (const [position, sheet] of workbook.sheets.entries()) {
        const tables: TableInfo[] = [];
        const sheetRels = parseRelationships((await text(relsPathOf(sheet.path))) ?? '', folderOf(sheet.path));
        for (const rel of sheetRels) {
          if (!/\/table$/.test(rel.type)) continue;
          const table = parseTable((await text(rel.target)) ?? '');
          if (table && parseRangeA1(table.ref)) tables.push({ name: table.name, sheet: sheet.name, address: rangeToA1(parseRangeA1(table.ref)!) });
        }
        sheets.push({ ...sheet, position, entry: entries.get(sheet.path), tables });
      }
      const context: ValueContext = {
        sharedStrings,
        dateOffset: workbook.date1904 ? 1462 : 0,
        isDateStyle: (style) => styles.isDate[style] === true,
      };
      return new XlsxReadPort(bytes, sheets, context, styles, options.inflateRaw, options.inflateRawStart);
    } catch (cause) {
      if (cause instanceof WorkbookError) throw cause;
      throw messages.unreadable.damaged(cause);
    }
  }

  async index(): Promise<WorkbookIndex> {
    if (this.cachedIndex) return this.cachedIndex;
    const sheets: SheetInfo[] = [];
    for (const sheet of this.sheets) sheets.push(await this.sheetInfo(sheet));
    this.cachedIndex = { sheets, tables: this.sheets.flatMap((s) => s.tables) };
    return this.cachedIndex;
  }

  /**
   * The index of the tabs `wanted` accepts (by name and A1 text): the others are only peeked at up
   * to their first cell, not scanned for their used area (ReadOptions.sheets).
   */
  private async indexOf(wanted: ReadOptions['sheets']): Promise<WorkbookIndex> {
    if (!wanted) return this.index();
    const kept = new Set<SheetEntry>();
    const sheets: SheetInfo[] = [];
    for (const sheet of this.sheets) {
      const known = this.cachedIndex?.sheets.find((s) => s.name === sheet.name);
      if (!wanted({ name: sheet.name, firstCellText: known ? known.firstCellText : await this.firstCellText(sheet) })) continue;
      kept.add(sheet);
      sheets.push(known ?? (await this.sheetInfo(sheet)));
    }
    return { sheets, tables: this.sheets.filter((s) => kept.has(s)).flatMap((s) => s.tables) };
  }

  /** Name, position, visibility, used area and A1 text of one tab: a scan of all its cells. */
  private async sheetInfo(sheet: SheetEntry): Promise<SheetInfo> {
    let top = -1;
    let bottom = -1;
    let left = Number.MAX_SAFE_INTEGER;
    let right = -1;
    let firstCellText: string | null = null;
    const xml = await this.sheetXml(sheet);
    if (xml) {
      scanSheet(
        xml,
        {
          cell: (cell) => {
            if (cell.row === 0 && cell.col === 0) firstCellText = cellTextOf(scannedValue(xml, cell, this.context));
            if (!scannedIsFilled(xml, cell, this.context)) return;
            if (top < 0) top = cell.row;
            if (cell.row > bottom) bottom = cell.row;
            if (cell.col < left) left = cell.col;
            if (cell.col > right) right = cell.col;
          },
        },
        { part: sheet.path, tab: sheet.name },
      );
    }
    return {
      name: sheet.name,
      position: sheet.position,
      visible: sheet.state === 'visible',
      usedAddress: top < 0 ? null : rangeToA1({ top, left, bottom, right }),
      firstCellText,
    };
  }

  /**
   * The text of A1 alone: the scan stops at the first cell. Only the start of the part is inflated
   * when the host can (inflateRawStart): a nämnd file's 200 MB ledger is not inflated to learn that
   * it is not a follow-up tab. The whole part is inflated when its start shows no complete cell.
   */
  private async firstCellText(sheet: SheetEntry): Promise<string | null> {
    if (!sheet.entry) return null;
    const start = this.partStart(sheet.entry);
    if (start) {
      const first = this.firstCell(start, sheet);
      if (first.seen) return first.text;
    }
    let xml: Uint8Array;
    try {
      // No nesting check here: the scanner walks the start of the part without recursion, and a
      // tab that is read in full gets the check then (sheetXml).
      xml = await entryBytes(this.bytes, sheet.entry, this.inflateRaw, LIMITS, false);
    } catch (cause) {
      if (cause instanceof WorkbookError) throw cause;
      throw messages.unreadable.damaged(cause);
    }
    return this.firstCell(xml, sheet).text;
  }

  /** The first cell of a part's XML (or of its start): whether there is one, and A1's text. */
  private firstCell(xml: Uint8Array, sheet: SheetEntry): { seen: boolean; text: string | null } {
    let seen = false;
    let text: string | null = null;
    // A cell is visited only at its end tag, so a cell cut off at the end of a part's start is never seen.
    scanSheet(
      xml,
      {
        cell: (cell) => {
          seen = true;
          if (cell.row === 0 && cell.col === 0) text = cellTextOf(scannedValue(xml, cell, this.context));
          return false;
        },
      },
      { part: sheet.path, tab: sheet.name },
    );
    return { seen, text };
  }

  /**
   * The first bytes of a deflated part, inflated from the start of its data, or null (no
   * inflateRawStart, a stored part, or anything unexpected: the caller then inflates it whole,
   * with all its checks).
   */
  private partStart(entry: ZipEntry): Uint8Array | null {
    if (!this.inflateRawStart || entry.method !== 8 || entry.flags & 1) return null;
    const b = this.bytes;
    const at = entry.localHeaderOffset;
    if (at + 30 > b.length || b[at] !== 0x50 || b[at + 1] !== 0x4b || b[at + 2] !== 0x03 || b[at + 3] !== 0x04) return null;
    const dataStart = at + 30 + (b[at + 26] | (b[at + 27] << 8)) + (b[at + 28] | (b[at + 29] << 8));
    const dataEnd = Math.min(b.length, dataStart + entry.compressedSize, dataStart + PART_START_COMPRESSED);
    if (dataEnd <= dataStart) return null;
    try {
      return this.inflateRawStart(b.subarray(dataStart, dataEnd), PART_START_MAX);
    } catch {
      return null;
    }
  }

  async read<T = undefined>(plan: (index: WorkbookIndex) => PlannedRead<T>, options: ReadOptions = {}): Promise<ReadResult<T>> {
    const { signal, onProgress } = options;
    if (signal?.aborted) throw messages.cancelled();
    const index = await this.indexOf(options.sheets);
    const planned = plan(index);
    const { ranges } = planned;
    const bySheet = new Map<SheetEntry, { request: ReadRange; pos: RangePosition }[]>();
    for (const request of ranges) {
      const sheet = this.findSheet(request.sheet);
      if (!sheet) throw messages.notFound.sheet(request.sheet);
      const pos = parseRangeA1(request.address);
      if (!pos) throw messages.badRange(request.sheet, request.address);
      const list = bySheet.get(sheet) ?? [];
      list.push({ request, pos });
      bySheet.set(sheet, list);
    }
    const built = new Map<string, RawGrid>();
    const texts = new TextPool();
    const totalBytes = [...bySheet.keys()].reduce((n, s) => n + (s.entry?.size ?? 0), 0);
    let doneBytes = 0;
    for (const [sheet, requests] of bySheet) {
      if (signal?.aborted) throw messages.cancelled();
      const builders = requests.map(({ request, pos }) => new GridBuilder(sheet.name, request, pos, this.styles, texts));
      const xml = await this.sheetXml(sheet);
      if (xml) this.fill(xml, builders, sheet);
      for (const b of builders) built.set(b.request.id, b.finish());
      doneBytes += sheet.entry?.size ?? 0;
      onProgress?.(totalBytes > 0 ? doneBytes / totalBytes : 1);
    }
    // Grids in plan order, as XlsxWorkbookPort returns them.
    const grids = new Map<string, RawGrid>();
    for (const r of ranges) grids.set(r.id, built.get(r.id)!);
    onProgress?.(1);
    return readResult({ index, grids }, planned);
  }

  // ---------------------------------------------------------------------------------------------

  private async sheetXml(sheet: SheetEntry): Promise<Uint8Array | null> {
    if (!sheet.entry) return null;
    try {
      const xml = await entryBytes(this.bytes, sheet.entry, this.inflateRaw, LIMITS, !this.depthChecked.has(sheet.entry));
      this.depthChecked.add(sheet.entry);
      return xml;
    } catch (cause) {
      if (cause instanceof WorkbookError) throw cause; // a limit passed
      throw messages.unreadable.damaged(cause);
    }
  }

  private fill(xml: Uint8Array, builders: GridBuilder[], sheet: SheetEntry): void {
    const wantFormulas = builders.some((b) => b.request.formulas);
    // Shared formulas: the master's text and position by group index, for the cells that derive from it.
    const masters = new Map<number, { text: string; row: number; col: number }>();
    const merges: RangePosition[] = [];
    const ctx = this.context;
    scanSheet(
      xml,
      {
        cell: (cell) => {
          let formula: string | null = null;
          if (wantFormulas && cell.hasFormula) formula = this.formulaOf(xml, cell, masters);
          let value: RawValue | undefined;
          for (const b of builders) {
            if (!b.covers(cell.row, cell.col)) continue;
            if (value === undefined) value = scannedValue(xml, cell, ctx);
            b.add(cell, value, b.request.formulas ? formula : null);
          }
        },
        merge: (ref) => {
          const pos = parseRangeA1(ref);
          if (pos) merges.push(pos);
        },
      },
      { part: sheet.path, tab: sheet.name },
    );
    if (merges.length > 0) for (const b of builders) b.applyMerges(merges);
  }

  private formulaOf(xml: Uint8Array, cell: ScannedCell, masters: Map<number, { text: string; row: number; col: number }>): string | null {
    const text = scannedFormulaText(xml, cell);
    if (cell.sharedIndex >= 0) {
      if (text !== '') {
        masters.set(cell.sharedIndex, { text, row: cell.row, col: cell.col });
        return fromFileFormula(text);
      }
      const master = masters.get(cell.sharedIndex);
      return master ? fromFileFormula(translateSharedFormula(master.text, cell.row - master.row, cell.col - master.col)) : null;
    }
    return text === '' ? null : fromFileFormula(text);
  }

  /** Exact name first, then as Excel compares names (case-insensitively). */
  private findSheet(name: string): SheetEntry | undefined {
    const lower = name.toLocaleLowerCase('sv-SE');
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLocaleLowerCase('sv-SE') === lower);
  }
}
