/**
 * The WorkbookPort over an in-memory ExcelJS workbook: the CLI (Node) and the browser playground
 * (loaded lazily there, so ExcelJS lands in its own chunk). No fs/path here: bytes in, bytes out.
 *
 * ExcelJS 4.4 behaviours this adapter works around (each where it is handled):
 * - tables read from Excel files lose their header row on save (load.ts, repairLoadedTables);
 * - shared formulas are derived with text inside "…" and '…' shifted too (formula-text.ts);
 * - internal links Sheet!A1 are written so Excel breaks them; use $-addresses (write-sheet.ts);
 * - print titles of a tab named with an apostrophe are written unquotable (load.ts, write-sheet.ts);
 * - functions newer than Excel 2007 need "_xlfn." in the file (formula-text.ts);
 * - reading: grids trim trailing empty cells/rows; merged cells other than the top-left read empty.
 * Not worked around (would need patching ExcelJS): Excel-made internal hyperlinks (location only)
 * are dropped on load; calcPr (e.g. manual calculation) and tabSelected are not read back; data
 * validations are expanded to one entry per cell on load (large ranges cost memory).
 */
import ExcelJS from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import { parseRangeA1, rangeToA1, toA1 } from '../../core/a1';
import { decodeMarker } from '../../core/workbook/marker';
import { CellError, type RawGrid, type WorkbookIndex } from '../../core/workbook/raw';
import type { SheetSpec } from '../../core/workbook/sheet-spec';
import { freeSheetName } from '../../core/workbook/sheet-names';
import { WorkbookError, type CellEdit, type CellEditResult, readResult, type PlannedRead, type ReadOptions, type ReadResult, type TableResize, type WorkbookPort, type WriteOptions, type WriteResult } from '../../core/workbook/port';
import { checkedResize, tableNotFound } from '../table-resize';
import { cellText, cellValue, readRows, trimGrid } from './cells';
import { loadWorkbook, sheetTables, tableRange, type TableModel } from './load';
import * as messages from './messages';
import { buildIndexSliced, ROWS_PER_STEP, SLICE_MS, throwIfAborted, yieldToHost } from './exceljs-index';
import { activeSheet, orderOf, placeSheet, setActive, setViews, viewsOf } from './tab-views';
import { writeSpecInto } from './write-sheet';
import type { InflateRaw } from './zip-entries';

export interface XlsxPortOptions {
  /** Called after selectCell, so the playground can highlight the cell in its grid. */
  onSelect?: (sheet: string, address: string) => void;
  /** Raw inflate: with it, the empty text results of formulas on Budgetkoll's tabs survive a load (loadWorkbook). */
  inflateRaw?: InflateRaw;
  /**
   * Prepares the package for ExcelJS once it has passed the checks of loadWorkbook (the playground
   * renames parts ExcelJS would not find: view-part-names.ts).
   */
  prepare?: (bytes: Uint8Array) => Promise<Uint8Array>;
}

/** ExcelJS rejects this sheet name (it is reserved for change history in old Excel files). */
const RESERVED_SHEET_NAMES = ['History'];
export class XlsxWorkbookPort implements WorkbookPort {
  private readonly wb: Workbook;
  private readonly onSelect?: (sheet: string, address: string) => void;
  /** Port calls run one at a time, so a write never interleaves with a read of the same workbook. */
  private tail: Promise<unknown> = Promise.resolve();
  private formulasWritten = false;

  constructor(workbook: Workbook, options: XlsxPortOptions = {}) {
    this.wb = workbook;
    this.onSelect = options.onSelect;
  }

  /** Opens .xlsx bytes; anything else is a WorkbookError('unreadable') with a Swedish message. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array, options: XlsxPortOptions = {}): Promise<XlsxWorkbookPort> {
    return new XlsxWorkbookPort(await loadWorkbook(data, options.inflateRaw, options.prepare), options);
  }

  /** A workbook without tabs (write at least one before toBuffer). */
  static createEmpty(options: XlsxPortOptions = {}): XlsxWorkbookPort {
    return new XlsxWorkbookPort(new ExcelJS.Workbook(), options);
  }

  /** The ExcelJS workbook, for the playground's grid. Treat it as read-only. */
  get workbook(): Workbook {
    return this.wb;
  }

  /** Saves the workbook as .xlsx bytes. */
  toBuffer(): Promise<Uint8Array> {
    return this.serial(async () => {
      if (this.wb.worksheets.length === 0) throw messages.noSheets();
      // Written formulas carry the core's figure as their cached result where the core knows it
      // (SpecCell.value), not where they depend on typed cells: Excel recalculates all on opening.
      if (this.formulasWritten) this.wb.calcProperties = { ...this.wb.calcProperties, fullCalcOnLoad: true };
      const out: unknown = await this.wb.xlsx.writeBuffer();
      return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
    });
  }

  index(): Promise<WorkbookIndex> {
    return this.serial(() => buildIndexSliced(this.wb, undefined));
  }

  read<T = undefined>(plan: (index: WorkbookIndex) => PlannedRead<T>, options: ReadOptions = {}): Promise<ReadResult<T>> {
    return this.serial(async () => {
      const { signal, onProgress } = options;
      throwIfAborted(signal);
      // Listing and reading work in time slices, yielding to the host between them: the playground's
      // page stays responsive on a 200 000-row sheet (in the CLI a yield every SLICE_MS costs nothing).
      const index = await buildIndexSliced(this.wb, signal);
      const planned = plan(index);
      const { ranges } = planned;
      const jobs = ranges.map((r) => {
        const sheet = this.findSheet(r.sheet);
        if (!sheet) throw messages.notFound.sheet(r.sheet);
        const pos = parseRangeA1(r.address);
        if (!pos) throw messages.badRange(r.sheet, r.address);
        // Rows past the sheet's last row hold nothing: do not walk them.
        const lastRow = Math.min(pos.bottom, sheet.rowCount - 1);
        return { request: r, sheet, pos, lastRow };
      });
      const totalRows = jobs.reduce((n, j) => n + Math.max(0, j.lastRow - j.pos.top + 1), 0);
      let doneRows = 0;

      const grids = new Map<string, RawGrid>();
      for (const { request, sheet, pos, lastRow } of jobs) {
        const grid: RawGrid = {
          sheet: sheet.name,
          top: pos.top,
          left: pos.left,
          values: [],
          formulas: {},
          ...(request.numberFormats ? { numberFormats: [] } : {}),
        };
        const gridRequest = { sheetName: sheet.name, range: pos, formulas: request.formulas, numberFormats: request.numberFormats };
        const step = ROWS_PER_STEP;
        let sliceStart = Date.now();
        for (let from = pos.top; from <= lastRow; from += step) {
          const to = Math.min(lastRow, from + step - 1);
          readRows(sheet, gridRequest, grid, from, to);
          doneRows += to - from + 1;
          onProgress?.(totalRows > 0 ? doneRows / totalRows : 1);
          throwIfAborted(signal);
          if (Date.now() - sliceStart > SLICE_MS) {
            await yieldToHost();
            throwIfAborted(signal);
            sliceStart = Date.now();
          }
        }
        trimGrid(grid);
        grids.set(request.id, grid);
      }
      onProgress?.(1);
      return readResult({ index, grids }, planned);
    });
  }

  writeSheet(spec: SheetSpec, options: WriteOptions = {}): Promise<WriteResult> {
    return this.serial(async () => {
      throwIfAborted(options.signal);
      // A replacing write takes the old tab's place; `position` applies to new tabs only.
      const old = options.replace !== undefined ? this.ownedSheet(options.replace) : null;
      const before = this.wb.worksheets;
      const activeBefore = activeSheet(this.wb);
      const orderBefore = before.map((s) => orderOf(s).orderNo);

      const taken = [...before.map((s) => s.name), ...RESERVED_SHEET_NAMES];
      const name = freeSheetName(spec.name, taken);
      const finalName = old ? old.name : name;
      const takenTableNames = new Set<string>();
      for (const s of before) {
        if (s === old) continue; // its tables go with it
        for (const t of sheetTables(s)) takenTableNames.add(String(t.name).toLowerCase());
      }
      for (const dn of definedNames(this.wb)) takenTableNames.add(dn.toLowerCase());

      const sheet = this.wb.addWorksheet(name);
      try {
        const outcome = await writeSpecInto(sheet, spec, { finalName, takenTableNames, signal: options.signal });
        throwIfAborted(options.signal);
        if (old) {
          const position = before.indexOf(old);
          placeSheet(this.wb, sheet, position, activeBefore === old ? sheet : activeBefore);
          this.wb.removeWorksheet(old.id);
          sheet.name = finalName;
        } else {
          placeSheet(this.wb, sheet, options.position === 'start' ? 0 : before.length, activeBefore);
        }
        if (outcome.wroteFormulas) this.formulasWritten = true;
        return { name: sheet.name };
      } catch (cause) {
        // Leave the workbook as it was: no half-written tab, the old tab and the tab order untouched.
        this.wb.removeWorksheet(sheet.id);
        before.forEach((s, i) => (orderOf(s).orderNo = orderBefore[i]));
        setActive(this.wb, activeBefore);
        if (cause instanceof WorkbookError) throw cause;
        throw messages.writeFailed(finalName, cause);
      }
    });
  }

  deleteOwnedSheet(name: string): Promise<void> {
    return this.serial(async () => {
      const sheet = this.ownedSheet(name);
      const remainingVisible = this.wb.worksheets.filter((s) => s !== sheet && s.state === 'visible');
      if (remainingVisible.length === 0) throw messages.lastSheet(sheet.name);
      const active = activeSheet(this.wb);
      this.wb.removeWorksheet(sheet.id);
      setActive(this.wb, active === sheet ? remainingVisible[0] : active);
    });
  }

  selectCell(sheetName: string, address: string): Promise<void> {
    return this.serial(async () => {
      const sheet = this.findSheet(sheetName);
      if (!sheet) throw messages.notFound.sheet(sheetName);
      const pos = parseRangeA1(address);
      if (!pos) throw messages.notFound.cell(sheetName, address);
      const cell = toA1(pos.top, pos.left);
      setActive(this.wb, sheet);
      const [first, ...rest] = viewsOf(sheet);
      setViews(sheet, [{ ...(first ?? { state: 'normal' }), activeCell: cell, tabSelected: true }, ...rest]);
      this.onSelect?.(sheet.name, cell);
    });
  }

  writeCells(edits: readonly CellEdit[]): Promise<CellEditResult> {
    return this.serial(async () => {
      const result: CellEditResult = { changed: [], skipped: [] };
      const undo: { cell: ExcelJS.Cell; value: ExcelJS.CellValue; numFmt: string | undefined }[] = [];
      try {
        for (const edit of edits) {
          const sheet = this.findSheet(edit.sheet);
          if (!sheet) throw messages.notFound.sheet(edit.sheet);
          const pos = parseRangeA1(edit.cell);
          if (!pos) throw messages.notFound.cell(edit.sheet, edit.cell);
          const cell = sheet.getCell(pos.top + 1, pos.left + 1);
          if (cell.formula) {
            result.skipped.push({ sheet: sheet.name, cell: edit.cell, reason: 'Cellen innehåller en formel och ändras inte.' });
            continue;
          }
          undo.push({ cell, value: cell.value, numFmt: cell.numFmt });
          const before = cellValue(cell);
          // A number must not stay under a text format; text is always text (no formula injection).
          if (typeof edit.value === 'number') {
            if (cell.numFmt === '@') cell.numFmt = undefined as unknown as string;
          } else if (/^[=+\-@]/.test(edit.value)) {
            cell.numFmt = '@';
          }
          cell.value = edit.value;
          result.changed.push({ sheet: sheet.name, cell: edit.cell, before: before instanceof CellError ? before.code : before, after: edit.value });
        }
        return result;
      } catch (error) {
        for (const { cell, value, numFmt } of undo.reverse()) {
          cell.value = value;
          cell.numFmt = numFmt as string;
        }
        throw error;
      }
    });
  }

  /**
   * The STRUCT-OUTSIDE-TABLE quick fix: the table's range (and its filter range) become the new
   * range. Columns it gains are named from their header cells; an empty header cell gets a
   * generic name, as Excel does. As in Excel, the header row stays and tables may not overlap.
   */
  resizeTable(resize: TableResize): Promise<void> {
    return this.serial(async () => {
      const sheet = this.findSheet(resize.sheet);
      if (!sheet) throw messages.notFound.sheet(resize.sheet);
      const tables = sheetTables(sheet);
      const model = tables.find((t) => t.name.toLocaleLowerCase('sv-SE') === resize.table.toLocaleLowerCase('sv-SE'));
      const from = model ? tableRange(model) : null;
      if (!model || !from) throw tableNotFound(resize);
      const to = checkedResize(rangeToA1(from), resize);
      for (const other of tables) {
        const r = other === model ? null : tableRange(other);
        if (r && r.top <= to.bottom && to.top <= r.bottom && r.left <= to.right && to.left <= r.right) {
          throw checkedResize('', { ...resize, address: `${resize.address} (${other.name})` });
        }
      }
      const filterButton = model.columns.some((c) => c.filterButton === true);
      const columns: TableModel['columns'] = [];
      for (let col = to.left; col <= to.right; col++) {
        const kept = col >= from.left && col <= from.right ? model.columns[col - from.left] : undefined;
        if (kept) {
          columns.push(kept);
          continue;
        }
        const header = sheet.getCell(to.top + 1, col + 1);
        let name = cellText(header)?.trim() ?? '';
        if (name === '') {
          let n = col - to.left + 1;
          while (model.columns.some((c) => c.name === `Kolumn${n}`) || columns.some((c) => c.name === `Kolumn${n}`)) n++;
          name = `Kolumn${n}`;
          header.value = name;
        }
        columns.push({ name, filterButton });
      }
      model.columns = columns;
      const ref = rangeToA1(to);
      model.tableRef = ref;
      if (model.ref !== undefined) model.ref = ref;
      if (model.autoFilterRef !== undefined) model.autoFilterRef = rangeToA1({ ...to, bottom: Math.max(to.top, model.totalsRow ? to.bottom - 1 : to.bottom) });
    });
  }

  // ---------------------------------------------------------------------------------------------

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.tail.then(op, op);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Exact name first, then as Excel compares names (case-insensitively). */
  private findSheet(name: string): Worksheet | undefined {
    const sheets = this.wb.worksheets;
    const lower = name.toLocaleLowerCase('sv-SE');
    return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLocaleLowerCase('sv-SE') === lower);
  }

  /** The sheet, if Budgetkoll owns it (a valid marker in A1); otherwise a typed error. */
  private ownedSheet(name: string): Worksheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw messages.notFound.sheet(name);
    if (!decodeMarker(cellText(sheet.findRow(1)?.findCell(1)))) throw messages.notOwned(sheet.name);
    return sheet;
  }

}

/** Names of the workbook's defined names (a table may not share a name with one). */
function definedNames(workbook: Workbook): string[] {
  const model = (workbook.definedNames as unknown as { model?: { name?: string }[] }).model ?? [];
  return model.map((d) => d.name).filter((n): n is string => typeof n === 'string');
}
