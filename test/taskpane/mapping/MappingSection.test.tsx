/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { parseMapping } from '../../../src/core/inputs/mapping-parse';
import { storedMapping } from '../../../src/core/inputs/mapping-store';
import { mappingSummary, saveMapping, suggestInputMapping } from '../../../src/jobs/mapping';
import { AppProviders } from '../../../src/taskpane/app-providers';
import { MappingSection } from '../../../src/taskpane/components/mapping/MappingSection';
import { TaskPane } from '../../../src/taskpane/components/TaskPane';
import { I18nContext, makeI18n } from '../../../src/taskpane/i18n';
import type { SelectionService, TaskPaneServices } from '../../../src/taskpane/services';
import { createMemorySettingsStore } from '../../../src/taskpane/settings-store';
import { BUDGET_SHEET, exampleMapping, exampleSheets } from '../../core/inputs/mapping-example';
import type { TestSheet } from '../../helpers/raw-workbook';
import { SheetsPort } from '../check/sheets-port';
import '../jsdom-layout';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(60_000);

const NOW = new Date(2027, 8, 15, 14, 5);

function sheets(): TestSheet[] {
  return JSON.parse(JSON.stringify(exampleSheets)) as TestSheet[];
}

function renderSection(port: SheetsPort, selection?: SelectionService) {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={makeI18n('sv', () => undefined)}>
        <MappingSection port={port} selection={selection} now={() => NOW} active />
      </I18nContext.Provider>
    </FluentProvider>,
  );
  return { user };
}

const card = (name: string) => screen.getAllByTestId('mapping-card').find((c) => c.getAttribute('data-input') === name)!;

async function proposal(): Promise<void> {
  await screen.findByTestId('mapping-draft', {}, { timeout: 15_000 });
  await screen.findAllByTestId('mapping-card');
}

/** Spara is enabled once the draft's trial found no problems. */
async function saveEnabled(): Promise<HTMLElement> {
  const button = screen.getByRole('button', { name: 'Spara i arbetsboken' });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

describe('Koppla indata', () => {
  it('shows the proposal: the same as the job (and map --suggest) proposes, per input where, headers, unit and sign', async () => {
    const port = new SheetsPort(sheets());
    const expected = await suggestInputMapping(port);
    renderSection(port);
    await proposal();

    expect(screen.getByRole('heading', { name: 'Förslag' })).toBeInTheDocument();
    const drift = card('Driftbudget');
    expect(within(drift).getByTestId('mapping-where')).toHaveTextContent(`Fliken ”${BUDGET_SHEET}”, rubrikrad 4`);
    expect(within(drift).getByTestId('mapping-headers')).toHaveTextContent(`6 av 6 rubriker · poäng ${expected.details.Driftbudget.score}`);
    expect(within(drift).getByTestId('mapping-matched')).toHaveTextContent('Nämnd: A ”Nämnd/styrelse”');
    expect(within(drift).getByTestId('mapping-matched')).toHaveTextContent('2027: D ”Budget 2027 (mnkr)”');
    expect(within(drift).getByTestId('mapping-unit')).toHaveTextContent('Belopp i mnkr (enligt rubrikerna)');
    expect(within(drift).getByTestId('mapping-costs')).toHaveTextContent('Kostnader negativa (enligt beloppen)');
    expect(within(card('Ramar')).getByTestId('mapping-where')).toHaveTextContent('Tabellen KFramar');

    // The summary lines are the job's for the proposed mapping, in its order.
    const lines = screen.getAllByTestId('mapping-line').map((el) => el.textContent);
    expect(lines).toEqual(mappingSummary(expected.mapping, expected.index).map((l) => l.sv));
    expect(within(drift).getByTestId('mapping-line')).toHaveTextContent(`Driftbudget: '${BUDGET_SHEET}'!A4:F15, belopp i mnkr, kostnader negativa`);
    expect(within(drift).getByTestId('mapping-line').textContent).toBe(`Driftbudget: '${BUDGET_SHEET}'!A4:F15, belopp i mnkr, kostnader negativa`);
  });

  it('edits a column: unmapping Konto makes the mapping incomplete, mapping it again makes it savable', async () => {
    const port = new SheetsPort(sheets());
    const { user } = renderSection(port);
    await proposal();
    await saveEnabled();

    await user.click(within(card('Driftbudget')).getByRole('button', { name: 'Ändra Driftbudget' }));
    const editor = await within(card('Driftbudget')).findByTestId('mapping-editor');
    const konto = await within(editor).findByRole('combobox', { name: 'Konto *' });
    await waitFor(() => expect(within(konto).getAllByRole('option').map((o) => o.textContent)).toContain('C – Konto'));
    expect(within(konto).getAllByRole('option').map((o) => o.textContent)).toContain('D – Budget 2027 (mnkr)');
    expect(konto).toHaveValue('C');

    await user.selectOptions(konto, '');
    expect(await screen.findByTestId('mapping-errors')).toHaveTextContent('Konto');
    expect(within(card('Driftbudget')).getByText('Saknas: Konto')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Spara i arbetsboken' })).toBeDisabled();

    await user.selectOptions(konto, 'C');
    await waitFor(() => expect(screen.queryByTestId('mapping-errors')).not.toBeInTheDocument());
    await saveEnabled();
    expect(within(card('Driftbudget')).getByTestId('mapping-matched')).toHaveTextContent('Konto: C ”Konto”');

    // The unit is edited with its radio buttons; the summary line follows.
    await user.click(within(editor).getByRole('radio', { name: 'tkr' }));
    expect(within(card('Driftbudget')).getByTestId('mapping-line')).toHaveTextContent('belopp i tkr');
  });

  it('Spara writes the Koppling tab; the mapping read back is the proposal; Visa fliken selects it', async () => {
    const port = new SheetsPort(sheets());
    const { user } = renderSection(port);
    await proposal();
    await user.click(await saveEnabled());

    const saved = await screen.findByTestId('mapping-saved');
    expect(saved).toHaveTextContent('Kopplingen sparades på fliken Koppling.');
    await waitFor(() => expect(saved).toHaveFocus());
    const stored = storedMapping(await port.index());
    expect(stored).toEqual({ sheet: 'Koppling', mapping: (parseMapping(exampleMapping) as { mapping: unknown }).mapping });
    // The saved mapping is shown in words, with Ändra and Ta bort.
    expect(screen.getByTestId('mapping-summary')).toHaveTextContent(`Driftbudget: '${BUDGET_SHEET}'!A4:F15, belopp i mnkr, kostnader negativa`);
    expect(screen.getByRole('button', { name: 'Ändra' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ta bort kopplingen' })).toBeInTheDocument();

    await user.click(within(saved).getByRole('button', { name: 'Visa fliken' }));
    expect(port.selected).toEqual(['Koppling!A2']);
  });

  it('Pröva lists the problems of a mapping that does not fit, with links to their cells; Spara waits', async () => {
    const port = new SheetsPort(sheets());
    const { user } = renderSection(port);
    await proposal();
    await saveEnabled();
    // Someone renames a header after the proposal: the column is no longer what was seen.
    port.sheet(BUDGET_SHEET).rows[3][1] = 'Ansvar';
    await user.click(screen.getByRole('button', { name: 'Pröva' }));

    const trial = await screen.findByTestId('mapping-problems');
    expect(screen.getByTestId('mapping-trial')).toHaveTextContent('Kopplingen passar inte arbetsboken: 1 problem.');
    expect(trial).toHaveTextContent('Ansvar');
    await waitFor(() => expect(within(screen.getByTestId('mapping-trial')).getByRole('heading', { name: 'Prövning' })).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Spara i arbetsboken' })).toBeDisabled();
    await user.click(within(trial).getByRole('button', { name: `Gå till ${BUDGET_SHEET}!B4` }));
    expect(port.selected).toEqual([`${BUDGET_SHEET}!B4`]);
  });

  it('a header row without the input\'s headers leaves the mapping incomplete', async () => {
    const port = new SheetsPort(sheets());
    const { user } = renderSection(port);
    await proposal();
    await saveEnabled();
    await user.click(within(card('Driftbudget')).getByRole('button', { name: 'Ändra Driftbudget' }));
    const editor = await within(card('Driftbudget')).findByTestId('mapping-editor');
    const row = within(editor).getByRole('spinbutton', { name: 'Rubrikrad' });
    await user.clear(row);
    await user.type(row, '3{Enter}');
    await waitFor(() => expect(within(card('Driftbudget')).getByTestId('mapping-where')).toHaveTextContent('rubrikrad 3'));
    expect(await screen.findByTestId('mapping-errors')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Spara i arbetsboken' })).toBeDisabled();
  });

  it('Använd markeringen takes the sheet, header row, last row and columns from the selection', async () => {
    const port = new SheetsPort(sheets());
    const selection: SelectionService = { selectedRange: async () => ({ sheet: BUDGET_SHEET, address: 'A4:E14' }) };
    const { user } = renderSection(port, selection);
    await proposal();
    await user.click(within(card('Driftbudget')).getByRole('button', { name: 'Ändra Driftbudget' }));
    const editor = await within(card('Driftbudget')).findByTestId('mapping-editor');
    await user.click(within(editor).getByRole('button', { name: 'Använd markeringen' }));

    await waitFor(() => expect(within(card('Driftbudget')).getByTestId('mapping-where')).toHaveTextContent(`Fliken ”${BUDGET_SHEET}”, rubrikrad 4 till rad 14`));
    expect(screen.getByTestId('mapping-selection-used')).toHaveTextContent(`Markeringen ${BUDGET_SHEET}!A4:E14 används: rubrikrad 4.`);
    // Column F (Budget 2029) is outside the selection: not offered, not mapped.
    await waitFor(() => expect(within(card('Driftbudget')).getByTestId('mapping-matched')).toHaveTextContent('2028: E'));
    expect(within(card('Driftbudget')).getByTestId('mapping-matched')).not.toHaveTextContent('2029');
    const konto = within(editor).getByRole('combobox', { name: 'Konto *' });
    expect(within(konto).getAllByRole('option').map((o) => o.textContent)).not.toContain('F – Budget 2029 (mnkr)');
  });

  it('says so when there is no selection to use', async () => {
    const port = new SheetsPort(sheets());
    const { user } = renderSection(port, { selectedRange: async () => null });
    await proposal();
    await user.click(within(card('Ramar')).getByRole('button', { name: 'Ändra Ramar' }));
    await user.click(await within(card('Ramar')).findByRole('button', { name: 'Använd markeringen' }));
    expect(await screen.findByTestId('mapping-no-selection')).toHaveTextContent('Det finns ingen markering att använda.');
  });
});

describe('Kontrollera → Koppla om', () => {
  it('a MAP-STALE finding’s "Koppla om" opens Koppla indata with the saved mapping', async () => {
    const port = new SheetsPort(sheets());
    await saveMapping(port, exampleMapping, NOW);
    // The budget sheet is renamed after the mapping was saved.
    port.sheet(BUDGET_SHEET).name = 'Budget 2027–2030';
    const services: TaskPaneServices = { port, templates: { blankTemplate: async () => [], sampleWorkbook: async () => [] }, today: () => NOW };
    const user = userEvent.setup();
    render(
      <AppProviders settings={createMemorySettingsStore()} themeKind="light">
        <TaskPane services={services} initialSection="check" />
      </AppProviders>,
    );
    await user.click(screen.getByRole('button', { name: 'Kontrollera' }));
    await screen.findByTestId('check-summary', {}, { timeout: 15_000 });
    const stale = screen.getAllByTestId('finding').find((f) => f.getAttribute('data-rule') === 'MAP-STALE')!;
    expect(stale).toHaveTextContent('Budget 2027–2029');
    await user.click(within(stale).getByRole('button', { name: 'Koppla om' }));

    expect(screen.getByRole('tab', { name: 'Koppla indata' })).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel', { name: 'Koppla indata' });
    await within(panel).findByTestId('mapping-saved-view', {}, { timeout: 15_000 });
    expect(within(panel).getByTestId('mapping-summary')).toHaveTextContent(`Driftbudget: '${BUDGET_SHEET}'!A4:F, belopp i mnkr, kostnader negativa`);
  });
});
