/**
 * The task pane opened on Uppföljning over a port, in Swedish, as a user sees it; returns the
 * section's panel and a user-event session (shared by the tests of blocked writes).
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WorkbookPort } from '../../../src/core/workbook/port';
import { AppProviders } from '../../../src/taskpane/app-providers';
import { TaskPane } from '../../../src/taskpane/components/TaskPane';
import type { TaskPaneServices } from '../../../src/taskpane/services';
import { createMemorySettingsStore } from '../../../src/taskpane/settings-store';

export function renderFollowUp(port: WorkbookPort): { panel: HTMLElement; user: ReturnType<typeof userEvent.setup> } {
  const services: TaskPaneServices = {
    port,
    templates: { blankTemplate: async () => [], sampleWorkbook: async () => [] },
    today: () => new Date(2027, 5, 10),
  };
  const user = userEvent.setup();
  render(
    <AppProviders settings={createMemorySettingsStore({ language: 'sv' })} themeKind="light">
      <TaskPane services={services} initialSection="followUp" />
    </AppProviders>,
  );
  return { panel: screen.getByRole('tabpanel', { name: 'Uppföljning' }), user };
}
