/** @jest-environment jsdom */
/**
 * Hem says what to do first in this period of the årshjul, and its primary button opens the
 * section that does it (with the report preselected in Uppföljning) and moves the focus there.
 */
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppProviders } from '../../../src/taskpane/app-providers';
import { TaskPane } from '../../../src/taskpane/components/TaskPane';
import type { TaskPaneServices } from '../../../src/taskpane/services';
import { createMemorySettingsStore } from '../../../src/taskpane/settings-store';
import { FakePort } from '../fake-port';
import '../jsdom-layout';

function renderPane(today: Date) {
  const services: TaskPaneServices = {
    port: new FakePort(['Blad1']),
    templates: { blankTemplate: async () => [], sampleWorkbook: async () => [] },
    today: () => today,
  };
  const user = userEvent.setup();
  render(
    <AppProviders settings={createMemorySettingsStore()} themeKind="light">
      <TaskPane services={services} />
    </AppProviders>,
  );
  return user;
}

describe('Hem: the next step', () => {
  it('in August: "Augusti: skapa delårsflikar" and a primary button to Uppföljning', async () => {
    const user = renderPane(new Date(2027, 7, 3));
    const step = screen.getByTestId('home-step');
    expect(within(step).getByRole('heading', { level: 3 })).toHaveTextContent('Augusti: skapa delårsflikar');
    const button = within(step).getByRole('button', { name: 'Öppna Uppföljning' });
    await user.click(button);
    expect(screen.getByRole('tab', { name: 'Uppföljning' })).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel', { name: 'Uppföljning' });
    expect(panel).toHaveFocus();
    expect(within(panel).getByRole('radio', { name: 'Delårsbokslut (per 31 augusti)' })).toBeChecked();
  });

  it('in September the delårsbokslut is still the step, though the årshjul’s next report is December', async () => {
    const user = renderPane(new Date(2027, 8, 20));
    expect(screen.getByTestId('home-step')).toHaveTextContent('September: fyll i och kontrollera delårsflikarna');
    // Before: Uppföljning (hidden) preselects the next report in the årshjul.
    expect(screen.getByRole('radio', { name: 'Årsbokslut (per 31 december)', hidden: true })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Öppna Uppföljning' }));
    expect(within(screen.getByRole('tabpanel', { name: 'Uppföljning' })).getByRole('radio', { name: 'Delårsbokslut (per 31 augusti)' })).toBeChecked();
  });

  it('during budget preparation the button opens Resursfördelning', async () => {
    const user = renderPane(new Date(2027, 2, 1));
    expect(screen.getByTestId('home-step')).toHaveTextContent('Mars: räkna resursfördelningen för 2028');
    await user.click(screen.getByRole('button', { name: 'Öppna Resursfördelning' }));
    expect(screen.getByRole('tab', { name: 'Resursfördelning' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Resursfördelning' })).toHaveFocus();
  });

  it('keeps the årshjul and the countdown under the step', () => {
    renderPane(new Date(2027, 6, 17));
    expect(screen.getByTestId('home-step')).toHaveTextContent('Juli: kontrollera driftbudgeten 2028 mot KF:s ramar');
    expect(screen.getByRole('button', { name: 'Öppna Kontrollera budget' })).toBeInTheDocument();
    expect(screen.getByTestId('annual-wheel')).toBeInTheDocument();
    expect(screen.getByTestId('next-deadline')).toHaveTextContent('Nästa: Delårsbokslut per 31 augusti 2027');
  });
});
