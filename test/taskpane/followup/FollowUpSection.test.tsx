/** @jest-environment jsdom */
/**
 * The Uppföljning section over the sample workbook, read and written through the real xlsx
 * adapter: the next report preselected from the date, the inputs found, one tab per chosen nämnd
 * with its standard name, the list of existing tabs with Uppdatera (replace) and Kontrollera inför
 * inlämning (UPF findings, click to cell), the KS sammanställning, and the import path.
 */
import '@testing-library/jest-dom';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { consolidationTabName, followUpBoards, followUpTabNames, readFollowUp } from '../../../src/core/followup';
import { AppProviders } from '../../../src/taskpane/app-providers';
import { TaskPane } from '../../../src/taskpane/components/TaskPane';
import type { FollowUpImportService } from '../../../src/core/followup/import-service';
import type { TaskPaneServices } from '../../../src/taskpane/services';
import { createMemorySettingsStore } from '../../../src/taskpane/settings-store';
import '../jsdom-layout';
import { SamplePort } from './sample-port';

// Reading the sample through ExcelJS takes a moment on a busy machine.
configure({ asyncUtilTimeout: 15000 });
jest.setTimeout(60000);

const JUNE = new Date(2027, 5, 10);

function renderSection(port: SamplePort, today = JUNE, followUpImport?: FollowUpImportService) {
  const services: TaskPaneServices = {
    port,
    templates: { blankTemplate: async () => [], sampleWorkbook: async () => [] },
    today: () => today,
    ...(followUpImport ? { followUpImport } : {}),
  };
  const user = userEvent.setup();
  render(
    <AppProviders settings={createMemorySettingsStore({ language: 'sv' })} themeKind="light">
      <TaskPane services={services} initialSection="followUp" />
    </AppProviders>,
  );
  return { user, panel: screen.getByRole('tabpanel', { name: 'Uppföljning' }) };
}

async function readWorkbook(user: ReturnType<typeof userEvent.setup>, panel: HTMLElement) {
  await user.click(within(panel).getByRole('button', { name: 'Läs in arbetsboken' }));
  await within(panel).findByRole('combobox', { name: 'Budgetår' });
}

let boards: string[] = [];
beforeAll(async () => {
  const port = await SamplePort.create();
  boards = followUpBoards((await readFollowUp(port)).model);
});

test('the next report in the årshjul is preselected from today', async () => {
  const port = await SamplePort.create();
  const { panel } = renderSection(port, JUNE);
  expect(within(panel).getByRole('radio', { name: 'Delårsbokslut (per 31 augusti)' })).toBeChecked();
  expect(within(panel).getByTestId('followup-next')).toHaveTextContent('Nästa i årshjulet: Delårsbokslut');
});

test('in February the fördjupad månadsuppföljning per 30 april is preselected, in October the årsbokslut', async () => {
  const port = await SamplePort.create();
  const first = renderSection(port, new Date(2027, 1, 1));
  expect(within(first.panel).getByRole('radio', { name: 'Fördjupad månadsuppföljning (per 30 april)' })).toBeChecked();
  first.panel.remove();
  document.body.innerHTML = '';
  const second = renderSection(port, new Date(2027, 9, 1));
  expect(within(second.panel).getByRole('radio', { name: 'Årsbokslut (per 31 december)' })).toBeChecked();
});

test('reading lists the years, the nämnder and the inputs found for the chosen report', async () => {
  const port = await SamplePort.create();
  const { user, panel } = renderSection(port);
  await readWorkbook(user, panel);
  expect(within(panel).getByRole('combobox', { name: 'Budgetår' })).toHaveValue('2027');
  const group = within(panel).getByRole('group', { name: 'Nämnder' });
  for (const board of boards) expect(within(group).getByRole('checkbox', { name: board })).toBeInTheDocument();
  expect(within(group).getByRole('checkbox', { name: 'Kommunen (hela kommunen)' })).toBeInTheDocument();

  const inputs = within(panel).getByTestId('followup-inputs');
  const item = (id: string) => inputs.querySelector(`[data-input="${id}"]`)!;
  expect(item('driftbudget')).toHaveTextContent('Driftbudget: fliken Driftbudget');
  expect(item('driftbudget')).toHaveAttribute('data-found', 'true');
  expect(item('utfall')).toHaveTextContent(/Utfall: fliken Utfall/);
  for (const id of ['politiskaInriktningar', 'uppdrag', 'personal']) expect(item(id)).toHaveAttribute('data-found', 'true');
  // Delårsbokslut has no Internkontroll or Privata utförare; Årsbokslut does.
  expect(inputs.querySelector('[data-input="internkontrollplan"]')).toBeNull();
  await user.click(within(panel).getByRole('radio', { name: 'Årsbokslut (per 31 december)' }));
  expect(item('internkontrollplan')).toHaveTextContent('Internkontrollplan: fliken Internkontrollplan');
  expect(item('privataUtforare')).toHaveTextContent('Privata utförare');
  expect(item('nyckeltal')).toHaveTextContent('Nyckeltal');
});

test('generate writes one tab per chosen nämnd with its standard name, then lists them; refresh replaces, check shows UPF findings at their cells', async () => {
  const port = await SamplePort.create();
  const { user, panel } = renderSection(port);
  await readWorkbook(user, panel);
  const [first, second] = boards;
  await user.click(within(panel).getByRole('checkbox', { name: first }));
  await user.click(within(panel).getByRole('checkbox', { name: second }));
  const rule = followUpTabNames('august', [...boards, 'Kommunen'], 2027);
  const names = [rule.get(first)!, rule.get(second)!];
  expect(within(panel).getByTestId('followup-names')).toHaveTextContent(names[0]);
  await user.click(within(panel).getByRole('button', { name: 'Skapa uppföljningsflikar (2)' }));
  await within(panel).findByText(`Skapade 2 flikar: ${names[0]} och ${names[1]}.`);
  // The first new tab is shown; each new tab has a link to it.
  expect(port.selected).toEqual([`${names[0]}!A2`]);
  await user.click(within(panel).getByRole('button', { name: `Visa fliken ${names[1]}` }));
  expect(port.selected).toEqual([`${names[0]}!A2`, `${names[1]}!A2`]);
  port.selected.length = 0;

  expect(port.writes.map((w) => w.written)).toEqual(names);
  expect(port.writes.every((w) => w.options?.replace === undefined)).toBe(true);
  expect(await port.sheetNames()).toEqual(expect.arrayContaining(names));

  // Listed with report, period, nämnd, status and freshness.
  const cards = within(panel).getAllByTestId('followup-tab');
  expect(cards.map((c) => c.getAttribute('data-sheet'))).toEqual(names);
  expect(cards[0]).toHaveTextContent(`Delårsbokslut t.o.m. 2027-08-31 · ${first}`);
  expect(cards[0]).toHaveTextContent('Utkast');
  expect(cards[0]).toHaveTextContent('Aktuell');

  // Tabs that exist are not counted as new: nothing to create, and they are named as existing.
  expect(within(panel).queryByTestId('followup-names')).toBeNull();
  expect(within(panel).getByTestId('followup-existing-names')).toHaveTextContent(`Finns redan (använd Uppdatera): ${names[0]} och ${names[1]}`);
  expect(within(panel).getByRole('button', { name: 'Skapa uppföljningsflik' })).toBeDisabled();
  // With a third nämnd only the new tab is counted.
  await user.click(within(panel).getByRole('checkbox', { name: boards[2] }));
  expect(within(panel).getByRole('button', { name: 'Skapa uppföljningsflik' })).toBeEnabled();
  expect(within(panel).getByTestId('followup-names')).toHaveTextContent(`Nya flikar: ${rule.get(boards[2])}`);
  await user.click(within(panel).getByRole('checkbox', { name: boards[2] }));
  expect(port.writes).toHaveLength(2);

  // Uppdatera: the tab rebuilt in place.
  await user.click(within(panel).getByRole('button', { name: `Uppdatera ${names[0]}` }));
  await within(panel).findByText(/Uppdaterade fliken/);
  expect(within(panel).getByRole('button', { name: `Visa fliken ${names[0]}` })).toBeInTheDocument();
  expect(port.writes[2].options?.replace).toBe(names[0]);
  expect(port.writes[2].written).toBe(names[0]);

  // Kontrollera inför inlämning: no prognoser yet → UPF-PROGNOS-MISSING at the Prognos cells.
  await user.click(within(panel).getByRole('button', { name: `Kontrollera inför inlämning: ${names[1]}` }));
  const check = await within(panel).findByTestId('followup-check');
  expect(within(check).getByRole('heading', { name: `Kontroll av ${names[1]}` })).toBeInTheDocument();
  const findings = await within(check).findAllByTestId('finding');
  const missing = findings.filter((f) => f.getAttribute('data-rule') === 'UPF-PROGNOS-MISSING');
  expect(missing.length).toBeGreaterThan(0);
  const goTo = within(missing[0]).getByRole('button', { name: new RegExp(`${names[1]}!G\\d+`) });
  await user.click(goTo);
  await waitFor(() => expect(port.selected).toHaveLength(1));
  expect(port.selected[0]).toMatch(new RegExp(`^${names[1]}!G\\d+$`));
  expect(goTo).toHaveTextContent(port.selected[0]);
});

test('Sammanställ för KS writes the compilation and replaces its own on the next run', async () => {
  const port = await SamplePort.create();
  const { user, panel } = renderSection(port);
  await readWorkbook(user, panel);
  await user.click(within(panel).getByRole('button', { name: 'Sammanställ för KS' }));
  await within(panel).findByText(/Arbetsboken har inga nämndflikar för Delårsbokslut 2027/);
  expect(port.writes).toHaveLength(0);

  await user.click(within(panel).getByRole('checkbox', { name: /Alla nämnder/ }));
  await user.click(within(panel).getByRole('button', { name: `Skapa uppföljningsflikar (${boards.length})` }));
  await within(panel).findByText(new RegExp(`Skapade ${boards.length} flikar`));

  const name = consolidationTabName('august', 2027);
  await user.click(within(panel).getByRole('button', { name: 'Sammanställ för KS' }));
  await within(panel).findByText(`Skrev fliken ${name} (${boards.length} nämndflikar).`);
  expect(port.writes.at(-1)).toMatchObject({ written: name, options: {} });
  expect(await port.sheetNames()).toContain(name);
  expect(within(panel).getAllByTestId('followup-tab').at(-1)).toHaveTextContent('Sammanställning för KS · Delårsbokslut 2027');

  await user.click(within(panel).getByRole('button', { name: 'Sammanställ för KS' }));
  await within(panel).findByText(/Ersatte fliken/);
  expect(port.writes.at(-1)?.options?.replace).toBe(name);
  expect((await port.sheetNames()).filter((n) => n.startsWith('Sammanställning'))).toEqual([name]);
});

test('without ExcelApi 1.13 the import says plainly that this Excel cannot, and points to the CLI', async () => {
  const port = await SamplePort.create();
  const { user, panel } = renderSection(port, JUNE, { supported: false, importFiles: jest.fn() });
  await readWorkbook(user, panel);
  const note = within(panel).getByTestId('followup-import-unsupported');
  expect(note).toHaveTextContent('Den här versionen av Excel kan inte hämta in flikar från andra arbetsböcker');
  expect(note).toHaveTextContent('budgetkoll consolidate');
  expect(within(panel).queryByRole('button', { name: /Välj nämndernas arbetsböcker/ })).toBeNull();
});

test('with ExcelApi 1.13 the chosen files go to the import service and the result is shown', async () => {
  const port = await SamplePort.create();
  const importFiles = jest.fn(async (files: readonly File[]) => files.map((f) => ({ file: f.name, sheets: [`Delår aug 2027 ${f.name.slice(0, 3)}`] })));
  const { user, panel } = renderSection(port, JUNE, { supported: true, importFiles });
  await readWorkbook(user, panel);
  expect(within(panel).queryByTestId('followup-import-unsupported')).toBeNull();
  const file = new File(['x'], 'BUN.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  await user.upload(within(panel).getByTestId('followup-import-input'), file);
  await within(panel).findByText('Hämtade in fliken Delår aug 2027 BUN.');
  expect(importFiles).toHaveBeenCalledWith([file]);
});
