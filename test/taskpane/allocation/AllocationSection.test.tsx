/** @jest-environment jsdom */
/**
 * The Resursfördelning section over the worked example of docs/resursfordelning.md, read through the real
 * xlsx adapter: what the model will use, the result per nämnd in tkr, the result tab written (and
 * replaced only when it is the owned tab of the same year), no Utgångsramar, progress and Avbryt,
 * errors in Swedish, and the English UI.
 */
import '@testing-library/jest-dom';
import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FORMAT_VERSION, withMarker } from '../../../src/core/workbook/marker';
import { emptySheetSpec } from '../../../src/core/workbook/sheet-spec';
import { WorkbookError } from '../../../src/core/workbook/port';
import { AppProviders } from '../../../src/taskpane/app-providers';
import { TaskPane } from '../../../src/taskpane/components/TaskPane';
import type { TaskPaneServices } from '../../../src/taskpane/services';
import { createMemorySettingsStore } from '../../../src/taskpane/settings-store';
import type { TestSheet } from '../../helpers/raw-workbook';
import '../jsdom-layout';
import { BUN, earlierResultTab, RecordingPort, VOO, workedExample, workedExampleWithFrames } from './ports';

const TODAY = new Date(2026, 8, 15);

// Reading through ExcelJS takes a moment on a busy machine: wait longer than the 1 s default.
configure({ asyncUtilTimeout: 8000 });

function renderSection(port: RecordingPort, language: 'sv' | 'en' = 'sv') {
  const services: TaskPaneServices = {
    port,
    templates: {
      blankTemplate: async () => [],
      sampleWorkbook: async () => [],
    },
    today: () => TODAY,
  };
  const user = userEvent.setup();
  render(
    <AppProviders settings={createMemorySettingsStore({ language })} themeKind="light">
      <TaskPane services={services} initialSection="allocation" />
    </AppProviders>,
  );
  return { user };
}

async function panel(name = 'Resursfördelning'): Promise<HTMLElement> {
  return screen.findByRole('tabpanel', { name });
}

/** The table of one nämnd (its caption is its accessible name). */
function boardTable(board: string, language: 'sv' | 'en' = 'sv'): HTMLElement {
  return screen.getByRole('table', { name: language === 'sv' ? `${board}, tkr` : `${board}, tkr` });
}

/** The cells of one row of a nämnd's table, by its row header. */
function rowValues(table: HTMLElement, label: string | RegExp): string[] {
  const header = within(table).getByRole('rowheader', { name: label });
  const row = header.closest('tr')!;
  return within(row)
    .getAllByRole('cell')
    .map((c) => (c.textContent ?? '').replace(/\s+/g, ' '));
}

/** The value shown for a parameter in the summary's description list. */
function parameter(summary: HTMLElement, term: string): string {
  const dt = within(summary).getByText(term, { selector: 'dt' });
  expect(dt.nextElementSibling?.tagName).toBe('DD');
  return (dt.nextElementSibling!.textContent ?? '').replace(/\s+/g, ' ');
}

/** A pattern for text with Swedish number spacing (the thin/no-break spaces Intl writes). */
function spaced(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));
}

/** The worked example with an incomplete Volymer row and a political Övriga förändringar row. */
function withLeftOutRows(): TestSheet[] {
  const sheets = workedExampleWithFrames();
  sheets[1].rows.push([VOO, 'Hemtjänst', 'Invånare 65–79 år', null, 3100, 3120, 3150, 3190, 3230]);
  sheets[3].rows.push([BUN, 'Fler lärare', 'Politisk satsning', 5000, 5000, 5000]);
  return sheets;
}

describe('Resursfördelning: before the model runs', () => {
  it('shows the parameters, the activities per nämnd and the rows left out with their reason', async () => {
    const port = await RecordingPort.of(withLeftOutRows());
    const { user } = renderSection(port);
    const section = await panel();
    expect(within(section).queryByText('Kommer snart')).not.toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Läs in arbetsboken' }));

    const summary = await within(section).findByRole('region', { name: 'Det här använder modellen' });
    expect(parameter(summary, 'Budgetår')).toBe('2027–2029 (basår 2026)');
    expect(parameter(summary, 'Prisnivå')).toBe('2027');
    expect(parameter(summary, 'Uppräkning')).toBe('2027: 2,8 %, 2028: 3 %, 2029: 2,5 %');
    expect(parameter(summary, 'Modell')).toBe('Delta – förändring mot utgångsramen');
    expect(parameter(summary, 'Korrigering')).toBe('Permanent');

    const activities = within(summary).getByTestId('allocation-activities');
    expect(within(summary).getByRole('heading', { name: 'Volymstyrda verksamheter (3)' })).toBeVisible();
    expect(activities).toHaveTextContent(`${BUN}: Grundskola (Elever 6–15 år) och Förskola (Barn 1–5 år)`);
    expect(activities).toHaveTextContent(`${VOO}: Äldreomsorg (Invånare 80–89 år)`);
    expect(activities).not.toHaveTextContent('Hemtjänst');
    expect(summary).toHaveTextContent('Övriga förändringar: 2 rader i steg 5.');

    expect(within(summary).getByRole('heading', { name: 'Lämnas utanför (2)' })).toBeVisible();
    const excluded = within(summary).getByTestId('allocation-excluded');
    expect(excluded).toHaveTextContent(`${VOO}, Hemtjänst: kostnad per enhet eller en volym saknas (VOL-MISSING).`);
    expect(excluded).toHaveTextContent(`${BUN}: ”Fler lärare” är en politisk prioritering och hör inte till steg 5 (OVR-POLITICAL).`);

    // Nothing is computed on screen before "Kör modellen", and no ALLOC finding is listed yet.
    expect(within(section).queryByRole('region', { name: 'Resultat per nämnd' })).not.toBeInTheDocument();
    const findings = within(section).getByTestId('allocation-findings');
    expect(findings.querySelector('[data-rule="VOL-MISSING"]')).not.toBeNull();
    expect(findings.querySelector('[data-rule="OVR-POLITICAL"]')).not.toBeNull();
    expect(findings.querySelector('[data-rule="ALLOC-RECONCILE"]')).toBeNull();
    expect(within(findings).queryByTestId('allocation-reconcile')).not.toBeInTheDocument();
    expect(port.writes).toEqual([]);
  });

  it('takes the user to a left-out row with a click', async () => {
    const port = await RecordingPort.of(withLeftOutRows());
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    const excluded = await screen.findByTestId('allocation-excluded');
    await user.click(within(excluded).getByRole('button', { name: 'Gå till Volymer!A5' }));
    await user.click(within(excluded).getByRole('button', { name: 'Gå till Övriga förändringar!C4' }));
    expect(port.selected).toEqual(['Volymer!A5', 'Övriga förändringar!C4']);
  });

  it('says which parameters are defaults', async () => {
    const sheets = workedExample();
    sheets[0].rows = sheets[0].rows.filter((r) => r[0] === 'Parameter' || r[0] === 'Budgetår' || r[0] === 'Uppräkning 2027');
    const port = await RecordingPort.of(sheets);
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    const summary = await screen.findByRole('region', { name: 'Det här använder modellen' });
    expect(parameter(summary, 'Prisnivå')).toBe('2027 (standard: budgetåret)');
    expect(parameter(summary, 'Uppräkning')).toBe('2027: 2,8 %, 2028: 0 % (saknas), 2029: 0 % (saknas)');
    expect(parameter(summary, 'Modell')).toBe('Delta – förändring mot utgångsramen (standard)');
    expect(parameter(summary, 'Korrigering')).toBe('Permanent (standard)');
  });
});

describe('Resursfördelning: the result', () => {
  it("shows the proposed frames and compensation of docs/resursfordelning.md, other changes, KF's frame and the difference in tkr", async () => {
    const port = await RecordingPort.of(workedExampleWithFrames());
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    await user.click(await screen.findByRole('button', { name: 'Kör modellen' }));
    expect(await screen.findByRole('region', { name: 'Resultat per nämnd' })).toBeVisible();

    const bun = boardTable(BUN);
    expect(within(bun).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['tkr', '2027', '2028', '2029']);
    expect(rowValues(bun, 'Förslag till ram')).toEqual(['1 048 565', '1 086 251', '1 111 775']);
    expect(rowValues(bun, 'Kompensation')).toEqual(['5', '3 034', '1 558']);
    expect(rowValues(bun, 'Övriga förändringar')).toEqual(['0', '3 200', '3 200']);
    expect(rowValues(bun, 'KF:s ram (Ramar)')).toEqual(['1 050 000', '1 090 000', '1 115 000']);
    // Ramar − förslag: 1 050 000 000 − 1 048 565 000 kr, and so on.
    expect(rowValues(bun, /^Skillnad/)).toEqual(['1 435', '3 749', '3 225']);

    const voo = boardTable(VOO);
    expect(rowValues(voo, 'Förslag till ram')).toEqual(['667 658', '698 956', '727 264']);
    expect(rowValues(voo, 'Kompensation')).toEqual(['8 238', '19 799', '31 165']);
    expect(rowValues(voo, /^Skillnad/)).toEqual(['−658', '144', '36']);

    // The reconciliation is listed once the model has run, folded away (the tables show it as
    // Skillnad), one per nämnd and year, each with a link to KF's frame.
    const findings = screen.getByTestId('allocation-findings');
    expect(findings.querySelector('[data-rule="ALLOC-RECONCILE"]')).toBeNull();
    await user.click(within(findings).getByRole('button', { name: 'Avstämning mot KF:s ramar (6)' }));
    await waitFor(() => expect(findings.querySelectorAll('[data-rule="ALLOC-RECONCILE"]')).toHaveLength(6));
    expect(findings).toHaveTextContent(`${BUN} 2027: modellens förslag 1 048 565 tkr, KF:s ram 1 050 000 tkr`);
    await user.click(within(findings).getAllByRole('button', { name: /^Gå till Ramar!/ })[0]);
    expect(port.selected[0]).toMatch(/^Ramar![B-D][23]$/);
  });

  it('draws the change per nämnd as a picture with a name and the numbers in words', async () => {
    const port = await RecordingPort.of(workedExampleWithFrames());
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    await user.click(await screen.findByRole('button', { name: 'Kör modellen' }));
    const chart = await screen.findByRole('img', { name: 'Förändring per nämnd och år: kompensation + övriga förändringar (tkr)' });
    // Compensation + other changes: BUN 5 000 + 0 kr in 2027, 3 034 380 + 3 200 000 kr in 2028, …
    expect(chart).toHaveAccessibleDescription(/Staplar åt höger är ökningar, åt vänster minskningar/);
    expect(chart).toHaveAccessibleDescription(spaced(`${BUN}: 2027 5, 2028 6 234, 2029 4 758`));
    expect(chart).toHaveAccessibleDescription(spaced(`${VOO}: 2027 9 738, 2028 21 299, 2029 32 665`));
    const bars = chart.querySelectorAll('rect[data-year]');
    expect(bars).toHaveLength(6);
    expect([...bars].map((b) => Number(b.getAttribute('data-value')))).toEqual([5000, 6_234_380, 4_757_759, 9_738_000, 21_298_660, 32_665_212]);
    // A visible title and a caption that say exactly what a bar is; the axis in tkr with a zero line.
    const figure = screen.getByTestId('allocation-chart');
    expect(within(figure).getByRole('heading', { level: 4 })).toHaveTextContent('Förändring per nämnd och år: kompensation + övriga förändringar (tkr)');
    expect(screen.getByTestId('allocation-chart-caption')).toHaveTextContent(
      'En stapel per år: kompensation + övriga förändringar (förslag till ram − utgångsram), i tkr. Höger om nollinjen ökning, vänster minskning.',
    );
    const axis = [...screen.getByTestId('allocation-chart-axis').querySelectorAll('text')].map((el) => (el.textContent ?? '').replace(/\s/g, ' '));
    expect(axis).toEqual(['0', '+32 665 tkr']);
    const zero = screen.getByTestId('allocation-chart-zero');
    expect(Number(zero.getAttribute('y2')) - Number(zero.getAttribute('y1'))).toBeGreaterThan(2 * 30);
    // The chart comes before the Skillnad definition, which introduces the tables under it.
    const intro = screen.getByTestId('allocation-tables-intro');
    expect(intro).toHaveTextContent('Skillnad = KF:s ram − förslag till ram');
    expect(figure.compareDocumentPosition(intro) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(intro.compareDocumentPosition(screen.getAllByTestId('allocation-board')[0]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // The same numbers as a table for everyone, behind a keyboard-usable disclosure.
    await user.click(screen.getByRole('button', { name: 'Diagrammets värden som text' }));
    const table = await screen.findByTestId('allocation-chart-table');
    expect(within(table).getByRole('rowheader', { name: VOO }).closest('tr')).toHaveTextContent('9 73821 29932 665');
  });

  it('works from the keyboard alone', async () => {
    const port = await RecordingPort.of(workedExampleWithFrames());
    const { user } = renderSection(port);
    const section = await panel();
    section.focus();
    await user.tab();
    expect(within(section).getByRole('button', { name: 'Läs in arbetsboken' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await within(section).findByRole('region', { name: 'Det här använder modellen' });
    // Focus stays on the same button, now "Läs in igen"; "Kör modellen" is just before it.
    expect(within(section).getByRole('button', { name: 'Läs in igen' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(section).getByRole('button', { name: 'Kör modellen' })).toHaveFocus();
    await user.keyboard(' ');
    expect(await within(section).findByRole('region', { name: 'Resultat per nämnd' })).toBeVisible();
    // The button gave way to the result: the focus moves to its heading, then on to the chart's
    // table disclosure and the write button.
    expect(within(section).getByRole('heading', { name: 'Resultat per nämnd' })).toHaveFocus();
    await user.tab();
    expect(within(section).getByRole('button', { name: 'Diagrammets värden som text' })).toHaveFocus();
    await user.tab();
    expect(within(section).getByRole('button', { name: 'Skriv resultatflik' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await within(section).findByText('Skrev fliken Resursfördelning 2027.')).toBeVisible();
  });
});

describe('Resursfördelning: mode Nivå and the retroactive correction', () => {
  it('shows the volume-based level as the proposal in mode Nivå (no base frame used)', async () => {
    const port = await RecordingPort.of(workedExampleWithFrames({ mode: 'Nivå' }));
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    const summary = await screen.findByRole('region', { name: 'Det här använder modellen' });
    expect(parameter(summary, 'Modell')).toBe('Nivå – volymdelen räknas om från grunden');
    await user.click(screen.getByRole('button', { name: 'Kör modellen' }));
    await screen.findByRole('region', { name: 'Resultat per nämnd' });
    // docs/resursfordelning.md (Nivå): Grundskola 447 300 000 + Förskola 264 390 000 kr in 2027, and so on.
    expect(rowValues(boardTable(BUN), 'Volymbaserad nivå')).toEqual(['711 690', '736 070', '752 919']);
    expect(rowValues(boardTable(BUN), 'Förslag till ram')).toEqual(['711 690', '739 270', '756 119']);
    expect(rowValues(boardTable(VOO), 'Förslag till ram')).toEqual(['304 933', '325 350', '344 317']);
    expect(screen.getByRole('img', { name: 'Volymbaserad nivå + övriga förändringar per nämnd och år (tkr)' })).toBeVisible();
  });

  it('names the retroactive correction and adds its one-off to the first year', async () => {
    const port = await RecordingPort.of(workedExampleWithFrames({ retroactive: true }));
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    const summary = await screen.findByRole('region', { name: 'Det här använder modellen' });
    expect(parameter(summary, 'Korrigering')).toBe('Permanent och retroaktiv');
    await user.click(screen.getByRole('button', { name: 'Kör modellen' }));
    await screen.findByRole('region', { name: 'Resultat per nämnd' });
    // Y1 gets c(2027) × K once more: Grundskola +30 × 105 000, Förskola −30 × 125 900 → −627 000 kr.
    expect(rowValues(boardTable(BUN), 'Kompensation')).toEqual(['−622', '3 034', '1 558']);
    // Äldreomsorg −11 × 137 300 = −1 510 300 kr.
    expect(rowValues(boardTable(VOO), 'Kompensation')).toEqual(['6 728', '19 799', '31 165']);
  });
});

describe('Resursfördelning: the result tab', () => {
  it('writes a new tab when the workbook has none for the year, and replaces only its own tab after that', async () => {
    const port = await RecordingPort.of(workedExampleWithFrames());
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    await user.click(await screen.findByRole('button', { name: 'Kör modellen' }));
    const group = await screen.findByRole('region', { name: 'Resultatflik' });
    expect(group).toHaveTextContent('Inga andra flikar ändras.');
    await user.click(within(group).getByRole('button', { name: 'Skriv resultatflik' }));
    expect(await within(group).findByText('Skrev fliken Resursfördelning 2027.')).toBeVisible();
    expect(port.writes.map((w) => [w.name, w.options?.replace])).toEqual([['Resursfördelning 2027', undefined]]);
    // The spec is the core's transparent tab: marker of type resursfordelning for 2027, live formulas.
    const spec = port.writes[0].spec;
    expect(String(spec.rows[0][0]?.value)).toMatch(/^BUDGETKOLL:\{"type":"resursfordelning","version":\d+,"year":2027/);
    expect(spec.rows.flat().some((c) => c?.formula?.includes("'Volymer'!") || c?.formula?.includes('Volymer!'))).toBe(true);
    expect((await port.index()).sheets.map((s) => s.name)).toContain('Resursfördelning 2027');

    // Running again replaces that tab (the tab is now known to be there).
    expect(group).toHaveTextContent('Fliken Resursfördelning 2027 finns redan och ersätts.');
    await user.click(within(group).getByRole('button', { name: 'Skriv resultatflik' }));
    expect(await within(group).findByText('Ersatte fliken Resursfördelning 2027 med den nya beräkningen.')).toBeVisible();
    expect(port.writes.map((w) => [w.name, w.options?.replace])).toEqual([
      ['Resursfördelning 2027', undefined],
      ['Resursfördelning 2027', 'Resursfördelning 2027'],
    ]);
    expect((await port.index()).sheets.filter((s) => s.name.startsWith('Resursfördelning')).map((s) => s.name)).toEqual(['Resursfördelning 2027']);

    // "Visa fliken" selects the tab's title cell.
    await user.click(within(group).getByRole('button', { name: 'Visa fliken Resursfördelning 2027' }));
    expect(port.selected).toEqual(['Resursfördelning 2027!A2']);
  });

  it('replaces the owned tab an earlier run left, found by its marker', async () => {
    const sheets = workedExampleWithFrames();
    const port = await RecordingPort.of(sheets, [await earlierResultTab(sheets)]);
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    await user.click(await screen.findByRole('button', { name: 'Kör modellen' }));
    const group = await screen.findByRole('region', { name: 'Resultatflik' });
    expect(group).toHaveTextContent('Fliken Resursfördelning 2027 finns redan och ersätts. Inga andra flikar ändras.');
    await user.click(within(group).getByRole('button', { name: 'Skriv resultatflik' }));
    await within(group).findByText('Ersatte fliken Resursfördelning 2027 med den nya beräkningen.');
    expect(port.writes.map((w) => w.options?.replace)).toEqual(['Resursfördelning 2027']);
  });

  it("never replaces a user's tab of the same name, nor the owned tab of another year", async () => {
    const mine = { ...emptySheetSpec('Resursfördelning 2027'), rows: [[{ value: 'Mina egna siffror' }]] };
    const otherYear = withMarker({ ...emptySheetSpec('Resursfördelning 2026'), rows: [[{ value: 'Förra årets' }]] }, {
      type: 'resursfordelning',
      version: FORMAT_VERSION,
      year: 2026,
    });
    const port = await RecordingPort.of(workedExampleWithFrames(), [mine, otherYear]);
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    await user.click(await screen.findByRole('button', { name: 'Kör modellen' }));
    const group = await screen.findByRole('region', { name: 'Resultatflik' });
    await user.click(within(group).getByRole('button', { name: 'Skriv resultatflik' }));
    const notice = await within(group).findByTestId('allocation-notice');
    expect(port.writes).toHaveLength(1);
    expect(port.writes[0].options?.replace).toBeUndefined();
    const names = (await port.index()).sheets.map((s) => s.name);
    const written = names.find((n) => n.startsWith('Resursfördelning 2027') && n !== 'Resursfördelning 2027')!;
    expect(written).toBeDefined();
    expect(notice).toHaveTextContent(`Skrev fliken ${written}.`);
    expect(names).toEqual(expect.arrayContaining(['Resursfördelning 2027', 'Resursfördelning 2026']));
  });

  it('reads the workbook again before writing, and says when the numbers changed', async () => {
    const sheets = workedExampleWithFrames();
    const port = await RecordingPort.of(sheets);
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    await user.click(await screen.findByRole('button', { name: 'Kör modellen' }));
    expect(rowValues(boardTable(BUN), 'Förslag till ram')[0]).toBe('1 048 565');
    // Someone changes Grundskola's 2027 forecast from 4 260 to 4 270 pupils in the meantime.
    await port.inner.writeCells([{ sheet: 'Volymer', cell: 'G2', value: 4270 }]);
    await user.click(screen.getByRole('button', { name: 'Skriv resultatflik' }));
    const group = screen.getByRole('region', { name: 'Resultatflik' });
    await within(group).findByText('Arbetsboken hade ändrats sedan modellen kördes: resultatet ovan är uppdaterat.');
    // 10 more pupils × 105 000 kr (the unit cost is in 2027 prices) = 1 050 000 kr more.
    expect(rowValues(boardTable(BUN), 'Förslag till ram')[0]).toBe('1 049 615');
    expect(port.reads).toHaveLength(2);
  });
});

describe('Resursfördelning: without Utgångsramar', () => {
  it('says plainly that only compensation is computed, and shows no proposed frame', async () => {
    const sheets = workedExampleWithFrames().filter((s) => s.name !== 'Utgångsramar');
    const port = await RecordingPort.of(sheets);
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    const sentence = 'Utgångsramar saknas: bara kompensation beräknas, inget förslag till ram.';
    expect(await screen.findByTestId('allocation-no-base-frames')).toHaveTextContent(sentence);
    await user.click(screen.getByRole('button', { name: 'Kör modellen' }));
    const result = await screen.findByRole('region', { name: 'Resultat per nämnd' });
    expect(result).toHaveTextContent(sentence);
    for (const board of [BUN, VOO]) {
      const table = boardTable(board);
      expect(rowValues(table, 'Förslag till ram')).toEqual(['–saknas', '–saknas', '–saknas']);
      expect(rowValues(table, /^Skillnad/)).toEqual(['–saknas', '–saknas', '–saknas']);
    }
    expect(rowValues(boardTable(BUN), 'Kompensation')).toEqual(['5', '3 034', '1 558']);
    expect(rowValues(boardTable(VOO), 'Kompensation')).toEqual(['8 238', '19 799', '31 165']);
  });
});

describe('Resursfördelning: progress, Avbryt and errors', () => {
  it('shows the read progress and cancels it with Avbryt', async () => {
    const port = await RecordingPort.of(workedExampleWithFrames());
    port.stallRead = true;
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    const status = screen.getByTestId('allocation-status');
    // The spinner and the bar: the bar carries the fraction (reading is the first half of the job).
    await waitFor(() => expect(within(status).getAllByRole('progressbar', { name: 'Läser arbetsboken … 20 %' })).toHaveLength(2));
    const bar = within(status).getAllByRole('progressbar').find((p) => p.hasAttribute('aria-valuenow'))!;
    expect(bar).toHaveAttribute('aria-valuenow', '0.2');
    expect(status).toHaveTextContent('Läser arbetsboken … 20 %');
    expect(screen.getByRole('button', { name: 'Läs in arbetsboken' })).toBeDisabled();
    await user.click(within(status).getByRole('button', { name: 'Avbryt' }));
    expect(await within(status).findByText('Inläsningen avbröts. Arbetsboken är oförändrad.')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Det här använder modellen' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Läs in arbetsboken' })).toBeEnabled();
  });

  it("shows the port's Swedish message for a workbook error, and never a raw error", async () => {
    const port = await RecordingPort.of(workedExampleWithFrames());
    port.failRead = new WorkbookError('cell-edit-mode', 'Excel redigerar en cell just nu. Avsluta redigeringen och försök igen.', 'Excel is editing a cell.');
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    const status = screen.getByTestId('allocation-status');
    expect(await within(status).findByText('Arbetsboken kunde inte läsas')).toBeVisible();
    expect(status).toHaveTextContent('Excel redigerar en cell just nu. Avsluta redigeringen och försök igen.');

    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    port.failRead = new TypeError("Cannot read properties of undefined (reading 'values')");
    await user.click(screen.getByRole('button', { name: 'Läs in arbetsboken' }));
    await within(status).findByText('Ett oväntat fel inträffade. Försök igen.');
    expect(status).not.toHaveTextContent('Cannot read properties');
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it("shows the port's message when the tab cannot be written, and keeps the result on screen", async () => {
    const port = await RecordingPort.of(workedExampleWithFrames());
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    await user.click(await screen.findByRole('button', { name: 'Kör modellen' }));
    jest.spyOn(port.inner, 'writeSheet').mockRejectedValueOnce(
      new WorkbookError('protected', 'Arbetsboken är skyddad. Ta bort skyddet och försök igen.', 'The workbook is protected.'),
    );
    const group = await screen.findByRole('region', { name: 'Resultatflik' });
    await user.click(within(group).getByRole('button', { name: 'Skriv resultatflik' }));
    expect(await within(group).findByText('Resultatfliken kunde inte skrivas')).toBeVisible();
    expect(group).toHaveTextContent('Arbetsboken är skyddad. Ta bort skyddet och försök igen.');
    expect(rowValues(boardTable(BUN), 'Förslag till ram')[0]).toBe('1 048 565');
    expect((await port.index()).sheets.map((s) => s.name)).not.toContain('Resursfördelning 2027');
  });

  it('says why the model cannot run when no budget year can be established', async () => {
    const sheets: TestSheet[] = [
      {
        name: 'Volymer',
        rows: [
          ['Nämnd', 'Verksamhet', 'Volymmått', 'Kostnad per enhet (kr)', 'Prognos förra året', 'Utfall förra året', 'Prognos i år', 'Prognos nästa år', 'Prognos året därpå'],
          [BUN, 'Grundskola', 'Elever', 105000, 4200, 4230, 4260, 4300, 4280],
        ],
      },
    ];
    const port = await RecordingPort.of(sheets);
    const { user } = renderSection(port);
    await user.click(await screen.findByRole('button', { name: 'Läs in arbetsboken' }));
    const message = await screen.findByTestId('allocation-no-years');
    expect(message).toHaveTextContent('Modellen kan inte köras');
    expect(message).toHaveTextContent('Ange Budgetår på fliken Parametrar');
    expect(screen.queryByRole('button', { name: 'Kör modellen' })).not.toBeInTheDocument();
    expect(screen.getByTestId('allocation-findings').querySelector('[data-rule^="STRUCT-"]')).not.toBeNull();
  });
});

describe('Resursfördelning in English', () => {
  it('labels everything in English and keeps the amounts', async () => {
    const port = await RecordingPort.of(workedExampleWithFrames());
    const { user } = renderSection(port, 'en');
    const section = await panel('Resource allocation');
    await user.click(within(section).getByRole('button', { name: 'Read the workbook' }));
    const summary = await within(section).findByRole('region', { name: 'What the model will use' });
    expect(parameter(summary, 'Budget years')).toBe('2027–2029 (base year 2026)');
    expect(parameter(summary, 'Model')).toBe('Delta – change from the base frame');
    expect(summary).toHaveTextContent('Volume-driven activities (3)');
    await user.click(within(section).getByRole('button', { name: 'Run the model' }));
    expect(await within(section).findByRole('region', { name: 'Result per board' })).toBeVisible();
    expect(rowValues(boardTable(BUN, 'en'), 'Proposed frame')).toEqual(['1 048 565', '1 086 251', '1 111 775']);
    expect(within(section).getByRole('img', { name: 'Change per board and year: compensation + other changes (tkr)' })).toBeVisible();
    await user.click(within(section).getByRole('button', { name: 'Write result tab' }));
    expect(await within(section).findByText('Wrote the tab Resursfördelning 2027.')).toBeVisible();
    const findings = within(section).getByTestId('allocation-findings');
    expect(findings).toHaveTextContent('Notes on the inputs (0)');
    await user.click(within(findings).getByRole('button', { name: 'Reconciliation with KF’s frames (6)' }));
    expect(findings).toHaveTextContent(`${BUN} 2027: the model proposes 1 048 565 tkr`);
  });
});

afterEach(async () => {
  // Let Fluent's pending effects settle before the next render.
  await act(async () => undefined);
});
