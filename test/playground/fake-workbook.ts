/** An in-memory workbook for playground tests: a WorkbookPort that can read, write and select. */
import { parseRangeA1, rangeToA1, toA1 } from '../../src/core/a1';
import type { RawGrid, RawValue, WorkbookIndex } from '../../src/core/workbook/raw';
import type { SheetSpec } from '../../src/core/workbook/sheet-spec';
import { freeSheetName } from '../../src/core/workbook/sheet-names';
import { readResult, WorkbookError, type CellEdit, type CellEditResult, type PlannedRead, type ReadResult, type TableResize, type WorkbookPort } from '../../src/core/workbook/port';
import type { OpenWorkbook, SelectListener, WorkbookLoader } from '../../src/playground/workbook-loader';

export interface FakeSheet {
  name: string;
  rows: RawValue[][];
  /** By A1 address. */
  formulas?: Record<string, string>;
  /** Number format codes by A1 address. */
  numberFormats?: Record<string, string>;
}

export class FakeWorkbook implements WorkbookPort, OpenWorkbook {
  readonly reads: string[] = [];

  constructor(
    public sheets: FakeSheet[],
    private readonly onSelect: SelectListener,
  ) {}

  get port(): WorkbookPort {
    return this;
  }

  async toBuffer(): Promise<Uint8Array> {
    return Uint8Array.from(this.sheets.map((s) => s.name).join(','), (c) => c.charCodeAt(0) & 0xff);
  }

  async index(): Promise<WorkbookIndex> {
    return {
      sheets: this.sheets.map((s, position) => {
        const width = Math.max(0, ...s.rows.map((r) => r.length));
        return {
          name: s.name,
          position,
          visible: true,
          usedAddress: s.rows.length && width ? rangeToA1({ top: 0, left: 0, bottom: s.rows.length - 1, right: width - 1 }) : null,
          firstCellText: null,
        };
      }),
      tables: [],
    };
  }

  async read<T = undefined>(plan: (index: WorkbookIndex) => PlannedRead<T>): Promise<ReadResult<T>> {
    const index = await this.index();
    const grids = new Map<string, RawGrid>();
    const planned = plan(index);
    for (const range of planned.ranges) {
      const sheet = this.sheets.find((s) => s.name === range.sheet);
      const pos = parseRangeA1(range.address);
      if (!sheet || !pos) throw new WorkbookError('not-found', `Fliken ${range.sheet} finns inte.`);
      this.reads.push(`${range.sheet}!${range.address}`);
      const values: RawValue[][] = [];
      const formulas: Record<string, string> = {};
      const numberFormats: string[][] = [];
      for (let r = pos.top; r <= pos.bottom; r++) {
        const row: RawValue[] = [];
        const formatRow: string[] = [];
        numberFormats.push(formatRow);
        for (let c = pos.left; c <= pos.right; c++) {
          row.push(sheet.rows[r]?.[c] ?? null);
          formatRow.push(sheet.numberFormats?.[toA1(r, c)] ?? 'General');
          const formula = sheet.formulas?.[toA1(r, c)];
          if (formula) formulas[toA1(r, c)] = formula;
        }
        values.push(row);
      }
      grids.set(range.id, {
        sheet: sheet.name,
        top: pos.top,
        left: pos.left,
        values,
        formulas,
        ...(range.numberFormats ? { numberFormats } : {}),
      });
    }
    return readResult({ index, grids }, planned);
  }

  async writeSheet(spec: SheetSpec) {
    const name = freeSheetName(spec.name, this.sheets.map((s) => s.name));
    this.sheets.push({ name, rows: spec.rows.map((row) => row.map((cell) => (cell?.value ?? null) as RawValue)) });
    return { name };
  }

  async deleteOwnedSheet(name: string): Promise<void> {
    throw new WorkbookError('not-owned', `Fliken ${name} ägs inte av Budgetkoll.`);
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    if (!this.sheets.some((s) => s.name === sheet)) throw new WorkbookError('not-found', `Fliken ${sheet} finns inte.`);
    this.onSelect(sheet, address);
  }

  async writeCells(edits: readonly CellEdit[]): Promise<CellEditResult> {
    const result: CellEditResult = { changed: [], skipped: [] };
    for (const edit of edits) {
      const sheet = this.sheets.find((s) => s.name === edit.sheet);
      const pos = parseRangeA1(edit.cell);
      if (!sheet || !pos) throw new WorkbookError('not-found', `Fliken ${edit.sheet} finns inte.`);
      while (sheet.rows.length <= pos.top) sheet.rows.push([]);
      const before = sheet.rows[pos.top][pos.left] ?? null;
      sheet.rows[pos.top][pos.left] = edit.value;
      result.changed.push({ sheet: edit.sheet, cell: edit.cell, before: typeof before === 'object' && before !== null ? before.code : before, after: edit.value });
    }
    return result;
  }

  /** The fake's sheets have no Excel tables. */
  async resizeTable(resize: TableResize): Promise<void> {
    throw new WorkbookError('not-found', `Tabellen ${resize.table} finns inte.`);
  }
}

/** A loader whose sample is `sample` and whose open() fails for bytes that do not start with "PK". */
export function fakeLoader(sample: () => FakeSheet[]): WorkbookLoader & { opened: FakeWorkbook[] } {
  const opened: FakeWorkbook[] = [];
  return {
    opened,
    async sample(onSelect) {
      const workbook = new FakeWorkbook(sample(), onSelect);
      opened.push(workbook);
      return workbook;
    },
    async open(buffer, onSelect) {
      const bytes = new Uint8Array(buffer);
      if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
        throw new WorkbookError('unreadable', 'Filen är inte en Excel-arbetsbok (.xlsx).', 'The file is not an Excel workbook (.xlsx).');
      }
      const workbook = new FakeWorkbook([{ name: 'Uppladdad', rows: [['Hej']] }], onSelect);
      opened.push(workbook);
      return workbook;
    },
  };
}
