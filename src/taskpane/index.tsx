/**
 * Composition root for Excel: waits for Office, builds the Office adapter and the settings store,
 * and renders the task pane. The only place the task pane meets Office.js.
 */
import { createRoot } from 'react-dom/client';
import { OfficeWorkbookPort } from '../io/office/office-port';
import { AppProviders } from './app-providers';
import { TaskPane } from './components/TaskPane';
import { officeFollowUpImport } from '../io/office/excel-import';
import { translate } from './i18n';
import { defaultTemplateServices, type TaskPaneServices } from './services';
import { createLocalSettingsStore, createOfficeSettingsStore, type KeyValueStorage } from './settings-store';

function localStorageOrNull(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled by policy
  }
}

/** A startup problem in one plain line (no React: it may be React that failed). */
function showStartupMessage(text: string): void {
  const root = document.getElementById('root');
  if (!root) return;
  const p = document.createElement('p');
  p.className = 'startup-message';
  p.textContent = text;
  root.replaceChildren(p);
}

async function start(): Promise<void> {
  if (typeof Office === 'undefined') {
    showStartupMessage(translate('sv', 'host.officeMissing'));
    return;
  }
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) {
    showStartupMessage(translate('sv', 'host.notExcel'));
    return;
  }
  const port = new OfficeWorkbookPort(Excel.run, {
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  });
  const settings = createOfficeSettingsStore(Office.context.partitionKey, createLocalSettingsStore(localStorageOrNull()));
  const services: TaskPaneServices = {
    port,
    templates: defaultTemplateServices,
    today: () => new Date(),
    followUpImport: officeFollowUpImport(Excel.run, (name, version) => Office.context.requirements.isSetSupported(name, version), {
      // "OfficeOnline", "PC", "Mac", …: Excel on the web leaves charts out of imported tabs.
      platform: String(Office.context.platform ?? Office.context.diagnostics?.platform ?? ''),
    }),
    // Koppla indata's "Använd markeringen": loaded on its first use, outside the initial JavaScript.
    selection: {
      selectedRange: async () => (await import(/* webpackChunkName: "mapping" */ '../io/office/selection')).officeSelection(Excel.run).selectedRange(),
    },
  };
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing in taskpane.html');
  createRoot(container).render(
    <AppProviders settings={settings} getOfficeTheme={() => Office.context.officeTheme}>
      <TaskPane services={services} />
    </AppProviders>,
  );
}

start().catch((error: unknown) => {
  console.error(error);
  showStartupMessage(translate('sv', 'host.startFailed'));
});
