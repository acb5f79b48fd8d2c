/** The generated follow-up tab of each report, from the default sample: structure, formulas, inputs. */
import { columnLetters, parseA1, parseRangeA1, toA1 } from '../../../src/core/a1';
import { buildFollowUpTab, REPORT_IDS, reportInfo, type FollowUpReport } from '../../../src/core/followup';
import { exactCriterion } from '../../../src/core/followup/formulas';
import { decodeDescriptor } from '../../../src/core/followup/row-keys';
import { STATUS_VALUES } from '../../../src/core/inputs/catalogue';
import { decodeMarker, FORMAT_VERSION } from '../../../src/core/workbook/marker';
import { freeSheetName } from '../../../src/core/workbook/sheet-names';
import type { SheetSpec } from '../../../src/core/workbook/sheet-spec';
import { NUMBER_FORMATS, STYLES } from '../../../src/core/workbook/styles';
import { recognizeSpecs } from '../sample/recognize-specs';
import { cellIn, inA1, columnIn, modelOf, rowIn, sample, sampleSpecs, sectionRange, sectionRow, textOf, withRows } from './helpers';

const BUN = 'Barn- och ungdomsnämnden';
const OFN = 'Överförmyndarnämnden';
const GENERATED_AT = new Date('2027-09-15T08:00:00Z');
const SAMPLE = sample();
const MODEL = modelOf(SAMPLE);

function build(report: FollowUpReport, board = BUN, model = MODEL): SheetSpec {
  return inA1(buildFollowUpTab({ model, report, board, year: 2027, generatedAt: GENERATED_AT }));
}

/** BUN's verksamheter in Driftbudget order, straight from the sample's rows. */
function sampleActivities(board: string): string[] {
  const rows = SAMPLE.sheets.find((s) => s.input === 'driftbudget')!.rows;
  return [...new Set(rows.filter((r) => r[0] === board).map((r) => String(r[1])))];
}

function cellAt(spec: SheetSpec, address: string) {
  const p = parseA1(address)!;
  return spec.rows[p.row]?.[p.col] ?? null;
}

/** Every validation whose range covers the cell. */
function validationsAt(spec: SheetSpec, address: string) {
  const p = parseA1(address)!;
  return spec.validations.filter((v) => {
    const r = parseRangeA1(v.range)!;
    return p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right;
  });
}

describe.each(REPORT_IDS.map((r) => [r]))('the %s tab of a nämnd', (report) => {
  const spec = build(report);
  const info = reportInfo(report);
  const economy = report === 'december' ? 'Ekonomisk redovisning' : 'Ekonomisk uppföljning';

  it('is an owned, protected tab with the marker in A1', () => {
    expect(decodeMarker(spec.rows[0][0]?.value)).toEqual({
      type: 'uppfoljning',
      version: FORMAT_VERSION,
      year: 2027,
      report,
      board: BUN,
      generatedAt: GENERATED_AT.toISOString(),
    });
    expect(spec.hiddenRows).toEqual([0]);
    expect(spec.protect).toBe(true);
    const name = freeSheetName(spec.name, ['Driftbudget', 'Utfall']);
    expect(name.length).toBeLessThanOrEqual(31);
    // The one naming rule (tab-names.ts): the nämnd shortened word by word to fit, never to initials.
    expect(name).toBe({ april: 'MU april 2027 Barn- o ungdomsn.', august: 'Delår aug 2027 Barn- o ungd.n.', december: 'Årsbokslut 2027 Barn- o ungd.n.' }[report]);
  });

  it('has the header block: kommun, nämnd, report, period end, generated, sources, format version, status', () => {
    const labels = spec.rows.slice(0, 16).map((r) => textOf(r[1]));
    for (const label of ['Kommun', 'Nämnd', 'Rapport', 'Period t.o.m.', 'Genererad', 'Källtabeller', 'Formatversion', 'Status']) expect(labels).toContain(label);
    const value = (label: string) => textOf(spec.rows[labels.indexOf(label)][2]);
    expect(value('Kommun')).toBe('Alingsås kommun (exempel)');
    expect(value('Nämnd')).toBe(BUN);
    expect(value('Period t.o.m.')).toBe(`2027-${String(info.end.month).padStart(2, '0')}-${info.end.day}`);
    expect(value('Källtabeller')).toContain('Driftbudget, Utfall');
    expect(value('Formatversion')).toBe(String(FORMAT_VERSION));
    const status = spec.rows[labels.indexOf('Status')][2]!;
    expect(status).toMatchObject({ value: 'Utkast', style: 'input' });
    const address = toA1(labels.indexOf('Status'), 2);
    expect(validationsAt(spec, address).map((v) => v.list)).toEqual([['Utkast', 'Klar för inlämning']]);
  });

  it('has the sections of docs/uppfoljning.md, numbered, in order', () => {
    const headings = spec.rows.filter((r) => r[1]?.style === 'heading').map((r) => textOf(r[1]));
    const expected: Record<FollowUpReport, string[]> = {
      april: ['1. Sammanfattning', '2. Ekonomisk uppföljning (tkr)', '3. Åtgärder vid underskott'],
      august: ['1. Sammanfattning', '2. Ekonomisk uppföljning (tkr)', '3. Åtgärder vid underskott', '4. Politiska inriktningar', '5. Särskilda uppdrag', '6. Personal'],
      december: [
        '1. Sammanfattning',
        '2. Måluppföljning: Sveriges mest effektiva kommun',
        '3. Ekonomisk redovisning (tkr)',
        '4. Åtgärder vid underskott',
        '5. Politiska inriktningar',
        '6. Särskilda uppdrag',
        '7. Internkontroll',
        '8. Personalredovisning',
        '9. Privata utförare',
        '10. Genomlysning (deluppföljning)',
      ],
    };
    expect(headings).toEqual(expected[report]);
  });

  it('has one economy row per verksamhet of the nämnd in Driftbudget, then the total row', () => {
    const { top, bottom } = sectionRange(spec, economy);
    const labels = spec.rows.slice(top, bottom + 1).map((r) => textOf(r[1]));
    const activities = sampleActivities(BUN);
    const first = labels.indexOf(activities[0]);
    expect(labels.slice(first, first + activities.length + 1)).toEqual([...activities, `Summa ${BUN}`]);
  });

  it('sums Driftbudget and Utfall with SUMIFS over absolute ranges and criteria cells of this tab', () => {
    const drift = MODEL.layouts.driftbudget!;
    const utfall = MODEL.layouts.utfall!;
    const row = rowIn(spec, economy, 'Grundskola Centrum');
    const budgetHeader = report === 'december' ? 'Budget' : 'Budget helår';
    const actualHeader = report === 'december' ? 'Utfall' : 'Utfall t.o.m. period';
    const budget = textOf(spec.rows[row][columnIn(spec, economy, budgetHeader)]);
    const range = (layout: typeof drift, col: number) => `'${layout.sheet}'!$${columnLetters(col)}$${layout.firstDataRow + 1}:$${columnLetters(col)}$${layout.lastDataRow + 1}`;
    const boardRow = spec.rows.findIndex((r) => textOf(r[1]) === 'Nämnd');
    const boardCriterion = `$J$${boardRow + 1}`;
    expect(budget).toBe(
      `=SUMIFS(${range(drift, drift.yearColumns.amount[0])},${range(drift, drift.columns.board)},${boardCriterion},${range(drift, drift.columns.activity)},$J${row + 1})`,
    );
    // The criteria: the exact names, escaped for SUMIFS.
    expect(spec.rows[boardRow][9]).toMatchObject({ value: `=${BUN}` });
    expect(spec.rows[row][9]).toMatchObject({ value: '=Grundskola Centrum' });
    const actual = textOf(spec.rows[row][columnIn(spec, economy, actualHeader)]);
    const utfallSum = `SUMIFS(${range(utfall, utfall.columns.amount)},${range(utfall, utfall.columns.board)},${boardCriterion},${range(utfall, utfall.columns.activity)},$J${row + 1},${range(utfall, utfall.columns.period)},`;
    const months = info.months;
    const patterns = months === 12 ? ['"2027-*"'] : Array.from({ length: months }, (_, m) => `"2027-${String(m + 1).padStart(2, '0')}*"`);
    // Text months (an array summed by SUMPRODUCT when there are several), dates, yyyymm numbers.
    const textMonths = months === 12 ? `${utfallSum}${patterns[0]})` : `SUMPRODUCT(${utfallSum}{${patterns.join(',')}}))`;
    expect(actual.startsWith(`=${textMonths}+${utfallSum}">="&DATE(2027,1,1),`)).toBe(true);
    expect(actual.split('SUMIFS(')).toHaveLength(4);
    expect(actual).not.toContain(`"2027-${String(months + 1).padStart(2, '0')}*"`);
    expect(actual).toContain(`">="&DATE(2027,1,1)`);
    expect(actual).toContain(months === 12 ? `"<"&DATE(2028,1,1)` : `"<"&DATE(2027,${months + 1},1)`);
    expect(actual).toContain(`"<=2027${String(months).padStart(2, '0')}"`);

    const c = (header: string) => `${columnLetters(columnIn(spec, economy, header))}${row + 1}`;
    const f = (header: string) => textOf(spec.rows[row][columnIn(spec, economy, header)]);
    if (report === 'december') {
      expect(f('Avvikelse')).toBe(`=IF(${c('Utfall')}="","",${c('Budget')}-${c('Utfall')})`);
    } else {
      expect(f('Budget t.o.m. period')).toBe(`=${c('Budget helår')}*${months}/12`);
      expect(f('Avvikelse t.o.m. period')).toBe(`=IF(${c('Utfall t.o.m. period')}="","",${c('Budget t.o.m. period')}-${c('Utfall t.o.m. period')})`);
      expect(f('Avvikelse helår')).toBe(`=IF(${c('Prognos helår')}="","",${c('Budget helår')}-${c('Prognos helår')})`);
      expect(spec.rows[row][columnIn(spec, economy, 'Prognos helår')]).toMatchObject({ style: 'input', numberFormat: NUMBER_FORMATS.tkr });
    }
    expect(spec.rows[row][columnIn(spec, economy, 'Kommentar')]).toMatchObject({ style: 'input' });
    expect(spec.rows[row][columnIn(spec, economy, budgetHeader)]).toMatchObject({ style: 'computed', numberFormat: NUMBER_FORMATS.tkr });

    const total = rowIn(spec, economy, `Summa ${BUN}`);
    const first = rowIn(spec, economy, sampleActivities(BUN)[0]);
    const last = rowIn(spec, economy, sampleActivities(BUN).at(-1)!);
    const col = columnLetters(columnIn(spec, economy, budgetHeader));
    expect(textOf(spec.rows[total][columnIn(spec, economy, budgetHeader)])).toBe(`=SUM(${col}${first + 1}:${col}${last + 1})`);
  });

  it('makes input cells the only unlocked cells, each on a keyed row that names its column', () => {
    let inputs = 0;
    spec.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell?.style) return;
        expect({ cell: toA1(r, c), locked: STYLES[cell.style].locked }).toEqual({ cell: toA1(r, c), locked: cell.style !== 'input' });
        // A cell covered by a merge carries the style only; its value lives in the merge's first cell.
        if (cell.style !== 'input' || !('value' in cell)) return;
        inputs++;
        const descriptor = decodeDescriptor(row[0]?.value);
        expect({ cell: toA1(r, c), listed: descriptor ? Object.values(descriptor.fields.inputs).includes(c) : false }).toEqual({ cell: toA1(r, c), listed: true });
      });
    });
    expect(inputs).toBeGreaterThan(20);
  });

  it('flags a deficit without an åtgärd with a conditional format on the Åtgärder rows', () => {
    const { top } = sectionRange(spec, 'Åtgärder');
    const activities = sampleActivities(BUN);
    const first = rowIn(spec, 'Åtgärder', activities[0]);
    const last = rowIn(spec, 'Åtgärder', activities.at(-1)!);
    expect(first).toBeGreaterThan(top);
    const flag = spec.conditionalFormats.find((cf) => parseRangeA1(cf.range)!.top === first)!;
    expect(flag.range).toBe(`B${first + 1}:I${last + 1}`);
    expect(flag.formula).toBe(`=AND(ISNUMBER($C${first + 1}),$C${first + 1}<-0.5,$I${first + 1}="")`);
    // Åtgärder's deviation is the economy row's full-year deviation.
    const economyRow = rowIn(spec, economy, activities[0]);
    const deviationCol = columnLetters(columnIn(spec, economy, report === 'december' ? 'Avvikelse' : 'Avvikelse helår'));
    expect(textOf(spec.rows[first][2])).toBe(`=${deviationCol}${economyRow + 1}`);
    for (const header of ['Effekt (tkr)', 'Beslutad av', 'Tidplan', 'Åtgärd']) expect(cellAt(spec, cellIn(spec, 'Åtgärder', activities[0], header))).toMatchObject({ style: 'input' });
  });

  it('sets up print and view: frozen title, A4 landscape one page wide with repeated rows and page numbers', () => {
    expect(spec.freeze).toEqual({ rows: 3, columns: 0 });
    expect(spec.print).toEqual({ orientation: 'landscape', fitToWidth: true, repeatRows: '$2:$3', pageNumbers: true });
    expect(spec.columnWidths).toHaveLength(10);
    expect(spec.columnWidths[1]).toBeGreaterThan(40);
  });
});

describe('sections that depend on the report', () => {
  it('offers exactly the status values for inriktningar and uppdrag, prefilled from Uppdrag', () => {
    const spec = build('august');
    for (const [title, label] of [
      ['Politiska inriktningar', 'Fler elever ska nå kunskapskraven i alla ämnen.'],
      ['Särskilda uppdrag', 'Utreda framtida skolstruktur i kommunens norra del'],
    ]) {
      const address = cellIn(spec, title, label, 'Status');
      expect(validationsAt(spec, address).map((v) => v.list)).toEqual([[...STATUS_VALUES]]);
      expect(cellAt(spec, address)).toMatchObject({ style: 'input' });
    }
    const assignments = SAMPLE.sheets.find((s) => s.input === 'uppdrag')!.rows;
    const source = assignments.find((r) => r[1] === 'Utreda framtida skolstruktur i kommunens norra del')!;
    expect(cellAt(spec, cellIn(spec, 'Särskilda uppdrag', 'Utreda framtida skolstruktur i kommunens norra del', 'Status'))!.value).toBe(source[4]);
  });

  it('reports Personal from the latest period up to the report, in percent of working time', () => {
    const spec = build('august');
    const personnel = SAMPLE.sheets.find((s) => s.input === 'personal')!.rows.filter((r) => r[0] === BUN && r[1] === '2027-08')[0];
    expect(cellAt(spec, cellIn(spec, 'Personal', 'Anställda (antal)', 'Totalt'))).toMatchObject({ value: personnel[2], style: 'computed' });
    expect(cellAt(spec, cellIn(spec, 'Personal', 'Sjukfrånvaro, andel av arbetstid', 'Totalt'))).toMatchObject({
      value: (personnel[4] as number) / 100,
      numberFormat: NUMBER_FORMATS.percent1,
    });
    expect(cellAt(spec, cellIn(spec, 'Personal', 'Anställda (antal)', 'Kvinnor'))).toMatchObject({ style: 'input' });
  });

  it('never offers sick leave for a group of 10 or fewer employees (SFS 2002:1065)', () => {
    const spec = build('december', OFN);
    for (const label of ['Sjukfrånvaro, andel av arbetstid', 'Sjukfrånvaro ≥ 60 dagar']) {
      for (const header of ['Kvinnor', 'Män', 'Totalt']) expect(cellAt(spec, cellIn(spec, 'Personalredovisning', label, header))).toMatchObject({ value: 'Redovisas inte' });
    }
    expect(cellAt(spec, cellIn(spec, 'Personalredovisning', 'Anställda (antal)', 'Totalt'))!.value).toBeLessThanOrEqual(10);
  });

  it('asks for everything, and flags small groups, when Personal is missing', () => {
    const model = modelOf({ ...SAMPLE, sheets: SAMPLE.sheets.filter((s) => s.input !== 'personal') });
    const spec = build('august', BUN, model);
    const sick = rowIn(spec, 'Personal', 'Sjukfrånvaro, andel av arbetstid');
    const employees = rowIn(spec, 'Personal', 'Anställda (antal)');
    for (const header of ['Kvinnor', 'Män', 'Totalt']) expect(cellAt(spec, cellIn(spec, 'Personal', 'Anställda (antal)', header))).toMatchObject({ style: 'input' });
    const flag = spec.conditionalFormats.find((cf) => parseRangeA1(cf.range)!.top === sick)!;
    expect(flag.range).toBe(`C${sick + 1}:E${sick + 2}`);
    expect(flag.formula).toBe(`=AND(ISNUMBER(C$${employees + 1}),C$${employees + 1}<=10,ISNUMBER(C${sick + 1}))`);
    expect(validationsAt(spec, cellIn(spec, 'Personal', 'Sjukfrånvaro, andel av arbetstid', 'Kvinnor'))[0]).toMatchObject({ kind: 'decimal', min: 0, max: 1 });
  });

  it('makes Utfall an input when the workbook has none', () => {
    const model = modelOf({ ...SAMPLE, sheets: SAMPLE.sheets.filter((s) => s.input !== 'utfall') });
    const spec = build('april', BUN, model);
    const address = cellIn(spec, 'Ekonomisk uppföljning', 'Förskola Centrum', 'Utfall t.o.m. period');
    expect(cellAt(spec, address)).toMatchObject({ style: 'input', value: null });
    expect(validationsAt(spec, address).map((v) => v.kind)).toEqual(['decimal']);
  });

  it('describes the effectiveness quadrant in cells (Måluppföljning)', () => {
    const spec = build('december');
    const { top, bottom } = sectionRange(spec, 'Måluppföljning');
    const texts = spec.rows.slice(top, bottom + 1).map((r) => textOf(r[1]));
    expect(texts).toContain('Inskrivna barn per årsarbetare i förskola, antal');
    const nyckeltal = MODEL.layouts.nyckeltal!;
    const indicator = MODEL.keyFigures.find((k) => k.koladaId === 'N11102')!;
    const row = texts.indexOf('Förskola · N11102') + top;
    const ref = (key: string) => `'Nyckeltal'!$${columnLetters(nyckeltal.columns[key])}$${indicator.row + 1}`;
    const f = (header: string) => textOf(spec.rows[row][columnIn(spec, 'Måluppföljning', header)]);
    expect(f('Vårt utfall')).toBe(`=IF(ISBLANK(${ref('value')}),"",${ref('value')})`);
    expect(f('Jämförelse')).toContain(`IF((C${row + 1}>D${row + 1})=OR(${ref('higherIsBetter')}="Ja"`);
    expect(f('Nettokostnads- avvikelse')).toBe(`=IF(OR(F${row + 1}="",G${row + 1}="",G${row + 1}=0),"",(F${row + 1}-G${row + 1})/G${row + 1})`);
    expect(f('Kvadrant')).toContain('"Bättre resultat, kostnad ≤ referens (målet)"');
    expect(texts).toContain('Bättre resultat än liknande kommuner');
    expect(texts).toContain('Andel nyckeltal bättre än liknande kommuner');
  });

  it('draws the quadrant as a column chart of the 2 × 2 count, over rows kept free for it', () => {
    const spec = build('december');
    expect(spec.charts).toHaveLength(1);
    const chart = spec.charts![0];
    const source = parseRangeA1(chart.source)!;
    // Series names in the first row (the header's last line), categories in the first column.
    expect(textOf(spec.rows[source.top][source.left + 1])).toBe('≤ referens');
    expect(textOf(spec.rows[source.top][source.left + 2])).toBe('> referens');
    expect(textOf(spec.rows[source.top + 1][source.left])).toBe('Bättre resultat än liknande kommuner');
    expect(textOf(spec.rows[source.bottom][source.left])).toBe('Inte bättre resultat');
    expect(textOf(spec.rows[source.bottom][source.right])).toMatch(/^=COUNTIF\(/);
    // The chart covers a note (what hosts without charts show) and empty rows only.
    const placement = parseRangeA1(chart.placement)!;
    expect(placement.top).toBeGreaterThan(source.bottom);
    expect(textOf(spec.rows[placement.top][1])).toContain('diagram över kvadranten');
    for (let r = placement.top + 1; r <= placement.bottom; r++) {
      for (let c = placement.left; c <= placement.right; c++) expect(spec.rows[r]?.[c] ?? null).toBeNull();
    }
    // Reports without Måluppföljning have no chart.
    expect(build('august').charts).toBeUndefined();
  });
});

describe('the kommun-level tab', () => {
  it('has one economy row per nämnd, and Centrala poster from Finansiering in April', () => {
    const spec = build('april', 'Kommunen');
    const boards = [...new Set(SAMPLE.sheets.find((s) => s.input === 'driftbudget')!.rows.map((r) => String(r[0])))];
    const { top, bottom } = sectionRange(spec, 'Ekonomisk uppföljning');
    const labels = spec.rows.slice(top, bottom + 1).map((r) => textOf(r[1]));
    expect(labels.filter((l) => boards.includes(l))).toEqual(boards);
    expect(labels).toContain('Summa kommunen');
    const row = rowIn(spec, 'Ekonomisk uppföljning', 'Socialnämnden');
    expect(spec.rows[row][9]).toMatchObject({ value: '=Socialnämnden' });
    expect(textOf(spec.rows[row][2])).toContain(`$J${row + 1})`);

    const finansiering = MODEL.layouts.finansiering!;
    const taxes = MODEL.financing.find((f) => f.post === 'Skatteintäkter')!;
    expect(textOf(cellAt(spec, cellIn(spec, 'Centrala poster', 'Skatteintäkter', 'Budget')))).toBe(
      `='Finansiering'!$${columnLetters(finansiering.yearColumns.amount[0])}$${taxes.row + 1}`,
    );
    expect(cellAt(spec, cellIn(spec, 'Centrala poster', 'Pensionskostnader (kostnad)', 'Budget'))).toMatchObject({ style: 'input' });
    expect(cellAt(spec, cellIn(spec, 'Centrala poster', 'Skatteintäkter', 'Prognos helår'))).toMatchObject({ style: 'input' });
  });

  it('has the Balanskrav in August and December: inputs and the formulas to the balanskravsresultat', () => {
    for (const report of ['august', 'december'] as const) {
      const spec = build(report, 'Kommunen');
      const title = report === 'august' ? 'Balanskrav, prognos' : 'Balanskravsutredning';
      const result = rowIn(spec, title, report === 'august' ? 'Årets resultat, prognos' : 'Årets resultat enligt resultaträkningen');
      const gains = rowIn(spec, title, 'Avgår: samtliga realisationsvinster');
      const outcome = rowIn(spec, title, 'Balanskravsresultat');
      expect(spec.rows[result][2]).toMatchObject({ style: 'input' });
      expect(spec.rows[gains][2]).toMatchObject({ style: 'input' });
      expect(textOf(spec.rows[outcome][2])).toMatch(/^=IF\(COUNT\(C\d+\)=0,"",C\d+\+C\d+\)$/);
      expect(textOf(spec.rows[rowIn(spec, title, 'Balanskravet uppfyllt')][2])).toContain('"Ja","Nej"');
    }
  });
});

describe('names and typed text', () => {
  it('escapes SUMIFS wildcards and operators in criteria', () => {
    expect(exactCriterion('Vård*')).toBe('=Vård~*');
    expect(exactCriterion('Fråga? ~ svar')).toBe('=Fråga~? ~~ svar');
    expect(exactCriterion('<5')).toBe('=<5');
  });

  it('writes a typed text that looks like a formula as text, never as a formula', () => {
    const spec = inA1(buildFollowUpTab({
      model: MODEL,
      report: 'april',
      board: BUN,
      year: 2027,
      generatedAt: GENERATED_AT,
      previous: { values: [{ key: { section: 'ekonomi', board: BUN, item: 'Fritidshem' }, field: 'comment', value: '=HYPERLINK("http://x")', label: 'Fritidshem', origin: 'row' }] },
    }));
    expect(cellAt(spec, cellIn(spec, 'Ekonomisk uppföljning', 'Fritidshem', 'Kommentar'))).toEqual({ value: '=HYPERLINK("http://x")', style: 'input' });
  });

  it('builds a verksamhet whose name holds wildcards with an escaped criterion', () => {
    const tricky = withRows(SAMPLE, 'driftbudget', (rows) => rows.map((r) => (r[0] === BUN && r[1] === 'Skolskjuts' ? [r[0], 'Skolskjuts*?', ...r.slice(2)] : r)));
    const spec = build('april', BUN, modelOf(tricky));
    expect(spec.rows[rowIn(spec, 'Ekonomisk uppföljning', 'Skolskjuts*?')][9]).toMatchObject({ value: '=Skolskjuts~*~?' });
  });

  it('converts amounts to tkr where a source column is in kr or mnkr', () => {
    const specs = sampleSpecs(SAMPLE).map((spec) => {
      if (spec.name !== 'Driftbudget' && spec.name !== 'Utfall') return spec;
      const unit = spec.name === 'Driftbudget' ? ' (kr)' : ' (mnkr)';
      const header = spec.rows[1].map((cell) => (cell && /^(Budget 2027|Belopp)$/.test(String(cell.value)) ? { ...cell, value: `${String(cell.value)}${unit}` } : cell));
      return { ...spec, rows: [spec.rows[0], header, ...spec.rows.slice(2)] };
    });
    const spec = build('august', BUN, recognizeSpecs(specs, 'followUp'));
    const row = rowIn(spec, 'Ekonomisk uppföljning', 'Fritidshem');
    expect(textOf(spec.rows[row][columnIn(spec, 'Ekonomisk uppföljning', 'Budget helår')])).toMatch(/^=SUMIFS\(.*\)\/1000$/);
    expect(textOf(spec.rows[row][columnIn(spec, 'Ekonomisk uppföljning', 'Utfall t.o.m. period')])).toMatch(/^=\(SUMPRODUCT\(SUMIFS\(.*\)\)\*1000$/);
  });

  it('lists verksamheter only Utfall has from their first period in the year, whatever the order of Utfall', () => {
    // Utfall rows of verksamheter Driftbudget lacks, in runs broken up by other rows and in other
    // years: listed from their first period in the year, in order of first appearance.
    const year = MODEL.years![0];
    const model = modelOf(
      withRows(SAMPLE, 'utfall', (rows) => [
        [BUN, 'Sommarskola', 5010, `${year - 1}-12`, 10],
        ...rows.slice(0, 3),
        [BUN, 'Sommarskola', 5010, `${year}-06`, 20],
        [BUN, 'Läger', 5010, `${year}-03`, 5],
        ...rows.slice(3),
        [BUN, 'Sommarskola', 5410, `${year}-02`, 7],
        [BUN, 'Bara i fjol', 5010, `${year - 1}-05`, 1],
      ]),
    );
    const listed = (spec: SheetSpec) => {
      const rows = spec.rows;
      const [first, total] = [rowIn(spec, 'Ekonomisk', 'Verksamhet') + 1, rowIn(spec, 'Ekonomisk', `Summa ${BUN}`)];
      return rows.slice(first, total).map((row) => textOf(row[1]));
    };
    const budgeted = listed(build('april'));
    expect(listed(build('april', BUN, model))).toEqual([...budgeted, 'Sommarskola', 'Läger']);
    expect(listed(build('december', BUN, model))).toEqual([...budgeted, 'Sommarskola', 'Läger']);
    // Utfall in another order than Driftbudget: the same verksamheter, in Driftbudget's order.
    const reversed = modelOf(withRows(SAMPLE, 'utfall', (rows) => [...rows].reverse()));
    for (const report of REPORT_IDS) expect(listed(build(report, BUN, reversed))).toEqual(listed(build(report)));
  });

  it('is the same spec for the same input (pure)', () => {
    expect(build('december')).toEqual(build('december'));
    expect(sectionRow(build('april'), 'Åtgärder')).toBeGreaterThan(sectionRow(build('april'), 'Ekonomisk uppföljning'));
  });
});
