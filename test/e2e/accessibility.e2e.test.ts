/**
 * Accessibility of the task pane, measured with axe-core (WCAG 2.1 A and AA rules) in the states a
 * controller meets in the first hour — Hem, the check of the sample, the allocation result, a
 * follow-up tab created, Mallar, and an error (Jämför with a file that is not a workbook) — in the
 * light theme, the dark theme and Windows' high contrast: forced colours with Chromium's dark palette
 * (as Windows' Aquatic and Night sky) and with its light one (as Desert). The page's CSP is bypassed
 * only to inject axe. No violation of impact "serious" or "critical" is allowed; the list of any
 * found names the rule, the element and the state. The pane in the follow-up and error states is
 * saved to test-output/ for a look.
 */
import { createRequire } from 'module';
import type { Locator, Page } from 'playwright-core';
import { join } from 'path';
import { expectText, OUTPUT, startHarness, type Harness } from './browser';

const resolve = createRequire(__filename).resolve;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

jest.setTimeout(300_000);

interface Violation {
  state: string;
  rule: string;
  impact: string;
  targets: string[];
}

async function open(scheme: 'light' | 'dark', forcedColors: 'active' | 'none'): Promise<Page> {
  const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE', colorScheme: scheme, forcedColors, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${harness.baseUrl}/playground.html`);
  await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Driftbudget', exact: true }).waitFor();
  await page.addScriptTag({ path: resolve('axe-core/axe.min.js') });
  return page;
}

const pane = (page: Page): Locator => page.getByTestId('task-pane-host');

async function openSection(page: Page, name: string): Promise<Locator> {
  await pane(page).getByRole('tab', { name, exact: true }).click();
  return pane(page).getByRole('tabpanel', { name });
}

/** Serious and critical WCAG A/AA violations inside the pane. */
async function audit(page: Page, state: string): Promise<Violation[]> {
  // The settled look is what is measured: a button enabled again when a read ends fades from its
  // disabled grey over Fluent's transition, and axe would read a colour halfway.
  await page.evaluate(async () => {
    // Two frames first: a transition started by the last render exists only from the next style pass.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[]; html: string }[] }[] }> } }).axe;
    const r = await axe.run({ include: [['[data-testid="task-pane-host"]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    // Tabster's focus bumpers (<i tabindex="0" aria-hidden="true" data-tabster-dummy>, which Fluent v9's
    // TabList and focus groups insert) are focusable and hidden by design: focus landing on one is
    // moved on at once, and screen readers must not announce them (microsoft/tabster#288,
    // microsoft/fluentui#27517 "By Design"; Accessibility Insights suppresses them,
    // microsoft/accessibility-insights-web#7605). Only those nodes are left out; the rule still
    // applies to every other element.
    const real = (v: { id: string; nodes: { html: string }[] }) => v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy')));
    return r.violations
      .filter((v) => real(v).length > 0)
      .map((v) => ({ rule: v.id, impact: v.impact ?? '', targets: v.nodes.filter((n) => real(v).includes(n)).slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ state, ...v }));
}

async function walk(page: Page, theme: string, slug: string): Promise<Violation[]> {
  const found: Violation[] = [];
  await pane(page).getByTestId('home-step').waitFor();
  found.push(...(await audit(page, `${theme}: Hem`)));

  const check = await openSection(page, 'Kontrollera budget');
  await check.getByRole('button', { name: 'Kontrollera', exact: true }).click();
  await check.getByTestId('check-summary').waitFor({ timeout: 60_000 });
  found.push(...(await audit(page, `${theme}: Kontrollera`)));

  const allocation = await openSection(page, 'Resursfördelning');
  await allocation.getByRole('button', { name: 'Läs in arbetsboken' }).click();
  await allocation.getByRole('button', { name: 'Kör modellen' }).click({ timeout: 60_000 });
  await allocation.getByRole('region', { name: 'Resultat per nämnd' }).waitFor({ timeout: 60_000 });
  found.push(...(await audit(page, `${theme}: Resursfördelning`)));

  const followUp = await openSection(page, 'Uppföljning');
  await followUp.getByRole('button', { name: /^Läs in arbetsboken/ }).click();
  await followUp.getByRole('group', { name: 'Nämnder' }).getByRole('checkbox').nth(1).check({ timeout: 60_000 });
  await followUp.getByRole('button', { name: 'Skapa uppföljningsflik', exact: true }).click();
  await followUp.getByTestId('followup-outcome').filter({ hasText: 'Skapade fliken' }).waitFor({ timeout: 60_000 });
  found.push(...(await audit(page, `${theme}: Uppföljning`)));
  await pane(page).screenshot({ path: join(OUTPUT, `e2e-a11y-${slug}-uppfoljning.png`) });

  await openSection(page, 'Mallar');
  await pane(page).getByRole('button', { name: 'Skapa tomma mallflikar' }).waitFor();
  found.push(...(await audit(page, `${theme}: Mallar`)));

  // An error a controller meets: Jämför with a file that is not a workbook (a PDF saved as .xlsx).
  const submission = await openSection(page, 'Lämna in');
  await submission.getByTestId('compare-file').setInputFiles({ name: 'budget.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('%PDF-1.7 detta är ingen arbetsbok') });
  await expectText(submission.getByTestId('compare-error'), /budget\.xlsx.*Filen är ingen Excel-arbetsbok/, 60_000);
  // The pick button is enabled again once the read has ended; its colour fades back from grey.
  await page.waitForFunction(() => !(document.querySelector('[data-testid="compare-pick"]') as HTMLButtonElement | null)?.disabled);
  found.push(...(await audit(page, `${theme}: fel`)));
  await submission.getByTestId('compare-error').scrollIntoViewIfNeeded();
  await pane(page).screenshot({ path: join(OUTPUT, `e2e-a11y-${slug}-fel.png`) });
  return found;
}

describe('the task pane with axe-core', () => {
  it.each([
    ['ljust', 'light', 'none'],
    ['mörkt', 'dark', 'none'],
    ['hög kontrast, mörkt', 'dark', 'active'],
    ['hög kontrast, ljust', 'light', 'active'],
  ] as const)('has no serious or critical WCAG A/AA violation (%s tema)', async (theme, scheme, forced) => {
    const page = await open(scheme, forced);
    expect(await walk(page, theme, `${forced === 'active' ? 'forced-' : ''}${scheme}`)).toEqual([]);
    await page.context().close();
  });
});
