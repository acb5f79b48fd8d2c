/** The FunctionFile's commands (src/commands), tested here with the task pane's fake port. */
import { createCommands } from '../../src/commands/commands';
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
