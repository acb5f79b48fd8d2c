/**
 * Ports for the Resursfördelning component tests: the real xlsx adapter over an in-memory ExcelJS
 * workbook holding the test sheets, wrapped so tests can see what was written and selected, and
 * make a read stall (progress and Avbryt) or fail.
 */
import { runAllocation } from '../../../src/core/allocation/model';
import { buildAllocationTab } from '../../../src/core/allocation/result-tab';
import { readBudgetModel } from '../../../src/core/recognition';
import type { WorkbookIndex } from '../../../src/core/workbook/raw';
import { emptySheetSpec, type SheetSpec, type SpecCell } from '../../../src/core/workbook/sheet-spec';
import { WorkbookError, type CellEdit, type PlannedRead, type ReadOptions, type ReadResult, type TableResize, type WorkbookPort, type WriteOptions } from '../../../src/core/workbook/port';
import { XlsxWorkbookPort } from '../../../src/io/xlsx/xlsx-port';
import { BUN, VOO, workedExample } from '../../fixtures/worked-example';
import type { TestSheet } from '../../helpers/raw-workbook';

export { BUN, VOO, workedExample };

/** Test sheets as plain input tabs (values only, header in row 1). */
export function specsOf(sheets: TestSheet[]): SheetSpec[] {
  return sheets.map((s) => ({ ...emptySheetSpec(s.name), rows: s.rows.map((row) => row.map((value): SpecCell => ({ value }))) }));
}

/** The worked example of docs/resursfordelning.md plus KF's Ramar (tkr). */
export function workedExampleWithFrames(options: Parameters<typeof workedExample>[0] = {}): TestSheet[] {
  const sheets = workedExample(options);
  sheets.push({
    name: 'Ramar',
    rows: [
      ['Nämnd', '2027', '2028', '2029'],
      [BUN, 1_050_000, 1_090_000, 1_115_000],
      [VOO, 667_000, 699_100, 727_300],
    ],
  });
  return sheets;
}

export class RecordingPort implements WorkbookPort {
  readonly writes: { name: string; options: WriteOptions | undefined; spec: SheetSpec }[] = [];
  readonly selected: string[] = [];
  readonly reads: ReadOptions[] = [];
  /** When set, the next read waits (reporting progress) until release() or its signal aborts. */
  stallRead = false;
  /** When set, reads fail with this error. */
  failRead: Error | null = null;
  private releaseRead: (() => void) | null = null;

  constructor(readonly inner: XlsxWorkbookPort) {}

  static async of(sheets: TestSheet[], extra: SheetSpec[] = []): Promise<RecordingPort> {
    const port = XlsxWorkbookPort.createEmpty();
    for (const spec of [...specsOf(sheets), ...extra]) await port.writeSheet(spec);
    return new RecordingPort(port);
  }

  release(): void {
    this.releaseRead?.();
  }

  index(): Promise<WorkbookIndex> {
    return this.inner.index();
  }

  async read<T = undefined>(plan: (index: WorkbookIndex) => PlannedRead<T>, options: ReadOptions = {}): Promise<ReadResult<T>> {
    this.reads.push(options);
    if (this.failRead) throw this.failRead;
    if (this.stallRead) {
      options.onProgress?.(0.4);
      await new Promise<void>((resolve, reject) => {
        this.releaseRead = resolve;
        options.signal?.addEventListener('abort', () => reject(new WorkbookError('cancelled', 'Avbrutet.', 'Cancelled.')));
      });
    }
    return this.inner.read(plan, options);
  }

  async writeSheet(spec: SheetSpec, options?: WriteOptions) {
    const result = await this.inner.writeSheet(spec, options);
    this.writes.push({ name: spec.name, options: options && { ...options, signal: undefined }, spec });
    return result;
  }

  deleteOwnedSheet(name: string): Promise<void> {
    return this.inner.deleteOwnedSheet(name);
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.selected.push(`${sheet}!${address}`);
    return this.inner.selectCell(sheet, address);
  }

  writeCells(edits: readonly CellEdit[]) {
    return this.inner.writeCells(edits);
  }

  resizeTable(resize: TableResize) {
    return this.inner.resizeTable(resize);
  }
}

/** The result tab an earlier run wrote (owned, with its marker), for the given sheets. */
export async function earlierResultTab(sheets: TestSheet[]): Promise<SheetSpec> {
  const port = XlsxWorkbookPort.createEmpty();
  for (const spec of specsOf(sheets)) await port.writeSheet(spec);
  const model = await readBudgetModel(port, 'allocation');
  return buildAllocationTab(runAllocation(model)!, model, new Date('2026-09-01T08:00:00Z'));
}
