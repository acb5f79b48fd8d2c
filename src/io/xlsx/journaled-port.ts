/**
 * A workbook held in memory for viewing (the playground's ExcelJS port) whose saved file is the
 * package writer's: every change made through the port is also recorded as a package edit (a tab
 * written, replaced or deleted; a quick fix's cells; a resized table), and `toBuffer` applies
 * those edits to the bytes that were opened. So the download keeps every part of the file the
 * in-memory model does not know (pivot tables, charts, comments, VBA, custom properties)
 * byte for byte, exactly as the command line's outputs do (package-port.ts).
 *
 * The view and the file agree because both apply the same operations: the inner port decides
 * (free names, what a quick fix changed), and the journal records the outcome.
 */
import type { ChartSpec, SheetSpec } from '../../core/workbook/sheet-spec';
import { WorkbookError, type CellEdit, type CellEditResult, type TableResize, type WorkbookPort } from '../../core/workbook/port';
import { PackageWriteError, writePackage, type PackageDeps, type PackageSheet } from './package';

const key = (name: string) => name.toLocaleLowerCase('sv-SE');

export interface JournaledWorkbook {
  /** The port to work through: the inner port's answers, every change recorded. */
  port: WorkbookPort;
  /** The opened package with every recorded change applied. */
  toBuffer(): Promise<Uint8Array>;
  /**
   * The charts of a tab written this session, as its spec placed them (the package writer and
   * ExcelJS write none, so the playground draws them from this).
   */
  charts(sheet: string): readonly ChartSpec[];
}

function ownTabsOnly(): WorkbookError {
  return new WorkbookError(
    'unknown',
    'Budgetkoll ändrar inga celler på sina egna flikar; skapa fliken på nytt i stället.',
    'Budgetkoll changes no cells on its own tabs; create the tab again instead.',
  );
}

/**
 * Wraps `inner`, a port over the package `input` (the same bytes, opened), so that the package
 * can be saved with the package writer.
 */
export function journaled(inner: WorkbookPort, input: Uint8Array, deps: PackageDeps): JournaledWorkbook {
  /** Tabs written this session, new or replacing a tab of the input, in the order written. */
  const written: PackageSheet[] = [];
  const deleted: string[] = [];
  const cellEdits: CellEdit[] = [];
  const tableResizes: TableResize[] = [];

  const writtenEntry = (name: string) => written.findIndex((w) => key(w.spec.name) === key(name));
  const refuseOnWrittenTabs = (sheets: readonly string[]) => {
    if (sheets.some((s) => writtenEntry(s) >= 0)) throw ownTabsOnly();
  };

  const port: WorkbookPort = {
    index: () => inner.index(),
    read: (plan, options) => inner.read(plan, options),
    selectCell: (sheet, address) => inner.selectCell(sheet, address),

    async writeSheet(spec: SheetSpec, options = {}) {
      const result = await inner.writeSheet(spec, options);
      const named = { ...spec, name: result.name };
      const at = writtenEntry(result.name);
      if (options.replace !== undefined && at >= 0) written[at] = { ...written[at], spec: named };
      else if (options.replace !== undefined) written.push({ spec: named, replace: result.name });
      else written.push({ spec: named, ...(options.position ? { position: options.position } : {}) });
      return result;
    },

    async deleteOwnedSheet(name: string) {
      await inner.deleteOwnedSheet(name);
      const at = writtenEntry(name);
      const entry = at >= 0 ? written.splice(at, 1)[0] : undefined;
      // A tab of the input goes from the file; a tab first written this session was never in it.
      if (!entry) deleted.push(name);
      else if (entry.replace !== undefined) deleted.push(entry.replace);
    },

    async writeCells(edits: readonly CellEdit[]): Promise<CellEditResult> {
      refuseOnWrittenTabs(edits.map((e) => e.sheet));
      const result = await inner.writeCells(edits);
      for (const c of result.changed) cellEdits.push({ sheet: c.sheet, cell: c.cell, value: c.after });
      return result;
    },

    async resizeTable(resize: TableResize) {
      refuseOnWrittenTabs([resize.sheet]);
      await inner.resizeTable(resize);
      tableResizes.push(resize);
    },
  };

  return {
    port,
    charts(sheet: string) {
      const at = writtenEntry(sheet);
      return at >= 0 ? (written[at].spec.charts ?? []) : [];
    },
    async toBuffer() {
      try {
        return await writePackage(input, written, deps, { deleted, cellEdits, tableResizes });
      } catch (cause) {
        if (cause instanceof PackageWriteError) throw new WorkbookError('unknown', cause.message, cause.message);
        throw cause;
      }
    },
  };
}
