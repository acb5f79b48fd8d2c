/**
 * Refresh keeps what people typed (docs/quality.md): fill a generated tab, change the budget (add,
 * remove and rename a verksamhet), refresh — every typed value is where it belongs, and values of
 * rows that vanished are kept in "Borttagna rader"; when the rows come back, so do the values.
 */
import { buildFollowUpTab, readFollowUpTab, refreshFollowUpTab, REMOVED_TITLE, typedInputs, type FilledTab } from '../../../src/core/followup';
import { keyId } from '../../../src/core/followup/row-keys';
import { decodeMarker } from '../../../src/core/workbook/marker';
import type { RawGrid, RawValue } from '../../../src/core/workbook/raw';
import type { SheetSpec } from '../../../src/core/workbook/sheet-spec';
import { cellIn, inA1, columnIn, modelOf, rowIn, sample, sectionRange, specToGrid, textOf, typeInto, withRows } from './helpers';

const BUN = 'Barn- och ungdomsnämnden';
const GENERATED_AT = new Date('2027-09-15T08:00:00Z');
const REFRESHED_AT = new Date('2027-09-20T13:30:00Z');
const ECONOMY = 'Ekonomisk uppföljning';
const ORIGINAL = sample();
const MODEL = modelOf(ORIGINAL);

/** The sample with Förskola Centrum renamed, Skolskjuts removed and Läxhjälp added (Driftbudget and Utfall). */
function changedBudget() {
  const rename = (rows: (string | number | null)[][]) =>
    rows.filter((r) => !(r[0] === BUN && r[1] === 'Skolskjuts')).map((r) => (r[0] === BUN && r[1] === 'Förskola Centrum' ? [r[0], 'Förskola Centrum Väst', ...r.slice(2)] : r));
  let changed = withRows(ORIGINAL, 'driftbudget', (rows) => [...rename(rows), [BUN, 'Läxhjälp', 5010, 'Löner', 2_400, 2_450, 2_500], [BUN, 'Läxhjälp', 5410, 'Sociala avgifter', 950, 970, 990]]);
  changed = withRows(changed, 'utfall', rename);
  return changed;
}

interface Typed {
  address: string;
  value: RawValue;
}

/** What a controller types into the August tab, found by what they see. */
function typing(spec: SheetSpec): Typed[] {
  const typed: Typed[] = [];
  const type = (title: string, label: string, header: string, value: RawValue) => typed.push({ address: cellIn(spec, title, label, header), value });
  const { top, bottom } = sectionRange(spec, ECONOMY);
  const activities = spec.rows
    .slice(top, bottom + 1)
    .map((r) => textOf(r[1]))
    .filter((label, i) => spec.rows[top + i][columnIn(spec, ECONOMY, 'Prognos helår')]?.style === 'input' && label !== '');
  activities.forEach((activity, i) => type(ECONOMY, activity, 'Prognos helår', 50_000 + i * 1_000));
  type(ECONOMY, 'Förskola Centrum', 'Kommentar', 'Fler barn än planerat');
  type(ECONOMY, 'Skolskjuts', 'Kommentar', 'Nytt avtal från augusti');
  type(ECONOMY, 'Grundskola Centrum', 'Kommentar', '=Ingen formel, bara text');
  type('Åtgärder', 'Förskola Centrum', 'Åtgärd', 'Vakanser hålls öppna');
  type('Åtgärder', 'Förskola Centrum', 'Effekt (tkr)', 1_200);
  type('Åtgärder', 'Förskola Centrum', 'Beslutad av', 'Förvaltningschef');
  type('Åtgärder', 'Förskola Centrum', 'Tidplan', 'Hösten 2027');
  type('Åtgärder', 'Skolskjuts', 'Åtgärd', 'Omförhandla avtalet');
  type('Politiska inriktningar', 'Fler elever ska nå kunskapskraven i alla ämnen.', 'Status', 'Pågår');
  type('Politiska inriktningar', 'Fler elever ska nå kunskapskraven i alla ämnen.', 'Kommentar', 'Läsfrämjande insatser i åk 1–3');
  type('Politiska inriktningar', 'Barngrupperna i förskolan ska bli mindre.', 'Status', 'Ej påbörjat');
  type('Särskilda uppdrag', 'Utreda framtida skolstruktur i kommunens norra del', 'Status', 'Klart');
  type('Särskilda uppdrag', 'Utreda framtida skolstruktur i kommunens norra del', 'Kommentar', 'Rapport till KS i juni');
  type('Personal', 'Anställda (antal)', 'Kvinnor', 1_240);
  type('Personal', 'Anställda (antal)', 'Män', 420);
  // The Sammanfattning prompts and the Status have no column header: the answer is in column C.
  const summaryRow = rowIn(spec, 'Sammanfattning', 'Viktiga händelser under perioden');
  typed.push({ address: `C${summaryRow + 1}`, value: 'Ny förskola i Stadsskogen öppnade i augusti.' });
  const statusRow = spec.rows.findIndex((r) => textOf(r[1]) === 'Status');
  typed.push({ address: `C${statusRow + 1}`, value: 'Klar för inlämning' });
  return typed;
}

function filledGrid(spec: SheetSpec, typed: Typed[]): RawGrid {
  const grid = specToGrid(spec);
  for (const t of typed) typeInto(grid, t.address, t.value);
  return grid;
}

/** Multiset of typed values by key, field and value. */
function typedSet(tab: FilledTab, origin?: 'row' | 'removed'): string[] {
  return typedInputs(tab)
    .values.filter((v) => origin === undefined || v.origin === origin)
    .map((v) => `${keyId(v.key)}|${v.field}|${String(v.value)}`)
    .sort();
}

function valueAt(spec: SheetSpec, title: string, label: string, header: string): unknown {
  const r = rowIn(spec, title, label);
  return spec.rows[r][columnIn(spec, title, header)]?.value ?? null;
}

describe('refresh keeps typed inputs by row key', () => {
  const original = inA1(buildFollowUpTab({ model: MODEL, report: 'august', board: BUN, year: 2027, generatedAt: GENERATED_AT }));
  const typed = typing(original);
  const filled = readFollowUpTab(filledGrid(original, typed))!;
  const changedModel = modelOf(changedBudget());
  const refreshed = inA1(refreshFollowUpTab(changedModel, filled, REFRESHED_AT));
  const refreshedTab = readFollowUpTab(specToGrid(refreshed))!;

  it('reads every typed value back by key (and the prefilled defaults nobody changed)', () => {
    const typedAt = new Set(typed.map((t) => t.address));
    const defaults = original.rows.flatMap((row, r) =>
      row.map((cell, c) => (cell?.style === 'input' && cell.value !== null && cell.value !== undefined && !typedAt.has(`${String.fromCharCode(65 + c)}${r + 1}`) ? 1 : 0)),
    );
    expect(typedSet(filled).length).toBe(typed.length + defaults.reduce((s: number, n) => s + n, 0));
    expect(filled.status?.value).toBe('Klar för inlämning');
    expect(filled.report).toBe('august');
    expect(filled.board).toBe(BUN);
    expect(filled.periodEnd?.value).toBe('2027-08-31');
  });

  it('rebuilds the computed parts from the current data, under the same marker', () => {
    expect(decodeMarker(refreshed.rows[0][0]?.value)).toMatchObject({ type: 'uppfoljning', report: 'august', board: BUN, year: 2027, generatedAt: REFRESHED_AT.toISOString() });
    expect(() => rowIn(refreshed, ECONOMY, 'Läxhjälp')).not.toThrow();
    expect(() => rowIn(refreshed, ECONOMY, 'Förskola Centrum Väst')).not.toThrow();
    expect(() => rowIn(refreshed, ECONOMY, 'Förskola Centrum')).toThrow();
    expect(() => rowIn(refreshed, ECONOMY, 'Skolskjuts')).toThrow();
    expect(valueAt(refreshed, ECONOMY, 'Läxhjälp', 'Prognos helår')).toBeNull();
    expect(valueAt(refreshed, ECONOMY, 'Förskola Centrum Väst', 'Prognos helår')).toBeNull();
    // The new verksamhet has its own criterion and formula.
    const row = rowIn(refreshed, ECONOMY, 'Läxhjälp');
    expect(refreshed.rows[row][9]).toMatchObject({ value: '=Läxhjälp' });
    expect(textOf(refreshed.rows[row][2])).toContain(`$J${row + 1})`);
  });

  it('puts every typed value of a surviving row back on its row', () => {
    const before = (title: string, label: string, header: string) => valueAt(original, title, label, header) ?? typed.find((t) => t.address === cellIn(original, title, label, header))?.value;
    for (const activity of ['Förskola Nolhaga', 'Grundskola Centrum', 'Elevhälsa', 'Förvaltningsgemensamt']) {
      expect([activity, valueAt(refreshed, ECONOMY, activity, 'Prognos helår')]).toEqual([activity, before(ECONOMY, activity, 'Prognos helår')]);
    }
    expect(refreshed.rows[rowIn(refreshed, ECONOMY, 'Grundskola Centrum')][columnIn(refreshed, ECONOMY, 'Kommentar')]).toEqual({
      value: '=Ingen formel, bara text',
      style: 'input',
    });
    expect(valueAt(refreshed, 'Politiska inriktningar', 'Fler elever ska nå kunskapskraven i alla ämnen.', 'Status')).toBe('Pågår');
    expect(valueAt(refreshed, 'Politiska inriktningar', 'Fler elever ska nå kunskapskraven i alla ämnen.', 'Kommentar')).toBe('Läsfrämjande insatser i åk 1–3');
    expect(valueAt(refreshed, 'Politiska inriktningar', 'Barngrupperna i förskolan ska bli mindre.', 'Status')).toBe('Ej påbörjat');
    expect(valueAt(refreshed, 'Särskilda uppdrag', 'Utreda framtida skolstruktur i kommunens norra del', 'Status')).toBe('Klart');
    expect(valueAt(refreshed, 'Personal', 'Anställda (antal)', 'Kvinnor')).toBe(1_240);
    expect(valueAt(refreshed, 'Personal', 'Anställda (antal)', 'Män')).toBe(420);
    expect(refreshedTab.status?.value).toBe('Klar för inlämning');
    const summary = rowIn(refreshed, 'Sammanfattning', 'Viktiga händelser under perioden');
    expect(refreshed.rows[summary][2]?.value).toBe('Ny förskola i Stadsskogen öppnade i augusti.');
  });

  it('keeps the values of vanished rows in Borttagna rader, with their row and field', () => {
    const { top, bottom } = sectionRange(refreshed, REMOVED_TITLE);
    const kept = refreshed.rows
      .slice(top, bottom + 1)
      .filter((r) => r[8]?.style === 'input')
      .map((r) => [textOf(r[1]), textOf(r[2]), r[8]!.value]);
    expect(kept).toEqual(
      expect.arrayContaining([
        ['Ekonomisk uppföljning: Förskola Centrum', 'Prognos helår', 50_000],
        ['Ekonomisk uppföljning: Förskola Centrum', 'Kommentar', 'Fler barn än planerat'],
        ['Ekonomisk uppföljning: Skolskjuts', 'Kommentar', 'Nytt avtal från augusti'],
        ['Åtgärder vid underskott: Förskola Centrum', 'Åtgärd', 'Vakanser hålls öppna'],
        ['Åtgärder vid underskott: Förskola Centrum', 'Effekt (tkr)', 1_200],
        ['Åtgärder vid underskott: Förskola Centrum', 'Beslutad av', 'Förvaltningschef'],
        ['Åtgärder vid underskott: Förskola Centrum', 'Tidplan', 'Hösten 2027'],
        ['Åtgärder vid underskott: Skolskjuts', 'Åtgärd', 'Omförhandla avtalet'],
      ]),
    );
    const skolskjutsForecast = kept.find((k) => k[0] === 'Ekonomisk uppföljning: Skolskjuts' && k[1] === 'Prognos helår');
    expect(skolskjutsForecast).toBeDefined();
    expect(kept).toHaveLength(9);
  });

  it('loses nothing: every typed value is on its row or in Borttagna rader', () => {
    expect(typedSet(refreshedTab)).toEqual(typedSet(filled));
    expect(typedSet(refreshedTab, 'removed')).toHaveLength(9);
  });

  it('puts kept values back when their rows return, and empties Borttagna rader', () => {
    const again = inA1(refreshFollowUpTab(MODEL, refreshedTab, REFRESHED_AT));
    const back = readFollowUpTab(specToGrid(again))!;
    expect(typedSet(back, 'removed')).toEqual([]);
    expect(typedSet(back)).toEqual(typedSet(filled));
    expect(valueAt(again, ECONOMY, 'Förskola Centrum', 'Kommentar')).toBe('Fler barn än planerat');
    expect(valueAt(again, 'Åtgärder', 'Skolskjuts', 'Åtgärd')).toBe('Omförhandla avtalet');
    expect(() => sectionRange(again, REMOVED_TITLE)).toThrow();
  });

  it('keeps both values when a returning row was typed anew (the old one stays in Borttagna rader)', () => {
    // The user typed a new forecast on the renamed row and also edited the kept Förskola Centrum value.
    const grid = specToGrid(refreshed);
    typeInto(grid, cellIn(refreshed, ECONOMY, 'Förskola Centrum Väst', 'Prognos helår'), 61_000);
    const { top, bottom } = sectionRange(refreshed, REMOVED_TITLE);
    const keptRow = refreshed.rows.slice(top, bottom + 1).findIndex((r) => textOf(r[1]) === 'Ekonomisk uppföljning: Förskola Centrum' && textOf(r[2]) === 'Prognos helår') + top;
    typeInto(grid, `I${keptRow + 1}`, 49_500);
    const edited = readFollowUpTab(grid)!;
    // Renamed back: the row's own key returns with the edited kept value; the Väst value loses its row.
    const renamedBack = inA1(refreshFollowUpTab(MODEL, edited, REFRESHED_AT));
    expect(valueAt(renamedBack, ECONOMY, 'Förskola Centrum', 'Prognos helår')).toBe(49_500);
    const tab = readFollowUpTab(specToGrid(renamedBack))!;
    expect(typedInputs(tab).values.filter((v) => v.origin === 'removed').map((v) => [v.key.item, v.field, v.value])).toEqual([['Förskola Centrum Väst', 'forecast', 61_000]]);
    // Refreshing the same data twice changes nothing typed.
    const twice = readFollowUpTab(specToGrid(refreshFollowUpTab(MODEL, tab, REFRESHED_AT)))!;
    expect(typedSet(twice)).toEqual(typedSet(tab));
  });

  it('finds rows by key even when rows were inserted above them', () => {
    const grid = filledGrid(original, typed);
    const at = rowIn(original, ECONOMY, 'Förskola Centrum');
    grid.values.splice(at, 0, [], [null, 'En rad som någon infogat']);
    const moved = readFollowUpTab(grid)!;
    expect(typedSet(moved)).toEqual(typedSet(filled));
  });

  it('refuses to refresh what is not a follow-up tab of a known report', () => {
    expect(() => refreshFollowUpTab(MODEL, { ...filled, report: null }, REFRESHED_AT)).toThrow(RangeError);
    expect(readFollowUpTab({ sheet: 'Blad1', top: 0, left: 0, values: [['Nämnd', 'Verksamhet']], formulas: {} })).toBeNull();
    expect(readFollowUpTab({ sheet: 'R', top: 0, left: 0, values: [['BUDGETKOLL:{"type":"resursfordelning","version":1}']], formulas: {} })).toBeNull();
  });
});
