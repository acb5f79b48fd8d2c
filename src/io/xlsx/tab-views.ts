/** Tab order and the active, selected tab of an ExcelJS workbook (xlsx-port.ts). */
import type { Workbook, Worksheet } from 'exceljs';

/** A sheet view as ExcelJS stores it (its types leave out tabSelected). */
type SheetView = Record<string, unknown>;

/** Tab order: ExcelJS sorts worksheets by this field (missing from its type definitions). */
export function orderOf(sheet: Worksheet): { orderNo: number } {
  return sheet as unknown as { orderNo: number };
}

export function viewsOf(sheet: Worksheet): SheetView[] {
  return (sheet.views ?? []) as unknown as SheetView[];
}

export function setViews(sheet: Worksheet, views: SheetView[]): void {
  sheet.views = views as unknown as Worksheet['views'];
}

/** Workbook-level view (bookViews): which tab is active. */
interface BookView {
  activeTab?: number;
  firstSheet?: number;
  [key: string]: unknown;
}

function bookView(wb: Workbook): BookView {
  const views = (wb.views ?? []) as unknown as BookView[];
  if (views.length === 0) {
    const view: BookView = { x: 0, y: 0, width: 12000, height: 24000, firstSheet: 0, activeTab: 0, visibility: 'visible' };
    wb.views = [view] as unknown as Workbook['views'];
    return view;
  }
  return views[0];
}

export function activeSheet(wb: Workbook): Worksheet | undefined {
  const sheets = wb.worksheets;
  const view = (wb.views ?? [])[0] as unknown as BookView | undefined;
  return sheets[view?.activeTab ?? 0] ?? sheets[0];
}

/** Makes `sheet` the active, selected tab (and no other tab selected). */
export function setActive(wb: Workbook, sheet: Worksheet | undefined): void {
  const sheets = wb.worksheets;
  if (!sheet || sheets.length === 0) return;
  const view = bookView(wb);
  view.activeTab = Math.max(0, sheets.indexOf(sheet));
  if ((view.firstSheet ?? 0) > view.activeTab) view.firstSheet = view.activeTab;
  for (const s of sheets) {
    const [first, ...rest] = viewsOf(s);
    const selected = s === sheet;
    if (!first && !selected) continue;
    setViews(s, [{ ...(first ?? { state: 'normal' }), tabSelected: selected }, ...rest]);
  }
}

/** Moves `sheet` to tab position `position` (0-based, among the other tabs) and keeps `active` active. */
export function placeSheet(wb: Workbook, sheet: Worksheet, position: number, active: Worksheet | undefined): void {
  const others = wb.worksheets.filter((s) => s !== sheet);
  others.splice(Math.min(position, others.length), 0, sheet);
  others.forEach((s, i) => (orderOf(s).orderNo = i + 1));
  setActive(wb, active);
}
