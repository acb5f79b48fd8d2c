/** The FunctionFile's commands (src/commands), tested here with the task pane's fake port. */
import { createCommands } from '../../src/commands/commands';
import { FakePort } from './fake-port';

describe('goToInstructions', () => {
  it('selects A1 of the Instruktioner tab and completes the event', async () => {
    const port = new FakePort(['Ramar', 'instruktioner']);
    const showTaskpane = jest.fn(async () => undefined);
    const completed = jest.fn();
    await createCommands({ port, showTaskpane }).goToInstructions({ completed });
    expect(port.selected).toEqual(['instruktioner!A1']);
    expect(showTaskpane).not.toHaveBeenCalled();
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('opens the task pane when the workbook has no Instruktioner tab', async () => {
    const showTaskpane = jest.fn(async () => undefined);
    const completed = jest.fn();
    await createCommands({ port: new FakePort(['Blad1']), showTaskpane }).goToInstructions({ completed });
    expect(showTaskpane).toHaveBeenCalledTimes(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('completes the event even when the host fails', async () => {
    const completed = jest.fn();
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const showTaskpane = jest.fn(async () => {
      throw new Error('SharedRuntime not supported');
    });
    await createCommands({ port: new FakePort([]), showTaskpane }).goToInstructions({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});
