/**
 * The port of a command that writes tabs into a copy of a workbook (the CLI's `allocate -o`,
 * `followup -o`, and new workbooks from `sample`, `template`, `consolidate`): reads through the lean
 * read port (only the cells a job reads, never the whole workbook as objects), keeps the tabs
 * written, and saves them with the package writer, which copies every other part of the input
 * byte for byte (package/write-package.ts). Nothing else of the workbook is ever held in memory.
 *
 * Reads see the input as it was opened: a tab written through this port is in the output, not in
 * what `read` returns. Selecting, typing into cells and deleting tabs are for the task pane and are
 * refused here.
 */
import { decodeMarker } from '../../core/workbook/marker';
import type { WorkbookIndex } from '../../core/workbook/raw';
import { freeSheetName } from '../../core/workbook/sheet-names';
import type { SheetSpec } from '../../core/workbook/sheet-spec';
import { WorkbookError, type CellEditResult, type PlannedRead, type ReadOptions, type ReadResult, type WorkbookPort, type WorkbookReader, type WriteOptions, type WriteResult } from '../../core/workbook/port';
import * as messages from './messages';
import { PackageWriteError, writePackage, type PackageDeps, type PackageSheet } from './package';
import { XlsxReadPort } from './read-port';

/** Excel reserves this sheet name (change history in old files). */
const RESERVED_SHEET_NAMES = ['History'];

function refused(): WorkbookError {
  return new WorkbookError(
    'unknown',
    'Kommandoraden skriver bara Budgetkolls egna flikar; den markerar inte celler och ändrar inga andra celler.',
    'The command line only writes Budgetkoll’s own tabs; it selects no cells and changes no other cells.',
  );
}

/** The text a spec puts in A1 (where an owned tab keeps its marker), as an index lists it. */
function firstCellText(spec: SheetSpec): string | null {
  const value = spec.rows[0]?.[0]?.value;
  return value === undefined || value === null ? null : String(value);
}

export class PackageWorkbookPort implements WorkbookPort {
  /** The tabs to write, in order; a later write of the same tab replaces the earlier one. */
  private readonly written: PackageSheet[] = [];

  private constructor(
    private readonly input: Uint8Array | null,
    private readonly reader: WorkbookReader | null,
    private readonly deps: PackageDeps,
  ) {}

  /** Opens .xlsx bytes for writing tabs into a copy (unreadable input: the read port's Swedish message). */
  static async fromBuffer(data: Uint8Array, deps: PackageDeps): Promise<PackageWorkbookPort> {
    const reader = await XlsxReadPort.fromBuffer(data, { inflateRaw: deps.inflateRaw });
    return new PackageWorkbookPort(data, reader, deps);
  }

  /** A new workbook holding only the tabs written (write at least one before toBuffer). */
  static createEmpty(deps: PackageDeps): PackageWorkbookPort {
    return new PackageWorkbookPort(null, null, deps);
  }

  /** The input's tabs (replaced ones in place), then the new tabs written so far. */
  async index(): Promise<WorkbookIndex> {
    const base: WorkbookIndex = this.reader ? await this.reader.index() : { sheets: [], tables: [] };
    const sheets = base.sheets.map((s) => {
      const replacement = this.written.find((w) => w.replace === s.name);
      return replacement ? { ...s, firstCellText: firstCellText(replacement.spec) } : s;
    });
    for (const w of this.written) {
      if (w.replace !== undefined) continue;
      sheets.push({ name: w.spec.name, position: sheets.length, visible: true, usedAddress: null, firstCellText: firstCellText(w.spec) });
    }
    return { ...base, sheets };
  }

  read<T = undefined>(plan: (index: WorkbookIndex) => PlannedRead<T>, options?: ReadOptions): Promise<ReadResult<T>> {
    if (!this.reader) return Promise.reject(messages.noSheets());
    return this.reader.read(plan, options);
  }

  async writeSheet(spec: SheetSpec, options: WriteOptions = {}): Promise<WriteResult> {
    if (options.signal?.aborted) throw messages.cancelled();
    const index = await this.index();
    if (options.replace !== undefined) {
      const old = index.sheets.find((s) => s.name.toLocaleLowerCase('sv-SE') === options.replace!.toLocaleLowerCase('sv-SE'));
      if (!old) throw messages.notFound.sheet(options.replace);
      if (!decodeMarker(old.firstCellText)) throw messages.notOwned(old.name);
      const isNew = this.written.find((w) => w.replace === undefined && w.spec.name === old.name);
      if (isNew) isNew.spec = { ...spec, name: old.name };
      else this.setReplacement({ spec: { ...spec, name: old.name }, replace: old.name });
      return { name: old.name };
    }
    const name = freeSheetName(spec.name, [...index.sheets.map((s) => s.name), ...RESERVED_SHEET_NAMES]);
    this.written.push({ spec: { ...spec, name } });
    return { name };
  }

  private setReplacement(sheet: PackageSheet): void {
    const at = this.written.findIndex((w) => w.replace === sheet.replace);
    if (at >= 0) this.written[at] = sheet;
    else this.written.push(sheet);
  }

  /** The output package: the input with the tabs written; a name or package problem is one Swedish line. */
  async toBuffer(): Promise<Uint8Array> {
    if (this.written.length === 0 && !this.input) throw messages.noSheets();
    try {
      return await writePackage(this.input, this.written, this.deps);
    } catch (cause) {
      if (cause instanceof PackageWriteError) throw new WorkbookError('unknown', cause.message, cause.message);
      throw cause;
    }
  }

  deleteOwnedSheet(): Promise<void> {
    return Promise.reject(refused());
  }

  selectCell(): Promise<void> {
    return Promise.reject(refused());
  }

  writeCells(): Promise<CellEditResult> {
    return Promise.reject(refused());
  }

  resizeTable(): Promise<void> {
    return Promise.reject(refused());
  }
}
