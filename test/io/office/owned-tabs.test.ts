/**
 * Budgetkoll's own result tabs through the Office adapter and its strict test double:
 * - the allocation result tab and the follow-up tabs of a large workbook are written with no
 *   request above 4 MB (Excel on the web refuses 5 MB);
 * - a refresh of a filled follow-up tab that fails at any write step leaves the previous tab
 *   exactly as it was, typed inputs included, and no half-written tab.
 */
import { runAllocation } from '../../../src/core/allocation/model';
import { buildAllocationTab } from '../../../src/core/allocation/result-tab';
import { buildFollowUpTab, readFollowUp, refreshFollowUpTab } from '../../../src/core/followup';
import { generateSample, sampleToSheetSpecs } from '../../../src/core/sample';
import { parseA1, rangeToA1 } from '../../../src/core/a1';
import { mergedAreas } from '../../../src/core/workbook/sheet-spec';
import { OfficeWorkbookPort, type ExcelRunner } from '../../../src/io/office/office-port';
import { recognizeSpecs } from '../../core/sample/recognize-specs';
import { cellIn } from '../../core/followup/helpers';
import { ExcelDouble } from './excel-double';

const FOUR_MB = 4 * 1024 * 1024;
const BUN = 'Barn- och ungdomsnämnden';

function officePort(double: ExcelDouble): OfficeWorkbookPort {
  return new OfficeWorkbookPort(double.run as unknown as ExcelRunner, { isSetSupported: () => true });
}

describe('owned tabs through the Office adapter', () => {
  it('writes the allocation and follow-up tabs of a 200 000-row workbook in requests of at most 4 MB', async () => {
    const sample = generateSample({ rows: 200_000, seed: 1 });
    const model = recognizeSpecs(sampleToSheetSpecs(sample), 'followUp');
    const allocation = runAllocation(recognizeSpecs(sampleToSheetSpecs(sample), 'allocation'))!;
    const double = new ExcelDouble();
    const port = officePort(double);
    const allocationTab = buildAllocationTab(allocation, recognizeSpecs(sampleToSheetSpecs(sample), 'allocation'), new Date('2027-03-01T10:00:00Z'));
    const followUpTab = buildFollowUpTab({ model, report: 'august', board: BUN, year: model.years![0], generatedAt: new Date('2027-09-15T08:00:00Z') });
    expect(allocationTab.rows.length).toBeGreaterThan(5000);
    expect(followUpTab.rows.length).toBeGreaterThan(1000);
    await port.writeSheet(allocationTab);
    await port.writeSheet(followUpTab);
    expect(double.largestRequest).toBeLessThanOrEqual(FOUR_MB);
    expect(double.largestResponse).toBeLessThanOrEqual(FOUR_MB);
    expect(double.inspect().map((s) => s.name)).toEqual([allocationTab.name, 'Delår aug 2027 Barn- o ungd.n.']);
    // Every merged cell of the spec is in the sheet, though the Åtgärder rows' merges (two per row)
    // went over as a few blocks merged row by row.
    const merged = double.sheet('Delår aug 2027 Barn- o ungd.n.').merges.map((m) => rangeToA1(m));
    const wanted = mergedAreas(followUpTab).map((m) => rangeToA1(m));
    expect([...merged].sort()).toEqual([...wanted].sort());
    expect(wanted.length).toBeGreaterThan(1000);
    expect(followUpTab.mergesAcross!.length).toBeLessThan(10);
    expect(double.operationCounts.get('range.merge')).toBeLessThan(100);
  }, 120_000);

  it('a refresh failing at any write step leaves the filled tab exactly as it was', async () => {
    const sample = generateSample({ seed: 2 });
    const specs = sampleToSheetSpecs(sample);
    const double = new ExcelDouble();
    const port = officePort(double);
    for (const spec of specs) await port.writeSheet(spec);
    const first = await readFollowUp(port);
    const tab = buildFollowUpTab({ model: first.model, report: 'august', board: BUN, year: 2027, generatedAt: new Date('2027-09-15T08:00:00Z') });
    const { name } = await port.writeSheet(tab);
    // A person fills in a forecast and a comment.
    const forecast = parseA1(cellIn(tab, 'Ekonomisk uppföljning', 'Elevhälsa', 'Prognos helår'))!;
    const sheet = double.sheet(name);
    while (sheet.values.length <= forecast.row) sheet.values.push([]);
    sheet.values[forecast.row][forecast.col] = 26_000;
    const before = double.inspect();
    const filled = (await readFollowUp(port)).tabs[0];
    const refreshed = refreshFollowUpTab(first.model, filled, new Date('2027-09-20T13:30:00Z'));

    let failures = 0;
    // Step through the write operations of the refresh: every one of them may fail.
    for (let nth = 1; nth <= 400; nth += 7) {
      double.failAt({ kind: 'write', nth });
      try {
        await port.writeSheet(refreshed, { replace: name });
      } catch {
        failures++;
        expect(double.inspect()).toEqual(before);
        continue;
      }
      expect(double.injectionFired).toBe(false);
      break;
    }
    expect(failures).toBeGreaterThan(5);
    // With no failure, the refresh replaces the tab in place and the typed forecast is kept.
    double.failAt({ kind: 'write', nth: Number.MAX_SAFE_INTEGER });
    const result = await port.writeSheet(refreshed, { replace: name });
    expect(result.name).toBe(name);
    expect(double.inspect().map((s) => s.name)).toEqual(before.map((s) => s.name));
    const tabAfter = double.inspect().find((s) => s.name === name)!;
    expect(Object.values(tabAfter.values)).toContain(26_000);
  }, 120_000);
});
