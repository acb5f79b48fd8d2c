/**
 * The error dialog page (error-dialog.html): shows the message a failed ribbon command passes in
 * its address (see error-dialog-host.ts), Swedish first, then English, as text only. Its button
 * asks the function file to close the dialog (`messageParent`, one of the two Office APIs a
 * dialog may call); outside Office it closes the window.
 */
import { DIALOG_PARAMS, MAX_DIALOG_MESSAGE } from './error-dialog-host';

/** Shown when the address carries no message (the page opened on its own). */
const FALLBACK = {
  sv: 'Åtgärden kunde inte slutföras. Försök igen.',
  en: 'The action could not be completed. Try again.',
};

/** The two messages from the page's query string, bounded, with the fallback for a missing one. */
export function dialogMessages(search: string): { sv: string; en: string } {
  const params = new URLSearchParams(search);
  const sv = params.get(DIALOG_PARAMS.sv)?.trim().slice(0, MAX_DIALOG_MESSAGE);
  const en = params.get(DIALOG_PARAMS.en)?.trim().slice(0, MAX_DIALOG_MESSAGE);
  return { sv: sv || FALLBACK.sv, en: en || (sv ? '' : FALLBACK.en) };
}

/** Fills the page (textContent only: the address is not trusted to hold markup). */
export function renderErrorDialog(doc: Document, search: string, close: () => void): void {
  const { sv, en } = dialogMessages(search);
  const byId = (id: string) => doc.getElementById(id);
  const svText = byId('message-sv');
  const enText = byId('message-en');
  if (svText) svText.textContent = sv;
  if (enText) {
    enText.textContent = en;
    enText.hidden = en === '';
  }
  const button = byId('close');
  if (button) {
    button.addEventListener('click', close);
    (button as HTMLButtonElement).focus();
  }
}

function closeDialog(): void {
  try {
    if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) {
      Office.context.ui.messageParent('close');
      return;
    }
  } catch {
    // Not in an Office dialog.
  }
  window.close();
}

if (typeof document !== 'undefined' && document.getElementById('message-sv')) {
  renderErrorDialog(document, window.location.search, closeDialog);
  if (typeof Office !== 'undefined') void Office.onReady();
}
