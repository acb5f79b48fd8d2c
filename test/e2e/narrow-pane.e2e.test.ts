/**
 * The task pane at its narrowest: 320 px. Below 760 px the playground stacks the grid above the
 * pane and lets the pane take the page's width (src/playground/Playground.tsx), so a 320 px wide
 * viewport gives a 320 px pane. In every state a controller meets in the first hour — Hem, the
 * check of the sample with its chart as a table, the allocation result with its chart's values,
 * a follow-up tab created and checked, Mallar — the pane has no horizontal overflow, and the
 * allocation's figures stay inside their cells. A screenshot of each state goes to test-output/.
 */
import { join } from 'path';
import type { Locator, Page } from 'playwright-core';
import { OUTPUT, openPlaygroundPage, harnessForFile, type PlaygroundPage } from './browser';

const harness = harnessForFile();

jest.setTimeout(180_000);

const WIDTH = 320;

async function openNarrow(): Promise<PlaygroundPage> {
  return openPlaygroundPage(harness(), { viewport: { width: WIDTH, height: 900 }, colorScheme: 'light' });
}

/** The pane's width and whether anything in it is wider than the pane. */
async function overflow(page: Page): Promise<{ clientWidth: number; scrollWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-testid="task-pane-host"]') as HTMLElement;
    const right = host.getBoundingClientRect().right;
    // For the failure message: elements that reach past the pane's right edge.
    const widest = [...host.querySelectorAll<HTMLElement>('*')]
      .filter((el) => el.getBoundingClientRect().right > right + 0.5 && el.getClientRects().length > 0)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 40)} "${(el.textContent ?? '').slice(0, 40)}"`);
    return { clientWidth: host.clientWidth, scrollWidth: host.scrollWidth, widest };
  });
}

async function expectNoOverflow(page: Page, state: string): Promise<void> {
  const o = await overflow(page);
  expect({ state, width: o.clientWidth }).toEqual({ state, width: WIDTH });
  expect({ state, scrollWidth: o.scrollWidth, widest: o.widest }).toEqual({ state, scrollWidth: expect.any(Number), widest: [] });
  expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
}

/**
 * The whole pane. Below 760 px the playground's body (grid above pane) scrolls inside the page, so
 * the viewport first grows until that body no longer scrolls and the pane is shown in one piece.
 */
async function shot(page: Page, name: string): Promise<void> {
  const pane = page.getByTestId('task-pane-host');
  const height = await pane.evaluate((host) => {
    const body = host.parentElement!;
    return Math.ceil(body.getBoundingClientRect().top + body.scrollHeight);
  });
  await page.setViewportSize({ width: WIDTH, height: Math.min(height, 12_000) });
  await pane.screenshot({ path: join(OUTPUT, `e2e-narrow-${name}.png`) });
  await page.setViewportSize({ width: WIDTH, height: 900 });
}

function pane(page: Page): Locator {
  return page.getByTestId('task-pane-host');
}

async function openSection(page: Page, name: string): Promise<Locator> {
  await pane(page).getByRole('tab', { name, exact: true }).click();
  return pane(page).getByRole('tabpanel', { name });
}

describe('the task pane at 320 px', () => {
  it('has no horizontal overflow in Hem, check results, allocation results, follow-up and Mallar', async () => {
    const page = await openNarrow();

    // Hem: the next step, the wheel and the list.
    await pane(page).getByTestId('home-step').waitFor();
    await expectNoOverflow(page, 'home');
    await shot(page, 'home');

    // Kontrollera on the sample, with the chart shown as a table.
    const check = await openSection(page, 'Kontrollera budget');
    await check.getByRole('button', { name: 'Kontrollera', exact: true }).click();
    await check.getByTestId('check-summary').waitFor({ timeout: 60_000 });
    await expectNoOverflow(page, 'check');
    if (await check.getByRole('button', { name: 'Visa som tabell' }).count()) {
      await check.getByRole('button', { name: 'Visa som tabell' }).click();
      await check.getByRole('table', { name: /Budget, ram och skillnad/ }).waitFor();
    }
    await expectNoOverflow(page, 'check with table');
    await shot(page, 'check');

    // Resursfördelning: Läs in + Kör modellen, and the chart's values as text.
    const allocation = await openSection(page, 'Resursfördelning');
    await allocation.getByRole('button', { name: 'Läs in arbetsboken' }).click();
    await allocation.getByRole('region', { name: 'Det här använder modellen' }).waitFor({ timeout: 60_000 });
    await allocation.getByRole('button', { name: 'Kör modellen' }).click();
    await allocation.getByRole('region', { name: 'Resultat per nämnd' }).waitFor({ timeout: 60_000 });
    await allocation.getByTestId('allocation-chart-title').waitFor();
    await expectNoOverflow(page, 'allocation');
    // Figures stay inside their cells: none runs into the next ("1 046 890,6 1 078 196,3").
    const crowded = await allocation.evaluate((root) =>
      [...root.querySelectorAll<HTMLElement>('[data-testid="allocation-board"] td')].filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent),
    );
    expect(crowded).toEqual([]);
    await allocation.getByRole('button', { name: 'Diagrammets värden som text' }).click();
    await allocation.getByTestId('allocation-chart-table').waitFor();
    await expectNoOverflow(page, 'allocation with chart table');
    await shot(page, 'allocation');

    // Uppföljning: read, create one nämnd's tab, check it.
    const followUp = await openSection(page, 'Uppföljning');
    await followUp.getByRole('button', { name: /^Läs in arbetsboken/ }).click();
    await followUp.getByRole('combobox', { name: 'Budgetår' }).waitFor({ timeout: 60_000 });
    await followUp.getByRole('group', { name: 'Nämnder' }).getByRole('checkbox').nth(1).check();
    await followUp.getByRole('button', { name: 'Skapa uppföljningsflik', exact: true }).click();
    await followUp.getByTestId('followup-outcome').filter({ hasText: 'Skapade fliken' }).waitFor({ timeout: 60_000 });
    await followUp.getByRole('button', { name: /^Kontrollera inför inlämning/ }).first().click();
    await followUp.getByTestId('followup-check').waitFor({ timeout: 60_000 });
    await expectNoOverflow(page, 'follow-up');
    await shot(page, 'followup');

    // Mallar.
    await openSection(page, 'Mallar');
    await pane(page).getByRole('button', { name: 'Skapa tomma mallflikar' }).waitFor();
    await expectNoOverflow(page, 'templates');
    await shot(page, 'templates');

    expect(page.errors).toEqual([]);
  });
});
