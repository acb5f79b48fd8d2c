/**
 * Follow-up tabs recalculated by a real spreadsheet engine: the sample's input tabs and a generated
 * follow-up tab are written through XlsxWorkbookPort (formulas without cached results), LibreOffice
 * recalculates them, and the total row's Budget helår, Budget t.o.m. period, Utfall t.o.m. period
 * and deviations must equal sums computed here, independently, from the sample's Driftbudget and
 * Utfall rows. Names with SUMIFS wildcards and periods written as dates or yyyymm numbers are
 * covered too. The recalculated tab is then read back through the port and checked: no UPF-STALE,
 * no UPF-TAMPERED. A refreshed tab and KS's sammanställning are recalculated the same way.
 * The workbooks are kept in test-output/followup/ for the render check.
 */
import { mkdir, writeFile } from 'fs/promises';
import { join } from 'path';
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { buildConsolidation, buildFollowUpTab, checkFollowUpTab, readFollowUp, refreshFollowUpTab, REPORT_IDS, reportInfo, type FilledTabInputs, type FollowUpReport } from '../../src/core/followup';
import { readBudgetModel, type BudgetModel } from '../../src/core/recognition';
import { generateSample, sampleToSheetSpecs, type SampleWorkbook } from '../../src/core/sample';
import { excelSerial } from '../../src/core/templates/excel-date';
import type { SheetSpec } from '../../src/core/workbook/sheet-spec';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';
import { recalculate } from './libreoffice';

const BUN = 'Barn- och ungdomsnämnden';
const YEAR = 2027;
const GENERATED_AT = new Date('2027-09-15T08:00:00Z');
const OUTPUT = join(__dirname, '..', '..', 'test-output', 'followup');

type Row = (string | number | null)[];

function rowsOf(sample: SampleWorkbook, input: string): { header: string[]; rows: Row[] } {
  const sheet = sample.sheets.find((s) => s.input === input)!;
  return { header: sheet.header, rows: sheet.rows };
}

/** "YYYY-MM" of a period cell as the sample (or this test) wrote it: text, date serial or yyyymm. */
function periodOf(value: string | number | null): string {
  if (typeof value === 'string') return value.slice(0, 7);
  if (typeof value === 'number' && value >= 190001 && value <= 209912) return `${Math.floor(value / 100)}-${String(value % 100).padStart(2, '0')}`;
  if (typeof value === 'number') return new Date(Math.round((value - 25569) * 86400000)).toISOString().slice(0, 7);
  return '';
}

interface Expected {
  budget: number;
  actual: number;
}

/** Sums straight from the sample's rows: Budget YEAR and Utfall up to the report's month. */
function expectedSums(sample: SampleWorkbook, report: FollowUpReport, match: (board: string, activity: string) => boolean): Expected {
  const drift = rowsOf(sample, 'driftbudget');
  const budgetCol = drift.header.indexOf(`Budget ${YEAR}`);
  const utfall = rowsOf(sample, 'utfall');
  const [boardCol, activityCol, periodCol, amountCol] = ['Nämnd', 'Verksamhet', 'Period', 'Belopp'].map((h) => utfall.header.indexOf(h));
  const last = `${YEAR}-${String(reportInfo(report).end.month).padStart(2, '0')}`;
  let budget = 0;
  for (const r of drift.rows) if (match(String(r[0]), String(r[1]))) budget += Number(r[budgetCol]);
  let actual = 0;
  for (const r of utfall.rows) {
    const period = periodOf(r[periodCol]);
    if (match(String(r[boardCol]), String(r[activityCol])) && period >= `${YEAR}-01` && period <= last) actual += Number(r[amountCol]);
  }
  return { budget, actual };
}

/** Forecasts a nämnd's controller might type: a deficit on the first verksamhet, the rest on budget. */
function typedForecasts(model: BudgetModel, board: string): { inputs: FilledTabInputs; forecasts: Map<string, number> } {
  const budgets = new Map<string, number>();
  for (const r of model.operatingBudget) if (r.board === board) budgets.set(r.activity, (budgets.get(r.activity) ?? 0) + r.amounts[0] / 1000);
  const forecasts = new Map<string, number>();
  [...budgets].forEach(([activity, budget], i) => forecasts.set(activity, Math.round(i === 0 ? budget * 1.04 : budget - 10 * i)));
  return {
    forecasts,
    inputs: {
      values: [...forecasts].map(([activity, value]) => ({
        key: { section: 'ekonomi' as const, board, item: activity },
        field: 'forecast',
        value,
        label: activity,
        origin: 'row' as const,
      })),
    },
  };
}

async function portWith(specs: SheetSpec[]): Promise<XlsxWorkbookPort> {
  const port = XlsxWorkbookPort.createEmpty();
  for (const spec of specs) await port.writeSheet(spec);
  return port;
}

interface Recalculated {
  sheet: Worksheet;
  buffer: Uint8Array;
  name: string;
}

async function writeAndRecalculate(port: XlsxWorkbookPort, tab: SheetSpec, file: string | null): Promise<Recalculated> {
  const { name } = await port.writeSheet(tab, { position: 'start' });
  const buffer = await recalculate(await port.toBuffer());
  if (file) {
    await mkdir(OUTPUT, { recursive: true });
    await writeFile(join(OUTPUT, file), buffer);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(name);
  if (!sheet) throw new Error(`tab ${name} missing after recalculation`);
  return { sheet, buffer, name };
}

/** 1-based row whose column B reads `label`, and the header row above it holding the section's column titles. */
function rowByLabel(sheet: Worksheet, label: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 2).text === label) return r;
  throw new Error(`no row ${label}`);
}

/** Column (1-based) of a header above `below`; a header may take two rows ("Budget" over "helår"). */
function columnByHeader(sheet: Worksheet, below: number, header: string): number {
  for (let r = below; r >= 2; r--) {
    for (let c = 2; c <= 10; c++) {
      const text = sheet.getCell(r, c).text;
      if (text === header || `${sheet.getCell(r - 1, c).text} ${text}` === header) return c;
    }
  }
  throw new Error(`no column ${header}`);
}

function resultAt(sheet: Worksheet, row: number, col: number): unknown {
  const cell = sheet.getCell(row, col);
  expect({ address: cell.address, formula: Boolean(cell.formula) }).toEqual({ address: cell.address, formula: true });
  return cell.result;
}

/** A sample whose names carry SUMIFS wildcards and whose ledger writes some periods as dates and yyyymm numbers. */
function trickySample(): SampleWorkbook {
  const sample = generateSample();
  const rename = new Map([
    ['Förskola Centrum', 'Förskola*'],
    ['Elevhälsa', 'Elevhälsa ~ stöd?'],
  ]);
  return {
    ...sample,
    sheets: sample.sheets.map((s) => {
      if (s.input !== 'driftbudget' && s.input !== 'utfall') return s;
      const rows = s.rows.map((row) => {
        const out = [...row];
        if (out[0] === BUN && typeof out[1] === 'string' && rename.has(out[1])) out[1] = rename.get(out[1])!;
        if (s.input === 'utfall' && out[0] === BUN) {
          if (out[3] === `${YEAR}-02`) out[3] = excelSerial(YEAR, 2, 15);
          else if (out[3] === `${YEAR}-03`) out[3] = YEAR * 100 + 3;
        }
        return out;
      });
      return { ...s, rows };
    }),
  };
}

describe('follow-up tabs recalculated by LibreOffice', () => {
  const sample = generateSample();
  const specs = sampleToSheetSpecs(sample, { instructions: false });

  it.each(REPORT_IDS.map((r) => [r]))('%s: the total row agrees with sums of Driftbudget and Utfall', async (report) => {
    const port = await portWith(specs);
    const model = await readBudgetModel(port, 'followUp');
    const { inputs, forecasts } = typedForecasts(model, BUN);
    // Forecasts are typed in April and August; the årsbokslut has none.
    const previous = report === 'december' ? undefined : inputs;
    const tab = buildFollowUpTab({ model, report, board: BUN, year: YEAR, generatedAt: GENERATED_AT, previous });
    const { sheet, buffer, name } = await writeAndRecalculate(port, tab, `uppfoljning-${report}.xlsx`);
    const months = reportInfo(report).months;
    const expected = expectedSums(sample, report, (board) => board === BUN);
    const total = rowByLabel(sheet, `Summa ${BUN}`);
    const at = (header: string) => resultAt(sheet, total, columnByHeader(sheet, total, header)) as number;

    if (report === 'december') {
      expect(at('Budget')).toBeCloseTo(expected.budget, 6);
      expect(at('Utfall')).toBeCloseTo(expected.actual, 6);
      expect(at('Avvikelse')).toBeCloseTo(expected.budget - expected.actual, 6);
    } else {
      const forecastTotal = [...forecasts.values()].reduce((s, v) => s + v, 0);
      expect(at('Budget helår')).toBeCloseTo(expected.budget, 6);
      expect(at('Budget t.o.m. period')).toBeCloseTo((expected.budget * months) / 12, 6);
      expect(at('Utfall t.o.m. period')).toBeCloseTo(expected.actual, 6);
      expect(at('Avvikelse t.o.m. period')).toBeCloseTo((expected.budget * months) / 12 - expected.actual, 6);
      expect(at('Prognos helår')).toBeCloseTo(forecastTotal, 6);
      expect(at('Avvikelse helår')).toBeCloseTo(expected.budget - forecastTotal, 6);
    }
    // The sample's ledger (months 1–8) is real money: the period's outcome is far from nothing.
    expect(expected.actual).toBeGreaterThan((expected.budget * Math.min(months, 8)) / 12 * 0.8);

    // Read back through the port as the add-in would: formulas intact, nothing stale or overwritten.
    const back = await readFollowUp(await XlsxWorkbookPort.fromBuffer(buffer));
    const filled = back.tabs.find((t) => t.sheet === name)!;
    expect(filled.report).toBe(report);
    const findings = checkFollowUpTab(filled, back.model);
    const rules = new Set(findings.map((f) => f.rule));
    expect(rules.has('UPF-STALE')).toBe(false);
    expect(rules.has('UPF-TAMPERED')).toBe(false);
    expect(rules.has('UPF-PROGNOS-MISSING')).toBe(false);
    // The sample's ledger runs to August: April's tab sees later periods, August's and December's do not.
    expect(rules.has('UPF-PERIOD')).toBe(report === 'april');
    // The typed deficit (4 % over budget on the first verksamhet) needs an åtgärd in April and August.
    if (report !== 'december') expect(findings.some((f) => f.rule === 'UPF-ATGARD-MISSING')).toBe(true);
  });

  it('kommun level: one row per nämnd and the kommun total', async () => {
    const port = await portWith(specs);
    const model = await readBudgetModel(port, 'followUp');
    const tab = buildFollowUpTab({ model, report: 'august', board: 'Kommunen', year: YEAR, generatedAt: GENERATED_AT });
    const { sheet } = await writeAndRecalculate(port, tab, 'uppfoljning-august-kommunen.xlsx');
    const all = expectedSums(sample, 'august', () => true);
    const total = rowByLabel(sheet, 'Summa kommunen');
    expect(resultAt(sheet, total, columnByHeader(sheet, total, 'Budget helår'))).toBeCloseTo(all.budget, 6);
    expect(resultAt(sheet, total, columnByHeader(sheet, total, 'Utfall t.o.m. period'))).toBeCloseTo(all.actual, 6);
    const voo = 'Vård- och äldreomsorgsnämnden';
    const vooExpected = expectedSums(sample, 'august', (board) => board === voo);
    const row = rowByLabel(sheet, voo);
    expect(resultAt(sheet, row, columnByHeader(sheet, row, 'Budget helår'))).toBeCloseTo(vooExpected.budget, 6);
    expect(resultAt(sheet, row, columnByHeader(sheet, row, 'Utfall t.o.m. period'))).toBeCloseTo(vooExpected.actual, 6);
  });

  it('escapes wildcards in names and sums periods written as dates and yyyymm numbers', async () => {
    const tricky = trickySample();
    const port = await portWith(sampleToSheetSpecs(tricky, { instructions: false }));
    const model = await readBudgetModel(port, 'followUp');
    const tab = buildFollowUpTab({ model, report: 'august', board: BUN, year: YEAR, generatedAt: GENERATED_AT });
    const { sheet } = await writeAndRecalculate(port, tab, null);
    for (const activity of ['Förskola*', 'Förskola Nolhaga', 'Elevhälsa ~ stöd?']) {
      const expected = expectedSums(tricky, 'august', (board, a) => board === BUN && a === activity);
      const row = rowByLabel(sheet, activity);
      expect([activity, resultAt(sheet, row, columnByHeader(sheet, row, 'Budget helår'))]).toEqual([activity, expect.closeTo(expected.budget, 6)]);
      expect([activity, resultAt(sheet, row, columnByHeader(sheet, row, 'Utfall t.o.m. period'))]).toEqual([activity, expect.closeTo(expected.actual, 6)]);
    }
    const all = expectedSums(tricky, 'august', (board) => board === BUN);
    const total = rowByLabel(sheet, `Summa ${BUN}`);
    expect(resultAt(sheet, total, columnByHeader(sheet, total, 'Utfall t.o.m. period'))).toBeCloseTo(all.actual, 6);
    // The core reads the same periods: its sum agrees with the sheet's.
    const core = model.actuals.filter((a) => a.board === BUN && a.period >= `${YEAR}-01` && a.period <= `${YEAR}-08`).reduce((s, a) => s + a.amount, 0) / 1000;
    expect(core).toBeCloseTo(all.actual, 6);
  });

  it('sammanställning: formulas into the nämnd tabs of the workbook, Driftbudget for nämnder without one', async () => {
    const port = await portWith(specs);
    const model = await readBudgetModel(port, 'followUp');
    const voo = 'Vård- och äldreomsorgsnämnden';
    for (const board of [BUN, voo]) {
      const { inputs } = typedForecasts(model, board);
      await port.writeSheet(buildFollowUpTab({ model, report: 'august', board, year: YEAR, generatedAt: GENERATED_AT, previous: inputs }));
    }
    const read = await readFollowUp(port);
    expect(read.tabs.map((t) => t.board)).toEqual([BUN, voo]);
    const compiled = buildConsolidation(read.tabs, read.model, YEAR, 'august', { generatedAt: GENERATED_AT });
    const { sheet } = await writeAndRecalculate(port, compiled, 'sammanstallning-august.xlsx');
    const row = rowByLabel(sheet, BUN);
    const budget = columnByHeader(sheet, row, 'Budget helår');
    expect(resultAt(sheet, row, budget)).toBeCloseTo(expectedSums(sample, 'august', (b) => b === BUN).budget, 6);
    expect(resultAt(sheet, row, columnByHeader(sheet, row, 'Utfall t.o.m. period'))).toBeCloseTo(expectedSums(sample, 'august', (b) => b === BUN).actual, 6);
    const social = rowByLabel(sheet, 'Socialnämnden');
    expect(resultAt(sheet, social, budget)).toBeCloseTo(expectedSums(sample, 'august', (b) => b === 'Socialnämnden').budget, 6);
    const total = rowByLabel(sheet, 'Summa kommunen');
    expect(resultAt(sheet, total, budget)).toBeCloseTo(expectedSums(sample, 'august', () => true).budget, 6);
  });

  it('refresh after the budget changed: the new verksamhet is summed, typed forecasts stay, vanished rows are kept', async () => {
    const port = await portWith(specs);
    const model = await readBudgetModel(port, 'followUp');
    const { inputs, forecasts } = typedForecasts(model, BUN);
    await port.writeSheet(buildFollowUpTab({ model, report: 'august', board: BUN, year: YEAR, generatedAt: GENERATED_AT, previous: inputs }));
    const filled = (await readFollowUp(port)).tabs[0];

    const changed: SampleWorkbook = {
      ...sample,
      sheets: sample.sheets.map((s) =>
        s.input === 'driftbudget'
          ? { ...s, rows: [...s.rows.filter((r) => !(r[0] === BUN && r[1] === 'Skolskjuts')), [BUN, 'Läxhjälp', 5010, 'Löner', 2_400, 2_450, 2_500]] }
          : s.input === 'utfall'
            ? { ...s, rows: s.rows.filter((r) => !(r[0] === BUN && r[1] === 'Skolskjuts')) }
            : s,
      ),
    };
    const changedPort = await portWith(sampleToSheetSpecs(changed, { instructions: false }));
    const changedModel = await readBudgetModel(changedPort, 'followUp');
    const refreshed = refreshFollowUpTab(changedModel, filled, new Date('2027-09-20T13:30:00Z'));
    const { sheet } = await writeAndRecalculate(changedPort, refreshed, 'uppfoljning-august-uppdaterad.xlsx');
    const total = rowByLabel(sheet, `Summa ${BUN}`);
    expect(resultAt(sheet, total, columnByHeader(sheet, total, 'Budget helår'))).toBeCloseTo(expectedSums(changed, 'august', (b) => b === BUN).budget, 6);
    const row = rowByLabel(sheet, 'Läxhjälp');
    expect(resultAt(sheet, row, columnByHeader(sheet, row, 'Budget helår'))).toBe(2_400);
    const kept = rowByLabel(sheet, 'Grundskola Centrum');
    expect(sheet.getCell(kept, columnByHeader(sheet, kept, 'Prognos helår')).value).toBe(forecasts.get('Grundskola Centrum'));
    const removed = rowByLabel(sheet, 'Ekonomisk uppföljning: Skolskjuts');
    expect(sheet.getCell(removed, 9).value).toBe(forecasts.get('Skolskjuts'));
  });
});
