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
  return {
    async index() {
      return (await current()).index();
    },
    async read(plan, options) {
      return (await current()).read(plan, options);
    },
    async writeSheet(spec, options) {
      const port = await current();
      try {
        return await port.writeSheet(spec, options);
      } finally {
        events.onChanged();
      }
    },
    async deleteOwnedSheet(name) {
      const port = await current();
      try {
        return await port.deleteOwnedSheet(name);
      } finally {
        events.onChanged();
      }
    },
    async selectCell(sheet, address) {
      return (await current()).selectCell(sheet, address);
    },
    async writeCells(edits) {
      const port = await current();
      try {
        return await port.writeCells(edits);
      } finally {
        events.onChanged();
      }
    },
    async resizeTable(resize) {
      const port = await current();
      try {
        return await port.resizeTable(resize);
      } finally {
        events.onChanged();
      }
    },
  };
}
