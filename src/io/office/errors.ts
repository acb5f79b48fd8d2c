/**
 * Office errors → WorkbookError. Users see our own Swedish (and English) text, chosen by
 * OfficeExtension.Error.code; Office's raw `message` is never shown (it is often English-only,
 * technical or empty).
 *
 * `AccessDenied` has several causes a user fixes in different ways (a protected sheet, a protected
 * workbook structure, a workbook opened read-only or for viewing). The code alone does not say
 * which, so it maps to a general message; a caller that has probed the cause (probeAccessCause in
 * access.ts) words it with accessDeniedError(cause).
 */
import { WorkbookError, type WorkbookErrorKind } from '../../core/workbook/port';

/** Codes Excel uses for an over-large request, response or range. */
const PAYLOAD_CODES = new Set([
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'RangeExceedsLimit',
  'OperationCellsExceedLimit',
]);

const KIND_BY_CODE: Record<string, WorkbookErrorKind> = {
  AccessDenied: 'protected',
  /** mergeUndoGroup (ExcelApi 1.20): an API in the batch cannot be part of one undo step. */
  UndoNotSupported: 'undo-not-supported',
  InvalidOperationInCellEditMode: 'cell-edit-mode',
  ItemNotFound: 'not-found',
  ActivityLimitReached: 'busy',
  Conflict: 'busy',
  RequestAborted: 'busy',
  ServiceNotAvailable: 'busy',
};

/** The code of an OfficeExtension.Error (or anything shaped like one), else null. */
export function officeErrorCode(error: unknown): string | null {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && code.length > 0) return code;
  }
  return null;
}

/** True for errors that mean "the payload was too large" (worth retrying in smaller pieces). */
export function isPayloadError(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code !== null && PAYLOAD_CODES.has(code);
}

export function kindForCode(code: string): WorkbookErrorKind {
  if (PAYLOAD_CODES.has(code)) return 'payload-too-large';
  return KIND_BY_CODE[code] ?? 'unknown';
}

/**
 * Why Excel refused a change (`AccessDenied`), as probeAccessCause (access.ts) finds it:
 *   sheet-protected     the sheet being changed is protected;
 *   workbook-protected  the workbook's structure is protected (sheets cannot be added, deleted,
 *                       renamed or moved);
 *   read-only           the workbook is open read-only or for viewing only (Excel on the web in
 *                       Visning/View mode, a file opened read-only);
 *   unknown             none of these could be seen.
 */
export type AccessCause = 'sheet-protected' | 'workbook-protected' | 'read-only' | 'unknown';

export interface ErrorDetail {
  /** Office's error code, quoted only in the message for errors we cannot explain better. */
  code?: string;
  /** The sheet concerned, named in the message where it helps. */
  sheet?: string;
  /** For `protected`: what is protected. Absent = unknown. */
  access?: AccessCause;
}

/** The messages of `protected` / `read-only`, by cause, Swedish first. */
function accessMessages(cause: AccessCause, sheet: string): [string, string] {
  switch (cause) {
    case 'sheet-protected':
      return sheet
        ? [
            `Bladet ${sheet} är skyddat, så Budgetkoll kan inte ändra det. Ta bort bladets skydd (Granska → Ta bort skydd) och försök igen.`,
            `The sheet ${sheet} is protected, so Budgetkoll cannot change it. Unprotect the sheet (Review → Unprotect Sheet) and try again.`,
          ]
        : [
            'Bladet är skyddat, så Budgetkoll kan inte ändra det. Ta bort bladets skydd (Granska → Ta bort skydd) och försök igen.',
            'The sheet is protected, so Budgetkoll cannot change it. Unprotect the sheet (Review → Unprotect Sheet) and try again.',
          ];
    case 'workbook-protected':
      return [
        'Arbetsbokens struktur är skyddad, så blad kan inte läggas till, tas bort eller byta namn. Ta bort skyddet (Granska → Skydda arbetsbok) och försök igen.',
        "The workbook's structure is protected, so sheets cannot be added, deleted or renamed. Remove the protection (Review → Protect Workbook) and try again.",
      ];
    case 'read-only':
      return [
        'Arbetsboken är öppen skrivskyddad eller bara för visning, så Budgetkoll kan inte ändra den. Öppna den för redigering (i Excel på webben: välj Redigering i stället för Visning) och försök igen.',
        'The workbook is open read-only or for viewing only, so Budgetkoll cannot change it. Open it for editing (in Excel on the web: choose Editing instead of Viewing) and try again.',
      ];
    case 'unknown':
    default:
      return [
        'Excel tillåter inte ändringen: arbetsboken eller bladet är skyddat, eller arbetsboken är skrivskyddad. Ta bort skyddet (Granska → Ta bort skydd) eller öppna arbetsboken för redigering och försök igen.',
        'Excel does not allow the change: the workbook or sheet is protected, or the workbook is read-only. Remove the protection (Review → Unprotect) or open the workbook for editing and try again.',
      ];
  }
}

/** Our messages, Swedish first. `code` is only quoted for errors we cannot explain better. */
function messages(kind: WorkbookErrorKind, detail: ErrorDetail): [string, string] {
  const sheet = detail.sheet ? `"${detail.sheet}"` : '';
  switch (kind) {
    case 'payload-too-large':
      return [
        'Excel kunde inte ta emot så mycket data på en gång. Försök igen, gärna i Excel för skrivbordet, eller med färre rader.',
        'Excel could not handle that much data at once. Try again, preferably in desktop Excel, or with fewer rows.',
      ];
    case 'protected':
      return accessMessages(detail.access ?? 'unknown', sheet);
    case 'read-only':
      return accessMessages('read-only', sheet);
    case 'undo-not-supported':
      // Excel's "Undo capabilities": with mergeUndoGroup, an API that cannot be undone makes the
      // batch fail with UndoNotSupported. The port's clean-up leaves the workbook as it was.
      return [
        'Excel kunde inte göra åtgärden till ett enda steg att ångra, så den avbröts och inget i arbetsboken ändrades. Försök igen.',
        'Excel could not make this action a single undo step, so it was stopped and nothing in the workbook was changed. Try again.',
      ];
    case 'cell-edit-mode':
      return [
        'Excel väntar på att du ska avsluta redigeringen av en cell. Tryck Enter eller Esc och försök igen.',
        'Excel is waiting for you to finish editing a cell. Press Enter or Esc and try again.',
      ];
    case 'not-found':
      return sheet
        ? [`Bladet ${sheet} finns inte i arbetsboken.`, `The sheet ${sheet} does not exist in the workbook.`]
        : ['Bladet eller området finns inte längre i arbetsboken.', 'The sheet or range no longer exists in the workbook.'];
    case 'not-owned':
      return [
        `Bladet ${sheet} är inte skapat av Budgetkoll, så Budgetkoll ändrar eller tar inte bort det.`,
        `The sheet ${sheet} was not created by Budgetkoll, so Budgetkoll does not change or delete it.`,
      ];
    case 'busy':
      return ['Excel är upptaget just nu. Vänta en stund och försök igen.', 'Excel is busy right now. Wait a moment and try again.'];
    case 'cancelled':
      return ['Åtgärden avbröts. Inget har ändrats.', 'The action was cancelled. Nothing was changed.'];
    case 'unreadable':
      return ['Arbetsboken gick inte att läsa.', 'The workbook could not be read.'];
    case 'unknown':
    default: {
      const code = detail.code ? ` (felkod ${detail.code})` : '';
      const codeEn = detail.code ? ` (error code ${detail.code})` : '';
      return [
        `Excel kunde inte slutföra åtgärden${code}. Försök igen; kvarstår felet, starta om Excel.`,
        `Excel could not complete the action${codeEn}. Try again; if it persists, restart Excel.`,
      ];
    }
  }
}

/** A WorkbookError of a kind, with our messages. */
export function workbookError(kind: WorkbookErrorKind, detail: ErrorDetail = {}): WorkbookError {
  const [sv, en] = messages(kind, detail);
  return new WorkbookError(kind, sv, en);
}

/**
 * The WorkbookError for an `AccessDenied`, worded by its probed cause: kind `read-only` for a
 * workbook open read-only or for viewing, `protected` otherwise. `sheet` names the sheet in the
 * sheet-protected message.
 */
export function accessDeniedError(cause: AccessCause, detail: { sheet?: string } = {}): WorkbookError {
  if (cause === 'read-only') return workbookError('read-only');
  return workbookError('protected', { access: cause, sheet: cause === 'sheet-protected' ? detail.sheet : undefined });
}

/**
 * Maps anything an Excel.run rejected with. WorkbookErrors pass through; errors without an
 * Office code are programming errors and are rethrown unchanged so their stack is kept.
 * `access` (from probeAccessCause) words an AccessDenied by its cause.
 */
export function toWorkbookError(error: unknown, detail: { sheet?: string; access?: AccessCause } = {}): unknown {
  if (error instanceof WorkbookError) return error;
  const code = officeErrorCode(error);
  if (code === null) return error;
  if (code === 'AccessDenied') return accessDeniedError(detail.access ?? 'unknown', { sheet: detail.sheet });
  const kind = kindForCode(code);
  return workbookError(kind, { code, sheet: kind === 'not-found' ? detail.sheet : undefined });
}

/**
 * What to show a user for any failure: a WorkbookError as it is, an Office error mapped by its
 * code, anything else (a programming error) as the general "could not complete" message — never
 * Office's raw message or a stack.
 */
export function userFacingError(error: unknown): WorkbookError {
  const mapped = toWorkbookError(error);
  return mapped instanceof WorkbookError ? mapped : workbookError('unknown');
}
