/**
 * Shows a failed ribbon command's error to the user. A function command has no UI of its own, and
 * in Excel `event.completed` takes no notification (that is Outlook's `notificationMessages`), so
 * the sanctioned route is the Office dialog API: `Office.context.ui.displayDialogAsync` may be
 * called from a function file, one dialog at a time. The dialog is our own page (error-dialog.html,
 * built by webpack beside commands.html, on the add-in's own origin as the dialog API requires)
 * showing our WorkbookError message — Swedish first, then English — never Office's raw message.
 *
 * The returned promise settles when the dialog is closed (by its button or its ×), when it could
 * not be opened, or after DIALOG_TIMEOUT_MS; only then should the command call `event.completed()`,
 * because on some hosts completing the command closes a dialog the function file opened.
 */
import type { WorkbookError } from '../core/workbook/port';

/** The dialog page, next to commands.html. */
export const ERROR_DIALOG_PAGE = 'error-dialog.html';

/** Query parameters the dialog page reads. */
export const DIALOG_PARAMS = { sv: 'sv', en: 'en' } as const;

/** Longest message carried to the dialog (ours are far shorter; a bound keeps the URL sane). */
export const MAX_DIALOG_MESSAGE = 600;

/** A command should not spin for ever if a host never reports the dialog closed. */
export const DIALOG_TIMEOUT_MS = 5 * 60 * 1000;

/** The part of Office.UI used here (a stand-in in tests). */
export type DialogUi = Pick<Office.UI, 'displayDialogAsync'>;

/** The dialog's address: error-dialog.html beside `pageUrl` (the function file), with the messages. */
export function errorDialogUrl(pageUrl: string, error: Pick<WorkbookError, 'message' | 'messageEn'>): string {
  const url = new URL(ERROR_DIALOG_PAGE, pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set(DIALOG_PARAMS.sv, error.message.slice(0, MAX_DIALOG_MESSAGE));
  url.searchParams.set(DIALOG_PARAMS.en, error.messageEn.slice(0, MAX_DIALOG_MESSAGE));
  return url.href;
}

/**
 * Opens the error dialog and resolves once it is gone (or could not be shown: a pop-up blocker,
 * another dialog already open). Never rejects.
 */
export function showErrorDialog(ui: DialogUi, pageUrl: string, error: Pick<WorkbookError, 'message' | 'messageEn'>): Promise<void> {
  return new Promise<void>((resolve) => {
    let done = false;
    let dialog: Office.Dialog | null = null;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        dialog?.close();
      } catch {
        // Already closed by the user.
      }
      resolve();
    };
    const timer = setTimeout(finish, DIALOG_TIMEOUT_MS);
    try {
      ui.displayDialogAsync(errorDialogUrl(pageUrl, error), { height: 35, width: 35, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          console.error('Budgetkoll: could not show the error dialog', result.error?.code);
          finish();
          return;
        }
        dialog = result.value;
        // The page's button sends a message; the × (or navigation away) is a dialog event.
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
      });
    } catch (thrown) {
      console.error('Budgetkoll: could not show the error dialog', thrown);
      finish();
    }
  });
}
