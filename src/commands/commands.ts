/**
 * The manifest's FunctionFile: ribbon commands that run without the task pane.
 *   goToInstructions — the "Instruktioner" button: shows the template's Instruktioner tab
 *                      (cell A1); when the workbook has none, it writes that tab first (it is
 *                      text only), so the button does the same on every host — opening the task
 *                      pane from a command would need a shared runtime.
 * Commands are registered with `Office.actions.associate` when this module loads, as Microsoft's
 * samples do, so a click that arrives before `Office.onReady` has settled still finds its handler;
 * the handler itself waits for Office before touching the workbook.
 * A failed command is shown to the user in a small dialog (error-dialog-host.ts) with our
 * WorkbookError message, never Office's raw one. Every command calls `event.completed()`,
 * whatever happens — after the dialog is closed — or Office keeps it spinning.
 */
import { buildInstructionsTab, INSTRUCTIONS_SHEET } from '../core/templates/instructions';
import { foldName } from '../core/text/normalize';
import { userFacingError } from '../io/office/errors';
import { OfficeWorkbookPort } from '../io/office/office-port';
import type { WorkbookError, WorkbookPort } from '../core/workbook/port';
import { showErrorDialog } from './error-dialog-host';

export interface CommandDeps {
  port: WorkbookPort;
  /** Today, for the budget year the instructions speak of (next year). */
  today(): Date;
  /** Shows a failure to the user; resolves when it has been seen (or could not be shown). */
  showError?(error: WorkbookError): Promise<void>;
}

export interface CompletableEvent {
  completed(): void;
}

/** Tells the user, then logs for developers; never throws. */
async function report(deps: Pick<CommandDeps, 'showError'>, command: string, error: unknown): Promise<void> {
  console.error(`Budgetkoll: ${command} failed`, error);
  if (!deps.showError) return;
  try {
    await deps.showError(userFacingError(error));
  } catch (shown) {
    console.error('Budgetkoll: could not show the error', shown);
  }
}

export function createCommands(deps: CommandDeps) {
  return {
    async goToInstructions(event: CompletableEvent): Promise<void> {
      try {
        const index = await deps.port.index();
        const sheet = index.sheets.find((s) => foldName(s.name) === foldName(INSTRUCTIONS_SHEET));
        const name = sheet ? sheet.name : (await deps.port.writeSheet(buildInstructionsTab({ year: deps.today().getFullYear() + 1 }), { position: 'start' })).name;
        await deps.port.selectCell(name, 'A1');
      } catch (error) {
        await report(deps, 'goToInstructions', error);
      } finally {
        event.completed();
      }
    },
  };
}

type Commands = ReturnType<typeof createCommands>;

/** The Office-backed commands, made once Office is ready (the first click waits for it). */
let officeCommands: Promise<Commands> | null = null;

function whenOfficeReady(): Promise<Commands> {
  officeCommands ??= Office.onReady().then(() =>
    createCommands({
      port: new OfficeWorkbookPort(Excel.run, {
        isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
      }),
      today: () => new Date(),
      showError: (error) => showErrorDialog(Office.context.ui, window.location.href, error),
    }),
  );
  return officeCommands;
}

/** The handler Office calls for a ribbon command: waits for Office, then runs the command. */
function officeHandler(command: keyof Commands) {
  return async (event: CompletableEvent): Promise<void> => {
    let commands: Commands;
    try {
      commands = await whenOfficeReady();
    } catch (error) {
      // Office never became ready: there is no UI to show anything in.
      officeCommands = null;
      console.error(`Budgetkoll: ${command} could not start`, error);
      event.completed();
      return;
    }
    await commands[command](event);
  };
}

if (typeof Office !== 'undefined') {
  const goToInstructions = officeHandler('goToInstructions');
  if (Office.actions) Office.actions.associate('goToInstructions', goToInstructions);
  // Hosts from before Office.actions look the FunctionName up as a global function.
  else (globalThis as Record<string, unknown>).goToInstructions = goToInstructions;
  // A function file initialises Office when it loads; a failure is retried on the first click.
  whenOfficeReady().catch((error: unknown) => {
    officeCommands = null;
    console.error('Budgetkoll: Office did not become ready', error);
  });
}
