/** @jest-environment jsdom */
/**
 * The playground grid draws a sheet's look (issue #16): merged cells as one cell, frozen rows and
 * columns sticky, tab colours, protection (locked cells read-only, unlocked ones as input fields,
 * a note by the tabs) and the charts Budgetkoll writes. On a real workbook: built with ExcelJS,
 * opened as the playground opens a file (ExcelJS view, journaled), and a tab with a chart written
 * through the port as the task pane writes one.
 */
import './text-codec';
import '@testing-library/jest-dom';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { emptySheetSpec, type SheetSpec } from '../../src/core/workbook/sheet-spec';
import { Playground } from '../../src/playground/Playground';
import { openBytes } from '../../src/playground/xlsx-loader';
import type { OpenWorkbook, WorkbookLoader } from '../../src/playground/workbook-loader';
import { AppProviders } from '../../src/taskpane/app-providers';
import type { TemplateServices } from '../../src/taskpane/services';
import { createMemorySettingsStore } from '../../src/taskpane/settings-store';
import { deps } from '../io/xlsx/package/input-package';
import { chartXml, workbookWithChart } from './chart-package';
import '../taskpane/jsdom-layout';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(60_000);

/** A user's workbook: a title merged over A1:D1, a block merged over A3:B4, two rows and a column frozen, a tab colour, protection with C5 open for input; `lastRow` rows. */
async function userWorkbook(lastRow = 60): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Uppföljning', { properties: { tabColor: { argb: 'FF548235' } } });
  ws.getCell('A1').value = 'Delårsbokslut 2027';
  ws.mergeCells('A1:D1');
  ws.getRow(2).values = ['Nämnd', 'Budget', 'Prognos', 'Avvikelse'];
  ws.getCell('A3').value = 'Kommunstyrelsen';
  ws.mergeCells('A3:B4');
  for (let r = 5; r <= lastRow; r++) ws.getRow(r).values = [`Rad ${r}`, r * 1000, null, r];
  ws.getCell('C5').protection = { locked: false };
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3', activeCell: 'B3' }];
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  wb.addWorksheet('Anteckningar').getCell('A1').value = 'Ingen färg';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A tab as Budgetkoll writes one with a chart over rows kept free under its source. */
function chartTab(kind: string = 'columnClustered'): SheetSpec {
  return {
    ...emptySheetSpec(kind === 'columnClustered' ? 'Kvadrant' : 'Annat diagram'),
    rows: [
      [{ value: 'Kvadrant' }, { value: 'Kostnad ≤ referens' }, { value: 'Kostnad > referens' }],
      [{ value: 'Bättre resultat' }, { value: 3 }, { value: 1 }],
      [{ value: 'Inte bättre resultat' }, { value: 2 }, { value: 4 }],
      [{ value: 'Här ritar Excel ett diagram över kvadranten.' }],
      ...Array.from({ length: 9 }, () => []),
    ],
    columnWidths: [30, 14, 14, 10],
    charts: [{ kind: kind as 'columnClustered', source: 'A1:C3', title: 'Nyckeltal per kvadrant', placement: 'A4:D13' }],
  };
}

const templates: TemplateServices = {
  async blankTemplate() {
    return [];
  },
  async sampleWorkbook() {
    return [];
  },
};

/** The playground on `bytes` (the user's workbook); `before` writes through the opened workbook's port first. */
async function renderWorkbook(before?: (opened: OpenWorkbook) => Promise<void>, lastRow?: number, file?: Uint8Array): Promise<void> {
  const bytes = file ?? (await userWorkbook(lastRow));
  const loader: WorkbookLoader = {
    open: (buffer, onSelect) => openBytes(new Uint8Array(buffer), onSelect, deps),
    async sample(onSelect) {
      const opened = await openBytes(bytes, onSelect, deps);
      await before?.(opened);
      return opened;
    },
  };
  render(
    <AppProviders settings={createMemorySettingsStore()} themeKind="light">
      <Playground loader={loader} templates={templates} today={() => new Date(2027, 6, 17)} />
    </AppProviders>,
  );
  await within(await screen.findByTestId('sheet-tabs')).findByRole('tab', { name: file ? 'Data' : 'Uppföljning' });
}

const cell = (address: string) => screen.getByTestId('sheet-grid').querySelector<HTMLElement>(`[data-address="${address}"]`);

describe('the playground grid draws the sheet’s look', () => {
  it('merged ranges as one cell spanning rows and columns, with the top-left value; covered cells are not drawn', async () => {
    await renderWorkbook();
    await waitFor(() => expect(cell('A1')).toHaveTextContent('Delårsbokslut 2027'));
    expect(cell('A1')).toHaveAttribute('colspan', '4');
    expect(cell('A1')).toHaveAttribute('aria-colspan', '4');
    for (const covered of ['B1', 'C1', 'D1', 'B3', 'A4', 'B4']) expect(cell(covered)).toBeNull();
    expect(cell('A3')).toHaveAttribute('rowspan', '2');
    expect(cell('A3')).toHaveAttribute('colspan', '2');
    expect(cell('A3')).toHaveTextContent('Kommunstyrelsen');
    expect(cell('C3')).not.toBeNull();
  });

  it('keyboard: an arrow from a merged cell leaves it at its far edge; into a merged cell selects its top-left cell', async () => {
    await renderWorkbook();
    await waitFor(() => expect(cell('A1')).toHaveTextContent('Delårsbokslut 2027'));
    const grid = screen.getByTestId('sheet-grid');
    const address = screen.getByTestId('cell-address') as HTMLInputElement;
    expect(address.value).toBe('A1');
    expect(cell('A1')).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(address.value).toBe('A2');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(address.value).toBe('A3');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(address.value).toBe('A5');
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    expect(address.value).toBe('A3');
    expect(grid).toHaveAttribute('aria-activedescendant', 'cell-A3');
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    expect(address.value).toBe('C3');
    fireEvent.keyDown(grid, { key: 'ArrowLeft' });
    expect(address.value).toBe('A3');
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    expect(address.value).toBe('A1');
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    expect(address.value).toBe('A1'); // A1:D1 reaches the sheet's last column
  });

  it('frozen rows and columns are sticky (with their row headers); the rest scrolls', async () => {
    await renderWorkbook();
    await waitFor(() => expect(cell('A1')).not.toBeNull());
    const grid = screen.getByTestId('sheet-grid');
    // Measured in an effect after the grid is drawn (frozen-panes.ts).
    const frozenRows = () => [...grid.querySelectorAll('tbody tr[data-frozen="true"]')].map((tr) => tr.getAttribute('data-row'));
    await waitFor(() => expect(frozenRows()).toEqual(['0', '1']));
    expect(cell('B2')!.style.top).not.toBe('');
    expect(cell('B2')!.style.left).toBe('');
    expect(cell('A10')!.style.left).not.toBe('');
    expect(cell('A10')!.style.top).toBe('');
    expect(cell('B10')!.getAttribute('style') ?? '').toBe('');
    expect(grid.querySelector('tr[data-row="1"] th[role="rowheader"]')!.getAttribute('style')).toMatch(/top/);
  });

  it('frozen rows and columns stay on every page: on page 2 the frozen rows are drawn above its rows, sticky', async () => {
    await renderWorkbook(undefined, 1200);
    await waitFor(() => expect(cell('A1')).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Följande rader' }));
    await waitFor(() => expect(screen.getByTestId('rows-note')).toHaveTextContent('Visar rad 501–1 000 av 1 200.'));
    const grid = screen.getByTestId('sheet-grid');
    const drawnRows = () => [...grid.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-row'));
    await waitFor(() => expect(drawnRows().slice(0, 3)).toEqual(['0', '1', '500']));
    expect(drawnRows()).toHaveLength(2 + 500);
    // The frozen rows show their own values (read apart from the page) and stick under the column header.
    expect(cell('A1')).toHaveTextContent('Delårsbokslut 2027');
    expect(cell('A1')).toHaveAttribute('colspan', '4');
    expect(cell('B2')).toHaveTextContent('Budget');
    const frozenRows = () => [...grid.querySelectorAll('tbody tr[data-frozen="true"]')].map((tr) => tr.getAttribute('data-row'));
    await waitFor(() => expect(frozenRows()).toEqual(['0', '1']));
    expect(cell('B2')!.style.top).not.toBe('');
    expect(cell('A501')).toHaveTextContent('Rad 501');
    expect(cell('A501')!.style.left).not.toBe('');
    expect(cell('A501')!.style.top).toBe('');
    expect(cell('B501')!.getAttribute('style') ?? '').toBe('');
    // Selecting a frozen cell keeps the page; a cell on another page moves there.
    fireEvent.click(cell('B2')!);
    expect(screen.getByTestId('cell-address')).toHaveValue('B2');
    expect(screen.getByTestId('rows-note')).toHaveTextContent('Visar rad 501–1 000 av 1 200.');
    fireEvent.click(cell('B501')!);
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    expect(screen.getByTestId('cell-address')).toHaveValue('B500');
    await waitFor(() => expect(screen.getByTestId('rows-note')).toHaveTextContent('Visar rad 1–500 av 1 200.'));
  });

  it('tabs show their tab colour as a bar; tabs without one show none; its name unchanged', async () => {
    await renderWorkbook();
    const tabs = screen.getByRole('tablist', { name: 'Flikar' });
    const coloured = within(tabs).getByRole('tab', { name: 'Uppföljning' });
    expect(coloured).toHaveAttribute('data-tab-color', '#548235');
    expect(within(coloured).getByTestId('tab-color')).toHaveStyle({ backgroundColor: '#548235' });
    const plain = within(tabs).getByRole('tab', { name: 'Anteckningar' });
    expect(plain).not.toHaveAttribute('data-tab-color');
    expect(within(plain).queryByTestId('tab-color')).toBeNull();
    // The bar is decoration: the tab's name stays the sheet's name (arrow keys: see the e2e test).
    expect(coloured).toHaveAccessibleName('Uppföljning');
  });

  it('a protected sheet: locked cells read-only, unlocked cells as inputs, and the note by the tabs', async () => {
    await renderWorkbook();
    await waitFor(() => expect(cell('C5')).not.toBeNull());
    expect(cell('C5')).toHaveAttribute('data-locked', 'false');
    expect(cell('B5')).toHaveAttribute('data-locked', 'true');
    expect(cell('A1')).toHaveAttribute('data-locked', 'true');
    expect(cell('C5')!.className).not.toBe(cell('B5')!.className);
    expect(screen.getByTestId('protected-note')).toHaveTextContent('Skyddad flik – bara de gula, inramade cellerna kan ändras i Excel');
    // An unprotected tab: no marks, no note.
    fireEvent.click(screen.getByRole('tab', { name: 'Anteckningar' }));
    await waitFor(() => expect(cell('A1')).toHaveTextContent('Ingen färg'));
    expect(cell('A1')).not.toHaveAttribute('data-locked');
    expect(screen.queryByTestId('protected-note')).toBeNull();
  });

  it('a chart written through the port is drawn over its placement from the source values; a kind it cannot draw says so', async () => {
    await renderWorkbook(async (opened) => {
      await opened.port.writeSheet(chartTab());
      await opened.port.writeSheet(chartTab('pie'));
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Kvadrant' }));
    const chart = await screen.findByTestId('grid-chart');
    expect(chart).toHaveAttribute('data-drawn', 'true');
    expect(within(chart).getByText('Nyckeltal per kvadrant')).toBeInTheDocument();
    const host = chart.closest('td')!;
    expect(host).toHaveAttribute('data-address', 'A4');
    expect(host).toHaveAttribute('rowspan', '10');
    expect(host).toHaveAttribute('colspan', '4');
    expect(cell('A5')).toBeNull();
    expect(within(chart).getByRole('img').getAttribute('aria-label')).toContain('Bättre resultat: Kostnad ≤ referens 3, Kostnad > referens 1');
    expect(chart.querySelectorAll('rect[class]').length).toBe(2 + 4); // legend + bars

    fireEvent.click(screen.getByRole('tab', { name: 'Annat diagram' }));
    await waitFor(() => expect(screen.getByTestId('grid-chart')).toHaveAttribute('data-drawn', 'false'));
    expect(screen.getByTestId('grid-chart')).toHaveTextContent('Nyckeltal per kvadrant');
    expect(screen.getByTestId('grid-chart')).toHaveTextContent('Diagrammet visas i Excel');
  });

  it('a chart the opened file has (as Excel saves the ones Budgetkoll adds there) is drawn over its cells from them', async () => {
    const series = [{ name: 'Data!$B$1', categories: 'Data!$A$2:$A$3', values: 'Data!$B$2:$B$3' }];
    await renderWorkbook(undefined, undefined, await workbookWithChart(chartXml(series)));
    const chart = await screen.findByTestId('grid-chart');
    expect(chart).toHaveAttribute('data-drawn', 'true');
    expect(within(chart).getByText('Belopp per enhet')).toBeInTheDocument();
    const host = chart.closest('td')!;
    expect(host).toHaveAttribute('data-address', 'E2');
    expect(host).toHaveAttribute('rowspan', '14');
    expect(host).toHaveAttribute('colspan', '6');
    expect(within(chart).getByRole('img').getAttribute('aria-label')).toContain('Skola: Belopp 100');
    expect(within(chart).getByRole('img').getAttribute('aria-label')).toContain('Omsorg: Belopp 250');
  });
});
