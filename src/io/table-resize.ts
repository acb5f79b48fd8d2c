/** Shared by the adapters' resizeTable: checking a new table range, and the by-hand instructions. */
import { parseRangeA1, rangeToA1, type RangePosition } from '../core/a1';
import type { TableResize } from '../core/findings';
import { WorkbookError } from '../core/workbook/port';

/** How to resize the table in Excel by hand (Swedish / English), for hosts that cannot do it. */
export function resizeByHand(resize: TableResize): { sv: string; en: string } {
  return {
    sv: `Markera en cell i tabellen ”${resize.table}” på fliken ${resize.sheet}, välj Tabelldesign → Ändra tabellstorlek och ange ${resize.address}.`,
    en: `Select a cell in the table "${resize.table}" on the sheet ${resize.sheet}, choose Table Design → Resize Table and enter ${resize.address}.`,
  };
}

/** The error for a host without table resizing: says how to do it by hand. */
export function resizeUnsupportedError(resize: TableResize): WorkbookError {
  const hand = resizeByHand(resize);
  return new WorkbookError(
    'unknown',
    `Den här versionen av Excel kan inte ändra tabellens storlek åt Budgetkoll. ${hand.sv}`,
    `This version of Excel cannot resize the table for Budgetkoll. ${hand.en}`,
  );
}

/**
 * The new range, checked as Excel checks it: an A1 range whose header row is the table's header
 * row and whose columns still overlap the table's. Throws a WorkbookError otherwise.
 */
export function checkedResize(current: string, resize: TableResize): RangePosition {
  const from = parseRangeA1(current);
  const to = parseRangeA1(resize.address);
  if (!from || !to || to.top !== from.top || to.bottom <= to.top || to.left > from.right || to.right < from.left) {
    const hand = resizeByHand(resize);
    throw new WorkbookError(
      'unknown',
      `Tabellen ”${resize.table}” kan inte ändras till ${resize.address}: rubrikraden måste vara kvar (${from ? rangeToA1(from) : current}). ${hand.sv}`,
      `The table "${resize.table}" cannot be resized to ${resize.address}: the header row must stay (${from ? rangeToA1(from) : current}). ${hand.en}`,
    );
  }
  return to;
}

export function tableNotFound(resize: TableResize): WorkbookError {
  return new WorkbookError(
    'not-found',
    `Tabellen ”${resize.table}” finns inte längre på fliken ${resize.sheet}. Kontrollera igen.`,
    `The table "${resize.table}" is no longer on the sheet ${resize.sheet}. Check again.`,
  );
}
