/**
 * A port over the sample workbook for the Uppföljning component tests: the real xlsx adapter over
 * an in-memory ExcelJS workbook, wrapped so tests can see what was written and selected.
 */
import { generateSample, sampleToSheetSpecs, type SampleWorkbook } from '../../../src/core/sample';
import type { WorkbookIndex } from '../../../src/core/workbook/raw';
import type { SheetSpec } from '../../../src/core/workbook/sheet-spec';
import type { CellEdit, PlannedRead, ReadOptions, ReadResult, TableResize, WorkbookPort, WriteOptions } from '../../../src/core/workbook/port';
import { XlsxWorkbookPort } from '../../../src/io/xlsx/xlsx-port';

let cached: SampleWorkbook | null = null;
export function sample(): SampleWorkbook {
  return (cached ??= generateSample());
}

export class SamplePort implements WorkbookPort {
  readonly writes: { name: string; written: string; options: WriteOptions | undefined; spec: SheetSpec }[] = [];
  readonly selected: string[] = [];

  constructor(readonly inner: XlsxWorkbookPort) {}

  static async create(extra: SheetSpec[] = []): Promise<SamplePort> {
    const port = XlsxWorkbookPort.createEmpty();
    for (const spec of [...sampleToSheetSpecs(sample(), { instructions: false }), ...extra]) await port.writeSheet(spec);
    return new SamplePort(port);
  }

  index(): Promise<WorkbookIndex> {
    return this.inner.index();
  }

  read<T = undefined>(plan: (index: WorkbookIndex) => PlannedRead<T>, options?: ReadOptions): Promise<ReadResult<T>> {
    return this.inner.read(plan, options);
  }

  async writeSheet(spec: SheetSpec, options?: WriteOptions) {
    const result = await this.inner.writeSheet(spec, options);
    this.writes.push({ name: spec.name, written: result.name, options: options && { ...options, signal: undefined }, spec });
    return result;
  }

  deleteOwnedSheet(name: string): Promise<void> {
    return this.inner.deleteOwnedSheet(name);
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.selected.push(`${sheet}!${address}`);
    await this.inner.selectCell(sheet, address);
  }

  writeCells(edits: readonly CellEdit[]) {
    return this.inner.writeCells(edits);
  }

  resizeTable(resize: TableResize) {
    return this.inner.resizeTable(resize);
  }

  async sheetNames(): Promise<string[]> {
    return (await this.inner.index()).sheets.map((s) => s.name);
  }
}
