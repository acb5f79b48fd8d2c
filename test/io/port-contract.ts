/**
 * The shared contract every WorkbookPort adapter must pass. Each adapter's test file calls
 * `describePortContract` with a factory that builds its adapter over a seeded workbook and can
 * inspect the workbook afterwards (independently of the port, e.g. by saving and re-reading it).
 *
 * The assertions only use what both hosts can honestly provide: values and formulas read through
 * `gridValue` (an adapter may return a full rectangle or trim trailing empty cells), formula text
 * with a leading "=", and typed WorkbookErrors with a Swedish and an English message.
 */
import { gridValue, type RawGrid, type ReadPlan, type WorkbookIndex } from '../../src/core/workbook/raw';
import { emptySheetSpec, type SheetSpec } from '../../src/core/workbook/sheet-spec';
import { decodeMarker, encodeMarker, FORMAT_VERSION, withMarker } from '../../src/core/workbook/marker';
import { freeSheetName, MAX_SHEET_NAME_LENGTH } from '../../src/core/workbook/sheet-names';
import { NUMBER_FORMATS } from '../../src/core/workbook/styles';
import { WorkbookError, type WorkbookErrorKind, type WorkbookPort } from '../../src/core/workbook/port';

/** A pre-existing sheet in a seeded workbook. Cells: value, or a string starting "=" for a formula. */
export interface SeedSheet {
  name: string;
  /** Rows from A1. */
  rows: (string | number | boolean | null)[][];
  /** Excel tables on this sheet: name and A1 range including the header. */
  tables?: { name: string; range: string }[];
}

/** What a test can see of a workbook after the port acted on it, without going through the port. */
export interface InspectedSheet {
  name: string;
  /**
   * Cell values by A1 ("B3" → 12); empty cells are absent. For a formula cell the value is its
   * cached result (which may be null when the host has not calculated it) — the contract does not
   * rely on it; the formula text is under `formulas`.
   */
  values: Record<string, string | number | boolean | null>;
  /** Formula text by A1, with the leading "=" ("D5" → "=SUM(D2:D4)"); only cells that hold one. */
  formulas: Record<string, string>;
  /** 0-based indexes of hidden rows. */
  hiddenRows: number[];
}

export interface PortUnderTest {
  port: WorkbookPort;
  /** The workbook's sheets in tab order, as they are now. */
  inspect(): Promise<InspectedSheet[]>;
  /** The cell the last selectCell selected, as "Sheet!A1", or null. */
  selected(): string | null;
}

export type PortFactory = (seed: SeedSheet[]) => Promise<PortUnderTest>;

/** The marker of the seeded owned tab. */
export const SEED_MARKER = encodeMarker({ type: 'kontrollrapport', version: FORMAT_VERSION, year: 2027 });

/**
 * The standard seed: a user's input sheet with a table and a total row of formulas, a sheet whose
 * data starts at B3 (with a Swedish name that needs quoting), an owned tab and an empty sheet.
 */
export const CONTRACT_SEED: readonly SeedSheet[] = [
  {
    name: 'Driftbudget',
    rows: [
      ['Nämnd', 'Verksamhet', 'Konto', 'Budget 2027', 'Plan 2028', 'Plan 2029'],
      ['Barn- och ungdomsnämnden', 'Förskola', 4010, 1200.5, 1250, 1300],
      ['Barn- och ungdomsnämnden', 'Grundskola', 4020, 800, 820, -15],
      ['Socialnämnden', 'Äldreomsorg', 4030, 950, 960, 970],
      ['Summa', null, null, '=SUM(D2:D4)', '=SUM(E2:E4)', '=SUM(F2:F4)'],
    ],
    tables: [{ name: 'tbl_Driftbudget', range: 'A1:F4' }],
  },
  {
    name: 'Övriga förändringar',
    rows: [[], [], [null, 'Beskrivning', 'Belopp'], [null, 'Ny förskola', 2500], [null, 'Effektivisering', -300]],
  },
  {
    name: 'Kontrollrapport',
    rows: [[SEED_MARKER], [], ['Kontrollrapport 2027']],
  },
  { name: 'Tom', rows: [] },
];

function seed(): SeedSheet[] {
  return CONTRACT_SEED.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]), tables: s.tables?.map((t) => ({ ...t })) }));
}

function one(range: { sheet: string; address: string; formulas?: boolean; numberFormats?: boolean; id?: string }): ReadPlan {
  return {
    ranges: [
      {
        id: range.id ?? 'r',
        sheet: range.sheet,
        address: range.address,
        formulas: range.formulas ?? false,
        numberFormats: range.numberFormats ?? false,
      },
    ],
  };
}

function grid(grids: Map<string, RawGrid>, id = 'r'): RawGrid {
  const g = grids.get(id);
  if (!g) throw new Error(`no grid "${id}" in the result`);
  return g;
}

/** Awaits a rejection and checks it is a WorkbookError of the kind, with user-facing messages. */
async function expectWorkbookError(promise: Promise<unknown>, kind: WorkbookErrorKind): Promise<WorkbookError> {
  let caught: unknown;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(WorkbookError);
  const error = caught as WorkbookError;
  expect(error.kind).toBe(kind);
  expect(error.message.trim().length).toBeGreaterThan(0);
  expect(error.messageEn.trim().length).toBeGreaterThan(0);
  // The Swedish text is its own sentence, not the English one passed through.
  expect(error.message).not.toBe(error.messageEn);
  return error;
}

function sheetNames(sheets: readonly { name: string }[]): string[] {
  return sheets.map((s) => s.name);
}

function byName<T extends { name: string }>(sheets: T[], name: string): T {
  const found = sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet "${name}" among ${sheetNames(sheets).join(', ')}`);
  return found;
}

/** A spec whose text cells look like formulas (formula injection) next to real formulas and a link. */
function injectionSpec(name: string): SheetSpec {
  return {
    ...emptySheetSpec(name),
    rows: [
      [{ value: 'Rubrik', style: 'title' }, { value: 12.5, numberFormat: NUMBER_FORMATS.decimal1 }, { value: true }, null, { value: 7 }],
      [{ value: '=1+1' }, { value: '+46 70 123 45 67' }, { value: '-5' }, { value: '@SUM(A1:A2)' }],
      [{ formula: '=SUM(B1:B1)' }, { formula: "='Driftbudget'!D2*2" }, { value: 'text', style: 'input' }],
      [{ value: 'Till Driftbudget', link: "'Driftbudget'!D2", style: 'link' }],
    ],
    columnWidths: [20, 12, 12],
  };
}

function ownedSpec(title: string): SheetSpec {
  return withMarker(
    { ...emptySheetSpec('Kontrollrapport'), rows: [[], [{ value: title, style: 'title' }]] },
    { type: 'kontrollrapport', version: FORMAT_VERSION, year: 2027, generatedAt: '2027-03-01T10:00:00Z' },
  );
}

/**
 * The shared WorkbookPort contract. `factory` builds a fresh adapter over a workbook holding the
 * seeded sheets, for every test.
 */
export function describePortContract(label: string, factory: PortFactory): void {
  describe(`WorkbookPort contract: ${label}`, () => {
    describe('index', () => {
      it('lists the seeded sheets in tab order with used ranges and the text of A1', async () => {
        const { port } = await factory(seed());
        const index = await port.index();
        expect(sheetNames(index.sheets)).toEqual(['Driftbudget', 'Övriga förändringar', 'Kontrollrapport', 'Tom']);
        expect(index.sheets.map((s) => s.position)).toEqual([0, 1, 2, 3]);
        expect(index.sheets.every((s) => s.visible)).toBe(true);

        const drift = byName(index.sheets, 'Driftbudget');
        expect(drift.usedAddress).toBe('A1:F5');
        expect(drift.firstCellText).toBe('Nämnd');

        const other = byName(index.sheets, 'Övriga förändringar');
        expect(other.usedAddress).toBe('B3:C5');
        expect(other.firstCellText).toBeNull();

        const owned = byName(index.sheets, 'Kontrollrapport');
        expect(owned.firstCellText).toBe(SEED_MARKER);
        expect(decodeMarker(owned.firstCellText)).toMatchObject({ type: 'kontrollrapport', year: 2027 });

        const empty = byName(index.sheets, 'Tom');
        expect(empty.usedAddress).toBeNull();
        expect(empty.firstCellText).toBeNull();
      });

      it('lists the tables with their sheet and full range', async () => {
        const { port } = await factory(seed());
        const index = await port.index();
        expect(index.tables).toEqual([{ name: 'tbl_Driftbudget', sheet: 'Driftbudget', address: 'A1:F4' }]);
      });

      it('lists a workbook with one empty sheet', async () => {
        const { port } = await factory([{ name: 'Blad1', rows: [] }]);
        const index = await port.index();
        expect(index.sheets).toEqual([
          { name: 'Blad1', position: 0, visible: true, usedAddress: null, firstCellText: null },
        ]);
        expect(index.tables).toEqual([]);
      });
    });

    describe('read', () => {
      it('passes the index to the plan and returns grids by id in plan order', async () => {
        const { port } = await factory(seed());
        let seen: WorkbookIndex | null = null;
        const result = await port.read((index) => {
          seen = index;
          return {
            ranges: [
              { id: 'b', sheet: 'Övriga förändringar', address: 'B3:C5', formulas: false, numberFormats: false },
              { id: 'a', sheet: 'Driftbudget', address: 'A1:F5', formulas: false, numberFormats: false },
            ],
          };
        });
        expect(seen).not.toBeNull();
        expect(result.index).toEqual(seen);
        expect([...result.grids.keys()]).toEqual(['b', 'a']);
        expect(grid(result.grids, 'b').sheet).toBe('Övriga förändringar');
        expect(grid(result.grids, 'a').sheet).toBe('Driftbudget');
      });

      it('hands back what the plan located with the data (undefined when the plan says nothing)', async () => {
        const { port } = await factory(seed());
        const located = await port.read((index) => ({ ...one({ sheet: 'Driftbudget', address: 'A1:B2' }), located: { sheets: index.sheets.map((s) => s.name) } }));
        expect(located.located).toEqual({ sheets: located.index.sheets.map((s) => s.name) });
        expect(located.grids.size).toBe(1);
        expect((await port.read(() => one({ sheet: 'Driftbudget', address: 'A1:B2' }))).located).toBeUndefined();
      });

      it('reads a sub-range with its absolute position, values and formulas', async () => {
        const { port } = await factory(seed());
        const result = await port.read(() => one({ sheet: 'Driftbudget', address: 'B2:E5', formulas: true }));
        const g = grid(result.grids);
        expect(g.sheet).toBe('Driftbudget');
        expect(g.top).toBe(1);
        expect(g.left).toBe(1);
        expect(gridValue(g, 1, 1)).toBe('Förskola');
        expect(gridValue(g, 1, 2)).toBe(4010);
        expect(gridValue(g, 1, 3)).toBe(1200.5);
        expect(gridValue(g, 2, 4)).toBe(820);
        expect(gridValue(g, 3, 1)).toBe('Äldreomsorg');
        expect(gridValue(g, 4, 1)).toBeNull(); // B5 is empty
        // Outside the requested range nothing is returned.
        expect(gridValue(g, 1, 0)).toBeNull(); // A2
        expect(gridValue(g, 1, 5)).toBeNull(); // F2
        expect(gridValue(g, 0, 1)).toBeNull(); // B1
        // Formulas keyed by their address on the sheet; only cells that hold one, inside the range.
        expect(g.formulas).toEqual({ D5: '=SUM(D2:D4)', E5: '=SUM(E2:E4)' });
        // A formula cell's value is its calculated result (or null when the host has none yet).
        const d5 = gridValue(g, 4, 3);
        expect(d5 === null || d5 === 2950.5).toBe(true);
        expect(g.numberFormats).toBeUndefined();
      });

      it('returns no formulas when the plan does not ask for them', async () => {
        const { port } = await factory(seed());
        const result = await port.read(() => one({ sheet: 'Driftbudget', address: 'A1:F5', formulas: false }));
        const g = grid(result.grids);
        expect(g.formulas).toEqual({});
        expect(gridValue(g, 4, 0)).toBe('Summa');
      });

      it('reads a table found through the index, header row first', async () => {
        const { port } = await factory(seed());
        const result = await port.read((index) => {
          const table = index.tables.find((t) => t.name === 'tbl_Driftbudget');
          if (!table) throw new Error('table not listed');
          return one({ id: 'drift', sheet: table.sheet, address: table.address, formulas: true });
        });
        const g = grid(result.grids, 'drift');
        expect([g.top, g.left]).toEqual([0, 0]);
        expect([0, 1, 2, 3, 4, 5].map((c) => gridValue(g, 0, c))).toEqual([
          'Nämnd', 'Verksamhet', 'Konto', 'Budget 2027', 'Plan 2028', 'Plan 2029',
        ]);
        expect([0, 1, 2, 3, 4, 5].map((c) => gridValue(g, 3, c))).toEqual([
          'Socialnämnden', 'Äldreomsorg', 4030, 950, 960, 970,
        ]);
        expect(gridValue(g, 4, 0)).toBeNull(); // the total row is below the table
        expect(g.formulas).toEqual({});
      });

      it('reads from a sheet whose name needs quoting, starting away from A1', async () => {
        const { port } = await factory(seed());
        const result = await port.read((index) => {
          const sheet = byName(index.sheets, 'Övriga förändringar');
          return one({ sheet: sheet.name, address: sheet.usedAddress ?? 'A1' });
        });
        const g = grid(result.grids);
        expect([g.top, g.left]).toEqual([2, 1]);
        expect(gridValue(g, 2, 1)).toBe('Beskrivning');
        expect(gridValue(g, 3, 2)).toBe(2500);
        expect(gridValue(g, 4, 2)).toBe(-300);
      });

      it('returns number formats only when asked, in the shape of the values', async () => {
        const { port } = await factory(seed());
        const result = await port.read(() => ({
          ranges: [
            { id: 'with', sheet: 'Driftbudget', address: 'A1:C2', formulas: false, numberFormats: true },
            { id: 'without', sheet: 'Driftbudget', address: 'A1:C2', formulas: false, numberFormats: false },
          ],
        }));
        const withFormats = grid(result.grids, 'with');
        expect(withFormats.numberFormats).toBeDefined();
        const formats = withFormats.numberFormats ?? [];
        expect(formats.length).toBe(withFormats.values.length);
        formats.forEach((row, r) => {
          expect(row.length).toBe(withFormats.values[r].length);
          row.forEach((f) => expect(typeof f).toBe('string'));
        });
        expect(formats[1][2]).toBe('General'); // C2 holds a plain number
        expect(grid(result.grids, 'without').numberFormats).toBeUndefined();
      });

      it('reads an empty sheet and an empty plan', async () => {
        const { port } = await factory([{ name: 'Blad1', rows: [] }]);
        const empty = await port.read(() => ({ ranges: [] }));
        expect(empty.grids.size).toBe(0);
        expect(empty.index.sheets.length).toBe(1);

        const result = await port.read(() => one({ sheet: 'Blad1', address: 'A1:C3', formulas: true, numberFormats: false }));
        const g = grid(result.grids);
        expect([g.top, g.left]).toEqual([0, 0]);
        for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) expect(gridValue(g, r, c)).toBeNull();
        expect(g.formulas).toEqual({});
      });

      it('rejects a plan naming a sheet that does not exist', async () => {
        const { port } = await factory(seed());
        await expectWorkbookError(port.read(() => one({ sheet: 'Finns inte', address: 'A1:B2' })), 'not-found');
      });

      it('rejects with "cancelled" when the signal is already aborted', async () => {
        const { port } = await factory(seed());
        const controller = new AbortController();
        controller.abort();
        await expectWorkbookError(
          port.read(() => one({ sheet: 'Driftbudget', address: 'A1:F5' }), { signal: controller.signal }),
          'cancelled',
        );
      });
    });

    describe('writeSheet', () => {
      it('writes values, formulas and text that looks like a formula as text', async () => {
        const put = await factory(seed());
        const result = await put.port.writeSheet(injectionSpec('Resultat'));
        expect(result.name).toBe('Resultat');

        const sheets = await put.inspect();
        expect(sheetNames(sheets)).toEqual(['Driftbudget', 'Övriga förändringar', 'Kontrollrapport', 'Tom', 'Resultat']);
        const written = byName(sheets, 'Resultat');
        expect(written.values.A1).toBe('Rubrik');
        expect(written.values.B1).toBe(12.5);
        expect(written.values.C1).toBe(true);
        expect(written.values.D1 ?? null).toBeNull();
        expect(written.values.E1).toBe(7);
        // Formula injection: text beginning with = + - @ stays text.
        expect(written.values.A2).toBe('=1+1');
        expect(written.values.B2).toBe('+46 70 123 45 67');
        expect(written.values.C2).toBe('-5');
        expect(written.values.D2).toBe('@SUM(A1:A2)');
        expect(written.formulas).toEqual({ A3: '=SUM(B1:B1)', B3: "='Driftbudget'!D2*2" });
        expect(written.values.C3).toBe('text');
        expect(written.values.A4).toBe('Till Driftbudget');

        // The port reads back what it wrote the same way.
        const read = await put.port.read(() => one({ sheet: 'Resultat', address: 'A1:E4', formulas: true }));
        const g = grid(read.grids);
        expect(gridValue(g, 1, 0)).toBe('=1+1');
        expect(gridValue(g, 1, 3)).toBe('@SUM(A1:A2)');
        expect(g.formulas).toEqual({ A3: '=SUM(B1:B1)', B3: "='Driftbudget'!D2*2" });
      });

      it('writes one shared R1C1 formula cell as the A1 formula of each row it sits in', async () => {
        const put = await factory(seed());
        // One cell object for a whole column, as follow-up blocks build them.
        const budget = { formulaR1C1: "=SUMIFS('Driftbudget'!R2C4:R4C4,'Driftbudget'!R2C1:R4C1,RC[1])", style: 'computed' as const };
        const half = { formulaR1C1: '=RC[-1]/2' };
        const rows = ['Nämnd A', 'Nämnd B', 'Nämnd C'].map((name) => [budget, { value: name }, half]);
        await put.port.writeSheet({ ...emptySheetSpec('Blockformler'), rows });

        const read = await put.port.read(() => one({ sheet: 'Blockformler', address: 'A1:C3', formulas: true }));
        expect(grid(read.grids).formulas).toEqual({
          A1: "=SUMIFS('Driftbudget'!$D$2:$D$4,'Driftbudget'!$A$2:$A$4,B1)",
          A2: "=SUMIFS('Driftbudget'!$D$2:$D$4,'Driftbudget'!$A$2:$A$4,B2)",
          A3: "=SUMIFS('Driftbudget'!$D$2:$D$4,'Driftbudget'!$A$2:$A$4,B3)",
          C1: '=B1/2',
          C2: '=B2/2',
          C3: '=B3/2',
        });
      });

      it('leaves the existing sheets as they were', async () => {
        const put = await factory(seed());
        const before = await put.inspect();
        await put.port.writeSheet(injectionSpec('Resultat'));
        const after = await put.inspect();
        expect(after.slice(0, before.length)).toEqual(before);
      });

      it('puts a new tab first when asked', async () => {
        const put = await factory(seed());
        const result = await put.port.writeSheet(injectionSpec('Först'), { position: 'start' });
        expect(sheetNames(await put.inspect())[0]).toBe(result.name);
        const index = await put.port.index();
        expect(index.sheets.map((s) => [s.name, s.position])).toEqual([
          ['Först', 0], ['Driftbudget', 1], ['Övriga förändringar', 2], ['Kontrollrapport', 3], ['Tom', 4],
        ]);
      });

      it('gets a free name when the name is taken, comparing case-insensitively', async () => {
        const put = await factory(seed());
        const existing = sheetNames(CONTRACT_SEED);
        const first = await put.port.writeSheet(injectionSpec('driftbudget'));
        expect(first.name).toBe(freeSheetName('driftbudget', existing));
        expect(first.name.toLowerCase()).not.toBe('driftbudget');
        const second = await put.port.writeSheet(injectionSpec('DRIFTBUDGET'));
        expect(second.name).toBe(freeSheetName('DRIFTBUDGET', [...existing, first.name]));

        const names = sheetNames(await put.inspect());
        expect(names).toContain(first.name);
        expect(names).toContain(second.name);
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        // The user's sheet is untouched.
        const drift = byName(await put.inspect(), 'Driftbudget');
        expect(drift.values.A2).toBe('Barn- och ungdomsnämnden');
      });

      it('keeps names within 31 characters and without forbidden characters', async () => {
        const put = await factory(seed());
        const long = 'Resursfördelning 2027: Barn- och ungdomsnämnden/Förskola';
        const a = await put.port.writeSheet(injectionSpec(long));
        const b = await put.port.writeSheet(injectionSpec(long));
        for (const name of [a.name, b.name]) {
          expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
          expect(name).not.toMatch(/[:\\/?*[\]]/);
        }
        expect(a.name.toLowerCase()).not.toBe(b.name.toLowerCase());
        expect(sheetNames(await put.inspect())).toEqual(expect.arrayContaining([a.name, b.name]));
      });

      it('writes an owned tab with its marker in a hidden first row', async () => {
        const put = await factory(seed());
        const result = await put.port.writeSheet(ownedSpec('Ny rapport'));
        const written = byName(await put.inspect(), result.name);
        expect(decodeMarker(written.values.A1)).toMatchObject({ type: 'kontrollrapport', year: 2027 });
        expect(written.hiddenRows).toContain(0);
        expect(written.values.A3).toBe('Ny rapport');
        const index = await put.port.index();
        expect(decodeMarker(byName(index.sheets, result.name).firstCellText)).not.toBeNull();
      });

      it('replaces an owned tab in place under its name', async () => {
        const put = await factory(seed());
        const result = await put.port.writeSheet(ownedSpec('Ersatt rapport'), { replace: 'Kontrollrapport' });
        expect(result.name).toBe('Kontrollrapport');
        const sheets = await put.inspect();
        expect(sheetNames(sheets)).toEqual(['Driftbudget', 'Övriga förändringar', 'Kontrollrapport', 'Tom']);
        const replaced = byName(sheets, 'Kontrollrapport');
        expect(replaced.values.A3).toBe('Ersatt rapport');
        expect(replaced.hiddenRows).toContain(0);
        expect(decodeMarker(replaced.values.A1)).toMatchObject({ generatedAt: '2027-03-01T10:00:00Z' });
      });

      it("refuses to replace a user's tab and leaves the workbook as it was", async () => {
        const put = await factory(seed());
        const before = await put.inspect();
        await expectWorkbookError(put.port.writeSheet(ownedSpec('X'), { replace: 'Driftbudget' }), 'not-owned');
        await expectWorkbookError(put.port.writeSheet(ownedSpec('X'), { replace: 'Finns inte' }), 'not-found');
        expect(await put.inspect()).toEqual(before);
      });

      it('creates the tables a spec asks for, under a name no other table has', async () => {
        const put = await factory(seed());
        const spec: SheetSpec = {
          ...emptySheetSpec('Mall'),
          rows: [
            [{ value: 'Mall' }],
            [{ value: 'Nämnd', style: 'header' }, { value: 'Status', style: 'header' }, { value: 'Belopp', style: 'header' }],
            [{ value: 'Socialnämnden' }, { value: 'Pågår' }, { value: 12 }],
            [{ value: 'Kommunstyrelsen' }, { value: 'Klart' }, { value: 3 }],
            [],
            [{ value: 'Nämnd', style: 'header' }, { value: 'Budget 2027', style: 'header' }],
            [{ value: 'Socialnämnden' }, { value: 100 }],
          ],
          tables: [
            { name: 'Statusar', range: 'A2:C4' },
            { name: 'tbl_Driftbudget', range: 'A6:B7' }, // taken by the user's table
          ],
        };
        const { name } = await put.port.writeSheet(spec);
        const index = await put.port.index();
        const mine = index.tables.filter((t) => t.sheet === name);
        expect(mine.map((t) => t.address)).toEqual(['A2:C4', 'A6:B7']);
        expect(mine[0].name).toBe('Statusar');
        expect(mine[1].name.toLowerCase()).not.toBe('tbl_driftbudget');
        const names = index.tables.map((t) => t.name.toLowerCase());
        expect(new Set(names).size).toBe(names.length);
        // The user's table is untouched.
        expect(index.tables).toContainEqual({ name: 'tbl_Driftbudget', sheet: 'Driftbudget', address: 'A1:F4' });
        const written = byName(await put.inspect(), name);
        expect([written.values.A2, written.values.B2, written.values.C2, written.values.C4]).toEqual(['Nämnd', 'Status', 'Belopp', 3]);
      });

      it('writes nothing when the signal is already aborted', async () => {
        const put = await factory(seed());
        const before = await put.inspect();
        const controller = new AbortController();
        controller.abort();
        await expectWorkbookError(put.port.writeSheet(injectionSpec('Resultat'), { signal: controller.signal }), 'cancelled');
        expect(await put.inspect()).toEqual(before);
      });
    });

    describe('deleteOwnedSheet', () => {
      it('deletes an owned tab and nothing else', async () => {
        const put = await factory(seed());
        await put.port.deleteOwnedSheet('Kontrollrapport');
        const sheets = await put.inspect();
        expect(sheetNames(sheets)).toEqual(['Driftbudget', 'Övriga förändringar', 'Tom']);
        expect(byName(sheets, 'Driftbudget').formulas.D5).toBe('=SUM(D2:D4)');
      });

      it('deletes a tab it wrote itself', async () => {
        const put = await factory(seed());
        const { name } = await put.port.writeSheet(ownedSpec('Tillfällig'));
        await put.port.deleteOwnedSheet(name);
        expect(sheetNames(await put.inspect())).toEqual(['Driftbudget', 'Övriga förändringar', 'Kontrollrapport', 'Tom']);
      });

      it("refuses a user's tab and a missing tab, leaving everything intact", async () => {
        const put = await factory(seed());
        const before = await put.inspect();
        await expectWorkbookError(put.port.deleteOwnedSheet('Driftbudget'), 'not-owned');
        await expectWorkbookError(put.port.deleteOwnedSheet('Tom'), 'not-owned');
        await expectWorkbookError(put.port.deleteOwnedSheet('Finns inte'), 'not-found');
        expect(await put.inspect()).toEqual(before);
      });
    });

    describe('writeCells (quick fixes)', () => {
      it('writes numbers and text into user cells, keeps formulas and lists what changed', async () => {
        const put = await factory(seed());
        const result = await put.port.writeCells([
          { sheet: 'Driftbudget', cell: 'D2', value: 1234.5 },
          { sheet: 'Driftbudget', cell: 'A4', value: 'Socialnämnden (ny)' },
          { sheet: 'Driftbudget', cell: 'B4', value: '=1+1' },
          { sheet: 'Driftbudget', cell: 'D5', value: 0 },
        ]);
        expect(result.changed.map((c) => [c.sheet, c.cell, c.before, c.after])).toEqual([
          ['Driftbudget', 'D2', 1200.5, 1234.5],
          ['Driftbudget', 'A4', 'Socialnämnden', 'Socialnämnden (ny)'],
          ['Driftbudget', 'B4', 'Äldreomsorg', '=1+1'],
        ]);
        expect(result.skipped.map((c) => c.cell)).toEqual(['D5']);
        expect(result.skipped[0].reason).toMatch(/formel/);
        const drift = (await put.inspect()).find((s) => s.name === 'Driftbudget')!;
        expect(drift.values.D2).toBe(1234.5);
        expect(drift.values.A4).toBe('Socialnämnden (ny)');
        expect(drift.values.B4).toBe('=1+1');
        expect(drift.formulas.B4).toBeUndefined();
        expect(drift.formulas.D5).toBe('=SUM(D2:D4)');
      });

      it('refuses an unknown sheet and leaves every cell as it was', async () => {
        const put = await factory(seed());
        const before = await put.inspect();
        await expect(
          put.port.writeCells([
            { sheet: 'Driftbudget', cell: 'D3', value: 1 },
            { sheet: 'Finns inte', cell: 'A1', value: 2 },
          ]),
        ).rejects.toBeInstanceOf(WorkbookError);
        expect(await put.inspect()).toEqual(before);
      });
    });

    describe('resizeTable (quick fix "Utöka tabellen")', () => {
      it('extends a table over the row typed under it: the index and a read by the index then include it; no cell changes', async () => {
        const put = await factory(seed());
        const before = await put.inspect();
        await put.port.resizeTable({ sheet: 'Driftbudget', table: 'tbl_Driftbudget', address: 'A1:F5' });
        const index = await put.port.index();
        expect(index.tables.find((t) => t.name === 'tbl_Driftbudget')).toEqual({ name: 'tbl_Driftbudget', sheet: 'Driftbudget', address: 'A1:F5' });
        const raw = await put.port.read((i) => {
          const table = i.tables.find((t) => t.name === 'tbl_Driftbudget')!;
          return one({ sheet: table.sheet, address: table.address });
        });
        expect(grid(raw.grids).values.map((r) => r[0])).toEqual(['Nämnd', 'Barn- och ungdomsnämnden', 'Barn- och ungdomsnämnden', 'Socialnämnden', 'Summa']);
        expect(await put.inspect()).toEqual(before);
      });

      it('extends a table to the right, naming the new column from its header cell', async () => {
        const put = await factory(seed());
        await put.port.writeCells([{ sheet: 'Driftbudget', cell: 'G1', value: 'Kommentar' }]);
        await put.port.resizeTable({ sheet: 'Driftbudget', table: 'tbl_Driftbudget', address: 'A1:G4' });
        expect((await put.port.index()).tables.find((t) => t.name === 'tbl_Driftbudget')?.address).toBe('A1:G4');
        expect(byName(await put.inspect(), 'Driftbudget').values.G1).toBe('Kommentar');
      });

      it('refuses an unknown table, and a range that moves the header row, leaving the table as it was', async () => {
        const put = await factory(seed());
        await expectWorkbookError(put.port.resizeTable({ sheet: 'Driftbudget', table: 'Finns_inte', address: 'A1:F5' }), 'not-found');
        await expect(put.port.resizeTable({ sheet: 'Driftbudget', table: 'tbl_Driftbudget', address: 'A2:F5' })).rejects.toBeInstanceOf(WorkbookError);
        expect((await put.port.index()).tables.find((t) => t.name === 'tbl_Driftbudget')?.address).toBe('A1:F4');
      });
    });

    describe('selectCell', () => {
      it('reports the selected cell', async () => {
        const put = await factory(seed());
        expect(put.selected()).toBeNull();
        await put.port.selectCell('Övriga förändringar', 'C4');
        expect(put.selected()).toBe('Övriga förändringar!C4');
        await put.port.selectCell('Driftbudget', 'D5');
        expect(put.selected()).toBe('Driftbudget!D5');
      });

      it('rejects a sheet that does not exist', async () => {
        const put = await factory(seed());
        await expectWorkbookError(put.port.selectCell('Finns inte', 'A1'), 'not-found');
        expect(put.selected()).toBeNull();
      });
    });
  });
}
