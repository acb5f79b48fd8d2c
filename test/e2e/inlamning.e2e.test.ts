/**
 * Lämna in end to end in the playground, on the sample: the status says not submitted; the
 * warnings (if any) get a comment, a name is typed and Lämna in writes the Inlämning tab, which
 * shows up in the grid's sheet tabs, and the status says oförändrad. Then Jämför med en annan
 * version… with a copy of the workbook in which one Driftbudget amount was changed (the playground's
 * own download, edited with ExcelJS, set on the file input): the changed row is listed with a link
 * that selects its cell. That copy opened as the workbook says "Ändrad efter inlämning: 1 cell" with
 * a link to it. Screenshots at 1366×768 and in a 320 px pane go to test-output/.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Locator, Page } from 'playwright-core';
import { expectInput, expectText, OUTPUT, openPlaygroundPage, harnessForFile, type PlaygroundPage } from './browser';

const harness = harnessForFile();

jest.setTimeout(180_000);

async function openPlayground(): Promise<PlaygroundPage> {
  return openPlaygroundPage(harness(), { viewport: { width: 1366, height: 768 }, colorScheme: 'light', acceptDownloads: true });
}

const pane = (page: Page): Locator => page.getByTestId('task-pane-host');

/** The playground's workbook as downloaded, with one Driftbudget amount changed (E3: +1 000 tkr). */
async function changedCopy(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const path = join(OUTPUT, 'e2e-inlamning-download.xlsx');
  await download.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const cell = workbook.getWorksheet('Driftbudget')!.getCell('E3');
  cell.value = Number(cell.value) + 1000;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The pane in one piece: the viewport grows until the pane no longer scrolls, then shrinks back. */
async function shotPane(page: Page, name: string, width: number): Promise<void> {
  const host = pane(page);
  const height = await host.evaluate((el) => {
    const body = el.parentElement!;
    return Math.ceil(Math.max(el.getBoundingClientRect().top + el.scrollHeight, body.getBoundingClientRect().top + body.scrollHeight));
  });
  await page.setViewportSize({ width, height: Math.max(768, Math.min(height, 12_000)) });
  await host.screenshot({ path: join(OUTPUT, `e2e-inlamning-${name}.png`) });
  await page.setViewportSize({ width, height: 768 });
}

async function expectNoOverflow(page: Page, state: string): Promise<void> {
  const o = await page.evaluate(() => {
    const host = document.querySelector('[data-testid="task-pane-host"]') as HTMLElement;
    const right = host.getBoundingClientRect().right;
    const widest = [...host.querySelectorAll<HTMLElement>('*')]
      .filter((el) => el.getBoundingClientRect().right > right + 0.5 && el.getClientRects().length > 0)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').slice(0, 40)}"`);
    return { clientWidth: host.clientWidth, scrollWidth: host.scrollWidth, widest };
  });
  expect({ state, width: o.clientWidth, widest: o.widest }).toEqual({ state, width: 320, widest: [] });
  expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
}

describe('Lämna in in the playground', () => {
  it('submits the sample, shows it as unchanged, and compares it with a changed copy', async () => {
    const page = await openPlayground();
    await pane(page).getByRole('tab', { name: 'Lämna in', exact: true }).click();
    const section = pane(page).getByRole('tabpanel', { name: 'Lämna in' });
    await expectText(section.getByTestId('submission-not-submitted'), /^Inte inlämnad: arbetsboken har ingen flik Inlämning\.$/, 60_000);
    await section.getByTestId('submission-form').waitFor();
    await shotPane(page, 'status', 1366);

    // Every warning gets a comment (the sample may have none), then a name.
    const comments = section.getByRole('textbox', { name: /Kommentar/ });
    for (let i = 0; i < (await comments.count()); i++) await comments.nth(i).fill('Förklaras i nämndens skrivelse');
    const submit = section.getByRole('button', { name: 'Lämna in', exact: true });
    expect(await submit.isDisabled()).toBe(true);
    await section.getByRole('textbox', { name: /Ditt namn/ }).fill('Anna Andersson');
    expect(await submit.isEnabled()).toBe(true);
    await submit.click();

    await expectText(section.getByTestId('submission-done'), /^Inlämnad \d{4}-\d\d-\d\d \d\d:\d\d av Anna Andersson \(version 1\)\. Fliken Inlämning är skriven och skrivskyddad\. Visa fliken$/, 60_000);
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Inlämning', exact: true }).waitFor();
    await expectText(section.getByTestId('submission-intact'), /^Inlämnad \d{4}-\d\d-\d\d \d\d:\d\d av Anna Andersson \(version 1\) — oförändrad sedan dess\.$/, 60_000);
    // Focus went to the outcome.
    expect(await section.getByTestId('submission-done').evaluate((el) => el === document.activeElement)).toBe(true);
    await section.getByTestId('submission-open-tab').click();
    await expectInput(page, 'cell-address', 'A2');
    expect(await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Inlämning', exact: true }).getAttribute('aria-selected')).toBe('true');
    await shotPane(page, 'submitted', 1366);

    // Read again: still unchanged (nothing was edited).
    await section.getByTestId('submission-refresh').click();
    await expectText(section.getByTestId('submission-intact'), /oförändrad sedan dess/, 60_000);

    // Jämför with a copy where Driftbudget!E3 is 1 000 tkr higher: the picked file is "förut".
    const copy = await changedCopy(page);
    await section
      .getByTestId('compare-file')
      .setInputFiles({ name: 'budget-ändrad.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: copy });
    const diff = section.getByTestId('compare-diff');
    await diff.waitFor({ timeout: 60_000 });
    await expectText(diff.getByRole('heading', { name: /Jämfört med/ }), /^Jämfört med budget-ändrad\.xlsx$/);
    expect(await diff.getByRole('heading', { name: /Jämfört med/ }).evaluate((el) => el === document.activeElement)).toBe(true);
    const rows = diff.getByTestId('compare-row');
    expect(await rows.count()).toBe(1);
    await expectText(rows.first(), /^Ändrat belopp Kommunstyrelsen, Nämnd- och styrelseverksamhet, 5010 Löner ?Driftbudget!E3 2027: 6 516 → 5 516 tkr$/);
    await expectText(diff.getByTestId('compare-boards'), /Kommunstyrelsen.*−1 000/);
    await diff.getByTestId('diff-chart').waitFor();
    await rows.first().getByRole('button', { name: 'Gå till Driftbudget!E3' }).click();
    await expectInput(page, 'cell-address', 'E3');
    await diff.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'e2e-inlamning-1366x768.png') });
    await shotPane(page, 'compare', 1366);

    // The same pane at 320 px (the playground stacks the grid above it): nothing overflows.
    await page.setViewportSize({ width: 320, height: 768 });
    await expectNoOverflow(page, 'compare at 320 px');
    await shotPane(page, 'narrow', 320);

    // The changed copy opened as the workbook: its receipt is the submission's, E3 differs.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page
      .getByTestId('open-file-input')
      .setInputFiles({ name: 'budget-ändrad.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: copy });
    await page.getByTestId('file-name').filter({ hasText: 'budget-ändrad.xlsx' }).waitFor();
    const reopened = pane(page).getByRole('tabpanel', { name: 'Lämna in' });
    if (!(await reopened.isVisible())) await pane(page).getByRole('tab', { name: 'Lämna in', exact: true }).click();
    await reopened.getByTestId('submission-refresh').click();
    const changed = reopened.getByTestId('submission-changed');
    await expectText(changed, /^Ändrad efter inlämning: 1 cell ?Inlämnad .* av Anna Andersson \(version 1\)\. De här indatacellerna har ändrats sedan dess: ?Driftbudget!E3 ändrad$/, 60_000);
    await changed.getByRole('button', { name: 'Gå till Driftbudget!E3' }).click();
    await expectInput(page, 'cell-address', 'E3');
    await shotPane(page, 'changed', 1366);

    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});
