/**
 * The Excel implementation of FollowUpImportService: the follow-up tabs of each chosen file are
 * found with the xlsx reader (loaded on first use) and inserted with insertWorksheetsFromBase64
 * (ExcelApi 1.13). Only the composition root for Excel imports this module.
 *
 * What Microsoft documents about that call, and what is done about it here:
 * - it returns the IDs of the new worksheets, not their names: the names are read back by ID;
 * - the whole file travels in one request, and Excel on the web refuses a request above 5 MB:
 *   the size is checked before anything is sent, and the user is told what to do instead;
 * - Excel on the web does not insert charts, comments, PivotTables or slicers: the result carries
 *   a note the section shows;
 * - a tab name the workbook already has: checked first, so the message can name the tabs.
 */
import { officeErrorCode, toWorkbookError } from './errors';
import { jsonStringBytes, OPERATION_OVERHEAD } from './payload';
import { WorkbookError } from '../../core/workbook/port';
import type { FollowUpImportService, ImportedFile } from '../../core/followup/import-service';

/** Excel on the web refuses a request above 5 MB of JSON (RequestPayloadSizeLimitExceeded). */
export const WEB_REQUEST_LIMIT = 5_000_000;
/** Room for the rest of the request around the file: the sync's envelope and ids. */
const SYNC_ENVELOPE = 2_000;

/** Where the add-in runs: Office.context.platform ("OfficeOnline", "PC", "Mac", …) when known. */
export interface ImportHost {
  platform?: string;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** JSON bytes of the insert request: the file as base64 text, the tab names, the envelope. */
export function insertRequestBytes(base64: string, names: readonly string[]): number {
  let bytes = jsonStringBytes(base64) + OPERATION_OVERHEAD + SYNC_ENVELOPE;
  for (const name of names) bytes += jsonStringBytes(name) + 1;
  return bytes;
}

const sameName = (name: string): string => name.toLocaleLowerCase('sv-SE');

function megabytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1_000_000);
}

function tooLargeError(file: string, size: number): WorkbookError {
  return new WorkbookError(
    'payload-too-large',
    `Filen ${file} är för stor för att hämtas in i Excel på webben (${megabytes(size, 'sv-SE')} MB; hela filen skickas på en gång och Excel på webben tar emot högst 5 MB, vilket räcker till en fil på ungefär 3,7 MB). ` +
      'Hämta in den i Excel för skrivbordet, eller spara en kopia av filen utan de andra flikarna och hämta in kopian.',
    `The file ${file} is too large to import in Excel on the web (${megabytes(size, 'en-GB')} MB; the whole file is sent at once and Excel on the web accepts at most 5 MB, enough for a file of about 3.7 MB). ` +
      'Import it in desktop Excel, or save a copy of the file without the other tabs and import the copy.',
  );
}

function duplicateNamesError(file: string, clashes: readonly string[]): WorkbookError {
  const sv = clashes.map((n) => `”${n}”`).join(', ');
  const en = clashes.map((n) => `"${n}"`).join(', ');
  const one = clashes.length === 1;
  return new WorkbookError(
    'unknown',
    `Flikarna i ${file} hämtades inte in: arbetsboken har redan ${one ? 'en flik' : 'flikar'} med namnet ${sv}. Byt namn på eller ta bort ${one ? 'den' : 'dem'} och försök igen.`,
    `The tabs of ${file} were not imported: the workbook already has ${one ? 'a tab' : 'tabs'} named ${en}. Rename or delete ${one ? 'it' : 'them'} and try again.`,
  );
}

/** Anything Excel.run rejected with, mapped by its Office code and naming the file. */
function insertError(error: unknown, file: string, names: readonly string[]): unknown {
  if (error instanceof WorkbookError) return error;
  // A tab with one of the names appeared between the check and the insert.
  if (officeErrorCode(error) === 'ItemAlreadyExists') return duplicateNamesError(file, names);
  const mapped = toWorkbookError(error);
  if (!(mapped instanceof WorkbookError)) return mapped; // no Office code: a programming error, kept as it is
  return new WorkbookError(
    mapped.kind,
    `Flikarna i ${file} kunde inte hämtas in. ${mapped.message}`,
    `The tabs of ${file} could not be imported. ${mapped.messageEn}`,
  );
}

export function officeFollowUpImport(
  run: typeof Excel.run,
  isSetSupported: (name: string, version: string) => boolean,
  host: ImportHost = {},
): FollowUpImportService {
  const desktop = host.platform === 'PC' || host.platform === 'Mac';
  const web = host.platform === 'OfficeOnline';
  return {
    supported: isSetSupported('ExcelApi', '1.13'),
    async importFiles(files) {
      const [{ XlsxWorkbookPort }, { followUpSheets }, { browserInflateRaw }] = await Promise.all([
        import(/* webpackChunkName: "xlsx" */ '../xlsx/xlsx-port'),
        import(/* webpackChunkName: "followup" */ '../../core/followup'),
        import(/* webpackChunkName: "xlsx" */ '../xlsx/browser-inflate'),
      ]);
      const results: ImportedFile[] = [];
      for (const file of files) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        let names: string[];
        try {
          // Inflating within declared sizes: the limits of limits.ts hold here too (a bomb is refused).
          const port = await XlsxWorkbookPort.fromBuffer(bytes, { inflateRaw: browserInflateRaw });
          names = followUpSheets(await port.index()).map((s) => s.name);
        } catch (error) {
          // The reader's own reason (a limit passed, password protected, not a workbook) names the file.
          if (error instanceof WorkbookError) throw new WorkbookError(error.kind, `${file.name}: ${error.message}`, `${file.name}: ${error.messageEn}`);
          throw new WorkbookError('unreadable', `Filen ${file.name} kunde inte läsas som en Excel-arbetsbok (.xlsx).`, `The file ${file.name} could not be read as an Excel workbook (.xlsx).`);
        }
        if (names.length === 0) {
          results.push({ file: file.name, sheets: [] });
          continue;
        }
        const base64 = toBase64(bytes);
        // Only desktop Excel is known to take more; where the platform is unknown, assume the web.
        if (!desktop && insertRequestBytes(base64, names) > WEB_REQUEST_LIMIT) throw tooLargeError(file.name, bytes.length);
        let inserted: string[];
        try {
          // ExcelApi 1.13 implies 1.11, so delayForCellEdit is known; insertion cannot be undone,
          // so there is no undo group to ask for.
          inserted = await run({ delayForCellEdit: true }, async (context) => {
            const worksheets = context.workbook.worksheets;
            worksheets.load('items/name');
            await context.sync();
            const taken = new Set(worksheets.items.map((s) => sameName(s.name)));
            const clashes = names.filter((n) => taken.has(sameName(n)));
            if (clashes.length > 0) throw duplicateNamesError(file.name, clashes);

            const ids = context.workbook.insertWorksheetsFromBase64(base64, { sheetNamesToInsert: names, positionType: 'End' });
            await context.sync();
            // The result is the new sheets' IDs; what the user knows them by is their names.
            const sheets = ids.value.map((id) => worksheets.getItem(id).load('name'));
            await context.sync();
            return sheets.map((s) => s.name);
          });
        } catch (error) {
          throw insertError(error, file.name, names);
        }
        results.push(web ? { file: file.name, sheets: inserted, notes: ['web-objects-left-out'] } : { file: file.name, sheets: inserted });
      }
      return results;
    },
  };
}
