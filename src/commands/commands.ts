/**
 * The manifest's FunctionFile: ribbon commands that run without the task pane.
 *   goToInstructions — the "Instruktioner" button: shows the template's Instruktioner tab
 *                      (cell A1); when the workbook has none, it writes that tab first (it is
 *                      text only), so the button does the same on every host — opening the task
 *                      pane from a command would need a shared runtime.
 * Every command must call `event.completed()`, whatever happens, or Office keeps it spinning.
 */
import { buildInstructionsTab, INSTRUCTIONS_SHEET } from '../core/templates/instructions';
import { foldName } from '../core/text/normalize';
import { OfficeWorkbookPort } from '../io/office/office-port';
import type { WorkbookPort } from '../io/port';

export interface CommandDeps {
  port: WorkbookPort;
  /** Today, for the budget year the instructions speak of (next year). */
  today(): Date;
}

export interface CompletableEvent {
  completed(): void;
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
        // A function command has no UI to show an error in; the trace is for developers.
        console.error('Budgetkoll: goToInstructions failed', error);
      } finally {
        event.completed();
      }
    },
  };
}

async function register(): Promise<void> {
  await Office.onReady();
  const port = new OfficeWorkbookPort(Excel.run, {
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  });
  const commands = createCommands({ port, today: () => new Date() });
  Office.actions.associate('goToInstructions', commands.goToInstructions);
}

if (typeof Office !== 'undefined') {
  register().catch((error: unknown) => console.error('Budgetkoll: could not register commands', error));
}
