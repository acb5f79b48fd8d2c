/** @jest-environment jsdom */
/**
 * Lämna in in the task pane over the sample workbook (the real xlsx adapter in memory): the status
 * on open (not submitted, intact, changed with cell links, tampered), the submission (name,
 * a comment on every warning, blocked by errors), the tab read back through the port as the CLI's
 * verify reads it, and Jämför med en annan version.
 */
import { TextDecoder, TextEncoder } from 'node:util';
Object.assign(globalThis, { TextEncoder, TextDecoder });

import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compareWorkbooks } from '../../../src/jobs/compare';
import { readSubmissionState, submitWorkbook, verifyState } from '../../../src/jobs/submission';
import { AppProviders } from '../../../src/taskpane/app-providers';
import { TaskPane } from '../../../src/taskpane/components/TaskPane';
import SubmissionSection from '../../../src/taskpane/components/submission/SubmissionSection';
import { PANE_VERSION } from '../../../src/taskpane/components/submission/submission-core';
import type { TaskPaneServices } from '../../../src/taskpane/services';
import { createMemorySettingsStore } from '../../../src/taskpane/settings-store';
import { WorkbookError, type WorkbookReader } from '../../../src/core/workbook/port';
import { SamplePort } from '../followup/sample-port';
import '../jsdom-layout';

const TODAY = new Date(Date.UTC(2027, 8, 12, 12, 3));

function renderSubmission(port: SamplePort, options: { settings?: ReturnType<typeof createMemorySettingsStore>; language?: 'sv' | 'en' } = {}) {
  const settings = options.settings ?? createMemorySettingsStore({ language: options.language ?? 'sv' });
  const services: TaskPaneServices = {
    port,
    templates: { blankTemplate: async () => [], sampleWorkbook: async () => [] },
    today: () => TODAY,
  };
  const user = userEvent.setup();
  render(
    <AppProviders settings={settings} themeKind="light">
      <TaskPane services={services} initialSection="submission" />
    </AppProviders>,
  );
  return { user, settings };
}

/** The section alone (Jämför's tests hand it the reader of the "other" file). */
function renderSection(port: SamplePort, openVersion: (bytes: Uint8Array) => Promise<WorkbookReader>) {
  const user = userEvent.setup();
  render(
    <AppProviders settings={createMemorySettingsStore({ language: 'sv' })} themeKind="light">
      <SubmissionSection port={port} active now={() => TODAY} openVersion={openVersion} />
    </AppProviders>,
  );
  return { user };
}

/** Two VOL-JUMP warnings (Volymer H3 and I3), no error. */
async function withWarnings(): Promise<SamplePort> {
  const port = await SamplePort.create();
  await port.writeCells([{ sheet: 'Volymer', cell: 'H3', value: 3000 }]);
  return port;
}

async function submittedSample(): Promise<SamplePort> {
  const port = await SamplePort.create();
  const state = await readSubmissionState(port);
  const result = await submitWorkbook(port, state, { by: 'Anna Andersson', at: TODAY, comments: new Map(), budgetkoll: PANE_VERSION });
  expect('name' in result).toBe(true);
  return port;
}

describe('Lämna in: status on open', () => {
  it('says a workbook without an Inlämning tab is not submitted', async () => {
    renderSubmission(await SamplePort.create());
    expect(await screen.findByTestId('submission-not-submitted', {}, { timeout: 10000 })).toHaveTextContent('Inte inlämnad: arbetsboken har ingen flik Inlämning.');
  });

  it('says who submitted when, and that nothing changed since (intact)', async () => {
    renderSubmission(await submittedSample());
    const intact = await screen.findByTestId('submission-intact', {}, { timeout: 10000 });
    expect(intact).toHaveTextContent(/^Inlämnad 2027-09-12 \d\d:03 av Anna Andersson \(version 1\) — oförändrad sedan dess\.$/);
    expect(screen.getByText(/Inlämningen blir version 2/)).toBeInTheDocument();
  });

  it('lists the cells changed after the submission as links that select them (changed)', async () => {
    const port = await submittedSample();
    await port.writeCells([
      { sheet: 'Driftbudget', cell: 'E3', value: 9999 },
      { sheet: 'Volymer', cell: 'E4', value: 4300 },
    ]);
    const { user } = renderSubmission(port);
    const changed = await screen.findByTestId('submission-changed', {}, { timeout: 10000 });
    expect(changed).toHaveTextContent('Ändrad efter inlämning: 2 celler');
    const links = within(changed).getAllByRole('button', { name: /^Gå till / });
    expect(links.map((l) => l.textContent)).toEqual(['Driftbudget!E3', 'Volymer!E4']);
    expect(within(changed).getAllByRole('listitem')[0]).toHaveTextContent('Driftbudget!E3 ändrad');
    await user.click(links[0]);
    expect(port.selected).toEqual(['Driftbudget!E3']);
  });

  it('warns that the receipt cannot be trusted when the tab was edited by hand (tampered)', async () => {
    const port = await submittedSample();
    const sheet = port.inner.workbook.getWorksheet('Inlämning')!;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'Fingeravtryck (SHA-256)') row.getCell(2).value = '0'.repeat(64);
    });
    renderSubmission(port);
    const tampered = await screen.findByTestId('submission-tampered', {}, { timeout: 10000 });
    expect(tampered).toHaveTextContent('Kvittot går inte att lita på');
    expect(tampered).toHaveTextContent('Fingeravtrycket på fliken är inte det som Budgetkoll skrev');
  });
});

describe('Lämna in: submitting', () => {
  it('needs a comment on every warning before the button is enabled, then writes the tab and the status is intact', async () => {
    const port = await withWarnings();
    const settings = createMemorySettingsStore({ language: 'sv', submitter: 'Anna Andersson' });
    const { user } = renderSubmission(port, { settings });
    const form = await screen.findByTestId('submission-form', {}, { timeout: 10000 });
    // The name typed last time is remembered.
    await waitFor(() => expect(within(form).getByRole('textbox', { name: /Ditt namn/ })).toHaveValue('Anna Andersson'));
    const warnings = within(form).getAllByRole('textbox', { name: /Kommentar/ });
    expect(warnings).toHaveLength(2);
    const submit = within(form).getByRole('button', { name: 'Lämna in' });
    expect(submit).toBeDisabled();
    expect(within(form).getByTestId('submission-remaining')).toHaveTextContent('2 av 2 varningar saknar kommentar.');

    await user.type(warnings[0], 'Ny förskola öppnar 2028');
    expect(submit).toBeDisabled();
    expect(within(form).getByTestId('submission-remaining')).toHaveTextContent('1 av 2 varningar saknar kommentar.');
    // Nothing is written while a comment is missing (the refusal the CLI gives).
    expect(port.writes).toHaveLength(0);

    await user.type(warnings[1], 'Samma förskola, helår');
    expect(submit).toBeEnabled();
    await user.click(submit);

    const done = await screen.findByTestId('submission-done', {}, { timeout: 10000 });
    expect(done).toHaveTextContent(/Inlämnad 2027-09-12 \d\d:03 av Anna Andersson \(version 1\)\. Fliken Inlämning är skriven och skrivskyddad\./);
    await waitFor(() => expect(done).toHaveFocus());
    expect(await screen.findByTestId('submission-intact')).toHaveTextContent('oförändrad sedan dess');
    expect(port.writes.map((w) => w.written)).toEqual(['Inlämning']);

    // Read back through the port, as `budgetkoll verify` does: intact, with the comments.
    const verification = verifyState(await readSubmissionState(port));
    expect(verification.status).toBe('intact');
    expect(verification.receipt).toMatchObject({ by: 'Anna Andersson', number: 1, budgetkoll: PANE_VERSION, summary: { error: 0, warning: 2 } });
    expect(verification.receipt!.warnings.map((w) => [w.cell, w.comment])).toEqual([
      ['H3', 'Ny förskola öppnar 2028'],
      ['I3', 'Samma förskola, helår'],
    ]);

    await user.click(within(done).getByRole('button', { name: 'Visa fliken' }));
    expect(port.selected).toEqual(['Inlämning!A2']);
  });

  it('asks for a name, remembers it, and submits a clean workbook again as version 2', async () => {
    const port = await submittedSample();
    const settings = createMemorySettingsStore({ language: 'sv' });
    const { user } = renderSubmission(port, { settings });
    const form = await screen.findByTestId('submission-form', {}, { timeout: 10000 });
    expect(within(form).getByText('Kontrollen hittar inga fel eller varningar.')).toBeInTheDocument();
    const submit = within(form).getByRole('button', { name: 'Lämna in igen (version 2)' });
    expect(submit).toBeDisabled();
    expect(within(form).getByTestId('submission-name-needed')).toHaveTextContent('Skriv ditt namn för att lämna in.');
    await user.type(within(form).getByRole('textbox', { name: /Ditt namn/ }), 'Bo Berg');
    await user.click(submit);
    expect(await screen.findByTestId('submission-done', {}, { timeout: 10000 })).toHaveTextContent('av Bo Berg (version 2)');
    expect(settings.saved.submitter).toBe('Bo Berg');
    expect(port.writes.at(-1)!.options?.replace).toBe('Inlämning');
    expect(verifyState(await readSubmissionState(port))).toMatchObject({ status: 'intact', receipt: { number: 2, by: 'Bo Berg' } });
  });

  it('blocks the submission while the check finds errors, with a way to Kontrollera budget', async () => {
    const port = await SamplePort.create();
    await port.writeCells([{ sheet: 'Ramar', cell: 'B3', value: 1 }]);
    const { user } = renderSubmission(port);
    const errors = await screen.findByTestId('submission-errors', {}, { timeout: 10000 });
    expect(errors).toHaveTextContent('Kontrollen hittar 1 fel. Rätta dem innan du lämnar in.');
    expect(screen.queryByRole('button', { name: 'Lämna in' })).not.toBeInTheDocument();
    await user.click(within(errors).getByRole('button', { name: 'Öppna Kontrollera budget' }));
    expect(screen.getByRole('tab', { name: 'Kontrollera budget' })).toHaveAttribute('aria-selected', 'true');
    expect(port.writes).toHaveLength(0);
  });

  it('shows the texts in English when the pane is in English', async () => {
    renderSubmission(await submittedSample(), { language: 'en' });
    expect(await screen.findByTestId('submission-intact', {}, { timeout: 10000 })).toHaveTextContent(/^Submitted 2027-09-12 \d\d:03 by Anna Andersson \(version 1\) — unchanged since\.$/);
  });
});

describe('Jämför med en annan version', () => {
  it('compares a picked file with the open workbook: net change per nämnd, the chart and the changed row with its cell', async () => {
    const current = await SamplePort.create();
    await current.writeCells([{ sheet: 'Driftbudget', cell: 'E3', value: 6516 }]);
    const other = await SamplePort.create();
    const opened: number[] = [];
    const { user } = renderSection(current, async (bytes) => {
      opened.push(bytes.length);
      return other;
    });
    await screen.findByTestId('submission-not-submitted', {}, { timeout: 10000 });
    const section = screen.getByTestId('compare-section');
    await user.upload(within(section).getByTestId('compare-file'), new File([new Uint8Array([80, 75, 3, 4])], 'budget-v1.xlsx'));
    const diff = await within(section).findByTestId('compare-diff', {}, { timeout: 10000 });
    expect(opened).toEqual([4]);
    expect(diff).toHaveTextContent('Jämfört med budget-v1.xlsx');
    await waitFor(() => expect(within(diff).getByRole('heading', { name: 'Jämfört med budget-v1.xlsx' })).toHaveFocus());
    const boards = within(diff).getByTestId('compare-boards');
    expect(within(boards).getByText('Kommunstyrelsen')).toBeInTheDocument();
    expect(boards).toHaveTextContent('2027186 400187 400+1 000');
    expect(within(diff).getByTestId('diff-chart')).toBeInTheDocument();
    expect(within(diff).getByRole('img', { name: 'Förändring av nettobudget per nämnd' })).toBeInTheDocument();
    const rows = within(diff).getAllByTestId('compare-row');
    // The same answer as `budgetkoll diff OTHER CURRENT` (the job the CLI calls).
    const cli = await compareWorkbooks(other, current);
    expect(rows).toHaveLength(cli.rows.length);
    expect(cli.rows.map((r) => [r.kind, r.sheet, r.cell])).toEqual([['changed', 'Driftbudget', 'E3']]);
    expect(rows[0]).toHaveTextContent('Ändrat belopp Kommunstyrelsen, Nämnd- och styrelseverksamhet, 5010 Löner');
    expect(rows[0]).toHaveTextContent('2027: 5 516 → 6 516 tkr');
    await user.click(within(rows[0]).getByRole('button', { name: 'Gå till Driftbudget!E3' }));
    expect(current.selected).toEqual(['Driftbudget!E3']);
  });

  it('forgets the outcome and the comparison, and reads the status again, when another workbook is opened', async () => {
    const first = await SamplePort.create();
    const other = await SamplePort.create();
    const user = userEvent.setup();
    const ui = (port: SamplePort) => (
      <AppProviders settings={createMemorySettingsStore({ language: 'sv', submitter: 'Anna Andersson' })} themeKind="light">
        <SubmissionSection port={port} active now={() => TODAY} openVersion={async () => other} />
      </AppProviders>
    );
    const { rerender } = render(ui(first));
    const form = await screen.findByTestId('submission-form', {}, { timeout: 10000 });
    await waitFor(() => expect(within(form).getByRole('button', { name: 'Lämna in' })).toBeEnabled());
    await user.click(within(form).getByRole('button', { name: 'Lämna in' }));
    await screen.findByTestId('submission-done', {}, { timeout: 10000 });
    await user.upload(screen.getByTestId('compare-file'), new File(['x'], 'v1.xlsx'));
    await screen.findByTestId('compare-none', {}, { timeout: 10000 });

    rerender(ui(await submittedSample()));
    await waitFor(() => expect(screen.queryByTestId('submission-done')).not.toBeInTheDocument());
    expect(screen.queryByTestId('compare-none')).not.toBeInTheDocument();
    expect(await screen.findByTestId('submission-intact', {}, { timeout: 10000 })).toHaveTextContent('Anna Andersson (version 1)');
  });

  it('says so when the picked file cannot be read, naming it', async () => {
    const { user } = renderSection(await SamplePort.create(), async () => {
      throw new WorkbookError('unreadable', 'Filen är ingen Excel-arbetsbok.', 'The file is not an Excel workbook.');
    });
    await screen.findByTestId('submission-not-submitted', {}, { timeout: 10000 });
    await user.upload(screen.getByTestId('compare-file'), new File(['x'], 'anteckningar.xlsx'));
    const error = await screen.findByTestId('compare-error');
    expect(error).toHaveTextContent('Filen anteckningar.xlsx kunde inte läsas');
    expect(error).toHaveTextContent('Filen är ingen Excel-arbetsbok.');
  });
});
