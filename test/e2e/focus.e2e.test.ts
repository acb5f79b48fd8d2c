/**
 * Keyboard focus after each action in the task pane (playground, Chromium): the pressed button is
 * disabled while the action runs, which drops focus to <body>, so the next Tab would leave the pane.
 * After Kontrollera, Läs in (Resursfördelning and Uppföljning) and Skapa, focus must be on the
 * action's result: its outcome message, or the heading of what was read.
 */
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './browser';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  page = await context.newPage();
  await page.goto(`${harness.baseUrl}/playground.html`);
  await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Driftbudget', exact: true }).waitFor();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

/** The focused element: tag, its test id or focus role, and its text. */
async function focused(): Promise<{ tag: string; testId: string | null; role: string | null; text: string }> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return {
      tag: a?.tagName ?? 'NONE',
      testId: a?.getAttribute('data-testid') ?? null,
      role: a?.getAttribute('data-focus-result') ?? null,
      text: (a?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80),
    };
  });
}

/** Waits until focus has settled on something other than <body> (or times out and returns what is focused). */
async function settledFocus(): Promise<Awaited<ReturnType<typeof focused>>> {
  await page.waitForFunction(() => document.activeElement !== null && document.activeElement !== document.body, undefined, { timeout: 10_000 }).catch(() => undefined);
  return focused();
}

const pane = () => page.getByTestId('task-pane-host');

describe('focus after an action', () => {
  it('Kontrollera: on the results heading', async () => {
    await pane().getByRole('tab', { name: 'Kontrollera budget' }).click();
    await pane().getByRole('button', { name: 'Kontrollera', exact: true }).click();
    await pane().getByTestId('check-summary').waitFor();
    const f = await settledFocus();
    expect(f).toMatchObject({ tag: 'H3', role: 'heading', text: 'Resultat' });
    // The next Tab stays in the pane.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('[data-testid="task-pane-host"]')!.contains(document.activeElement))).toBe(true);
  });

  it('Resursfördelning, Läs in: on the inputs heading', async () => {
    await pane().getByRole('tab', { name: 'Resursfördelning' }).click();
    await pane().getByRole('button', { name: 'Läs in arbetsboken', exact: true }).click();
    await pane().getByTestId('allocation-inputs').waitFor();
    const f = await settledFocus();
    expect(f).toMatchObject({ tag: 'H3', role: 'heading' });
  });

  it('Uppföljning, Läs in: on the nämnder; Skapa: on the outcome', async () => {
    await pane().getByRole('tab', { name: 'Uppföljning' }).click();
    await pane().getByRole('button', { name: /^Läs in arbetsboken/ }).click();
    await pane().getByRole('combobox', { name: 'Budgetår' }).waitFor();
    expect(await settledFocus()).toMatchObject({ role: 'heading', text: expect.stringMatching(/^Nämnder/) });
    await pane().getByRole('checkbox', { name: /^(?!Alla).*nämnden$/ }).first().check();
    await pane().getByRole('button', { name: 'Skapa uppföljningsflik', exact: true }).click();
    await pane().getByTestId('followup-outcome').waitFor();
    const f = await settledFocus();
    expect(f).toMatchObject({ testId: 'followup-outcome', role: 'notice', text: expect.stringMatching(/Skapade fliken/) });
  });
});
