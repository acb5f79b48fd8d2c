/**
 * An in-memory WorkbookPort over test sheets (the broken-case workbooks): reads run the real read
 * plan over the rows, writeCells changes them (formulas are left alone, as the adapters do),
 * writeSheet adds or replaces a tab; every call is recorded. A read can be held open to see the
 * progress bar and cancel it.
 */
import { parseRangeA1 } from '../../../src/core/a1';
import type { RawWorkbook, WorkbookIndex } from '../../../src/core/workbook/raw';
import { freeSheetName } from '../../../src/core/workbook/sheet-names';
import type { SheetSpec } from '../../../src/core/workbook/sheet-spec';
import { readResult, WorkbookError, type CellEdit, type CellEditResult, type PlannedRead, type ReadOptions, type ReadResult, type TableResize, type WorkbookPort, type WriteOptions } from '../../../src/core/workbook/port';
import { checkedResize, tableNotFound } from '../../../src/io/table-resize';
import { indexOf, readPlan, type TestSheet } from '../../helpers/raw-workbook';
import { evaluateFormula } from '../../cli/xlsx-fixtures';

export class SheetsPort implements WorkbookPort {
  readonly reads: { signal?: AbortSignal }[] = [];
  readonly selected: string[] = [];
  readonly cellWrites: CellEdit[][] = [];
  readonly sheetWrites: { spec: SheetSpec; options: WriteOptions; name: string }[] = [];
  /** Hold the next read open at half way until `releaseRead()` or its signal aborts. */
  holdRead = false;
  /** The next read fails with this error. */
  failRead: Error | null = null;
  private release: (() => void) | null = null;

  constructor(public sheets: TestSheet[]) {}

  releaseRead(): void {
    this.release?.();
  }

  sheet(name: string): TestSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  async index(): Promise<WorkbookIndex> {
    return indexOf(this.sheets);
  }

  async read<T = undefined>(plan: (index: WorkbookIndex) => PlannedRead<T>, options: ReadOptions = {}): Promise<ReadResult<T>> {
    this.reads.push({ signal: options.signal });
    if (this.failRead) {
      const error = this.failRead;
      this.failRead = null;
      throw error;
    }
    const chosen = plan(indexOf(this.sheets));
    options.onProgress?.(0.5);
    if (this.holdRead) {
      this.holdRead = false;
      await new Promise<void>((resolve, reject) => {
        this.release = resolve;
        options.signal?.addEventListener('abort', () => reject(new WorkbookError('cancelled', 'Åtgärden avbröts.', 'The action was cancelled.')));
      });
    }
    options.onProgress?.(1);
    return readResult(this.withFormulaResults(readPlan(this.sheets, chosen)), chosen);
  }

  /** A formula cell reads as its result, as from a saved workbook (readPlan gives 0). */
  private withFormulaResults(raw: RawWorkbook): RawWorkbook {
    for (const grid of raw.grids.values()) {
      const sheet = this.sheet(grid.sheet);
      grid.values.forEach((row, r) =>
        row.forEach((_, c) => {
          const v = sheet.rows[grid.top + r]?.[grid.left + c];
          if (typeof v === 'string' && v.startsWith('=')) row[c] = evaluateFormula(sheet, v);
        }),
      );
    }
    return raw;
  }

  async writeSheet(spec: SheetSpec, options: WriteOptions = {}) {
    const rows = spec.rows.map((row) => row.map((cell) => (cell && typeof cell.value !== 'object' ? (cell.value ?? null) : null)));
    let name: string;
    if (options.replace !== undefined) {
      const at = this.sheets.findIndex((s) => s.name === options.replace);
      if (at < 0) throw new WorkbookError('not-found', `Fliken ${options.replace} finns inte.`);
      name = options.replace;
      this.sheets[at] = { name, rows };
    } else {
      name = freeSheetName(spec.name, this.sheets.map((s) => s.name));
      this.sheets.push({ name, rows });
    }
    this.sheetWrites.push({ spec, options, name });
    return { name };
  }

  async deleteOwnedSheet(): Promise<void> {
    throw new WorkbookError('not-owned', 'Fliken ägs inte av Budgetkoll.');
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    if (!this.sheets.some((s) => s.name === sheet)) throw new WorkbookError('not-found', `Fliken ”${sheet}” finns inte i arbetsboken.`, `The sheet "${sheet}" is not in the workbook.`);
    this.selected.push(`${sheet}!${address}`);
  }

  async writeCells(edits: readonly CellEdit[]): Promise<CellEditResult> {
    this.cellWrites.push([...edits]);
    const result: CellEditResult = { changed: [], skipped: [] };
    for (const edit of edits) {
      const pos = parseRangeA1(edit.cell)!;
      const rows = this.sheet(edit.sheet).rows;
      while (rows.length <= pos.top) rows.push([]);
      const before = rows[pos.top][pos.left] ?? null;
      if (typeof before === 'string' && before.startsWith('=')) {
        result.skipped.push({ sheet: edit.sheet, cell: edit.cell, reason: 'Cellen innehåller en formel och ändras inte.' });
        continue;
      }
      rows[pos.top][pos.left] = edit.value;
      result.changed.push({ sheet: edit.sheet, cell: edit.cell, before, after: edit.value });
    }
    return result;
  }

  readonly resizes: TableResize[] = [];

  async resizeTable(resize: TableResize): Promise<void> {
    const table = this.sheet(resize.sheet).tables?.find((t) => t.name === resize.table);
    if (!table) throw tableNotFound(resize);
    checkedResize(table.range, resize);
    this.resizes.push(resize);
    table.range = resize.address;
  }
}
