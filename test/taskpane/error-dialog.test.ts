/**
 * @jest-environment jsdom
 */
/** The error dialog page a failed ribbon command opens, and the URL the command opens it at. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorDialogUrl, showErrorDialog, type DialogUi } from '../../src/commands/error-dialog-host';
import { dialogMessages, renderErrorDialog } from '../../src/commands/error-dialog';
import { workbookError } from '../../src/io/office/errors';

const page = readFileSync(join(__dirname, '..', '..', 'src', 'commands', 'error-dialog.html'), 'utf8');

function loadPage(): void {
  document.body.innerHTML = page.slice(page.indexOf('<body>') + 6, page.indexOf('</body>'));
}

describe('errorDialogUrl', () => {
  it('is error-dialog.html beside the function file, carrying both messages', () => {
    const error = workbookError('cell-edit-mode');
    const url = new URL(errorDialogUrl('https://kommun.se/budgetkoll/commands.html?_host_Info=Excel#x', error));
    expect(url.origin + url.pathname).toBe('https://kommun.se/budgetkoll/error-dialog.html');
    expect(url.hash).toBe('');
    expect(dialogMessages(url.search)).toEqual({ sv: error.message, en: error.messageEn });
  });
});

describe('the dialog page', () => {
  it('shows the Swedish message first, then the English one, as text', () => {
    loadPage();
    const search = new URL(errorDialogUrl('https://x.se/commands.html', { message: '<b>Bladet</b> är skyddat.', messageEn: 'The sheet is protected.' })).search;
    const close = jest.fn();
    renderErrorDialog(document, search, close);
    const sv = document.getElementById('message-sv')!;
    expect(sv.textContent).toBe('<b>Bladet</b> är skyddat.');
    expect(sv.querySelector('b')).toBeNull();
    expect(document.getElementById('message-en')!.textContent).toBe('The sheet is protected.');
    expect(document.body.textContent!.indexOf('skyddat')).toBeLessThan(document.body.textContent!.indexOf('protected'));
  });

  it('has a Close button with an accessible name that closes the dialog', () => {
    loadPage();
    const close = jest.fn();
    renderErrorDialog(document, '', close);
    const button = document.querySelector('button')!;
    expect(button.textContent).toMatch(/Stäng.*Close/);
    button.click();
    expect(close).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[role="alertdialog"]')).not.toBeNull();
  });

  it('says something sensible when opened without a message', () => {
    expect(dialogMessages('')).toEqual({ sv: expect.stringMatching(/Försök igen/), en: expect.stringMatching(/Try again/) });
    expect(dialogMessages(`?sv=${'x'.repeat(5000)}`).sv.length).toBeLessThanOrEqual(600);
  });
});

describe('showErrorDialog', () => {
  const g = globalThis as Record<string, unknown>;
  beforeEach(() => {
    g.Office = {
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    };
  });
  afterEach(() => {
    delete g.Office;
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  it('resolves at once when the dialog cannot be opened (a pop-up blocker, another dialog)', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const ui = { displayDialogAsync: (_url: string, _options: unknown, callback: (r: unknown) => void) => callback({ status: 'failed', error: { code: 12009 } }) };
    await expect(showErrorDialog(ui as unknown as DialogUi, 'https://x.se/commands.html', workbookError('busy'))).resolves.toBeUndefined();
  });

  it('opens in an iframe where the host can, and gives up after a while if never closed', async () => {
    jest.useFakeTimers();
    let options: unknown;
    const ui = {
      displayDialogAsync: (_url: string, o: unknown, callback: (r: unknown) => void) => {
        options = o;
        callback({ status: 'succeeded', value: { addEventHandler: () => undefined, close: () => undefined } });
      },
    };
    const shown = showErrorDialog(ui as unknown as DialogUi, 'https://x.se/commands.html', workbookError('busy'));
    expect(options).toMatchObject({ displayInIframe: true });
    jest.advanceTimersByTime(5 * 60 * 1000);
    await expect(shown).resolves.toBeUndefined();
  });
});
