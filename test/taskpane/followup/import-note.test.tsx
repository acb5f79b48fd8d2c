/** @jest-environment jsdom */
/**
 * What the section says when the import succeeded but the host left something out: Excel on the
 * web inserts tabs without their charts, comments, PivotTables and slicers, and the user is told so
 * beside the tabs that were imported.
 */
import '@testing-library/jest-dom';
import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppProviders } from '../../../src/taskpane/app-providers';
import { TaskPane } from '../../../src/taskpane/components/TaskPane';
import type { FollowUpImportService, ImportedFile } from '../../../src/core/followup/import-service';
import type { Language } from '../../../src/taskpane/i18n';
import type { TaskPaneServices } from '../../../src/taskpane/services';
import { createMemorySettingsStore } from '../../../src/taskpane/settings-store';
import '../jsdom-layout';
import { SamplePort } from './sample-port';

configure({ asyncUtilTimeout: 15000 });
jest.setTimeout(60000);

async function importWith(language: Language, results: ImportedFile[]): Promise<HTMLElement> {
  const port = await SamplePort.create();
  const followUpImport: FollowUpImportService = { supported: true, importFiles: jest.fn(async () => results) };
  const services: TaskPaneServices = {
    port,
    templates: { blankTemplate: async () => [], sampleWorkbook: async () => [] },
    today: () => new Date(2027, 5, 10),
    followUpImport,
  };
  const user = userEvent.setup();
  render(
    <AppProviders settings={createMemorySettingsStore({ language: 'sv' })} themeKind="light">
      <TaskPane services={services} initialSection="followUp" />
    </AppProviders>,
  );
  if (language === 'en') await user.selectOptions(screen.getByRole('combobox', { name: 'Språk' }), 'English');
  const panel = screen.getByRole('tabpanel', { name: language === 'sv' ? 'Uppföljning' : 'Follow-up' });
  await user.click(within(panel).getByRole('button', { name: language === 'sv' ? 'Läs in arbetsboken' : /Read the workbook/ }));
  const input = await within(panel).findByTestId('followup-import-input');
  await user.upload(input, new File(['x'], 'BUN.xlsx'));
  return within(panel).findByTestId('followup-outcome');
}

test('Excel on the web: the imported tabs are named, and the note says charts and the like were left out', async () => {
  const outcome = await importWith('sv', [
    { file: 'BUN.xlsx', sheets: ['Delår aug 2027 BUN'], notes: ['web-objects-left-out'] },
    { file: 'KFN.xlsx', sheets: ['Delår aug 2027 KFN'], notes: ['web-objects-left-out'] },
  ]);
  expect(outcome).toHaveTextContent('Hämtade in 2 flikar: Delår aug 2027 BUN och Delår aug 2027 KFN.');
  // Said once, however many files.
  expect(outcome.textContent?.match(/Excel på webben tar inte med diagram/g)).toHaveLength(1);
  expect(outcome).toHaveTextContent('hämta in filerna i Excel för skrivbordet');
});

test('says it in English too', async () => {
  const outcome = await importWith('en', [{ file: 'BUN.xlsx', sheets: ['Delår aug 2027 BUN'], notes: ['web-objects-left-out'] }]);
  expect(outcome).toHaveTextContent('Excel on the web does not bring charts, comments, PivotTables or slicers along');
});
