/**
 * The Excel implementation of FollowUpImportService: the follow-up tabs of each chosen file are
 * found with the xlsx reader (loaded on first use) and inserted with insertWorksheetsFromBase64
 * (ExcelApi 1.13). Only the composition root for Excel imports this module.
 */
import { WorkbookError } from '../../../io/port';
import type { FollowUpImportService } from './import-service';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function officeFollowUpImport(
  run: typeof Excel.run,
  isSetSupported: (name: string, version: string) => boolean,
): FollowUpImportService {
  return {
    supported: isSetSupported('ExcelApi', '1.13'),
    async importFiles(files) {
      const [{ XlsxWorkbookPort }, { followUpSheets }] = await Promise.all([
        import(/* webpackChunkName: "xlsx" */ '../../../io/xlsx/xlsx-port'),
        import(/* webpackChunkName: "followup" */ '../../../core/followup'),
      ]);
      const results: { file: string; sheets: string[] }[] = [];
      for (const file of files) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        let names: string[];
        try {
          const port = await XlsxWorkbookPort.fromBuffer(bytes);
          names = followUpSheets(await port.index())
            .map((s) => s.name);
        } catch {
          throw new WorkbookError('unreadable', `Filen ${file.name} kunde inte läsas som en Excel-arbetsbok (.xlsx).`, `The file ${file.name} could not be read as an Excel workbook (.xlsx).`);
        }
        if (names.length === 0) {
          results.push({ file: file.name, sheets: [] });
          continue;
        }
        try {
          const inserted = await run(async (context) => {
            const result = context.workbook.insertWorksheetsFromBase64(toBase64(bytes), {
              sheetNamesToInsert: names,
              positionType: 'End',
            });
            await context.sync();
            return result.value;
          });
          results.push({ file: file.name, sheets: inserted });
        } catch {
          throw new WorkbookError(
            'unknown',
            `Flikarna i ${file.name} kunde inte hämtas in. Finns redan flikar med samma namn? Byt namn på dem och försök igen.`,
            `The tabs of ${file.name} could not be imported. Are there tabs with the same names already? Rename them and try again.`,
          );
        }
      }
      return results;
    },
  };
}
