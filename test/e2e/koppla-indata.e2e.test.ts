/**
 * Koppla indata end to end in the playground: a workbook in a controller's own layout (the issue's
 * example: "Budget 2027–2029" with its header on row 4, mnkr, costs negative, subtotal rows; the
 * frames in the table KFramar) is uploaded; Kontrollera says Driftbudget is missing; Koppla indata
 * shows the proposal, Spara writes the Koppling tab, and Kontrollera then finds Driftbudget. The
 * grid's Shift-range is taken by "Använd markeringen". At 320 px nothing overflows. Screenshots of
 * the section at 1366×768 and 320 px go to test-output/.
 */
import { join } from 'path';
import type { Locator, Page } from 'playwright-core';
import { testSheetsToXlsx } from '../cli/xlsx-fixtures';
import { BUDGET_SHEET, exampleSheets } from '../core/inputs/mapping-example';
import { expectInput, expectText, OUTPUT, openPlaygroundPage, harnessForFile, type PlaygroundPage } from './browser';

const harness = harnessForFile();

jest.setTimeout(180_000);

async function openPlayground(width: number, height: number): Promise<PlaygroundPage> {
  return openPlaygroundPage(harness(), { viewport: { width, height }, colorScheme: 'light' });
}

async function upload(page: Page): Promise<void> {
  const buffer = Buffer.from(await testSheetsToXlsx(exampleSheets));
  await page.getByTestId('open-file-input').setInputFiles({ name: 'egen-layout.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await page.getByTestId('file-name').filter({ hasText: 'egen-layout.xlsx' }).waitFor();
  await page.getByTestId('sheet-tabs').getByRole('tab', { name: BUDGET_SHEET, exact: true }).waitFor();
}

const pane = (page: Page): Locator => page.getByTestId('task-pane-host');

async function openSection(page: Page, name: string): Promise<Locator> {
  await pane(page).getByRole('tab', { name, exact: true }).click();
  return pane(page).getByRole('tabpanel', { name });
}

async function check(page: Page): Promise<Locator> {
  const panel = await openSection(page, 'Kontrollera budget');
  await panel.getByRole('button', { name: /^Kontrollera( igen)?$/ }).first().click();
  await panel.getByTestId('check-summary').waitFor();
  return panel;
}

const card = (panel: Locator, input: string) => panel.locator(`[data-testid="mapping-card"][data-input="${input}"]`);

/** The pane's width and whatever reaches past its right edge. */
async function overflow(page: Page): Promise<{ clientWidth: number; scrollWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-testid="task-pane-host"]') as HTMLElement;
    const right = host.getBoundingClientRect().right;
    const widest = [...host.querySelectorAll<HTMLElement>('*')]
      .filter((el) => el.getBoundingClientRect().right > right + 0.5 && el.getClientRects().length > 0)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 40)} "${(el.textContent ?? '').slice(0, 40)}"`);
    return { clientWidth: host.clientWidth, scrollWidth: host.scrollWidth, widest };
  });
}

/** The whole pane in one picture: the viewport grows until the pane's column no longer scrolls. */
async function paneShot(page: Page, name: string, width: number, height: number): Promise<void> {
  const full = await pane(page).evaluate((host) => {
    const body = host.parentElement!;
    return Math.ceil(body.getBoundingClientRect().top + Math.max(body.scrollHeight, host.scrollHeight));
  });
  await page.setViewportSize({ width, height: Math.min(Math.max(full, height), 8000) });
  await pane(page).screenshot({ path: join(OUTPUT, name) });
  await page.setViewportSize({ width, height });
}

describe('Koppla indata in the playground', () => {
  it('proposes the mapping of an own layout, saves it, and Kontrollera then reads Driftbudget through it', async () => {
    const page = await openPlayground(1366, 768);
    await upload(page);

    // Before: the inputs are not where Budgetkoll looks by name.
    let panel = await check(page);
    await expectText(panel.getByTestId('finding').filter({ hasText: '”Driftbudget” saknas' }), /”Driftbudget” saknas/);

    panel = await openSection(page, 'Koppla indata');
    await panel.getByTestId('mapping-draft').waitFor({ timeout: 30_000 });
    await expectText(card(panel, 'Driftbudget').getByTestId('mapping-where'), new RegExp(`Fliken ”${BUDGET_SHEET}”, rubrikrad 4`));
    await expectText(card(panel, 'Driftbudget').getByTestId('mapping-headers'), /^6 av 6 rubriker · poäng \d+$/);
    await expectText(card(panel, 'Driftbudget').getByTestId('mapping-unit'), /Belopp i mnkr \(enligt rubrikerna\)/);
    await expectText(card(panel, 'Driftbudget').getByTestId('mapping-costs'), /Kostnader negativa \(enligt beloppen\)/);
    await expectText(card(panel, 'Driftbudget').getByTestId('mapping-line'), new RegExp(`Driftbudget: '${BUDGET_SHEET}'!A4:F15, belopp i mnkr, kostnader negativa`));
    await expectText(card(panel, 'Ramar').getByTestId('mapping-where'), /Tabellen KFramar/);
    // The draft is tried: what each input reads, with the subtotal rows left out.
    await expectText(panel.getByTestId('mapping-trial-inputs'), /Rader som lämnades utanför: 4 summarader/);
    // Pröva by keyboard: the focus moves to the trial's outcome.
    await panel.getByRole('button', { name: 'Pröva' }).focus();
    await page.keyboard.press('Enter');
    await expectFocus(panel.getByTestId('mapping-trial').getByRole('heading', { name: 'Prövning' }));

    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUTPUT, 'e2e-koppla-indata-1366.png') });
    await paneShot(page, 'e2e-koppla-indata-pane-1366.png', 1366, 768);

    // The editor, with the header row's headers as choices.
    await card(panel, 'Driftbudget').getByRole('button', { name: 'Ändra Driftbudget' }).click();
    const konto = card(panel, 'Driftbudget').getByRole('combobox', { name: 'Konto *' });
    await konto.waitFor();
    expect(await konto.locator('option[value="C"]').textContent()).toBe('C – Konto');
    expect(await konto.locator('option[value="D"]').textContent()).toBe('D – Budget 2027 (mnkr)');
    expect(await konto.inputValue()).toBe('C');
    await paneShot(page, 'e2e-koppla-indata-editor-1366.png', 1366, 768);

    // Använd markeringen: a Shift-range in the grid, A4:F15, gives the last row 15.
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: BUDGET_SHEET, exact: true }).click();
    await page.locator('[data-address="A4"]').click();
    await page.locator('[data-address="F15"]').click({ modifiers: ['Shift'] });
    await expectInput(page, 'cell-address', 'A4:F15');
    await card(panel, 'Driftbudget').getByRole('button', { name: 'Använd markeringen' }).click();
    await expectText(card(panel, 'Driftbudget').getByTestId('mapping-where'), new RegExp(`rubrikrad 4 till rad 15`));
    await card(panel, 'Driftbudget').getByRole('button', { name: 'Klar' }).click();

    const save = panel.getByRole('button', { name: 'Spara i arbetsboken' });
    await expectEnabled(save);
    await save.click();
    await expectText(panel.getByTestId('mapping-saved'), /Kopplingen sparades på fliken Koppling\./);
    // Focus moves to the outcome.
    expect(await panel.getByTestId('mapping-saved').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Koppling', exact: true }).waitFor();
    await panel.getByTestId('mapping-saved').getByRole('button', { name: 'Visa fliken' }).click();
    await expectInput(page, 'cell-address', 'A2');
    await expectText(panel.getByTestId('mapping-summary'), new RegExp(`Driftbudget: '${BUDGET_SHEET}'!A4:F15, belopp i mnkr, kostnader negativa`));
    await paneShot(page, 'e2e-koppla-indata-saved-1366.png', 1366, 768);

    // After: Kontrollera reads Driftbudget through the saved mapping.
    panel = await check(page);
    expect(await panel.getByTestId('finding').filter({ hasText: '”Driftbudget” saknas' }).count()).toBe(0);
    expect(await panel.getByTestId('finding').filter({ hasText: '”Ramar” saknas' }).count()).toBe(0);

    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('fits a 320 px pane without horizontal overflow, proposal and editor (screenshots)', async () => {
    const page = await openPlayground(320, 900);
    await upload(page);
    const panel = await openSection(page, 'Koppla indata');
    await panel.getByTestId('mapping-draft').waitFor({ timeout: 30_000 });
    await panel.getByTestId('mapping-trial').waitFor({ timeout: 30_000 });
    let o = await overflow(page);
    expect({ width: o.clientWidth, widest: o.widest }).toEqual({ width: 320, widest: [] });
    expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
    await paneShot(page, 'e2e-koppla-indata-320.png', 320, 900);

    await card(panel, 'Driftbudget').getByRole('button', { name: 'Ändra Driftbudget' }).click();
    await card(panel, 'Driftbudget').getByRole('combobox', { name: 'Konto *' }).waitFor();
    o = await overflow(page);
    expect({ width: o.clientWidth, widest: o.widest }).toEqual({ width: 320, widest: [] });
    expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
    await paneShot(page, 'e2e-koppla-indata-editor-320.png', 320, 900);
    await card(panel, 'Driftbudget').screenshot({ path: join(OUTPUT, 'e2e-koppla-indata-card-320.png') });

    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});

async function expectFocus(locator: Locator): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await locator.evaluate((el) => el === document.activeElement)).toBe(true);
}

async function expectEnabled(locator: Locator): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await locator.isEnabled()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await locator.isEnabled()).toBe(true);
}
