/**
 * Excel fidelity: what real Excel does and the double now models, each with the Office adapter's
 * answer to it. The Microsoft page behind each behaviour is listed in docs/excel-dubbel.md.
 *
 * - Undo groups refuse calls that cannot be undone (UndoNotSupported), per platform.
 * - Deleting a sheet turns formulas that point at it into #REF!; a refresh therefore rewrites an
 *   owned tab in place behind a hidden backup copy (Worksheet.copy, ExcelApi 1.7) on every host.
 * - A table name may not clash with a defined name.
 * - merge() keeps only the top-left value.
 * - A protected sheet accepts writes to unlocked cells only; AccessDenied is worded by its cause.
 * - Calculation suspended for a big write is followed by a recalculation.
 * - Quick fixes go in payload-sized syncs, and are put back the same way when one fails.
 */
import type { CellEdit } from '../../../src/core/workbook/port';
import { WorkbookError } from '../../../src/core/workbook/port';
import { ExcelDouble, rewriteSheetReferences, type DoublePlatform } from './excel-double';
import { portOver, realisticSpec, rejection, seedUserWorkbook, upTo, workbookState } from './office-fixtures';

const OWNED = 'Uppföljning augusti';

/** A compilation tab of the user's that points at the owned tab, as the Sammanställning does. */
function seedDependent(double: ExcelDouble): void {
  double.addSheet('Sammanställning', [
    ['Nämnd', 'Budget'],
    ['Socialnämnden', `='${OWNED}'!B5`],
    ['Summa', `=SUM('${OWNED}'!B5:B6)+B2`],
  ]);
}

function dependentFormulas(double: ExcelDouble): (string | null)[] {
  return [double.cell('Sammanställning', 'B2').formula, double.cell('Sammanställning', 'B3').formula];
}

async function outcome<T>(promise: Promise<T>): Promise<{ result: T | null; error: unknown }> {
  return promise.then(
    (result) => ({ result, error: null as unknown }),
    (error: unknown) => ({ result: null, error }),
  );
}

describe('undo groups (mergeUndoGroup, ExcelApi 1.20)', () => {
  it.each<[DoublePlatform, boolean]>([
    ['windows', false],
    ['mac', false],
    ['web', true],
  ])('the double refuses calls Excel cannot undo (%s: renaming a sheet allowed = %s)', async (platform, renameAllowed) => {
    const double = new ExcelDouble({ platform });
    seedUserWorkbook(double);
    const grouped = <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
      outcome((double.run as unknown as (o: object, b: typeof batch) => Promise<T>)({ mergeUndoGroup: true }, batch));

    const edit = await grouped(async (context) => {
      context.workbook.worksheets.getItem('Ramar').getRange('B2').values = [[1700]];
      await context.sync();
    });
    expect(edit.error).toBeNull();

    const protect = await grouped(async (context) => {
      context.workbook.worksheets.getItem('Ramar').protection.protect();
      await context.sync();
    });
    expect((protect.error as { code: string }).code).toBe('UndoNotSupported');

    const remove = await grouped(async (context) => {
      context.workbook.worksheets.getItem('Ramar').delete();
      await context.sync();
    });
    expect((remove.error as { code: string }).code).toBe('UndoNotSupported');
    expect(double.sheetNames()).toContain('Ramar');

    const rename = await grouped(async (context) => {
      context.workbook.worksheets.getItem('Ramar').name = 'Ramar KF';
      await context.sync();
    });
    expect(rename.error === null).toBe(renameAllowed);
  });

  it.each<DoublePlatform>(['windows', 'mac', 'web'])(
    'on a Microsoft 365 host (%s) every write of the adapter succeeds: new tab, tab first, refresh, delete, quick fix',
    async (platform) => {
      const double = new ExcelDouble({ platform });
      seedUserWorkbook(double);
      const port = portOver(double);
      const { name } = await port.writeSheet(realisticSpec('Ny', 4, 'tbl_Ny'));
      await port.writeSheet(realisticSpec('Instruktioner', 2, 'tbl_Instr'), { position: 'start' });
      await port.writeSheet(realisticSpec(), { replace: OWNED });
      await port.deleteOwnedSheet(name);
      const fixed = await port.writeCells([{ sheet: 'Ramar', cell: 'B2', value: 1700 }]);
      expect(fixed.changed).toHaveLength(1);
      expect(double.sheetNames()).toEqual(['Instruktioner', 'Driftbudget', 'Ramar', OWNED]);
      // Only the quick fix was one undo step.
      expect(double.runs.filter((r) => r.options?.mergeUndoGroup).length).toBeGreaterThan(0);
      expect(double.syncs.every((s) => s.failed !== 'UndoNotSupported')).toBe(true);
    },
  );

  it('an UndoNotSupported that still reaches the adapter gets our own words and leaves nothing behind', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    const before = workbookState(double);
    double.failAt({ kind: 'range.values', nth: 1, code: 'UndoNotSupported' });
    const error = await rejection(portOver(double).writeCells([{ sheet: 'Ramar', cell: 'B2', value: 1700 }]));
    expect(error.kind).toBe('undo-not-supported');
    expect(error.message).toMatch(/ångra/);
    expect(workbookState(double)).toEqual(before);
  });
});

describe('references to an owned tab survive its refresh', () => {
  it('the double: deleting a sheet turns formulas into #REF! for good; renaming rewrites them', async () => {
    expect(rewriteSheetReferences(`='${OWNED}'!B5+"'${OWNED}'!B5"`, OWNED, null)).toBe(`=#REF!B5+"'${OWNED}'!B5"`);
    expect(rewriteSheetReferences('=Ramar!B2*2+ramar!B3', 'Ramar', 'KF ramar')).toBe("='KF ramar'!B2*2+'KF ramar'!B3");
    expect(rewriteSheetReferences('=SUMIFS(Ramar2!B:B,A:A,"x")', 'Ramar', null)).toBe('=SUMIFS(Ramar2!B:B,A:A,"x")');

    const double = new ExcelDouble();
    seedUserWorkbook(double);
    seedDependent(double);
    await double.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem(OWNED).delete();
      await context.sync();
    });
    expect(dependentFormulas(double)).toEqual(['=#REF!B5', '=SUM(#REF!B5:B6)+B2']);
    expect(double.cell('Sammanställning', 'B2').value).toBe('#REF!');
    // A new sheet under the old name does not bring the references back.
    double.addSheet(OWNED, [['ny']]);
    expect(dependentFormulas(double)[0]).toBe('=#REF!B5');
  });

  it('a refresh rewrites the tab in place: same worksheet, dependents untouched, no backup left', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    seedDependent(double);
    const id = double.sheet(OWNED).id;
    const before = dependentFormulas(double);
    const result = await portOver(double).writeSheet(realisticSpec(), { replace: OWNED });
    expect(result).toEqual({ name: OWNED });
    expect(double.sheet(OWNED).id).toBe(id);
    expect(dependentFormulas(double)).toEqual(before);
    expect(double.sheetNames()).toEqual(['Driftbudget', 'Ramar', OWNED, 'Sammanställning']);
    // The old contents are gone and the new ones are complete, protection last.
    const tab = double.sheet(OWNED);
    const values = Object.values(double.inspect().find((s) => s.name === OWNED)!.values);
    expect(values).toContain('Augustirapport 2027 – Socialnämnden');
    expect(values).not.toContain('Gammal rapport');
    expect(tab.protection.protected).toBe(true);
    expect(tab.tabColor).toBe('#1F3864');
    expect(double.tables.filter((t) => t.sheet === tab).map((t) => t.name)).toEqual(['tbl_Uppfoljning']);
  });

  it('on the oldest supported host (ExcelApi 1.8, Excel 2019) the refresh is in place too', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    seedDependent(double);
    const id = double.sheet(OWNED).id;
    await portOver(double, { isSetSupported: upTo('1.8') }).writeSheet(realisticSpec(), { replace: OWNED });
    expect(double.sheet(OWNED).id).toBe(id);
    expect(dependentFormulas(double)).toEqual([`='${OWNED}'!B5`, `=SUM('${OWNED}'!B5:B6)+B2`]);
  });

  it('a failure at any step keeps the tab as it was; until the tab is touched the dependents keep their references', async () => {
    const reference = new ExcelDouble();
    seedUserWorkbook(reference);
    seedDependent(reference);
    const ownedBefore = reference.inspect().find((s) => s.name === OWNED);
    const names = reference.sheetNames();
    let failures = 0;
    let intact = 0;
    for (let n = 1; ; n++) {
      const double = new ExcelDouble();
      seedUserWorkbook(double);
      seedDependent(double);
      double.failAt({ kind: () => true, nth: n });
      const { error } = await outcome(portOver(double).writeSheet(realisticSpec(), { replace: OWNED }));
      if (!double.injectionFired) break;
      expect(double.sheetNames()).toEqual(names);
      if (error === null) continue; // failed only after the tab was complete: the refresh stands
      failures++;
      expect(error).toBeInstanceOf(WorkbookError);
      expect(double.inspect().find((s) => s.name === OWNED)).toEqual(ownedBefore);
      const formulas = dependentFormulas(double);
      if (formulas[0] === `='${OWNED}'!B5`) intact++;
      else expect(formulas).toEqual(['=#REF!B5', '=SUM(#REF!B5:B6)+B2']);
    }
    expect(failures).toBeGreaterThan(100);
    expect(intact).toBeGreaterThan(5);
  });

  it('refuses to refresh a tab without a marker, copying nothing', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    const error = await rejection(portOver(double).writeSheet(realisticSpec(), { replace: 'Ramar' }));
    expect(error.kind).toBe('not-owned');
    expect(double.sheetNames()).toEqual(['Driftbudget', 'Ramar', OWNED]);
    expect(double.operationCounts.get('worksheet.copy') ?? 0).toBe(0);
  });
});

describe('table names and defined names', () => {
  it('the double: a table cannot take a name a defined name has', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    double.addName('Driftbudget', '=Driftbudget!$A$1:$F$3');
    const { error } = await outcome(
      double.run(async (context: Excel.RequestContext) => {
        const sheet = context.workbook.worksheets.getItem('Ramar');
        sheet.tables.add(sheet.getRange('A1:B2'), true).name = 'driftbudget';
        await context.sync();
      }),
    );
    expect((error as { code: string }).code).toBe('InvalidArgument');
  });

  it('a new tab\'s table avoids workbook- and sheet-scoped names', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    double.addName('tbl_Ny', '=Ramar!$A$1');
    double.addName('tbl_Ny2', '=Ramar!$A$2', 'Ramar');
    const { name } = await portOver(double).writeSheet(realisticSpec('Ny', 4, 'tbl_Ny'));
    expect(double.tables.filter((t) => t.sheet.name === name).map((t) => t.name)).toEqual(['tbl_Ny_2']);
  });
});

describe('merges', () => {
  it('the double: merge keeps the top-left value and drops the rest, as Excel does', async () => {
    const double = new ExcelDouble();
    double.addSheet('Blad', [['a', 'b', '=1+1'], ['c', 'd', 'e']]);
    await double.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.getItem('Blad');
      sheet.getRange('A1:C1').merge();
      sheet.getRange('A2:C2').merge(true);
      await context.sync();
    });
    expect(double.inspect()[0].values).toEqual({ A1: 'a', A2: 'c' });
    expect(double.inspect()[0].formulas).toEqual({});
  });
});

describe('protection', () => {
  async function protectedOwnedTab(): Promise<{ double: ExcelDouble; name: string }> {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    const { name } = await portOver(double).writeSheet(realisticSpec('Ny', 4, 'tbl_Ny'));
    expect(double.sheet(name).protection.protected).toBe(true);
    return { double, name };
  }

  it('a quick fix into an unlocked input cell of a protected tab is allowed, as in Excel', async () => {
    const { double, name } = await protectedOwnedTab();
    // Row 5 of the spec is the first data row; column C is an input (unlocked).
    const result = await portOver(double).writeCells([{ sheet: name, cell: 'C6', value: 1234 }]);
    expect(result.changed).toHaveLength(1);
    expect(double.cell(name, 'C6').value).toBe(1234);
  });

  it('a write into a locked cell is refused and worded as a protected sheet', async () => {
    const { double, name } = await protectedOwnedTab();
    const error = await rejection(portOver(double).writeCells([{ sheet: name, cell: 'B6', value: 1234 }]));
    expect(error.kind).toBe('protected');
    expect(error.message).toContain(`Bladet "${name}" är skyddat`);
  });

  it('a workbook whose structure is protected: a new tab is refused and worded so', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    double.structureProtected = true;
    const before = workbookState(double);
    const error = await rejection(portOver(double).writeSheet(realisticSpec('Ny', 4, 'tbl_Ny')));
    expect(error.kind).toBe('protected');
    expect(error.message).toMatch(/Arbetsbokens struktur är skyddad/);
    expect(workbookState(double)).toEqual(before);
  });
});

describe('calculation', () => {
  it('after the writes made with calculation suspended, a recalculation is asked for in a sync of its own', async () => {
    const double = new ExcelDouble();
    seedUserWorkbook(double);
    await portOver(double).writeSheet(realisticSpec('Ny', 4, 'tbl_Ny'));
    expect(double.calculationSuspensions).toBeGreaterThan(0);
    const last = double.calculations[double.calculations.length - 1];
    expect(last.type).toBe('Recalculate');
    expect(last.sync).toBeGreaterThan(double.lastSuspensionSync);
  });
});

describe('quick fixes in payload-sized syncs', () => {
  function manyEdits(double: ExcelDouble, count: number): CellEdit[] {
    const rows = Array.from({ length: count }, (_, i) => [`Verksamhet ${i}`, i]);
    double.addSheet('Indata', rows);
    return rows.map((_, i) => ({ sheet: 'Indata', cell: `B${i + 1}`, value: `text som blir ${i}` }));
  }

  it('5 000 edits go in several syncs, each request and response under the budget', async () => {
    const double = new ExcelDouble({ payloadLimit: 200_000 });
    const edits = manyEdits(double, 5_000);
    const result = await portOver(double, { payloadBudget: 200_000 }).writeCells(edits);
    expect(result.changed).toHaveLength(5_000);
    expect(double.syncCount).toBeGreaterThan(4);
    expect(double.largestRequest).toBeLessThanOrEqual(200_000);
    expect(double.largestResponse).toBeLessThanOrEqual(200_000);
    expect(double.cell('Indata', 'B4000').value).toBe('text som blir 3999');
  });

  it('a failure in a later chunk puts back every cell already changed', async () => {
    const double = new ExcelDouble({ payloadLimit: 200_000 });
    const edits = manyEdits(double, 5_000);
    const before = double.inspect();
    double.failAt({ kind: 'range.values', nth: 3_000 });
    const error = await rejection(portOver(double, { payloadBudget: 200_000 }).writeCells(edits));
    expect(error.kind).toBe('unknown');
    expect(double.inspect()).toEqual(before);
  });
});
