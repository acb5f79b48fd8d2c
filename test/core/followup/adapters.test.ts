/**
 * The follow-up job through both WorkbookPort adapters, as the task pane and the CLI will run it:
 * write the sample and a generated tab, let a person type into it (straight into the host's cells),
 * read inputs and tabs in one read phase, refresh with `replace`, and read the typed values back.
 * Also: the tab's input cells are the only unlocked ones once written, in both hosts.
 */
import { parseA1, parseRangeA1, toA1 } from '../../../src/core/a1';
import { buildFollowUpTab, readFollowUp, refreshFollowUpTab, typedInputs } from '../../../src/core/followup';
import type { SheetSpec } from '../../../src/core/workbook/sheet-spec';
import { OfficeWorkbookPort, type ExcelRunner } from '../../../src/io/office/office-port';
import type { WorkbookPort } from '../../../src/core/workbook/port';
import { XlsxWorkbookPort } from '../../../src/io/xlsx/xlsx-port';
import { ExcelDouble } from '../../io/office/excel-double';
import { recognizeSpecs } from '../sample/recognize-specs';
import { cellIn, sample, sampleSpecs, withRows } from './helpers';

const BUN = 'Barn- och ungdomsnämnden';
const GENERATED_AT = new Date('2027-09-15T08:00:00Z');

interface Host {
  port: WorkbookPort;
  /** A person typing into a cell of a tab (A1 of the sheet). */
  type(sheet: string, address: string, value: string | number): void;
  /** Whether a cell is locked (protected) in the host. */
  locked(sheet: string, address: string): boolean;
}

function xlsxHost(): Host {
  const port = XlsxWorkbookPort.createEmpty();
  return {
    port,
    type: (sheet, address, value) => {
      port.workbook.getWorksheet(sheet)!.getCell(address).value = value;
    },
    locked: (sheet, address) => port.workbook.getWorksheet(sheet)!.getCell(address).protection?.locked !== false,
  };
}

function officeHost(): Host {
  const double = new ExcelDouble();
  const port = new OfficeWorkbookPort(double.run as unknown as ExcelRunner, { isSetSupported: () => true });
  return {
    port,
    type: (sheet, address, value) => {
      const state = double.sheet(sheet);
      const { row, col } = parseA1(address)!;
      while (state.values.length <= row) state.values.push([]);
      state.values[row][col] = value;
      state.formulas.delete(row * 16384 + col);
    },
    locked: (sheet, address) => double.formatAt(sheet, address).locked !== false,
  };
}

/** Sheet address of a content cell of the spec (the spec's rows already include the marker row). */
function at(spec: SheetSpec, title: string, label: string, header: string): string {
  return cellIn(spec, title, label, header);
}

describe('the quadrant chart', () => {
  it('is drawn by the Office adapter over its source block and kept free rows; the xlsx file shows the table', async () => {
    const double = new ExcelDouble();
    const port = new OfficeWorkbookPort(double.run as unknown as ExcelRunner, { isSetSupported: () => true });
    for (const spec of sampleSpecs()) await port.writeSheet(spec);
    const model = (await readFollowUp(port)).model;
    const spec = buildFollowUpTab({ model, report: 'december', board: BUN, year: 2027, generatedAt: GENERATED_AT });
    const written = await port.writeSheet(spec);
    const chart = spec.charts![0];
    const source = parseRangeA1(chart.source)!;
    const placement = parseRangeA1(chart.placement)!;
    expect(double.sheet(written.name).charts).toEqual([
      {
        type: 'ColumnClustered',
        source: { sheet: written.name, rect: source },
        seriesBy: 'Columns',
        title: chart.title,
        position: { start: toA1(placement.top, placement.left), end: toA1(placement.bottom, placement.right) },
      },
    ]);

    const xlsx = XlsxWorkbookPort.createEmpty();
    await xlsx.writeSheet(spec);
    const sheet = xlsx.workbook.getWorksheet(spec.name)!;
    expect(String(sheet.getCell(placement.top + 1, placement.left + 1).value)).toContain('diagram över kvadranten');
  });
});

describe.each([
  ['xlsx (ExcelJS)', xlsxHost],
  ['Office (test double)', officeHost],
])('the follow-up job through the %s adapter', (_name, makeHost) => {
  it('writes the tab with only the inputs unlocked, reads typed values back and refreshes by key', async () => {
    const host = makeHost();
    const workbook = sample();
    for (const spec of sampleSpecs(workbook)) await host.port.writeSheet(spec);
    const first = await readFollowUp(host.port);
    expect(first.tabs).toEqual([]);

    const spec = buildFollowUpTab({ model: first.model, report: 'august', board: BUN, year: 2027, generatedAt: GENERATED_AT });
    const { name } = await host.port.writeSheet(spec);
    expect(name).toBe('Delår aug 2027 Barn- o ungd.n.');
    const forecast = at(spec, 'Ekonomisk uppföljning', 'Elevhälsa', 'Prognos helår');
    const comment = at(spec, 'Ekonomisk uppföljning', 'Skolskjuts', 'Kommentar');
    expect(host.locked(name, forecast)).toBe(false);
    expect(host.locked(name, at(spec, 'Ekonomisk uppföljning', 'Elevhälsa', 'Budget helår'))).toBe(true);
    expect(host.locked(name, 'B2')).toBe(true);

    host.type(name, forecast, 26_000);
    host.type(name, comment, '+ fler resor än budgeterat');
    const second = await readFollowUp(host.port);
    expect(second.tabs.map((t) => [t.sheet, t.report, t.board])).toEqual([[name, 'august', BUN]]);
    const typed = typedInputs(second.tabs[0]).values.filter((v) => v.key.section === 'ekonomi');
    expect(typed.map((v) => [v.key.item, v.field, v.value])).toEqual([
      ['Elevhälsa', 'forecast', 26_000],
      ['Skolskjuts', 'comment', '+ fler resor än budgeterat'],
    ]);

    // Skolskjuts leaves the budget; refresh replaces the tab in place and keeps both values.
    const changed = withRows(withRows(workbook, 'driftbudget', (rows) => rows.filter((r) => r[1] !== 'Skolskjuts')), 'utfall', (rows) => rows.filter((r) => r[1] !== 'Skolskjuts'));
    const changedModel = recognizeSpecs(sampleSpecs(changed), 'followUp');
    const refreshed = refreshFollowUpTab(changedModel, second.tabs[0], new Date('2027-09-20T13:30:00Z'));
    const { name: replaced } = await host.port.writeSheet(refreshed, { replace: name });
    expect(replaced).toBe(name);
    const third = await readFollowUp(host.port);
    expect(third.tabs).toHaveLength(1);
    const kept = typedInputs(third.tabs[0]).values.filter((v) => v.key.section === 'ekonomi');
    expect(kept.map((v) => [v.key.item, v.field, v.value, v.origin])).toEqual([
      ['Elevhälsa', 'forecast', 26_000, 'row'],
      ['Skolskjuts', 'comment', '+ fler resor än budgeterat', 'removed'],
    ]);
  });
});
