/**
 * The playground end to end: it opens on the bundled sample, shows the årshjul, creates the blank
 * template tabs in an uploaded workbook, downloads it, and the downloaded file holds the tabs and
 * cells — read back with ExcelJS. Screenshots in light and dark go to test-output/.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { INPUTS } from '../../src/core/inputs/catalogue';
import { OUTPUT, startHarness, type Harness } from './browser';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function openPlayground(scheme: 'light' | 'dark'): Promise<Page> {
  const context = await harness.browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 820 }, locale: 'sv-SE', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${harness.baseUrl}/playground.html`);
  return page;
}

async function userWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Mina anteckningar');
  ws.getCell('A1').value = 'Får inte röras';
  ws.getCell('B2').value = 42;
  ws.getCell('B3').value = { formula: 'B2*2', result: 84 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('playground (foundation)', () => {
  it('opens on the bundled sample and shows the årshjul with the next deadline', async () => {
    const page = await openPlayground('light');
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Driftbudget', exact: true }).waitFor();
    await page.getByTestId('annual-wheel').waitFor();
    await expectText(page.getByTestId('next-deadline').textContent(), /Nästa: .+ per \d+ \w+ \d{4}/);
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Driftbudget', exact: true }).click();
    await page.getByTestId('sheet-grid').getByText('Nämnd', { exact: true }).first().waitFor();
    await page.screenshot({ path: join(OUTPUT, 'e2e-playground-light.png') });
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it('creates the blank template tabs in an uploaded workbook and downloads them intact', async () => {
    const page = await openPlayground('dark');
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Driftbudget', exact: true }).waitFor();
    await page.getByTestId('open-file-input').setInputFiles({ name: 'mina.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await userWorkbook() });
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Mina anteckningar', exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Mallar' }).click();
    await page.getByRole('button', { name: 'Skapa tomma mallflikar' }).click();
    await page.getByTestId('templates-result').first().waitFor();
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Driftbudget', exact: true }).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'e2e-playground-dark-mallar.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const path = join(OUTPUT, 'e2e-download.xlsx');
    await download.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    for (const input of INPUTS) expect(names).toContain(input.name);
    // The user's own tab is untouched.
    const mine = wb.getWorksheet('Mina anteckningar')!;
    expect(mine.getCell('A1').value).toBe('Får inte röras');
    expect(mine.getCell('B2').value).toBe(42);
    expect(mine.getCell('B3').formula).toBe('B2*2');
    // The template's Driftbudget header row holds exactly the catalogue's headers for the chosen year.
    const drift = wb.getWorksheet('Driftbudget')!;
    const headerRow = [1, 2, 3].map((r) => drift.getRow(r)).find((row) => row.getCell(1).value === 'Nämnd')!;
    const headers = (headerRow.values as unknown[]).slice(1).filter((v) => v !== null && v !== undefined);
    const year = Number(String(headers.find((h) => /^Budget \d{4}$/.test(String(h)))).slice(-4));
    expect(headers).toEqual(['Nämnd', 'Verksamhet', 'Konto', 'Benämning', `Budget ${year}`, `Budget ${year + 1}`, `Budget ${year + 2}`]);
    expect(drift.getTables?.().length ?? 1).toBeGreaterThan(0);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it('says in one clear Swedish line when a file is not a workbook', async () => {
    const page = await openPlayground('light');
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Driftbudget', exact: true }).waitFor();
    await page.getByTestId('open-file-input').setInputFiles({ name: 'inte.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('detta är ingen arbetsbok') });
    const message = await page.getByTestId('playground-error').textContent();
    expect(message).toMatch(/ingen Excel-arbetsbok/);
    expect(message).not.toMatch(/\n|Error:|at .*\.js/);
    // The sample stays open: nothing was replaced by the bad file.
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Driftbudget', exact: true }).waitFor();
    await page.context().close();
  });
});

async function expectText(text: Promise<string | null>, pattern: RegExp): Promise<void> {
  expect((await text) ?? '').toMatch(pattern);
}
