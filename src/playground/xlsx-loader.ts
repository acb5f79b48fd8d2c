/**
 * The playground's workbooks over the xlsx adapter. ExcelJS and the sample generator are imported
 * lazily: they become their own chunks, loaded by the playground only (never by the task pane).
 */
import { browserInflateRaw } from '../io/xlsx/browser-inflate';
import type { OpenWorkbook, WorkbookLoader } from './workbook-loader';

const loadAdapter = () => import(/* webpackChunkName: "xlsx" */ '../io/xlsx/xlsx-port');

/**
 * Raw inflate with the browser's DecompressionStream, within each part's declared size
 * (browser-inflate.ts): with it, an opened file is checked against the limits of limits.ts before
 * ExcelJS reads it, and the formulas' empty-text cached results on Budgetkoll's tabs survive into
 * the download (load.ts). A browser without it opens files all the same.
 */
const inflateRaw = browserInflateRaw;

export const xlsxWorkbookLoader: WorkbookLoader = {
  async open(buffer, onSelect): Promise<OpenWorkbook> {
    const { XlsxWorkbookPort } = await loadAdapter();
    const port = await XlsxWorkbookPort.fromBuffer(buffer, { onSelect, inflateRaw });
    return { port, toBuffer: () => port.toBuffer() };
  },

  async sample(onSelect): Promise<OpenWorkbook> {
    const [{ XlsxWorkbookPort }, { generateSample, sampleToSheetSpecs }] = await Promise.all([
      loadAdapter(),
      import(/* webpackChunkName: "sample" */ '../core/sample'),
    ]);
    const port = XlsxWorkbookPort.createEmpty({ onSelect });
    for (const spec of sampleToSheetSpecs(generateSample())) await port.writeSheet(spec);
    return { port, toBuffer: () => port.toBuffer() };
  },
};
