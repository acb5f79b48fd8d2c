/** The FunctionFile's commands (src/commands), tested here with the task pane's fake port. */
import { createCommands } from '../../src/commands/commands';
import { toWorkbookError } from '../../src/io/office/errors';
import { WorkbookError } from '../../src/core/workbook/port';
import { FakePort } from './fake-port';

describe('goToInstructions', () => {
  it('selects A1 of the Instruktioner tab and completes the event', async () => {
    const port = new FakePort(['Ramar', 'instruktioner']);
    const completed = jest.fn();
    await createCommands({ port, today: () => new Date(2026, 10, 27) }).goToInstructions({ completed });
    expect(port.selected).toEqual(['instruktioner!A1']);
    expect(port.written).toEqual([]);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('writes the Instruktioner tab for next year when the workbook has none, then selects it', async () => {
    const port = new FakePort(['Blad1']);
    const completed = jest.fn();
    await createCommands({ port, today: () => new Date(2026, 10, 27) }).goToInstructions({ completed });
    expect(port.written.map((s) => s.name)).toEqual(['Instruktioner']);
    expect(JSON.stringify(port.written[0].rows)).toContain('2027');
    expect(port.selected).toEqual(['Instruktioner!A1']);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('completes the event even when the host fails', async () => {
    const completed = jest.fn();
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const port = new FakePort([]);
    port.index = async () => {
      throw new Error('host failure');
    };
    await createCommands({ port, today: () => new Date() }).goToInstructions({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});

describe('a failed command is reported to the user', () => {
  const quiet = () => jest.spyOn(console, 'error').mockImplementation(() => undefined);
  afterEach(() => jest.restoreAllMocks());

  const failing = (error: unknown) => {
    const port = new FakePort([]);
    port.index = async () => {
      throw error;
    };
    return port;
  };

  it('shows our Swedish message for an Office error, never Office\'s raw one, then completes', async () => {
    quiet();
    const order: string[] = [];
    const shown: WorkbookError[] = [];
    const showError = async (error: WorkbookError) => {
      order.push('shown');
      shown.push(error);
    };
    const raw = Object.assign(new Error('AccessDenied: The raw English text from Office.'), { code: 'AccessDenied' });
    await createCommands({ port: failing(raw), today: () => new Date(), showError }).goToInstructions({ completed: () => order.push('completed') });
    expect(order).toEqual(['shown', 'completed']);
    expect(shown[0]).toBeInstanceOf(WorkbookError);
    expect(shown[0].message).toBe((toWorkbookError(raw) as WorkbookError).message);
    expect(shown[0].message).toMatch(/skydd/);
    expect(`${shown[0].message}${shown[0].messageEn}`).not.toMatch(/raw English/);
  });

  it('a programming error is shown as the general message, without its text or stack', async () => {
    quiet();
    const showError = jest.fn(async (_error: WorkbookError) => undefined);
    const completed = jest.fn();
    await createCommands({ port: failing(new TypeError('Cannot read properties of undefined (reading "x")')), today: () => new Date(), showError }).goToInstructions({ completed });
    const error = showError.mock.calls[0][0];
    expect(error.kind).toBe('unknown');
    expect(error.message).toMatch(/^Excel kunde inte slutföra åtgärden/);
    expect(error.message).not.toMatch(/Cannot read|at /);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('completes the event even when the error cannot be shown', async () => {
    quiet();
    const completed = jest.fn();
    const showError = async () => {
      throw new Error('dialog blocked');
    };
    await createCommands({ port: failing(new Error('x')), today: () => new Date(), showError }).goToInstructions({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('a command that succeeds shows nothing', async () => {
    const showError = jest.fn(async () => undefined);
    await createCommands({ port: new FakePort(['Instruktioner']), today: () => new Date(), showError }).goToInstructions({ completed: () => undefined });
    expect(showError).not.toHaveBeenCalled();
  });
});

describe('the FunctionFile in Office', () => {
  type Handler = (event: { completed(): void }) => Promise<void>;
  type DialogCallback = (result: { status: string; value?: unknown; error?: { code: number } }) => void;
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.Office;
    delete g.Excel;
    delete g.window;
    jest.restoreAllMocks();
  });

  /** A stand-in for office.js: `onReady` as given, Excel.run failing with `runError`, a dialog API. */
  function installOffice(onReady: () => Promise<unknown>, runError: unknown = null) {
    const associated = new Map<string, Handler>();
    const dialogs: { url: string; options: unknown; handlers: Map<string, () => void>; closed: boolean }[] = [];
    g.window = { location: { href: 'https://budgetkoll.kommun.se/app/commands.html' } };
    g.Office = {
      onReady: jest.fn(onReady),
      actions: { associate: jest.fn((name: string, handler: Handler) => associated.set(name, handler)) },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
      context: {
        requirements: { isSetSupported: () => true },
        ui: {
          displayDialogAsync: (url: string, options: unknown, callback: DialogCallback) => {
            const dialog = { url, options, handlers: new Map<string, () => void>(), closed: false };
            dialogs.push(dialog);
            callback({
              status: 'succeeded',
              value: {
                addEventHandler: (type: string, handler: () => void) => dialog.handlers.set(type, handler),
                close: () => (dialog.closed = true),
              },
            });
          },
        },
      },
    };
    g.Excel = { run: jest.fn(async () => Promise.reject(runError)) };
    return { associated, dialogs };
  }

  function loadCommands() {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../src/commands/commands');
    });
  }

  it('registers goToInstructions when the module loads, before Office is ready', () => {
    const { associated } = installOffice(() => new Promise(() => undefined));
    loadCommands();
    expect([...associated.keys()]).toEqual(['goToInstructions']);
  });

  it('a click before Office is ready waits for it, then runs', async () => {
    let ready: () => void = () => undefined;
    const cellEdit = Object.assign(new Error('raw'), { code: 'InvalidOperationInCellEditMode' });
    const { associated, dialogs } = installOffice(() => new Promise<void>((resolve) => (ready = resolve)), cellEdit);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    loadCommands();
    const completed = jest.fn();
    const done = associated.get('goToInstructions')!({ completed });
    await Promise.resolve();
    expect((g.Excel as { run: jest.Mock }).run).not.toHaveBeenCalled();
    ready();
    await waitFor(() => dialogs.length === 1);
    expect((g.Excel as { run: jest.Mock }).run).toHaveBeenCalled();
    dialogs[0].handlers.get('dialogEventReceived')!();
    await done;
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('a failure opens the error dialog on our own origin with our message, and completes only when it is closed', async () => {
    const raw = Object.assign(new Error('Raw Office text'), { code: 'AccessDenied' });
    const { associated, dialogs } = installOffice(() => Promise.resolve({ host: 'Excel' }), raw);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    loadCommands();
    const completed = jest.fn();
    const done = associated.get('goToInstructions')!({ completed });
    await waitFor(() => dialogs.length === 1);
    const url = new URL(dialogs[0].url);
    expect(url.origin + url.pathname).toBe('https://budgetkoll.kommun.se/app/error-dialog.html');
    const expected = toWorkbookError(raw) as WorkbookError;
    expect(url.searchParams.get('sv')).toBe(expected.message);
    expect(url.searchParams.get('en')).toBe(expected.messageEn);
    expect(dialogs[0].url).not.toMatch(/Raw/);
    expect(completed).not.toHaveBeenCalled();
    dialogs[0].handlers.get('dialogMessageReceived')!();
    await done;
    expect(dialogs[0].closed).toBe(true);
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(condition()).toBe(true);
}
