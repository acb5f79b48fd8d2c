/**
 * The playground grid draws a follow-up tab's look (issue #16) in Chromium: after a Delårsbokslut
 * tab is created in the task pane, its merged title spans columns, the frozen header rows stay in
 * view after the grid scrolls, its tab shows the tab colour, the protected tab's input cells look
 * like inputs with the note by the tabs, and the quadrant chart is drawn over its rows. Light, dark
 * and forced colours at 1366×768, and 320 px wide without the page overflowing sideways.
 * Screenshots go to test-output/.
 */
import { join } from 'path';
import type { Page } from 'playwright-core';
import { FOLLOW_UP_TAB_COLOR } from '../../src/core/followup/build-tab';
import { expectText, OUTPUT, harnessForFile, openPlaygroundPage } from './browser';

const harness = harnessForFile();

/** Waits until the engine has evaluated the workbook as it is now. */
async function evaluated(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="engine-status"]')?.getAttribute('data-state') === 'done' && !document.querySelector('[data-source="pending"]'),
    undefined,
    { timeout: 60_000 },
  );
}

/** Where the grid's frozen rows are relative to its scroll box, after scrolling it down. */
async function frozenAfterScroll(page: Page): Promise<{ scrolled: number; frozenTops: number[]; boxTop: number; headerBottom: number }> {
  return page.getByTestId('sheet-grid').evaluate(async (grid) => {
    grid.scrollTop = 600;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const box = grid.getBoundingClientRect();
    const header = grid.querySelector('thead th')!.getBoundingClientRect();
    return {
      scrolled: grid.scrollTop,
      frozenTops: [...grid.querySelectorAll('tbody tr[data-frozen="true"] [role="gridcell"]')].slice(0, 1).map((c) => c.getBoundingClientRect().top),
      boxTop: box.top,
      headerBottom: header.bottom,
    };
  });
}

describe('the playground grid draws a follow-up tab’s look', () => {
  it('merged title, frozen header rows, tab colour, protection and the quadrant chart; light, dark, forced colours, 320 px', async () => {
    const page = await openPlaygroundPage(harness(), { viewport: { width: 1366, height: 768 } });
    const tabs = page.getByTestId('sheet-tabs');
    await tabs.getByRole('tab', { name: 'Driftbudget', exact: true }).waitFor();
    const before = await tabs.getByRole('tab').allInnerTexts();

    const pane = page.getByTestId('task-pane-host');
    await pane.getByRole('tab', { name: 'Uppföljning' }).click();
    await pane.getByRole('button', { name: /^Läs in arbetsboken/ }).click();
    await pane.getByRole('combobox', { name: 'Budgetår' }).waitFor({ timeout: 30_000 });
    // Årsbokslut: its Måluppföljning has the quadrant chart (the sample's Nyckeltal have costs).
    await pane.getByRole('radio', { name: 'Årsbokslut (per 31 december)' }).check();
    await pane.getByRole('group', { name: 'Nämnder' }).getByRole('checkbox', { name: 'Barn- och ungdomsnämnden', exact: true }).check();
    await pane.getByRole('button', { name: 'Skapa uppföljningsflik', exact: true }).click();
    await expectText(pane.getByTestId('followup-outcome'), /Skapade fliken/, 120_000);
    const after = await tabs.getByRole('tab').allInnerTexts();
    const sheet = after.find((t) => !before.includes(t))!;
    expect(sheet).toBeTruthy();
    const tab = tabs.getByRole('tab', { name: sheet, exact: true });
    await tab.click();
    const grid = page.getByTestId('sheet-grid');
    await grid.waitFor();
    await evaluated(page);

    // Merges: the first merged cell (the tab's status field: the follow-up title itself is not
    // merged, it runs on across empty cells) spans columns, shows its value, and covers its neighbour.
    const merged = grid.locator('[role="gridcell"][colspan]').first();
    const span = Number(await merged.getAttribute('colspan'));
    expect(span).toBeGreaterThan(1);
    expect((await merged.innerText()).trim()).toBe('Utkast');
    const address = (await merged.getAttribute('data-address'))!;
    const next = String.fromCharCode(address.charCodeAt(0) + 1) + address.slice(1);
    expect(await grid.locator(`[data-address="${next}"]`).count()).toBe(0);
    await merged.click();
    await expect(page.getByTestId('cell-address').inputValue()).resolves.toBe(address);

    // Tab colour: the follow-up tabs' green, as a bar under the name.
    expect(await tab.getAttribute('data-tab-color')).toBe(FOLLOW_UP_TAB_COLOR.toUpperCase());
    const bar = tab.getByTestId('tab-color');
    expect(await bar.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(84, 130, 53)');
    // Arrow keys still move between the tabs.
    await tab.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).innerText)).not.toBe(sheet);
    await tab.click();

    // Protection: the note, input cells unlocked, the rest locked.
    await expectText(page.getByTestId('protected-note'), /Skyddad flik – bara de gula, inramade cellerna kan ändras i Excel/);
    expect(await grid.locator('[data-locked="false"]').count()).toBeGreaterThan(0);
    expect(await grid.locator('[data-locked="true"]').count()).toBeGreaterThan(0);

    // Frozen header rows stay in view after scrolling.
    expect(await grid.locator('tbody tr[data-frozen="true"]').count()).toBeGreaterThan(0);
    const frozen = await frozenAfterScroll(page);
    expect(frozen.scrolled).toBeGreaterThan(100);
    expect(frozen.frozenTops.length).toBe(1);
    expect(Math.abs(frozen.frozenTops[0] - frozen.headerBottom)).toBeLessThanOrEqual(2);
    await page.screenshot({ path: join(OUTPUT, 'e2e-playground-look-frozen.png') });

    // The quadrant chart, drawn over its rows, where the tab has one.
    const chart = grid.getByTestId('grid-chart');
    expect(await chart.count()).toBe(1);
    await chart.scrollIntoViewIfNeeded();
    expect(await chart.getAttribute('data-drawn')).toBe('true');
    await expectText(chart, /Nyckeltal per kvadrant: resultat mot kostnad/);
    expect(Number(await chart.locator('xpath=ancestor::td[1]').getAttribute('rowspan'))).toBeGreaterThan(10);
    // Its bars are the quadrant table's counts as the grid shows them (evaluated by IronCalc).
    expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toMatch(/Bättre resultat än liknande kommuner: .*\d/);
    await page.screenshot({ path: join(OUTPUT, 'e2e-playground-look-chart.png') });

    // Back to the top: light, dark, forced colours.
    await grid.evaluate((g) => (g.scrollTop = 0));
    await page.screenshot({ path: join(OUTPUT, 'e2e-playground-look-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUTPUT, 'e2e-playground-look-dark.png') });
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'e2e-playground-look-chart-dark.png') });
    await grid.evaluate((g) => (g.scrollTop = 0));
    await page.emulateMedia({ colorScheme: 'dark', forcedColors: 'active' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUTPUT, 'e2e-playground-look-forced.png') });
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'e2e-playground-look-chart-forced.png') });
    await grid.evaluate((g) => (g.scrollTop = 0));
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });

    // 320 px: the page does not overflow sideways; the grid scrolls.
    await page.setViewportSize({ width: 320, height: 768 });
    await page.waitForTimeout(300);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(await grid.evaluate((g) => g.scrollWidth > g.clientWidth)).toBe(true);
    await page.screenshot({ path: join(OUTPUT, 'e2e-playground-look-320.png') });

    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});
