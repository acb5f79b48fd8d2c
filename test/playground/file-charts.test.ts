/**
 * The charts an opened file has (as Excel saves the ones Budgetkoll adds there) become ChartSpecs
 * the playground grid draws: clustered columns over one block, placed by the drawing's anchor.
 * Other charts are left to Excel. The input package is the hand-built one Excel would save.
 */
import { chartSpecOf, fileCharts, withFileCharts } from '../../src/playground/file-charts';
import { deps, inputParts, zipOf } from '../io/xlsx/package/input-package';
import { chartXml, packageWithChart, type Series } from './chart-package';
import { FakeWorkbook } from './fake-workbook';
import { emptySheetSpec } from '../../src/core/workbook/sheet-spec';

const oneSeries: Series[] = [{ name: 'Data!$B$1', categories: 'Data!$A$2:$A$3', values: 'Data!$B$2:$B$3' }];
const placement = { top: 1, left: 4, bottom: 14, right: 9 };

describe("an opened file's charts", () => {
  it('a clustered column chart over a block of its tab: the block, its title and the cells its anchor covers', async () => {
    const charts = await fileCharts(packageWithChart(chartXml(oneSeries)), deps.inflateRaw);
    // The chart sheet (Diagram1) and its drawing are no worksheet: left out.
    expect([...charts.keys()]).toEqual(['Data']);
    expect(charts.get('Data')).toEqual([{ kind: 'columnClustered', source: 'A1:B3', title: 'Belopp per enhet', placement: 'E2:J15' }]);
  });

  it('several series by columns, a quoted tab name with åäö and an apostrophe', () => {
    const sheet = "Mål o' uppföljning";
    const q = "'Mål o'' uppföljning'";
    const series = [
      { name: `${q}!$C$40`, categories: `${q}!$B$41:$B$44`, values: `${q}!$C$41:$C$44` },
      { name: `${q}!$D$40`, categories: `${q}!$B$41:$B$44`, values: `${q}!$D$41:$D$44` },
    ];
    expect(chartSpecOf(chartXml(series, { title: 'Nyckeltal &amp; kvadrant' }), sheet, placement)).toEqual({
      kind: 'columnClustered',
      source: 'B40:D44',
      title: 'Nyckeltal & kvadrant',
      placement: 'E2:J15',
    });
  });

  it('a title and a tab name written with numeric character references (as some writers do) read as their text', () => {
    const series = [{ name: "'M&#229;l'!$B$1", categories: "'M&#229;l'!$A$2:$A$3", values: "'M&#229;l'!$B$2:$B$3" }];
    expect(chartSpecOf(chartXml(series, { title: 'Utfall &#229;r f&#xF6;r &#229;r' }), 'Mål', placement)?.title).toBe('Utfall år för år');
    expect(chartSpecOf(chartXml(series), 'Mål', placement)?.source).toBe('A1:B3');
  });

  it('other charts are left to Excel: another kind, bars, stacked, series by rows, data on another tab', async () => {
    expect(chartSpecOf(chartXml(oneSeries, { type: 'pieChart' }), 'Data', placement)).toBeNull();
    expect(chartSpecOf(chartXml(oneSeries, { barDir: 'bar' }), 'Data', placement)).toBeNull();
    expect(chartSpecOf(chartXml(oneSeries, { grouping: 'stacked' }), 'Data', placement)).toBeNull();
    const byRows = [{ name: 'Data!$A$2', categories: 'Data!$B$1:$C$1', values: 'Data!$B$2:$C$2' }];
    expect(chartSpecOf(chartXml(byRows), 'Data', placement)).toBeNull();
    expect(chartSpecOf(chartXml(oneSeries), 'Blad ett', placement)).toBeNull();
    // The input as it was: a series without a name or categories.
    expect((await fileCharts(zipOf(inputParts()), deps.inflateRaw)).size).toBe(0);
  });

  it("a tab written anew this session no longer has the file's charts; the other tabs keep theirs", async () => {
    const fromFile = new Map([
      ['Data', [{ kind: 'columnClustered' as const, source: 'A1:B3', title: 'T', placement: 'E2:J15' }]],
      ['Annan', [{ kind: 'columnClustered' as const, source: 'A1:B3', title: 'U', placement: 'E2:J15' }]],
    ]);
    const inner = new FakeWorkbook([{ name: 'Data', rows: [['x']] }, { name: 'Annan', rows: [['y']] }], () => undefined);
    const file = withFileCharts(inner, fromFile);
    expect(file.charts('data')).toHaveLength(1); // tab names are case-insensitive, as in Excel
    await file.port.writeSheet(emptySheetSpec('Data'), { replace: 'Data' });
    expect(file.charts('Data')).toBeUndefined();
    expect(file.charts('Annan')).toHaveLength(1);
    expect(await file.port.index()).toEqual(await inner.index());
  });
});
