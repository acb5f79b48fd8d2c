/** A small in-memory WorkbookPort for component tests: records writes, can fail or stall on a tab. */
import { freeSheetName } from '../../src/core/workbook/sheet-names';
import type { SheetInfo, WorkbookIndex } from '../../src/core/workbook/raw';
import type { CellEdit, CellEditResult, TableResize } from '../../src/core/workbook/port';
import type { SheetSpec } from '../../src/core/workbook/sheet-spec';
import { WorkbookError, type WorkbookPort, type WriteOptions } from '../../src/core/workbook/port';

export class FakePort implements WorkbookPort {
  readonly written: SheetSpec[] = [];
  readonly selected: string[] = [];
  /** Name of a spec whose write fails with this error. */
  failOn: { name: string; error: Error } | null = null;
  /** Name of a spec whose write waits until `release()` (to see progress and cancel). */
  stallOn: string | null = null;
  private releaseStall: (() => void) | null = null;

  constructor(
    public sheetNames: string[] = [],
    public tables: { name: string; sheet: string }[] = [],
  ) {}

  release(): void {
    this.releaseStall?.();
  }

  async index(): Promise<WorkbookIndex> {
    const sheets: SheetInfo[] = this.sheetNames.map((name, position) => ({
      name,
      position,
      visible: true,
      usedAddress: 'A1:B2',
      firstCellText: null,
    }));
    return { sheets, tables: this.tables.map((t) => ({ ...t, address: 'A1:B2' })) };
  }

  async read(): Promise<never> {
    throw new Error('not used');
  }

  async writeSheet(spec: SheetSpec, options?: WriteOptions) {
    if (this.stallOn === spec.name) {
      await new Promise<void>((resolve) => (this.releaseStall = resolve));
      if (options?.signal?.aborted) throw new WorkbookError('cancelled', 'Avbrutet.', 'Cancelled.');
    }
    if (this.failOn?.name === spec.name) throw this.failOn.error;
    const name = freeSheetName(spec.name, this.sheetNames);
    this.sheetNames.push(name);
    this.written.push(spec);
    return { name };
  }

  async deleteOwnedSheet(): Promise<void> {
    throw new WorkbookError('not-owned', 'Fliken ägs inte av Budgetkoll.');
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.selected.push(`${sheet}!${address}`);
  }

  readonly edited: CellEdit[] = [];

  async writeCells(edits: readonly CellEdit[]): Promise<CellEditResult> {
    this.edited.push(...edits);
    return { changed: edits.map((e) => ({ ...e, before: null, after: e.value })), skipped: [] };
  }

  readonly resized: TableResize[] = [];

  async resizeTable(resize: TableResize): Promise<void> {
    this.resized.push(resize);
  }
}
