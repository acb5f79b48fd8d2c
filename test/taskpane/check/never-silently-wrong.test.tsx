/** @jest-environment jsdom */
/**
 * Issue 13 in the task pane: an empty workbook's verdict says what is missing, and rows typed
 * under a table get the quick fix "Utöka tabellen" (port.resizeTable), after which they are counted.
 */
import '@testing-library/jest-dom';
import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { CheckSection } from '../../../src/taskpane/components/check/CheckSection';
import { I18nContext, makeI18n, type Language } from '../../../src/taskpane/i18n';
import { BROKEN_CASES, cleanWorkbook, type Sheets } from '../../fixtures/broken-cases';
import '../jsdom-layout';
import { SheetsPort } from './sheets-port';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(60_000);

function renderCheck(port: SheetsPort, language: Language = 'sv') {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={makeI18n(language, () => undefined)}>
        <CheckSection port={port} now={() => new Date(2027, 8, 15, 14, 5)} />
      </I18nContext.Provider>
    </FluentProvider>,
  );
  return { user };
}

const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s/g, ' ');

function emptyTemplate(): Sheets {
  return [
    { name: 'Ramar', rows: [['Nämnd', 'Ram 2027', 'Ram 2028', 'Ram 2029'], [null, null, null, null]], tables: [{ name: 'Ramar', range: 'A1:D2' }] },
    {
      name: 'Driftbudget',
      rows: [['Nämnd', 'Verksamhet', 'Konto', 'Benämning', 'Budget 2027', 'Plan 2028', 'Plan 2029'], [null, null, null, null, null, null, null]],
      tables: [{ name: 'Driftbudget', range: 'A1:G2' }],
    },
  ];
}

describe('never silently wrong (task pane)', () => {
  it.each([
    ['sv', 'Kontrollera', 'Arbetsboken kan inte lämnas in – det saknas: Driftbudget (inga rader) och Ramar (inga rader).'],
    ['en', 'Check', 'The workbook cannot be submitted – missing: Driftbudget (no rows) and Ramar (no rows).'],
  ] as const)('an untouched template is not ready to submit: the verdict says what is missing (%s)', async (language, button, verdict) => {
    const { user } = renderCheck(new SheetsPort(emptyTemplate()), language);
    await user.click(screen.getByRole('button', { name: button }));
    const summary = await screen.findByTestId('check-summary');
    expect(text(summary)).toContain(verdict);
    expect(text(summary)).not.toMatch(/kan lämnas in\.|can be submitted\./);
  });

  it('rows typed under the Driftbudget table: "Utöka tabellen" resizes the table, and a new check counts the rows', async () => {
    const sheets = cleanWorkbook();
    BROKEN_CASES.find((c) => c.rule === 'STRUCT-OUTSIDE-TABLE')!.mutate(sheets);
    const port = new SheetsPort(sheets);
    const { user } = renderCheck(port);
    await user.click(screen.getByRole('button', { name: 'Kontrollera' }));
    await screen.findByTestId('check-summary');

    const item = screen.getAllByTestId('finding').find((el) => el.getAttribute('data-rule') === 'STRUCT-OUTSIDE-TABLE')!;
    await user.click(within(item).getByRole('button', { name: 'Åtgärda: Utöka tabellen till A1:G8' }));
    expect(port.resizes).toEqual([{ sheet: 'Driftbudget', table: 'Driftbudget', address: 'A1:G8' }]);
    expect(port.cellWrites).toEqual([]);
    const result = screen.getByTestId('fix-result');
    expect(text(result)).toContain('Tabellen ”Driftbudget” omfattar nu A1:G8.');

    await user.click(within(result).getByRole('button', { name: 'Kontrollera igen' }));
    await screen.findByTestId('check-summary');
    const rules = () => screen.getAllByTestId('finding').map((el) => el.getAttribute('data-rule'));
    await screen.findAllByTestId('finding');
    expect(rules()).not.toContain('STRUCT-OUTSIDE-TABLE');
    expect(rules()).toEqual(expect.arrayContaining(['KEY-DUPLICATE', 'KEY-UNKNOWN-NAMND']));
  });
});
