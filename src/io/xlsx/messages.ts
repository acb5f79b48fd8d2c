/**
 * The xlsx adapter's user-facing errors: one clear line in Swedish (with English alongside) that
 * says what is wrong and what to do. Never ExcelJS's or JSZip's own text.
 */
import { WorkbookError } from '../../core/workbook/port';

function error(kind: WorkbookError['kind'], sv: string, en: string, cause?: unknown): WorkbookError {
  const e = new WorkbookError(kind, sv, en);
  if (cause !== undefined) e.cause = cause; // for logs and debugging, never shown to users
  return e;
}

export const unreadable = {
  empty: () =>
    error('unreadable', 'Filen är tom (0 byte). Välj en Excel-arbetsbok (.xlsx).', 'The file is empty (0 bytes). Choose an Excel workbook (.xlsx).'),
  encrypted: () =>
    error(
      'unreadable',
      'Arbetsboken är lösenordsskyddad och kan inte läsas. Öppna den i Excel, ta bort lösenordet (Arkiv › Info › Skydda arbetsbok) och spara den igen.',
      'The workbook is password-protected and cannot be read. Open it in Excel, remove the password (File › Info › Protect Workbook) and save it again.',
    ),
  legacyXls: () =>
    error(
      'unreadable',
      'Filen är i det gamla Excel-formatet (.xls). Öppna den i Excel och spara den som Excel-arbetsbok (.xlsx).',
      'The file is in the old Excel format (.xls). Open it in Excel and save it as an Excel workbook (.xlsx).',
    ),
  openDocument: () =>
    error(
      'unreadable',
      'Filen är ett OpenDocument-kalkylark (.ods). Spara den som Excel-arbetsbok (.xlsx) och försök igen.',
      'The file is an OpenDocument spreadsheet (.ods). Save it as an Excel workbook (.xlsx) and try again.',
    ),
  notWorkbook: (cause?: unknown) =>
    error(
      'unreadable',
      'Filen är ingen Excel-arbetsbok. Välj en .xlsx-fil, eller öppna filen i Excel och spara den som Excel-arbetsbok (.xlsx).',
      'The file is not an Excel workbook. Choose an .xlsx file, or open the file in Excel and save it as an Excel workbook (.xlsx).',
      cause,
    ),
  damaged: (cause?: unknown) =>
    error(
      'unreadable',
      'Filen är skadad eller ofullständig och kan inte läsas. Spara arbetsboken på nytt i Excel (.xlsx) och försök igen.',
      'The file is damaged or incomplete and cannot be read. Save the workbook again in Excel (.xlsx) and try again.',
      cause,
    ),
};

export const notFound = {
  sheet: (name: string) =>
    error('not-found', `Fliken "${name}" finns inte i arbetsboken.`, `The workbook has no tab named "${name}".`),
  cell: (sheet: string, address: string) =>
    error('not-found', `Cellen "${address}" på fliken "${sheet}" är ingen giltig adress.`, `"${address}" on tab "${sheet}" is not a valid cell address.`),
};

export const notOwned = (name: string) =>
  error(
    'not-owned',
    `Fliken "${name}" är inte skapad av Budgetkoll, så den ändras inte och tas inte bort. Byt namn på den eller välj en annan flik.`,
    `The tab "${name}" was not created by Budgetkoll, so it is neither changed nor deleted. Rename it or choose another tab.`,
  );

export const cancelled = () => error('cancelled', 'Åtgärden avbröts.', 'The action was cancelled.');

export const writeFailed = (name: string, cause: unknown) =>
  error(
    'unknown',
    `Fliken "${name}" kunde inte skrivas. Inget ändrades i arbetsboken; försök igen eller kontakta support.`,
    `The tab "${name}" could not be written. Nothing in the workbook was changed; try again or contact support.`,
    cause,
  );

export const lastSheet = (name: string) =>
  error(
    'unknown',
    `Fliken "${name}" är den enda synliga fliken och kan inte tas bort; en arbetsbok måste ha minst en synlig flik.`,
    `The tab "${name}" is the only visible tab and cannot be deleted; a workbook needs at least one visible tab.`,
  );

export const noSheets = () =>
  error(
    'unknown',
    'Arbetsboken har inga flikar och kan inte sparas. Skapa minst en flik först.',
    'The workbook has no tabs and cannot be saved. Create at least one tab first.',
  );

export const badRange = (sheet: string, address: string) =>
  error(
    'unknown',
    `Budgetkoll försökte läsa "${address}" på fliken "${sheet}", vilket inte är ett giltigt område.`,
    `Budgetkoll tried to read "${address}" on tab "${sheet}", which is not a valid range.`,
  );

/** "100 MB", "1 GB", "3,9 GB": sizes in Swedish (binary units, as Windows shows file sizes). */
function size(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1024 * 10) return `${Math.round(mb / 1024)} GB`;
  if (mb >= 1024) return `${(mb / 1024).toFixed(1).replace('.', ',').replace(/,0$/, '')} GB`;
  return `${group(Math.max(1, Math.round(mb)))} MB`;
}

function group(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

const LIMIT_SV = 'Filen läses inte, den passerar en säkerhetsgräns:';
const LIMIT_EN = 'The file is not read, it passes a safety limit:';
const LIMIT_TODO_SV = 'Kontrollera att det är rätt fil, eller öppna den i Excel och spara den på nytt som .xlsx.';
const LIMIT_TODO_EN = 'Check that it is the right file, or open it in Excel and save it again as .xlsx.';

function limitError(sv: string, en: string): WorkbookError {
  return error('unreadable', `${LIMIT_SV} ${sv} ${LIMIT_TODO_SV}`, `${LIMIT_EN} ${en} ${LIMIT_TODO_EN}`);
}

/** A package that passes one of the limits in limits.ts (always kind 'unreadable'). */
export const limit = {
  entries: (count: number, max: number) =>
    limitError(`den har ${group(count)} delar, gränsen är ${group(max)}.`, `it has ${count} parts, the limit is ${max}.`),
  entrySize: (part: string, bytes: number, max: number) =>
    limitError(
      `delen ${part} packas upp till ${size(bytes)}, gränsen är ${size(max)} per del.`,
      `the part ${part} inflates to ${size(bytes)}, the limit is ${size(max)} per part.`,
    ),
  totalSize: (bytes: number, max: number) =>
    limitError(
      `delarna packas upp till mer än ${size(bytes)} tillsammans, gränsen är ${size(max)}.`,
      `the parts inflate to more than ${size(bytes)} together, the limit is ${size(max)}.`,
    ),
  ratio: (part: string, ratio: number, max: number) =>
    limitError(
      `delen ${part} packas upp till ${group(ratio)} gånger sin lagrade storlek, gränsen är ${group(max)} gånger.`,
      `the part ${part} inflates to ${Math.round(ratio)} times its stored size, the limit is ${max} times.`,
    ),
  sizeMismatch: (part: string, declared: number) =>
    limitError(
      `delen ${part} packas upp till mer än de ${group(declared)} byte som filen anger för den.`,
      `the part ${part} inflates to more than the ${declared} bytes the file gives for it.`,
    ),
  sharedStrings: (part: string, max: number) =>
    limitError(
      `delen ${part} har fler än ${group(max)} delade texter, gränsen är ${group(max)}.`,
      `the part ${part} has more than ${max} shared strings, the limit is ${max}.`,
    ),
  depth: (part: string, max: number) =>
    limitError(
      `delen ${part} har element nästlade mer än ${max} nivåer djupt, gränsen är ${max}.`,
      `the part ${part} nests elements more than ${max} levels deep, the limit is ${max}.`,
    ),
  cellIndex: (part: string, tab: string | undefined, row: number, col: number, maxRows: number, maxColumns: number) =>
    limitError(
      `${tab === undefined ? '' : `fliken "${tab}" (`}delen ${part}${tab === undefined ? '' : ')'} har en cell på rad ${group(row + 1)}, kolumn ${group(col + 1)}, utanför Excels största blad (${group(maxRows)} rader × ${group(maxColumns)} kolumner, A1:XFD1048576).`,
      `${tab === undefined ? '' : `the tab "${tab}" (`}the part ${part}${tab === undefined ? '' : ')'} has a cell at row ${row + 1}, column ${col + 1}, outside Excel's largest sheet (${maxRows} rows × ${maxColumns} columns, A1:XFD1048576).`,
    ),
};
