/**
 * The playground's workbooks over the xlsx adapter. ExcelJS and the sample generator are imported
 * lazily: they become their own chunks, loaded by the playground only (never by the task pane).
 */
import type { OpenWorkbook, WorkbookLoader } from './workbook-loader';

const loadAdapter = () => import(/* webpackChunkName: "xlsx" */ '../io/xlsx/xlsx-port');

export const xlsxWorkbookLoader: WorkbookLoader = {
  async open(buffer, onSelect): Promise<OpenWorkbook> {
    const { XlsxWorkbookPort } = await loadAdapter();
    const port = await XlsxWorkbookPort.fromBuffer(buffer, { onSelect });
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
