/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { emptySheetSpec } from '../../src/core/workbook/sheet-spec';
import { WorkbookError } from '../../src/core/workbook/port';
import { AppProviders } from '../../src/taskpane/app-providers';
import { TaskPane, type SectionId } from '../../src/taskpane/components/TaskPane';
import type { TaskPaneServices, TemplateServices } from '../../src/taskpane/services';
import { createMemorySettingsStore } from '../../src/taskpane/settings-store';
import { FakePort } from './fake-port';
import './jsdom-layout';

const BLANK = ['Instruktioner', 'Parametrar', 'Ramar', 'Driftbudget', 'Volymer'];
const SAMPLE = ['Parametrar', 'Ramar', 'Driftbudget', 'Utfall'];

function fakeTemplates(): TemplateServices & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    async blankTemplate(options) {
      calls.push({ blank: options });
      return BLANK.map(emptySheetSpec);
    },
    async sampleWorkbook(options) {
      calls.push({ sample: options });
      return SAMPLE.map(emptySheetSpec);
    },
  };
}

function renderPane(
  options: { port?: FakePort; today?: Date; section?: SectionId; settings?: ReturnType<typeof createMemorySettingsStore> } = {},
) {
  const port = options.port ?? new FakePort(['Blad1']);
  const templates = fakeTemplates();
  const settings = options.settings ?? createMemorySettingsStore();
  const services: TaskPaneServices = { port, templates, today: () => options.today ?? new Date(2027, 6, 17) };
  const user = userEvent.setup();
  render(
    <AppProviders settings={settings} themeKind="light">
      <TaskPane services={services} initialSection={options.section} />
    </AppProviders>,
  );
  return { port, templates, settings, user };
}

describe('navigation', () => {
  it('offers the seven sections as tabs, Hem first and selected', () => {
    renderPane();
    const tabs = within(screen.getByRole('tablist')).getAllByRole('tab');
    const names = ['Hem', 'Kontrollera budget', 'Resursfördelning', 'Uppföljning', 'Lämna in', 'Mallar', 'Koppla indata'];
    expect(tabs).toHaveLength(names.length);
    tabs.forEach((tab, i) => expect(tab).toHaveAccessibleName(names[i]));
    expect(screen.getByRole('tab', { name: 'Hem' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Hem' })).toBeVisible();
  });

  it('moves between sections with the keyboard alone', async () => {
    const { user } = renderPane();
    await user.tab(); // the language switch
    await user.tab(); // the selected tab
    expect(screen.getByRole('tab', { name: 'Hem' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Kontrollera budget' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('tab', { name: 'Kontrollera budget' })).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel', { name: 'Kontrollera budget' });
    expect(within(panel).getByRole('button', { name: 'Kontrollera' })).toBeVisible();
    expect(screen.queryByRole('tabpanel', { name: 'Hem' })).not.toBeInTheDocument();

    await user.keyboard('{End}');
    await user.keyboard('{ArrowLeft}');
    await user.keyboard(' ');
    expect(screen.getByRole('tab', { name: 'Mallar' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('button', { name: 'Skapa tomma mallflikar' })).toBeVisible();
  });

  it('Uppföljning is the follow-up section, no longer a placeholder', async () => {
    const { user } = renderPane();
    await user.click(screen.getByRole('tab', { name: 'Uppföljning' }));
    const panel = screen.getByRole('tabpanel', { name: 'Uppföljning' });
    expect(within(panel).queryByText('Kommer snart')).toBeNull();
    expect(within(panel).getByRole('button', { name: 'Läs in arbetsboken' })).toBeVisible();
  });
});

describe('Hem: the årshjul', () => {
  it('names the next deadline and how far away it is', () => {
    renderPane({ today: new Date(2027, 6, 17) });
    expect(screen.getByText('Nästa: Delårsbokslut per 31 augusti 2027 – om 45 dagar')).toBeVisible();
  });

  it('draws the wheel as a picture with a name and a description in words', () => {
    renderPane({ today: new Date(2027, 6, 17) });
    const wheel = screen.getByRole('img', { name: 'Årshjul 2027' });
    expect(wheel).toHaveAccessibleDescription(/I dag är det 17 juli 2027\./);
    expect(wheel).toHaveAccessibleDescription(/Fördjupad månadsuppföljning per 30 april 2027/);
    expect(wheel).toHaveAccessibleDescription(/KF beslutar budget 2028 30 juni 2027/);
    expect(wheel).toHaveAccessibleDescription(/Budgetberedning \(KS arbetsutskott\) 1 februari – 31 maj 2027/);
    expect(wheel.querySelector('[data-event="interimReport"]')).toHaveAttribute('data-state', 'next');
    expect(wheel.querySelector('[data-event="aprilReport"]')).toHaveAttribute('data-state', 'past');
    expect(within(wheel).getByTestId('today-hand')).toBeInTheDocument();
  });

  it('says "i dag" on the day and names budget preparation while it runs', () => {
    renderPane({ today: new Date(2027, 3, 30) });
    expect(screen.getByTestId('next-deadline')).toHaveTextContent('Nästa: Fördjupad månadsuppföljning per 30 april 2027 – i dag');
    expect(screen.getByText(/^Pågår: Budgetberedning \(KS arbetsutskott\)/)).toBeVisible();
  });
});

describe('language', () => {
  it('switches the labels to English and remembers the choice', async () => {
    const { user, settings } = renderPane();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Språk' }), 'English');
    expect(screen.getByRole('tab', { name: 'Home' })).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Check budget' })).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Templates' })).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Language' })).toBeVisible();
    expect(screen.getByText('Next: Interim report as of 31 August 2027 – in 45 days')).toBeVisible();
    expect(document.documentElement.lang).toBe('en-GB');
    await waitFor(() => expect(settings.saved.language).toBe('en'));
  });

  it('starts in the language saved earlier', async () => {
    renderPane({ settings: createMemorySettingsStore({ language: 'en' }) });
    expect(await screen.findByRole('tab', { name: 'Home' })).toBeVisible();
  });
});

describe('Mallar', () => {
  it('creates the blank template tabs through the port and lists them', async () => {
    const { user, port, templates } = renderPane({ section: 'templates' });
    await user.type(screen.getByRole('textbox', { name: 'Kommun (valfritt)' }), 'Alingsås');
    await user.click(screen.getByRole('button', { name: 'Skapa tomma mallflikar' }));
    const result = await screen.findByTestId('templates-result');
    expect(result).toHaveTextContent('Skapade 5 flikar: Instruktioner, Parametrar, Ramar, Driftbudget och Volymer.');
    expect(port.written.map((s) => s.name)).toEqual(BLANK);
    expect(templates.calls).toEqual([{ blank: { year: 2028, kommun: 'Alingsås' } }]);
  });

  it('creates only the tabs that do not exist and lists the skipped ones', async () => {
    const port = new FakePort(['Ramar', 'Detaljbudget']);
    const { user } = renderPane({ port, section: 'templates' });
    await user.click(screen.getByRole('button', { name: 'Skapa tomma mallflikar' }));
    const result = await screen.findByTestId('templates-result');
    expect(port.written.map((s) => s.name)).toEqual(['Instruktioner', 'Parametrar', 'Volymer']);
    expect(result).toHaveTextContent('Skapade 3 flikar: Instruktioner, Parametrar och Volymer.');
    expect(result).toHaveTextContent('Fanns redan och lämnades orörda: Ramar och Driftbudget (finns som Detaljbudget).');
  });

  it('says so when every tab is already there', async () => {
    const port = new FakePort([...SAMPLE]);
    const { user } = renderPane({ port, section: 'templates' });
    await user.click(screen.getByRole('button', { name: 'Lägg in exempeldata' }));
    const result = await screen.findByTestId('templates-result');
    expect(result).toHaveTextContent('Inga nya flikar');
    expect(port.written).toEqual([]);
  });

  it('writes the sample data for the chosen budget year', async () => {
    const { user, port, templates } = renderPane({ section: 'templates' });
    const year = screen.getByRole('spinbutton', { name: /Budgetår/ });
    await user.clear(year);
    await user.type(year, '2030');
    await user.click(screen.getByRole('button', { name: 'Lägg in exempeldata' }));
    await screen.findByTestId('templates-result');
    expect(templates.calls).toEqual([{ sample: { year: 2030 } }]);
    expect(port.written.map((s) => s.name)).toEqual(SAMPLE);
  });

  it('refuses an impossible year with a message', async () => {
    const { user } = renderPane({ section: 'templates' });
    const year = screen.getByRole('spinbutton', { name: /Budgetår/ });
    await user.clear(year);
    await user.type(year, '27');
    expect(screen.getByText('Ange ett årtal mellan 2000 och 2098.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Skapa tomma mallflikar' })).toBeDisabled();
  });

  it('shows progress while writing and can be cancelled between tabs', async () => {
    const port = new FakePort();
    port.stallOn = 'Ramar';
    const { user } = renderPane({ port, section: 'templates' });
    await user.click(screen.getByRole('button', { name: 'Skapa tomma mallflikar' }));
    expect(await screen.findByText('Skriver Ramar (3 av 5) …')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Skapa tomma mallflikar' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Avbryt' }));
    act(() => port.release());
    const result = await screen.findByTestId('templates-result');
    expect(result).toHaveTextContent('Avbrutet');
    expect(result).toHaveTextContent('Skapade 2 flikar: Instruktioner och Parametrar.');
    expect(port.written.map((s) => s.name)).toEqual(['Instruktioner', 'Parametrar']);
  });

  it("shows a workbook error's Swedish message and the tabs created before it", async () => {
    const port = new FakePort();
    port.failOn = { name: 'Driftbudget', error: new WorkbookError('protected', 'Arbetsboken är skyddad. Ta bort skyddet och försök igen.', 'The workbook is protected.') };
    const { user } = renderPane({ port, section: 'templates' });
    await user.click(screen.getByRole('button', { name: 'Skapa tomma mallflikar' }));
    const result = await screen.findByTestId('templates-result');
    expect(result).toHaveTextContent('Flikarna kunde inte skrivas');
    expect(result).toHaveTextContent('Arbetsboken är skyddad. Ta bort skyddet och försök igen.');
    expect(result).toHaveTextContent('Dessa flikar hann skapas: Instruktioner, Parametrar och Ramar.');
  });

  it('never shows the raw text of an unexpected error', async () => {
    const port = new FakePort();
    port.failOn = { name: 'Parametrar', error: new Error('GeneralException at Excel.run line 42') };
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { user } = renderPane({ port, section: 'templates' });
    await user.click(screen.getByRole('button', { name: 'Skapa tomma mallflikar' }));
    const result = await screen.findByTestId('templates-result');
    expect(result).toHaveTextContent('Ett oväntat fel inträffade. Försök igen.');
    expect(result).not.toHaveTextContent('GeneralException');
    spy.mockRestore();
  });
});
