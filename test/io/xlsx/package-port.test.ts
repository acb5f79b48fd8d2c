/**
 * The CLI's writing port (package-port.ts): reads through the lean reader, writes tabs into a copy
 * of the input with the package writer. Free names for new tabs, replacing owned tabs only, the
 * index showing what has been written, and the saved file read back.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { generateSample, sampleToSheetSpecs } from '../../../src/core/sample';
import { encodeMarker } from '../../../src/core/workbook/marker';
import { emptySheetSpec, type SheetSpec } from '../../../src/core/workbook/sheet-spec';
import type { WorkbookPort } from '../../../src/core/workbook/port';
import { PackageWorkbookPort } from '../../../src/io/xlsx/package-port';
import { XlsxReadPort } from '../../../src/io/xlsx/read-port';
import { inflateRawStart } from '../../../src/cli/open-workbook';

const deps = {
  inflateRaw: (data: Uint8Array, size: number) => inflateRawSync(data, { chunkSize: Math.max(64 * 1024, size) }),
  deflateRaw: (data: Uint8Array) => deflateRawSync(data),
};

/** A tab Budgetkoll owns: its marker in A1, one figure in B2. */
function ownedSpec(name: string, figure: number): SheetSpec {
  const spec = emptySheetSpec(name);
  return { ...spec, rows: [[{ value: encodeMarker({ type: 'kontrollrapport', version: 1 }) }], [null, { value: figure }]] };
}

async function samplePackage(rows = 366): Promise<Uint8Array> {
  const port = PackageWorkbookPort.createEmpty(deps);
  for (const spec of sampleToSheetSpecs(generateSample({ rows, seed: 1 }))) await port.writeSheet(spec);
  return port.toBuffer();
}

async function valueAt(bytes: Uint8Array, sheet: string, address: string): Promise<unknown> {
  const reader = await XlsxReadPort.fromBuffer(bytes, { inflateRaw: deps.inflateRaw });
  const raw = await reader.read(() => ({ ranges: [{ id: 'x', sheet, address, formulas: false, numberFormats: false }] }));
  return raw.grids.get('x')?.values[0]?.[0] ?? null;
}

describe('PackageWorkbookPort', () => {
  it('a new workbook from specs reads back through the lean reader', async () => {
    const bytes = await samplePackage();
    const reader = await XlsxReadPort.fromBuffer(bytes, { inflateRaw: deps.inflateRaw });
    const names = (await reader.index()).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Driftbudget', 'Ramar', 'Parametrar']));
  });

  it('gives a new tab a free name, lists it in the index, and saves it after the input tabs', async () => {
    const port = await PackageWorkbookPort.fromBuffer(await samplePackage(), deps);
    const before = (await port.index()).sheets.map((s) => s.name);
    const { name } = await port.writeSheet(ownedSpec('Driftbudget', 7));
    expect(name).toBe('Driftbudget (2)');
    expect((await port.index()).sheets.map((s) => s.name)).toEqual([...before, 'Driftbudget (2)']);
    const out = await port.toBuffer();
    const reader = await XlsxReadPort.fromBuffer(out, { inflateRaw: deps.inflateRaw });
    expect((await reader.index()).sheets.map((s) => s.name)).toEqual([...before, 'Driftbudget (2)']);
    expect(await valueAt(out, 'Driftbudget (2)', 'B2')).toBe(7);
  });

  it('replaces an owned tab in place under its own name; a second write of it replaces again', async () => {
    const first = await PackageWorkbookPort.fromBuffer(await samplePackage(), deps);
    await first.writeSheet(ownedSpec('Kontrollrapport', 1));
    const withReport = await first.toBuffer();

    const port = await PackageWorkbookPort.fromBuffer(withReport, deps);
    const order = (await port.index()).sheets.map((s) => s.name);
    expect(await port.writeSheet(ownedSpec('Något annat', 2), { replace: 'Kontrollrapport' })).toEqual({ name: 'Kontrollrapport' });
    await port.writeSheet(ownedSpec('Kontrollrapport', 3), { replace: 'Kontrollrapport' });
    const out = await port.toBuffer();
    const reader = await XlsxReadPort.fromBuffer(out, { inflateRaw: deps.inflateRaw });
    expect((await reader.index()).sheets.map((s) => s.name)).toEqual(order);
    expect(await valueAt(out, 'Kontrollrapport', 'B2')).toBe(3);
  });

  it('refuses to replace a tab Budgetkoll does not own, or one that is not there', async () => {
    const port = await PackageWorkbookPort.fromBuffer(await samplePackage(), deps);
    await expect(port.writeSheet(ownedSpec('X', 1), { replace: 'Driftbudget' })).rejects.toMatchObject({ kind: 'not-owned' });
    await expect(port.writeSheet(ownedSpec('X', 1), { replace: 'Finns inte' })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('reads the input as it was opened, and refuses what only the task pane does', async () => {
    const port: WorkbookPort = await PackageWorkbookPort.fromBuffer(await samplePackage(), deps);
    await expect(port.selectCell('Driftbudget', 'A1')).rejects.toThrow(/skriver bara Budgetkolls egna flikar/);
    await expect(port.writeCells([])).rejects.toThrow();
    await expect(port.deleteOwnedSheet('Driftbudget')).rejects.toThrow();
    expect(await PackageWorkbookPort.createEmpty(deps).toBuffer().catch((e: Error) => e.message)).toMatch(/inga flikar/);
  });
});

describe('XlsxReadPort: reading only the tabs a plan can use (ReadOptions.sheets)', () => {
  it('gives the plan an index of the wanted tabs only, with their used areas, and reads them', async () => {
    const port = await PackageWorkbookPort.fromBuffer(await samplePackage(), deps);
    const owned = { ...ownedSpec('Kontrollrapport', 5) };
    await port.writeSheet(owned);
    const bytes = await port.toBuffer();
    const reader = await XlsxReadPort.fromBuffer(bytes, { inflateRaw: deps.inflateRaw });
    let seen: string[] = [];
    const raw = await reader.read(
      (index) => {
        seen = index.sheets.map((s) => `${s.name} ${s.usedAddress}`);
        return { ranges: [{ id: 'k', sheet: 'Kontrollrapport', address: 'A1:B2', formulas: false, numberFormats: false }] };
      },
      { sheets: (s) => s.firstCellText?.startsWith('BUDGETKOLL:') === true },
    );
    expect(seen).toEqual(['Kontrollrapport A1:B2']);
    expect(raw.grids.get('k')!.values[1][1]).toBe(5);
    // Without the hint the index lists every tab.
    expect((await reader.index()).sheets.length).toBeGreaterThan(5);
  });

  it('learns the other tabs’ A1 from the start of their parts when the host can inflate just that (inflateRawStart)', async () => {
    const port = await PackageWorkbookPort.fromBuffer(await samplePackage(4000), deps);
    await port.writeSheet(ownedSpec('Kontrollrapport', 5));
    const late = emptySheetSpec('Sent');
    late.rows = [[], [], [null, { value: 'B3 först' }]];
    await port.writeSheet(late);
    const bytes = await port.toBuffer();
    const firstTexts = async (options: Parameters<typeof XlsxReadPort.fromBuffer>[1]): Promise<string[]> => {
      const seen: string[] = [];
      const reader = await XlsxReadPort.fromBuffer(bytes, options);
      await reader.read(() => ({ ranges: [] }), {
        sheets: (s) => {
          seen.push(`${s.name}: ${s.firstCellText}`);
          return false;
        },
      });
      return seen;
    };
    const whole = await firstTexts({ inflateRaw: deps.inflateRaw });
    expect(whole).toContain('Sent: null');
    const inflated: number[] = [];
    const counting = (data: Uint8Array, size: number) => {
      inflated.push(size);
      return deps.inflateRaw(data, size);
    };
    expect(await firstTexts({ inflateRaw: counting, inflateRawStart })).toEqual(whole);
    // No worksheet part was inflated whole (Utfall here is over a megabyte).
    expect(inflated.every((size) => size < 100_000)).toBe(true);
    // A start that holds no whole cell: the part is inflated whole, with the same answer.
    const cut = (data: Uint8Array, max: number) => inflateRawStart(data, max).subarray(0, 120);
    expect(await firstTexts({ inflateRaw: deps.inflateRaw, inflateRawStart: cut })).toEqual(whole);
    // A start that cannot be inflated (the host's limit passed): the same.
    const failing = () => {
      throw new RangeError('too large');
    };
    expect(await firstTexts({ inflateRaw: deps.inflateRaw, inflateRawStart: failing })).toEqual(whole);
  });
});
