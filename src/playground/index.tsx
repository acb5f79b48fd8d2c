/**
 * Composition root for the browser playground: the xlsx adapter (lazily, see xlsx-loader.ts),
 * settings in localStorage, the theme from the browser. No office.js here.
 */
import { createRoot } from 'react-dom/client';
import { AppProviders } from '../taskpane/app-providers';
import { defaultTemplateServices } from '../taskpane/services';
import { createLocalSettingsStore, type KeyValueStorage } from '../taskpane/settings-store';
import { Playground } from './Playground';
import { xlsxWorkbookLoader } from './xlsx-loader';
import type { WorkbookReader } from '../core/workbook/port';

/** IronCalc in a worker, loaded on the first evaluation (its own chunks, the playground's only). */
const evaluator = async (port: WorkbookReader) => {
  const { evaluateWorkbook, workerEngineRunner } = await import(/* webpackChunkName: "engine" */ './engine/evaluation');
  runner ??= workerEngineRunner();
  return evaluateWorkbook(port, runner);
};
let runner: import('./engine/evaluation').EngineRunner | undefined;

function localStorageOrNull(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('#root missing in playground.html');
createRoot(container).render(
  <AppProviders settings={createLocalSettingsStore(localStorageOrNull())}>
    <Playground loader={xlsxWorkbookLoader} templates={defaultTemplateServices} evaluator={evaluator} />
  </AppProviders>,
);
