/**
 * What the grid shows of a sheet's look, read from ExcelJS's in-memory worksheet: merged cells,
 * frozen panes, protection (which cells are locked) and the tab colour. Type imports only: the
 * worksheet comes from the lazily loaded ExcelJS chunk.
 */
import type { Worksheet } from 'exceljs';
import type { RangePosition } from '../core/a1';
import type { SheetLayout } from './workbook-loader';

interface MergeDimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The sheet's merged ranges, 0-based. ExcelJS keeps them by their top-left address in `_merges`
 * (its own `model.merges` would serialise every row of the sheet to list them).
 */
export function mergesOf(sheet: Worksheet): RangePosition[] {
  const merges = (sheet as unknown as { _merges?: Record<string, MergeDimensions | undefined> })._merges;
  if (!merges || typeof merges !== 'object') return [];
  const areas: RangePosition[] = [];
  for (const m of Object.values(merges)) {
    if (!m || !Number.isInteger(m.top) || !Number.isInteger(m.left) || !Number.isInteger(m.bottom) || !Number.isInteger(m.right)) continue;
    areas.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  return areas;
}

/** Frozen rows and columns of the sheet's first view (Excel's "Lås fönsterrutor"), if any. */
export function frozenOf(sheet: Worksheet): { rows: number; columns: number } | undefined {
  const view = (sheet.views ?? [])[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  if (!view || view.state !== 'frozen') return undefined;
  const rows = Math.max(0, Math.floor(Number(view.ySplit) || 0));
  const columns = Math.max(0, Math.floor(Number(view.xSplit) || 0));
  return rows > 0 || columns > 0 ? { rows, columns } : undefined;
}

/** On a protected sheet: a cell is locked unless its style says otherwise (Excel's default). */
export function protectionOf(sheet: Worksheet): SheetLayout['protection'] {
  const protection = (sheet as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  if (!protection || !protection.sheet) return undefined;
  return {
    locked(row, col) {
      const cell = sheet.findCell(row + 1, col + 1);
      return cell?.protection?.locked !== false;
    },
  };
}

/** The tab colour as #RRGGBB; theme and indexed colours are not resolved (none). */
export function tabColorOf(sheet: Worksheet): string | null {
  const color = (sheet.properties as { tabColor?: { argb?: string } } | undefined)?.tabColor;
  const argb = color?.argb;
  if (typeof argb !== 'string' || !/^([0-9a-f]{2})?[0-9a-f]{6}$/i.test(argb)) return null;
  return `#${argb.slice(-6).toUpperCase()}`;
}
