import { toA1 } from '../../../src/core/a1';
import { encodeMarker } from '../../../src/core/workbook/marker';
import { gridValue, type RawGrid } from '../../../src/core/workbook/raw';
import { emptySheetSpec, type SpecCell } from '../../../src/core/workbook/sheet-spec';
import { NUMBER_FORMATS, STYLES } from '../../../src/core/workbook/styles';
import { columnWidthPoints } from '../../../src/io/office/format';
import { DEFAULT_PAYLOAD_BUDGET } from '../../../src/io/office/payload';
import { MIN_EXCEL_API } from '../../../src/io/office/requirements';
import { WorkbookError, type WorkbookErrorKind } from '../../../src/core/workbook/port';
import { describePortContract, type SeedSheet } from '../port-contract';
import { DRIFTBUDGET_HEADER, driftbudgetRows, seedBudgetWorkbook } from './budget-workbook';
import { ExcelDouble, type ExcelDoubleOptions } from './excel-double';
import { LISTING_SYNCS, readFigures, readWithFigures } from './read-figures';
import { MARKER, portOver, realisticSpec, rejection, seedUserWorkbook, upTo, workbookState } from './office-fixtures';

describePortContract('Office adapter', async (seed: SeedSheet[]) => {
  const double = new ExcelDouble();
  for (const sheet of seed) double.addSheet(sheet.name, sheet.rows, { tables: sheet.tables });
  return {
    port: portOver(double),
    inspect: async () => double.inspect(),
    selected: () => double.selected,
  };
});


// -------------------------------------------------------------------------------------------------

describe('Office adapter: reading all inputs of S, M and L', () => {
  const MB4 = DEFAULT_PAYLOAD_BUDGET;

  it.each([
    ['S', 2_000, 1],
    ['M', 20_000, 2],
  ])('%s (%i Driftbudget rows): the listing + %i data sync(s), nothing above 4 MB', async (_size, rows, dataSyncs) => {
    const figures = await readFigures(rows);
    // Listing (sheets+tables, then used ranges+samples), then the data. S fits one sync; M's
    // values with their value types (which tell an error from text) weigh about 4 MB, so two.
    expect(figures.syncs).toBe(LISTING_SYNCS + dataSyncs);
    expect(figures.dataSyncs).toBeLessThanOrEqual(Math.ceil(figures.dataResponseBytes / (0.8 * MB4)));
    expect(figures.largestRequestBytes).toBeLessThanOrEqual(MB4);
    expect(figures.largestResponseBytes).toBeLessThanOrEqual(MB4);
    expect(figures.cells).toBeGreaterThan(rows * 7);
  });

  it('L (200 000 rows): 2 listing syncs + payload chunks filled close to the budget, nothing above 4 MB', async () => {
    const { figures, result } = await readWithFigures(200_000);
    expect(figures.largestRequestBytes).toBeLessThanOrEqual(MB4);
    expect(figures.largestResponseBytes).toBeLessThanOrEqual(MB4);
    // The formula: syncs = 2 + D, where D is the number of payload chunks; D can be no smaller than
    // the data divided by the budget, and chunks are filled to at least 80 % of it (sized by
    // measured bytes, not a fixed row count), so D is at most the data divided by 0.8 × budget.
    expect(figures.syncs).toBe(LISTING_SYNCS + figures.dataSyncs);
    expect(figures.dataSyncs).toBeGreaterThanOrEqual(Math.ceil(figures.dataResponseBytes / MB4));
    expect(figures.dataSyncs).toBeLessThanOrEqual(Math.ceil(figures.dataResponseBytes / (0.8 * MB4)));
    // Blocks, not rows: a handful of range reads per chunk.
    expect(figures.rangeLoads).toBeLessThan(60);

    // And it read everything, in order.
    const expected = driftbudgetRows(200_000);
    const drift = result.grids.get('Driftbudget') as RawGrid;
    expect(drift.values.length).toBe(200_001);
    expect(drift.values[0]).toEqual(DRIFTBUDGET_HEADER);
    for (const r of [1, 2, 99_999, 150_000, 200_000]) expect(drift.values[r]).toEqual(expected[r]);
    expect(figures.cells).toBeGreaterThan(200_000 * 7);
  });
});

describe('Office adapter: read', () => {
  it('converts error codes to CellError and "" to null, and maps only real formulas', async () => {
    const double = new ExcelDouble({ formulaResult: (_s, address) => (address === 'C1' ? '#DIV/0!' : 2) });
    double.addSheet('Blad', [[{ error: '#REF!' }, '', '=A2/0', '=1+1'], [1, 'text', null, true]]);
    // A text cell holding "=x" (number format "@") is not a formula.
    double.sheet('Blad').numberFormats.set(1 * 16384 + 2, '@');
    const port = portOver(double);
    const setUp = await port.writeSheet({ ...emptySheetSpec('Text'), rows: [[{ value: '=A1' }, { formula: '=1' }]] });
    const result = await port.read(() => ({
      ranges: [
        { id: 'b', sheet: 'Blad', address: 'A1:D2', formulas: true, numberFormats: false },
        { id: 't', sheet: setUp.name, address: 'A1:B1', formulas: true, numberFormats: true },
      ],
    }));
    const b = result.grids.get('b') as RawGrid;
    expect(gridValue(b, 0, 0)).toMatchObject({ code: '#REF!' });
    expect(gridValue(b, 0, 1)).toBeNull();
    expect(gridValue(b, 0, 2)).toMatchObject({ code: '#DIV/0!' });
    expect(gridValue(b, 1, 3)).toBe(true);
    expect(b.formulas).toEqual({ C1: '=A2/0', D1: '=1+1' });
    const t = result.grids.get('t') as RawGrid;
    expect(gridValue(t, 0, 0)).toBe('=A1');
    expect(t.formulas).toEqual({ B1: '=1' });
    expect(t.numberFormats).toEqual([['@', 'General']]);
  });

  it('sizes chunks by measured bytes: heavier cells give more, smaller chunks, each filled close to the budget', async () => {
    const budget = 200_000;
    const light = new ExcelDouble();
    // Amounts of every magnitude, in no particular order (as in a ledger export).
    light.addSheet('Data', Array.from({ length: 60_000 }, (_, i) => [(i * 7919) % 100_003, ((i * 104_729) % 1_000_003) / 10]));
    const heavy = new ExcelDouble();
    const text = 'Köp av huvudverksamhet från privata utförare inom äldreomsorgen';
    heavy.addSheet('Data', Array.from({ length: 60_000 }, (_, i) => [i, `${text} ${i}`]));
    const plan = () => ({ ranges: [{ id: 'd', sheet: 'Data', address: 'A1:B60000', formulas: false, numberFormats: false }] });
    for (const double of [light, heavy]) {
      const result = await portOver(double, { payloadBudget: budget }).read(plan);
      expect((result.grids.get('d') as RawGrid).values.length).toBe(60_000);
      const data = double.syncs.slice(LISTING_SYNCS).map((s) => s.responseBytes);
      expect(Math.max(...data)).toBeLessThanOrEqual(budget);
      // The first chunk is sized from the sample; every later one from measured bytes, so all but
      // the last are filled to at least 80 % of the budget.
      for (const bytes of data.slice(1, -1)) expect(bytes).toBeGreaterThanOrEqual(0.8 * budget);
    }
    // Every cell also carries its value type ("Double", "String"), the same weight in both, so the
    // heavy rows weigh about 2.5 times the light ones.
    expect(heavy.syncCount).toBeGreaterThan(light.syncCount * 2);
  });

  it('recovers when rows further down are far heavier than the sample (payload error → smaller chunks)', async () => {
    const double = new ExcelDouble({ payloadLimit: 300_000 });
    const long = 'Lång beskrivning av en risk i internkontrollplanen som upprepas många gånger. '.repeat(4);
    const rows = Array.from({ length: 3_000 }, (_, i) => (i < 60 ? [i, 'kort'] : [i, `${long}${i}`]));
    double.addSheet('Data', rows);
    const result = await portOver(double, { payloadBudget: 250_000 }).read(() => ({
      ranges: [{ id: 'd', sheet: 'Data', address: 'A1:B3000', formulas: false, numberFormats: false }],
    }));
    const grid = result.grids.get('d') as RawGrid;
    expect(grid.values.length).toBe(3_000);
    expect(grid.values[2_999]).toEqual([2_999, `${long}2999`]);
    const refused = double.syncs.filter((s) => s.failed === 'ResponsePayloadSizeLimitExceeded');
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeLessThanOrEqual(4);
    // Every accepted response stayed under the host's limit.
    for (const s of double.syncs.filter((s) => !s.failed)) expect(s.responseBytes).toBeLessThanOrEqual(300_000);
  });

  it('reports progress between chunks and cancels between them', async () => {
    const double = new ExcelDouble();
    double.addSheet('Data', Array.from({ length: 10_000 }, (_, i) => [i, `rad ${i}`, i / 3]));
    const plan = () => ({ ranges: [{ id: 'd', sheet: 'Data', address: 'A1:C10000', formulas: false, numberFormats: false }] });
    const progress: number[] = [];
    await portOver(double, { payloadBudget: 50_000 }).read(plan, { onProgress: (f) => progress.push(f) });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(1);

    const controller = new AbortController();
    double.resetCounters();
    const error = await rejection(
      portOver(double, { payloadBudget: 50_000 }).read(plan, {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    );
    expect(error.kind).toBe('cancelled');
    expect(double.syncCount).toBe(LISTING_SYNCS + 1);
  });

  it('index() is two cheap syncs that do not grow with the data', async () => {
    const small = new ExcelDouble();
    seedBudgetWorkbook(small, 100);
    const big = new ExcelDouble();
    seedBudgetWorkbook(big, 50_000);
    const a = await portOver(small).index();
    const b = await portOver(big).index();
    expect(small.syncCount).toBe(2);
    expect(big.syncCount).toBe(2);
    expect(big.largestResponse).toBeLessThan(10_000);
    expect(a.tables.map((t) => t.name)).toEqual(b.tables.map((t) => t.name));
    expect(b.tables.find((t) => t.name === 'Driftbudget')?.address).toBe('A1:G50001');
  });
});

describe('Office adapter: write', () => {
  it('writes a realistic tab with formats on blocks and all its furniture', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    const spec = realisticSpec('Uppföljning augusti 2027');
    const { name } = await portOver(double).writeSheet(spec);
    expect(name).toBe('Uppföljning augusti 2027');
    const sheet = double.sheet(name);

    // Marker in hidden row 1, values, formulas, number formats.
    expect(double.cell(name, 'A1').value).toBe(encodeMarker(MARKER));
    expect([...sheet.hiddenRows]).toEqual([0]);
    expect(double.cell(name, 'A2').value).toBe('Augustirapport 2027 – Socialnämnden');
    expect(double.cell(name, 'B5').value).toBe(1000);
    expect(double.cell(name, 'B5').numberFormat).toBe(NUMBER_FORMATS.tkr);
    expect(double.cell(name, 'D5').formula).toBe('=C5-B5');
    expect(double.cell(name, 'B29').formula).toBe('=SUM(B5:B28)');
    // Text beginning with "-" stays text.
    expect(double.cell(name, 'F5')).toMatchObject({ value: '-avvikelse förklaras senare', formula: null, numberFormat: '@' });

    // Styles: one block per rectangle, not per cell.
    expect(double.formatAt(name, 'A4')).toMatchObject({ bold: true, fill: STYLES.header.fill });
    expect(double.formatAt(name, 'C10')).toMatchObject({ fill: STYLES.input.fill, locked: false });
    expect(double.formatAt(name, 'B10').locked).toBeUndefined();
    expect(double.formatAt(name, 'A29').borders?.EdgeTop).toMatchObject({ style: 'Double' });
    expect(double.operationCounts.get('range.format.fill.color')).toBeLessThanOrEqual(5);

    // Furniture.
    expect(sheet.columnWidths.get(0)).toBe(columnWidthPoints(28));
    expect(sheet.columnWidths.get(5)).toBe(columnWidthPoints(40));
    expect(sheet.merges.map((m) => toA1(m.top, m.left))).toEqual(['A31']);
    expect(sheet.validations[0].rule).toEqual({ list: { inCellDropDown: true, source: 'Ej påbörjat,Pågår,Klart,Avbrutet' } });
    expect(sheet.validations[0].errorAlert).toMatchObject({ message: 'Välj en status i listan.', showAlert: true });
    expect(sheet.conditionalFormats[0]).toMatchObject({ type: 'Custom', formula: '=AND($D5<0,$F5="")', format: { fill: STYLES.warning.fill } });
    expect(double.tables.find((t) => t.sheet === sheet)?.name).toBe('tbl_Uppfoljning_2');
    expect(sheet.freeze).toEqual({ rows: 4, columns: 1 });
    expect(sheet.pageLayout).toEqual({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$4:$4',
      centerFooter: 'Sida &P av &N',
    });
    expect(sheet.hyperlinks.get(29 * 16384)).toEqual({ documentReference: "'Driftbudget'!A1" });
    expect(sheet.protection.protected).toBe(true);
    expect(sheet.tabColor).toBe('#1F3864');
    expect(double.calculationSuspensions).toBeGreaterThanOrEqual(1);
  });

  it('writes text that Excel would reinterpret as text: = + - @, numbers, dates, booleans, error codes', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    const texts = ['=HYPERLINK("http://x")', '+46 70 123', '-1', '@foo', '0123', '2027-08-31', 'TRUE', '#N/A', 'maj 2027', "'citat", 'Vanlig text'];
    const { name } = await portOver(double).writeSheet({
      ...emptySheetSpec('Texter'),
      rows: texts.map((value) => [{ value, numberFormat: NUMBER_FORMATS.tkr }]),
    });
    texts.forEach((text, r) => {
      const cell = double.cell(name, toA1(r, 0));
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeNull();
    });
    expect(double.cell(name, 'A11').numberFormat).toBe(NUMBER_FORMATS.tkr);
  });

  it('chunks big writes under the payload budget and still builds one complete tab', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    const rows = driftbudgetRows(20_000).map((row, r) =>
      row.map((value, c): SpecCell => (r > 0 && c === 6 ? { formula: `=F${r + 1}*1.02`, style: 'computed' } : { value, style: r === 0 ? 'header' : 'text' })),
    );
    const budget = 1_000_000;
    const { name } = await portOver(double, { payloadBudget: budget }).writeSheet({ ...emptySheetSpec('Stor'), rows });
    expect(double.largestRequest).toBeLessThanOrEqual(budget);
    expect(double.syncCount).toBeGreaterThan(3);
    expect(double.cell(name, 'A20001').value).toBe(rows[20_000][0].value);
    expect(double.cell(name, 'G20001').formula).toBe('=F20001*1.02');
    expect(double.operationCounts.get('range.format.fill.color') ?? 0).toBeLessThanOrEqual(2);
    // One range per chunk, not per row.
    expect(double.operationCounts.get('worksheet.getRange') ?? 0).toBeLessThan(60);
  });

  it('a failure at every step (each write, and each read in between) leaves the existing sheets exactly as they were and no extra tab', async () => {
    const spec = realisticSpec();
    let steps = 0;
    for (let n = 1; ; n++) {
      const double = new ExcelDouble();
      seedUserWorkbook(double);
      const before = workbookState(double);
      double.failAt({ kind: () => true, nth: n });
      const outcome = await portOver(double).writeSheet(spec).then(
        (result) => ({ result, error: null as unknown }),
        (error: unknown) => ({ result: null, error }),
      );
      if (!double.injectionFired) {
        expect(outcome.error).toBeNull();
        expect(double.sheetNames()).toHaveLength(4);
        break;
      }
      steps++;
      expect(outcome.error).toBeInstanceOf(WorkbookError);
      expect((outcome.error as WorkbookError).message).not.toContain('internal error');
      expect(workbookState(double)).toEqual(before);
    }
    // Every step really was tried: the spec takes well over a hundred operations.
    expect(steps).toBeGreaterThan(100);
  });

  it('replace: a failure at every step leaves the old tab intact, or finishes the swap once it is gone', async () => {
    const spec = realisticSpec();
    const reference = new ExcelDouble();
    seedUserWorkbook(reference);
    await portOver(reference).writeSheet(spec, { replace: 'Uppföljning augusti' });
    const replaced = workbookState(reference);
    expect(reference.sheetNames()).toEqual(['Driftbudget', 'Ramar', 'Uppföljning augusti']);
    expect(reference.tables.map((t) => t.name)).toEqual(['tbl_Driftbudget', 'tbl_Uppfoljning']);

    let failures = 0;
    let finished = 0;
    for (let n = 1; ; n++) {
      const double = new ExcelDouble();
      seedUserWorkbook(double);
      const before = workbookState(double);
      double.failAt({ kind: 'write', nth: n });
      const outcome = await portOver(double).writeSheet(spec, { replace: 'Uppföljning augusti' }).then(
        (result) => ({ result, error: null as unknown }),
        (error: unknown) => ({ result: null, error }),
      );
      if (!double.injectionFired) break;
      if (outcome.error) {
        failures++;
        expect(outcome.error).toBeInstanceOf(WorkbookError);
        expect(workbookState(double)).toEqual(before);
      } else {
        // The old tab was already deleted when the step failed: the complete new tab took its place.
        finished++;
        expect(outcome.result).toEqual({ name: 'Uppföljning augusti' });
        expect(workbookState(double)).toEqual(replaced);
      }
    }
    expect(failures).toBeGreaterThan(40);
    expect(finished).toBeGreaterThanOrEqual(1);
  });

  it('replace failing midway (conditional format) leaves the old tab intact', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    const before = workbookState(double);
    double.failAt({ kind: 'range.conditionalFormats.add', nth: 1, code: 'InvalidArgument' });
    const error = await rejection(portOver(double).writeSheet(realisticSpec(), { replace: 'Uppföljning augusti' }));
    expect(error.kind).toBe('unknown');
    expect(error.message).toContain('InvalidArgument');
    expect(workbookState(double)).toEqual(before);
    expect(double.cell('Uppföljning augusti', 'A3').value).toBe('Gammal rapport');
  });

  it('fails at the 3rd range write of a chunked write and cleans up', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    const before = workbookState(double);
    const rows = driftbudgetRows(3_000).map((row) => row.map((value): SpecCell => ({ value })));
    double.failAt({ kind: 'range.values', nth: 3 });
    const error = await rejection(portOver(double, { payloadBudget: 100_000 }).writeSheet({ ...emptySheetSpec('Stor'), rows }));
    expect(error.kind).toBe('unknown');
    expect(double.injectedAt).toBe('range.values');
    expect(workbookState(double)).toEqual(before);
  });

  it('cancelled midway (between chunks): the half-written tab is removed', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    const before = workbookState(double);
    const controller = new AbortController();
    double.onSync = (n) => {
      if (n === 3) controller.abort();
    };
    const rows = driftbudgetRows(3_000).map((row) => row.map((value): SpecCell => ({ value })));
    const error = await rejection(
      portOver(double, { payloadBudget: 100_000 }).writeSheet({ ...emptySheetSpec('Stor'), rows }, { signal: controller.signal }),
    );
    expect(error.kind).toBe('cancelled');
    expect(double.syncCount).toBeGreaterThan(3);
    expect(workbookState(double)).toEqual(before);
  });

  it('refuses to replace a tab without a marker and touches nothing', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    const before = workbookState(double);
    double.resetCounters();
    const error = await rejection(portOver(double).writeSheet(realisticSpec(), { replace: 'Ramar' }));
    expect(error.kind).toBe('not-owned');
    expect(error.message).toContain('Ramar');
    expect(workbookState(double)).toEqual(before);
    expect([...double.operationCounts.keys()].filter((k) => !k.endsWith('.load') && !k.includes('getItem') && !k.endsWith('getRange'))).toEqual([]);
  });

  it.each<[string, WorkbookErrorKind]>([
    ['AccessDenied', 'protected'],
    ['RequestPayloadSizeLimitExceeded', 'payload-too-large'],
    ['ResponsePayloadSizeLimitExceeded', 'payload-too-large'],
    ['InvalidOperationInCellEditMode', 'cell-edit-mode'],
    ['ItemNotFound', 'not-found'],
    ['ActivityLimitReached', 'busy'],
    ['GeneralException', 'unknown'],
  ])('maps %s to "%s" with our own Swedish and English text', async (code, kind) => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    double.failAt({ kind: 'range.values', nth: 1, code });
    const error = await rejection(portOver(double).writeSheet(realisticSpec('Ny')));
    expect(error.kind).toBe(kind);
    expect(error.message).not.toMatch(/resource|payload size|internal error|can't perform/i);
    expect(error.messageEn).not.toBe(error.message);
    expect(double.sheetNames()).toEqual(['Driftbudget', 'Ramar', 'Uppföljning augusti']);
  });
});

describe('Office adapter: requirement sets and run options', () => {
  it(`declares ExcelApi ${MIN_EXCEL_API} as the minimum`, () => {
    expect(MIN_EXCEL_API).toBe('1.8');
  });

  it('uses delayForCellEdit everywhere, and mergeUndoGroup only for cell edits (a tab write has calls Excel cannot undo)', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    const port = portOver(double);
    await port.index();
    await port.writeSheet(realisticSpec('Ny'));
    await port.writeCells([{ sheet: 'Ramar', cell: 'B2', value: 1700 }]);
    expect(double.runs.map((r) => r.options)).toEqual([
      { delayForCellEdit: true },
      { delayForCellEdit: true },
      { delayForCellEdit: true, mergeUndoGroup: true },
    ]);
  });

  it('on an ExcelApi 1.8 host: no run options, no page layout, everything else written', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    const { name } = await portOver(double, { isSetSupported: upTo('1.8') }).writeSheet(realisticSpec('Ny'));
    expect(double.runs.every((r) => r.options === null)).toBe(true);
    expect(double.sheet(name).pageLayout).toEqual({});
    expect(double.sheet(name).validations).toHaveLength(1);
    expect(double.sheet(name).protection.protected).toBe(true);
  });

  it.each([
    ['1.11', null],
    ['1.10', 'cell-edit-mode'],
  ])('while the user edits a cell, ExcelApi %s → %s', async (version, kind) => {
    const options: ExcelDoubleOptions = { cellEditMode: true };
    const double = new ExcelDouble(options);
    seedUserWorkbook(double);
    const port = portOver(double, { isSetSupported: upTo(version) });
    if (kind === null) {
      await expect(port.index()).resolves.toBeDefined();
    } else {
      expect((await rejection(port.index())).kind).toBe(kind);
    }
  });
});

describe('Office adapter: the test double is strict', () => {
  it('throws PropertyNotLoaded before load + sync, and counts syncs', async () => {
    const double = new ExcelDouble();
    double.addSheet('Blad', [[1]]);
    await double.run(async (context: never) => {
      const ctx = context as unknown as Excel.RequestContext;
      const range = ctx.workbook.worksheets.getItem('Blad').getRange('A1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([[1]]);
    });
    expect(double.syncCount).toBe(1);
  });

  it('applies writes at sync, keeps earlier operations when a later one fails, and rejects > 5 MB', async () => {
    const double = new ExcelDouble();
    double.addSheet('Blad', []);
    await expect(
      double.run(async (context: never) => {
        const ctx = context as unknown as Excel.RequestContext;
        const sheet = ctx.workbook.worksheets.getItem('Blad');
        sheet.getRange('A1').values = [['=1+1']];
        sheet.getRange('A2').values = [['x']];
        expect(double.cell('Blad', 'A1').formula).toBeNull();
        sheet.getRange('A3:B3').values = [['only one']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(double.cell('Blad', 'A1').formula).toBe('=1+1');
    expect(double.cell('Blad', 'A2').value).toBe('x');

    await expect(
      double.run(async (context: never) => {
        const ctx = context as unknown as Excel.RequestContext;
        ctx.workbook.worksheets.getItem('Blad').getRange('A1:A200000').values = Array.from({ length: 200_000 }, () => [
          'en ganska lång text för att fylla på',
        ]);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(double.cell('Blad', 'A5').value).toBeNull();
  });
});
