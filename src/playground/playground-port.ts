/**
 * The port the playground hands to the task pane: one stable object that forwards to whichever
 * workbook is open (so the task pane can render before ExcelJS has loaded, and survives opening
 * another file), and tells the page after every change so the grid can refresh its tabs.
 */
import type { WorkbookPort } from '../core/workbook/port';

export interface PortEvents {
  /** A tab was written or deleted (also after a failed write: it may have cleaned up). */
  onChanged(): void;
}

export function createForwardingPort(current: () => Promise<WorkbookPort>, events: PortEvents): WorkbookPort {
  /** Runs a change on the open workbook and tells the page afterwards, whether it succeeded or not. */
  const change = async <T>(act: (port: WorkbookPort) => Promise<T>): Promise<T> => {
    const port = await current();
    try {
      return await act(port);
    } finally {
      events.onChanged();
    }
  };
  return {
    index: async () => (await current()).index(),
    read: async (plan, options) => (await current()).read(plan, options),
    selectCell: async (sheet, address) => (await current()).selectCell(sheet, address),
    writeSheet: (spec, options) => change((port) => port.writeSheet(spec, options)),
    deleteOwnedSheet: (name) => change((port) => port.deleteOwnedSheet(name)),
    writeCells: (edits) => change((port) => port.writeCells(edits)),
    resizeTable: (resize) => change((port) => port.resizeTable(resize)),
  };
}
