/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RawValue } from '../../src/core/workbook/raw';
import { emptySheetSpec } from '../../src/core/workbook/sheet-spec';
import { Playground } from '../../src/playground/Playground';
import { AppProviders } from '../../src/taskpane/app-providers';
import type { TemplateServices } from '../../src/taskpane/services';
import { createMemorySettingsStore } from '../../src/taskpane/settings-store';
import '../taskpane/jsdom-layout';
import { fakeLoader, type FakeSheet } from './fake-workbook';

// Role queries over a page with a grid and the task pane are slow in jsdom on a busy machine.
configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(60_000);

function sampleSheets(): FakeSheet[] {
  const budgetRows: RawValue[][] = [['Nämnd', 'Verksamhet', 'Budget 2027']];
  for (let i = 1; i < 20_000; i++) budgetRows.push([`Nämnd ${i % 7}`, `Verksamhet ${i}`, i * 1000]);
  return [
    {
      name: 'Ramar',
      rows: [
        ['Nämnd', 'Ram 2027', 'Andel'],
        ['Kommunstyrelsen', 612340, 0.025],
        ['Summa', 612340, null],
      ],
      formulas: { B3: '=SUM(B2:B2)' },
      numberFormats: { B2: '#,##0', B3: '#,##0', C2: '0.0%' },
    },
    { name: 'Driftbudget', rows: budgetRows },
  ];
}

const templates: TemplateServices = {
  async blankTemplate() {
    return ['Ramar', 'Volymer', 'Uppdrag'].map(emptySheetSpec);
  },
  async sampleWorkbook() {
    return [];
  },
};

function renderPlayground() {
  const loader = fakeLoader(sampleSheets);
  // People can pick "all files" in the file dialog, so the input's accept list is no guarantee.
  const user = userEvent.setup({ applyAccept: false });
  render(
    <AppProviders settings={createMemorySettingsStore()} themeKind="light">
      <Playground loader={loader} templates={templates} today={() => new Date(2027, 6, 17)} />
    </AppProviders>,
  );
  return { loader, user };
}

async function sheetTabs() {
  const list = await screen.findByRole('tablist', { name: 'Flikar' });
  return within(list)
    .getAllByRole('tab')
    .map((tab) => tab.getAttribute('value'));
}

describe('playground', () => {
  it('opens on the bundled sample with its tabs and the task pane beside it', async () => {
    const { loader } = renderPlayground();
    expect(await sheetTabs()).toEqual(['Ramar', 'Driftbudget']);
    expect(loader.opened).toHaveLength(1);
    expect(screen.getByTestId('file-name')).toHaveTextContent('budgetkoll-exempel.xlsx');
    const pane = screen.getByRole('complementary', { name: 'Aktivitetsfönstret' });
    expect(within(pane).getByRole('tab', { name: 'Hem' })).toBeVisible();
    expect(within(pane).getByText('Nästa: Delårsbokslut per 31 augusti 2027 – om 45 dagar')).toBeVisible();
  });

  it('shows values in Swedish formatting, marks formulas and shows the selected cell in the formula bar', async () => {
    const { user } = renderPlayground();
    const grid = await screen.findByRole('grid', { name: 'Fliken Ramar' });
    const amounts = within(grid).getAllByRole('gridcell', { name: '612\u00a0340' });
    expect(amounts.map((cell) => cell.getAttribute('data-address'))).toEqual(['B2', 'B3']);
    expect(within(grid).getByRole('gridcell', { name: '2,5\u00a0%' })).toBeInTheDocument();
    expect(within(grid).getByRole('columnheader', { name: 'C' })).toBeInTheDocument();
    expect(within(grid).getByRole('rowheader', { name: '3' })).toBeInTheDocument();

    // A1 is selected when a sheet opens, as in Excel.
    expect(screen.getByRole('textbox', { name: 'Cell' })).toHaveValue('A1');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Formel eller värde' })).toHaveValue('Nämnd'));

    const total = grid.querySelector('[data-address="B3"]') as HTMLElement;
    expect(total).toHaveAttribute('data-formula', 'true');
    await user.click(total);
    expect(total).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('textbox', { name: 'Cell' })).toHaveValue('B3');
    expect(screen.getByRole('textbox', { name: 'Formel eller värde' })).toHaveValue('=SUM(B2:B2)');

    fireEvent.keyDown(grid, { key: 'ArrowLeft' });
    expect(screen.getByRole('textbox', { name: 'Cell' })).toHaveValue('A3');
    expect(screen.getByRole('textbox', { name: 'Formel eller värde' })).toHaveValue('Summa');
  });

  it('renders a 20 000-row sheet one page of 500 rows at a time', async () => {
    const { user, loader } = renderPlayground();
    await sheetTabs();
    await user.click(screen.getByRole('tab', { name: 'Driftbudget' }));
    const grid = await screen.findByRole('grid', { name: 'Fliken Driftbudget' });
    expect(within(grid).getAllByRole('row')).toHaveLength(501); // header + 500
    expect(screen.getByTestId('rows-note')).toHaveTextContent('Visar rad 1–500 av 20 000.');
    expect(loader.opened[0].reads).toContain('Driftbudget!A1:C500');
    await user.click(screen.getByRole('button', { name: 'Följande rader' }));
    await waitFor(() => expect(screen.getByTestId('rows-note')).toHaveTextContent('Visar rad 501–1 000 av 20 000.'));
  });

  it("follows the port's selectCell: switches tab, moves to the cell's page and highlights it", async () => {
    const { loader } = renderPlayground();
    await sheetTabs();
    await act(() => loader.opened[0].selectCell('Driftbudget', 'C1234'));
    const grid = await screen.findByRole('grid', { name: 'Fliken Driftbudget' });
    // General number format: no thousands grouping, as Excel shows it.
    const cell = await within(grid).findByRole('gridcell', { name: '1233000' });
    expect(cell).toHaveAttribute('data-address', 'C1234');
    expect(cell).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Driftbudget' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('rows-note')).toHaveTextContent('Visar rad 1 001–1 500 av 20 000.');
  });

  it('lists the tabs the task pane writes', async () => {
    const { user } = renderPlayground();
    await sheetTabs();
    await user.click(screen.getByRole('tab', { name: 'Mallar' }));
    await user.click(screen.getByRole('button', { name: 'Skapa tomma mallflikar' }));
    await screen.findByTestId('templates-result');
    await waitFor(async () => expect(await sheetTabs()).toEqual(['Ramar', 'Driftbudget', 'Volymer', 'Uppdrag']));
  });

  it('says in one line when a file is not a workbook, and keeps the open one', async () => {
    const { user } = renderPlayground();
    await sheetTabs();
    const input = screen.getByTestId('open-file-input');
    await user.upload(input, new File(['hello'], 'budget.txt', { type: 'text/plain' }));
    expect(await screen.findByTestId('playground-error')).toHaveTextContent('Filen är inte en Excel-arbetsbok (.xlsx).');
    expect(await sheetTabs()).toEqual(['Ramar', 'Driftbudget']);
  });

  it('opens an uploaded .xlsx and offers it for download under its name', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:fake';
    });
    URL.revokeObjectURL = jest.fn();
    const clicks: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const { user } = renderPlayground();
    await sheetTabs();
    await user.upload(screen.getByTestId('open-file-input'), new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'Nämndbudget.xlsx'));
    await waitFor(async () => expect(await sheetTabs()).toEqual(['Uppladdad']));
    await user.click(screen.getByRole('button', { name: 'Ladda ner' }));
    expect(clicks).toEqual(['Nämndbudget.xlsx']);
    expect(created[0].type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    click.mockRestore();
  });
});
