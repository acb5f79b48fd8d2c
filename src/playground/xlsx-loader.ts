/**
 * The playground's workbooks: shown through the xlsx adapter (ExcelJS, in memory) and saved with
 * the package writer over the bytes that were opened (journaled-port.ts), so a download keeps
 * everything the file had. The bundled sample is first written as a package, then opened like any
 * file: one path for both. ExcelJS, the package writer and the sample generator are imported
 * lazily: they become their own chunks, loaded by the playground only (never by the task pane).
 */
import { WorkbookError } from '../core/workbook/port';
import { browserDeflateRaw, browserDeflateRawChunks } from '../io/xlsx/browser-deflate';
import { browserInflateRaw } from '../io/xlsx/browser-inflate';
import type { PackageDeps } from '../io/xlsx/package';
import type { Fill, Workbook } from 'exceljs';
import type { OpenWorkbook, SelectListener, SheetLayout, WorkbookLoader } from './workbook-loader';
import { frozenOf, mergesOf, protectionOf, tabColorOf } from './exceljs-look';
import type { ChartSpec } from '../core/workbook/sheet-spec';

const loadAdapter = () => import(/* webpackChunkName: "xlsx" */ '../io/xlsx/xlsx-port');
const loadWriter = () =>
  Promise.all([
    import(/* webpackChunkName: "package" */ '../io/xlsx/journaled-port'),
    import(/* webpackChunkName: "package" */ '../io/xlsx/view-part-names'),
    import(/* webpackChunkName: "package" */ './file-charts'),
  ]);

/**
 * The browser's own zlib (DecompressionStream / CompressionStream, "deflate-raw"): inflating never
 * past a part's declared size, so an opened file is checked against the limits of limits.ts.
 */
function browserDeps(): PackageDeps {
  if (!browserInflateRaw || !browserDeflateRaw) {
    throw new WorkbookError(
      'unknown',
      'Den här webbläsaren kan inte packa upp och spara Excel-filer. Använd en aktuell version av Edge, Chrome, Firefox eller Safari.',
      'This browser cannot unpack and save Excel files. Use a current version of Edge, Chrome, Firefox or Safari.',
    );
  }
  return { inflateRaw: browserInflateRaw, deflateRaw: browserDeflateRaw, deflateRawChunks: browserDeflateRawChunks };
}

/** Opens package bytes for the playground: the ExcelJS view, journaled; `deps` are the browser's zlib (tests pass Node's). */
export async function openBytes(bytes: Uint8Array, onSelect: SelectListener, deps: PackageDeps = browserDeps()): Promise<OpenWorkbook> {
  const [{ XlsxWorkbookPort }, [{ journaled }, { withExcelJsPartNames }, { fileCharts, withFileCharts }]] = await Promise.all([loadAdapter(), loadWriter()]);
  // The view gets every sheet, whatever its part is called; the journal applies to the bytes opened.
  const prepare = (checked: Uint8Array) => withExcelJsPartNames(checked, deps.inflateRaw, deps);
  const view = await XlsxWorkbookPort.fromBuffer(bytes, { onSelect, inflateRaw: deps.inflateRaw, prepare });
  const workbook = journaled(view, bytes, deps);
  // The file's own charts (those Budgetkoll added in Excel): a file they cannot be read from still opens.
  const file = withFileCharts(workbook.port, await fileCharts(bytes, deps.inflateRaw).catch(() => new Map<string, ChartSpec[]>()));
  return {
    port: file.port,
    toBuffer: () => workbook.toBuffer(),
    layout: (sheet) => sheetLayout(view.workbook, sheet),
    tabColor: (sheet) => {
      const worksheet = view.workbook.getWorksheet(sheet);
      return worksheet ? tabColorOf(worksheet) : null;
    },
    charts: (sheet) => file.charts(sheet) ?? workbook.charts(sheet),
  };
}

/** Hidden rows and columns, widths, merges, frozen panes and protection of a sheet, from ExcelJS's in-memory workbook. */
export function sheetLayout(workbook: Workbook, name: string): SheetLayout | null {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) return null;
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  const widths = new Map<number, number>();
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    if (row.hidden) hiddenRows.add(number - 1);
  });
  // Asked only for the cells on screen: no scan of a big sheet's every cell.
  const concealed = (row: number, col: number) => {
    const cell = sheet.findCell(row + 1, col + 1);
    return !!cell && drawnInBackground(cell.font?.color?.argb, cell.fill);
  };
  const columns = Math.max(sheet.columnCount, sheet.actualColumnCount);
  for (let c = 1; c <= columns; c++) {
    const column = sheet.getColumn(c);
    if (column.hidden) hiddenColumns.add(c - 1);
    if (typeof column.width === 'number' && column.width >= 0) widths.set(c - 1, column.width);
  }
  const frozen = frozenOf(sheet);
  const protection = protectionOf(sheet);
  return { hiddenRows, hiddenColumns, widths, concealed, merges: mergesOf(sheet), ...(frozen ? { frozen } : {}), ...(protection ? { protection } : {}) };
}

const isWhite = (argb: string | undefined) => !!argb && /^(FF)?FFFFFF$/i.test(argb);

/** White text on no fill (or a white one): Excel draws nothing you can see, e.g. Budgetkoll's marker style. */
function drawnInBackground(fontColor: string | undefined, fill: Fill | undefined): boolean {
  if (!isWhite(fontColor)) return false;
  if (!fill || fill.type !== 'pattern' || fill.pattern === 'none') return true;
  return fill.pattern === 'solid' && isWhite(fill.fgColor?.argb);
}

export const xlsxWorkbookLoader: WorkbookLoader = {
  open(buffer, onSelect) {
    return openBytes(new Uint8Array(buffer), onSelect);
  },

  async sample(onSelect) {
    const deps = browserDeps();
    const [{ writePackage }, { generateSample, sampleToSheetSpecs }] = await Promise.all([
      import(/* webpackChunkName: "package" */ '../io/xlsx/package'),
      import(/* webpackChunkName: "sample" */ '../core/sample'),
    ]);
    const bytes = await writePackage(null, sampleToSheetSpecs(generateSample()).map((spec) => ({ spec })), deps);
    return openBytes(bytes, onSelect);
  },
};
