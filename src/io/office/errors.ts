/**
 * Office errors → WorkbookError. Users see our own Swedish (and English) text, chosen by
 * OfficeExtension.Error.code; Office's raw `message` is never shown (it is often English-only,
 * technical or empty).
 */
import { WorkbookError, type WorkbookErrorKind } from '../port';

/** Codes Excel uses for an over-large request, response or range. */
const PAYLOAD_CODES = new Set([
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'RangeExceedsLimit',
  'OperationCellsExceedLimit',
]);

const KIND_BY_CODE: Record<string, WorkbookErrorKind> = {
  AccessDenied: 'protected',
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

/** Our messages, Swedish first. `code` is only quoted for errors we cannot explain better. */
function messages(kind: WorkbookErrorKind, detail: { code?: string; sheet?: string }): [string, string] {
  const sheet = detail.sheet ? `"${detail.sheet}"` : '';
  switch (kind) {
    case 'payload-too-large':
      return [
        'Excel kunde inte ta emot så mycket data på en gång. Försök igen, gärna i Excel för skrivbordet, eller med färre rader.',
        'Excel could not handle that much data at once. Try again, preferably in desktop Excel, or with fewer rows.',
      ];
    case 'protected':
      return [
        'Arbetsboken eller bladet är skyddat. Ta bort skyddet (Granska → Ta bort skydd) och försök igen.',
        'The workbook or sheet is protected. Remove the protection (Review → Unprotect) and try again.',
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
export function workbookError(kind: WorkbookErrorKind, detail: { code?: string; sheet?: string } = {}): WorkbookError {
  const [sv, en] = messages(kind, detail);
  return new WorkbookError(kind, sv, en);
}

/**
 * Maps anything an Excel.run rejected with. WorkbookErrors pass through; errors without an
 * Office code are programming errors and are rethrown unchanged so their stack is kept.
 */
export function toWorkbookError(error: unknown, detail: { sheet?: string } = {}): unknown {
  if (error instanceof WorkbookError) return error;
  const code = officeErrorCode(error);
  if (code === null) return error;
  const kind = kindForCode(code);
  return workbookError(kind, { code, sheet: kind === 'not-found' ? detail.sheet : undefined });
}
