/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { encodeMarker } from '../../../src/core/workbook/marker';
import { WorkbookError } from '../../../src/core/workbook/port';
import { CheckSection } from '../../../src/taskpane/components/check/CheckSection';
import { I18nContext, makeI18n, type Language } from '../../../src/taskpane/i18n';
import { BROKEN_CASES, cleanWorkbook, type Sheets } from '../../fixtures/broken-cases';
import '../jsdom-layout';
import { SheetsPort } from './sheets-port';

// Role queries over a long list are slow in jsdom on a busy machine.
configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(60_000);

const BUN = 'Barn- och ungdomsnämnden';
const KFN = 'Kultur- och fritidsnämnden';
const NOW = new Date(2027, 8, 15, 14, 5);

/** The clean workbook with the defects of the named rules applied (test/fixtures/broken-cases.ts). */
function workbookWith(...rules: string[]): Sheets {
  const sheets = cleanWorkbook();
  for (const rule of rules) {
    const c = BROKEN_CASES.find((x) => x.rule === rule);
    if (!c) throw new Error(`no broken case for ${rule}`);
    c.mutate(sheets);
  }
  return sheets;
}

/** Two errors (text number, over frame), two warnings, one info. */
const DEFECTS = ['CELL-TEXT-NUMBER', 'RAM-OVER', 'IK-MISSING', 'OVR-NO-DESCRIPTION', 'VOL-FORECAST-MISS'];

function renderCheck(port: SheetsPort, language: Language = 'sv') {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={makeI18n(language, () => undefined)}>
        <CheckSection port={port} now={() => NOW} />
      </I18nContext.Provider>
    </FluentProvider>,
  );
  return { user };
}

async function runCheck(user: ReturnType<typeof userEvent.setup>, name = 'Kontrollera') {
  await user.click(screen.getByRole('button', { name }));
  await screen.findByTestId('check-summary');
}

/** Text as read, with Intl's no-break spaces as plain ones. */
function text(el: HTMLElement): string {
  return (el.textContent ?? '').replace(/\s/g, ' ');
}

function findingItems(): HTMLElement[] {
  return screen.queryAllByTestId('finding');
}

function findingFor(rule: string): HTMLElement {
  const item = findingItems().find((el) => el.getAttribute('data-rule') === rule);
  if (!item) throw new Error(`no finding ${rule} shown`);
  return item;
}

describe('Kontrollera budget', () => {
  it('checks the workbook and shows the counts, the verdict and every finding with message, rule and cell', async () => {
    const port = new SheetsPort(workbookWith(...DEFECTS));
    const { user } = renderCheck(port);
    expect(screen.queryByTestId('check-summary')).not.toBeInTheDocument();
    await runCheck(user);

    expect(screen.getByTestId('count-error')).toHaveTextContent('2 fel');
    expect(screen.getByTestId('count-warning')).toHaveTextContent('2 varningar');
    expect(screen.getByTestId('count-info')).toHaveTextContent('1 info');
    expect(screen.getByTestId('check-summary')).toHaveTextContent('Fel måste rättas före inlämning');
    expect(screen.getByTestId('check-summary')).toHaveTextContent('Kontrollerad kl. 14:05.');
    expect(screen.getByTestId('check-announcement')).toHaveTextContent('2 fel, 2 varningar, 1 info');

    expect(findingItems().map((el) => el.getAttribute('data-rule')).sort()).toEqual([...DEFECTS].sort());
    const textNumber = findingFor('CELL-TEXT-NUMBER');
    expect(textNumber).toHaveTextContent('Driftbudget!E3');
    expect(textNumber).toHaveTextContent('CELL-TEXT-NUMBER');
    expect(textNumber).toHaveTextContent('”130” i Budget 2027 är ett tal lagrat som text.');
    expect(textNumber).toHaveTextContent('Gör om till tal');
    const over = findingFor('RAM-OVER');
    expect(over).toHaveTextContent('Ramar!C2');
    expect(over).toHaveTextContent(`${BUN} 2028: nettobudgeten 1 035 tkr överstiger ramen 1 030 tkr med 5 tkr.`);
    // The port was only read: nothing written.
    expect(port.cellWrites).toEqual([]);
    expect(port.sheetWrites).toEqual([]);
  });

  it('draws budget vs frame per nämnd and year with a name, a description in words and a table', async () => {
    const port = new SheetsPort(workbookWith('RAM-OVER', 'RAM-UNDER'));
    const { user } = renderCheck(port);
    await runCheck(user);

    const chart = screen.getByRole('img', { name: 'Budget mot ram per nämnd och år' });
    expect(chart).toHaveAccessibleDescription(/Över ramen: Barn- och ungdomsnämnden 2028 \(\+5 tkr\)\./);
    expect(chart).toHaveAccessibleDescription(/Under ramen: Barn- och ungdomsnämnden 2029 \(−10 tkr\)\./);
    const cells = chart.querySelectorAll('[data-status]');
    expect(cells).toHaveLength(6);
    expect([...cells].map((c) => c.getAttribute('data-status'))).toEqual(['within', 'over', 'under', 'within', 'within', 'within']);
    // The bar for 2028 grows to the right of the centre line, the one for 2029 to the left.
    const overBar = cells[1].querySelector('rect')!;
    const underBar = cells[2].querySelector('rect')!;
    expect(overBar.getAttribute('x')).toBe('50%');
    expect(parseFloat(underBar.getAttribute('x')!) + parseFloat(underBar.getAttribute('width')!)).toBeCloseTo(50);

    const toggle = screen.getByRole('button', { name: 'Visa som tabell' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const table = screen.getByRole('table', { name: 'Budget, ram och skillnad per nämnd och år (tkr)' });
    const rows = within(table).getAllByRole('row');
    // A header row, then per nämnd a row naming it and one row per year: four columns fit 320 px.
    expect(rows).toHaveLength(1 + 2 * 4);
    expect(rows[3]).toHaveTextContent(/2028\s*1 035\s*1 030\s*\+5/);
    expect(within(table).getByRole('rowheader', { name: KFN })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dölj tabellen' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('filters by severity', async () => {
    const port = new SheetsPort(workbookWith(...DEFECTS));
    const { user } = renderCheck(port);
    await runCheck(user);
    const filters = screen.getByRole('group', { name: 'Visa:' });
    const errors = within(filters).getByRole('checkbox', { name: 'Fel (2)' });
    expect(errors).toBeChecked();
    await user.click(errors);
    expect(errors).not.toBeChecked();
    expect(findingItems().map((el) => el.getAttribute('data-severity')).sort()).toEqual(['info', 'warning', 'warning']);

    await user.click(within(filters).getByRole('checkbox', { name: 'Varningar (2)' }));
    expect(findingItems().map((el) => el.getAttribute('data-rule'))).toEqual(['VOL-FORECAST-MISS']);
    await user.click(within(filters).getByRole('checkbox', { name: 'Info (1)' }));
    expect(findingItems()).toHaveLength(0);
    expect(screen.getByText('Inga iakttagelser med de valda allvarlighetsgraderna.')).toBeVisible();
    await user.click(errors);
    expect(findingItems().map((el) => el.getAttribute('data-rule')).sort()).toEqual(['CELL-TEXT-NUMBER', 'RAM-OVER']);
  });

  it('groups by sheet or by nämnd', async () => {
    const port = new SheetsPort(workbookWith(...DEFECTS));
    const { user } = renderCheck(port);
    await runCheck(user);
    const headings = () => screen.getAllByTestId('finding-group').map((g) => within(g).getByRole('heading', { level: 4 }).textContent);
    expect(screen.getByRole('radio', { name: 'Flik' })).toBeChecked();
    expect(headings()).toEqual(['Driftbudget (1)', 'Ramar (2)', 'Volymer (1)', 'Övriga förändringar (1)']);

    await user.click(screen.getByRole('radio', { name: 'Nämnd' }));
    expect(headings()).toEqual([`${BUN} (4)`, `${KFN} (1)`]);
    const kfn = screen.getAllByTestId('finding-group')[1];
    expect(within(kfn).getByTestId('finding')).toHaveAttribute('data-rule', 'IK-MISSING');
  });

  it('puts findings without a nämnd under "Hela arbetsboken" and says so in Swedish when their cell cannot be selected', async () => {
    const port = new SheetsPort(workbookWith('STRUCT-MISSING-TABLE'));
    const { user } = renderCheck(port);
    await runCheck(user);
    await user.click(screen.getByRole('radio', { name: 'Nämnd' }));
    const group = screen.getAllByTestId('finding-group').find((g) => g.textContent?.startsWith('Hela arbetsboken'))!;
    expect(group).toBeDefined();
    await user.click(within(group).getAllByRole('button', { name: /Ramar!A1/ })[0]);
    expect(await screen.findByText('Cellen kunde inte markeras')).toBeVisible();
    expect(screen.getByText('Fliken ”Ramar” finns inte i arbetsboken.')).toBeVisible();
  });

  it('selects the finding’s cell on a click and on Enter', async () => {
    const port = new SheetsPort(workbookWith(...DEFECTS));
    const { user } = renderCheck(port);
    await runCheck(user);
    await user.click(within(findingFor('RAM-OVER')).getByRole('button', { name: /Ramar!C2/ }));
    await waitFor(() => expect(port.selected).toEqual(['Ramar!C2']));

    within(findingFor('CELL-TEXT-NUMBER')).getByRole('button', { name: /Driftbudget!E3/ }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(port.selected).toEqual(['Ramar!C2', 'Driftbudget!E3']));
  });

  it('applies a quick fix only on its click, with the exact edit, lists the changed cell and offers to check again', async () => {
    const port = new SheetsPort(workbookWith(...DEFECTS));
    const { user } = renderCheck(port);
    await runCheck(user);
    expect(within(findingFor('RAM-OVER')).queryByRole('button', { name: /^Åtgärda/ })).not.toBeInTheDocument();
    const fix = within(findingFor('CELL-TEXT-NUMBER')).getByRole('button', { name: 'Åtgärda: Konvertera till talet 130' });
    expect(port.cellWrites).toEqual([]);
    await user.click(fix);

    await waitFor(() => expect(port.cellWrites).toEqual([[{ sheet: 'Driftbudget', cell: 'E3', value: 130 }]]));
    const result = screen.getByTestId('fix-result');
    await waitFor(() => expect(result).toHaveTextContent('Ändrade 1 cell'));
    expect(within(result).getByTestId('changed-cells')).toHaveTextContent('Driftbudget!E3: ”130” → 130');
    expect(result).toHaveFocus();
    expect(within(findingFor('CELL-TEXT-NUMBER')).getByText('Åtgärdad')).toBeVisible();
    expect(port.sheet('Driftbudget').rows[2][4]).toBe(130);
    // The report would describe the workbook before the fix: check again first.
    expect(screen.getByRole('button', { name: 'Skriv kontrollrapport' })).toBeDisabled();

    await user.click(within(result).getByRole('button', { name: 'Kontrollera igen' }));
    await waitFor(() => expect(port.reads).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('1 fel'));
    expect(findingItems().map((el) => el.getAttribute('data-rule'))).not.toContain('CELL-TEXT-NUMBER');
    expect(screen.getByTestId('fix-result')).toBeEmptyDOMElement();
    expect(screen.getByRole('button', { name: 'Skriv kontrollrapport' })).toBeEnabled();
  });

  it('"fix all of this kind" lists every cell and new value first and writes only after confirming', async () => {
    const sheets = workbookWith('CELL-TEXT-NUMBER');
    sheets.find((s) => s.name === 'Driftbudget')!.rows[4][5] = '1 234,5'; // F5
    sheets.find((s) => s.name === 'Driftbudget')!.rows[5][6] = '−56'; // G6
    const port = new SheetsPort(sheets);
    const { user } = renderCheck(port);
    await runCheck(user);

    const block = screen.getByTestId('fix-all');
    expect(block).toHaveTextContent('Tal lagrat som text: 3 celler kan rättas med ett klick.');
    const fixAll = within(block).getByRole('button', { name: 'Åtgärda alla av den här sorten: Tal lagrat som text (3 celler)' });

    // Cancel: nothing written.
    await user.click(fixAll);
    let dialog = await screen.findByRole('dialog', { name: 'Åtgärda 3 celler – Tal lagrat som text' });
    expect(within(dialog).getByRole('list', { name: 'Celler och nya värden' })).toBeVisible();
    expect(within(dialog).getAllByRole('listitem').map(text)).toEqual([
      'Driftbudget!E3 → 130',
      'Driftbudget!F5 → 1 234,5',
      'Driftbudget!G6 → −56',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(port.cellWrites).toEqual([]);

    // Confirm: one batch with exactly the listed edits.
    await user.click(fixAll);
    dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Åtgärda 3 celler' }));
    await waitFor(() =>
      expect(port.cellWrites).toEqual([
        [
          { sheet: 'Driftbudget', cell: 'E3', value: 130 },
          { sheet: 'Driftbudget', cell: 'F5', value: 1234.5 },
          { sheet: 'Driftbudget', cell: 'G6', value: -56 },
        ],
      ]),
    );
    const result = screen.getByTestId('fix-result');
    await waitFor(() => expect(result).toHaveTextContent('Ändrade 3 celler'));
    // The modal dialog has closed: the page is no longer hidden from assistive technology.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(result).getAllByRole('listitem').map(text)).toEqual([
      'Driftbudget!E3: ”130” → 130',
      'Driftbudget!F5: ”1 234,5” → 1 234,5',
      'Driftbudget!G6: ”−56” → −56',
    ]);
    expect(screen.queryByTestId('fix-all')).not.toBeInTheDocument();
  });

  it('lists a cell the port left alone as skipped, with its reason', async () => {
    const sheets = workbookWith('CELL-TEXT-NUMBER');
    const port = new SheetsPort(sheets);
    const { user } = renderCheck(port);
    await runCheck(user);
    // Between the check and the click someone typed a formula into the cell.
    sheets.find((s) => s.name === 'Driftbudget')!.rows[2][4] = '=E2';
    await user.click(screen.getByRole('button', { name: 'Åtgärda: Konvertera till talet 130' }));
    const result = screen.getByTestId('fix-result');
    await waitFor(() => expect(result).toHaveTextContent('Lämnades orörda (1):'));
    expect(result).toHaveTextContent('Driftbudget!E3: Cellen innehåller en formel och ändras inte.');
    expect(within(findingFor('CELL-TEXT-NUMBER')).getByText('Lämnades orörd')).toBeVisible();
  });

  it('writes the Kontrollrapport as a new tab, and replaces only the owned one on the next run', async () => {
    const port = new SheetsPort(workbookWith(...DEFECTS));
    const { user } = renderCheck(port);
    await runCheck(user);
    await user.click(screen.getByRole('button', { name: 'Skriv kontrollrapport' }));
    await waitFor(() => expect(screen.getByTestId('report-result')).toHaveTextContent('Kontrollrapporten skrevs till fliken Kontrollrapport.'));
    expect(port.sheetWrites).toHaveLength(1);
    expect(port.sheetWrites[0].options).toEqual({});
    const spec = port.sheetWrites[0].spec;
    expect(spec.name).toBe('Kontrollrapport');
    const texts = spec.rows.flat().map((c) => c?.value);
    expect(texts).toContain('RAM-OVER');
    expect(texts).toContain('CELL-TEXT-NUMBER');

    await user.click(screen.getByRole('button', { name: 'Skriv kontrollrapport' }));
    await waitFor(() => expect(port.sheetWrites).toHaveLength(2));
    expect(port.sheetWrites[1].options).toEqual({ replace: 'Kontrollrapport' });
    await waitFor(() => expect(screen.getByTestId('report-result')).toHaveTextContent('Kontrollrapporten i fliken Kontrollrapport ersattes med den nya.'));
    expect(port.sheets.filter((s) => s.name.startsWith('Kontrollrapport'))).toHaveLength(1);
  });

  it('finds an owned report under another name and never replaces a user’s own tab called Kontrollrapport', async () => {
    const sheets = workbookWith('RAM-OVER');
    sheets.push({ name: 'Kontrollrapport', rows: [['Mina egna anteckningar']] });
    sheets.push({ name: 'Kontrollrapport (2)', rows: [[encodeMarker({ type: 'kontrollrapport', version: 1 })]] });
    const port = new SheetsPort(sheets);
    const { user } = renderCheck(port);
    await runCheck(user);
    await user.click(screen.getByRole('button', { name: 'Skriv kontrollrapport' }));
    await waitFor(() => expect(port.sheetWrites).toHaveLength(1));
    expect(port.sheetWrites[0].options).toEqual({ replace: 'Kontrollrapport (2)' });
    expect(port.sheet('Kontrollrapport').rows).toEqual([['Mina egna anteckningar']]);
  });

  it('shows progress while reading, and Avbryt stops the check', async () => {
    const port = new SheetsPort(workbookWith(...DEFECTS));
    port.holdRead = true;
    const { user } = renderCheck(port);
    await user.click(screen.getByRole('button', { name: 'Kontrollera' }));
    // Reading is the first half of the job; the core's run in its worker the second.
    const bar = await screen.findByRole('progressbar', { name: 'Läser arbetsboken … 25 %' });
    expect(bar).toHaveAttribute('aria-valuenow', '0.25');
    expect(screen.getByRole('button', { name: 'Kontrollera' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(port.reads[0].signal?.aborted).toBe(true);
    expect(await screen.findByText('Kontrollen avbröts. Inget har ändrats.')).toBeVisible();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    // A late answer from the port brings nothing back.
    act(() => port.releaseRead());
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('check-summary')).not.toBeInTheDocument();
    expect(findingItems()).toHaveLength(0);

    // The next check runs normally.
    await runCheck(user);
    expect(screen.getByTestId('count-error')).toHaveTextContent('2 fel');
  });

  it('shows the port’s Swedish message when the workbook cannot be read, and never a raw error', async () => {
    const port = new SheetsPort(workbookWith(...DEFECTS));
    port.failRead = new WorkbookError('cell-edit-mode', 'Excel är i redigeringsläge. Avsluta redigeringen av cellen och försök igen.', 'Excel is in cell-edit mode.');
    const { user } = renderCheck(port);
    await user.click(screen.getByRole('button', { name: 'Kontrollera' }));
    const error = await screen.findByTestId('check-error');
    expect(error).toHaveTextContent('Kontrollen kunde inte göras');
    expect(error).toHaveTextContent('Excel är i redigeringsläge. Avsluta redigeringen av cellen och försök igen.');

    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    port.failRead = new TypeError('Cannot read properties of undefined (reading "values")');
    await user.click(screen.getByRole('button', { name: 'Kontrollera' }));
    await waitFor(() => expect(screen.getByTestId('check-error')).toHaveTextContent('Ett oväntat fel inträffade. Försök igen.'));
    expect(screen.getByTestId('check-error')).not.toHaveTextContent(/TypeError|undefined/);
    spy.mockRestore();
  });

  it('says so when the workbook is clean', async () => {
    const port = new SheetsPort(cleanWorkbook());
    const { user } = renderCheck(port);
    await runCheck(user);
    expect(screen.getByTestId('count-error')).toHaveTextContent('0 fel');
    expect(screen.getByTestId('check-summary')).toHaveTextContent('Inga iakttagelser: arbetsboken klarar alla kontroller.');
    expect(screen.getByRole('img', { name: 'Budget mot ram per nämnd och år' })).toHaveAccessibleDescription(/Alla nämnder håller ramen alla tre år\./);
    expect(findingItems()).toHaveLength(0);
  });

  it('shows message_en, English fix texts and English labels when the UI is in English', async () => {
    const port = new SheetsPort(workbookWith(...DEFECTS));
    const { user } = renderCheck(port, 'en');
    await runCheck(user, 'Check');
    expect(screen.getByTestId('count-error')).toHaveTextContent('2 errors');
    expect(screen.getByTestId('count-warning')).toHaveTextContent('2 warnings');
    const textNumber = findingFor('CELL-TEXT-NUMBER');
    expect(textNumber).toHaveTextContent('"130" in Budget 2027 is a number stored as text.');
    expect(textNumber).toHaveTextContent('Convert it to a number');
    expect(textNumber).not.toHaveTextContent('lagrat som text');
    expect(findingFor('RAM-OVER')).toHaveTextContent(`${BUN} 2028: the net budget 1 035 tkr exceeds the frame 1 030 tkr by 5 tkr.`);
    expect(within(textNumber).getByRole('button', { name: 'Fix: Convert to the number 130' })).toBeVisible();
    expect(screen.getByRole('img', { name: 'Budget against frame per nämnd and year' })).toHaveAccessibleDescription(
      /Over the frame: Barn- och ungdomsnämnden 2028 \(\+5 tkr\)\./,
    );
    expect(screen.getByRole('button', { name: 'Write control report' })).toBeVisible();
  });

  it('can be used with the keyboard alone', async () => {
    const port = new SheetsPort(workbookWith('CELL-TEXT-NUMBER'));
    const { user } = renderCheck(port);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Kontrollera' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await screen.findByTestId('check-summary');
    // Tab through to the quick fix and apply it with the space bar.
    const fix = screen.getByRole('button', { name: 'Åtgärda: Konvertera till talet 130' });
    for (let i = 0; i < 30 && document.activeElement !== fix; i++) await user.tab();
    expect(fix).toHaveFocus();
    await user.keyboard(' ');
    await waitFor(() => expect(port.cellWrites).toEqual([[{ sheet: 'Driftbudget', cell: 'E3', value: 130 }]]));
    // Every button and radio has a name.
    for (const el of [...screen.getAllByRole('button'), ...screen.getAllByRole('radio'), ...screen.getAllByRole('checkbox')]) expect(el).toHaveAccessibleName();
  });
});
