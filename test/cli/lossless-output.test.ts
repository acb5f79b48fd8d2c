/**
 * Issue 14: `allocate -o` and `followup -o` write into a copy of the user's package that keeps
 * everything they had. The input is a realistic user workbook (a pivot table, a chart and drawing,
 * legacy and threaded comments, custom properties, a chart sheet, a worksheet part with an odd
 * name, a VBA part, a calcChain) with the sample's input tabs added. After each command every entry
 * not on the writer's edit list is byte for byte the input's (local header, compressed data), the
 * owned tabs are there and read back with the core's figures, and calcChain is gone.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAllocationTab, allocationTabName } from '../../src/core/allocation/result-tab';
import { runAllocation } from '../../src/core/allocation/model';
import { generateSample, sampleToSheetSpecs } from '../../src/core/sample';
import { JOB_INPUTS, readBudgetModel } from '../../src/core/recognition';
import { decodeMarker } from '../../src/core/workbook/marker';
import { writePackage } from '../../src/io/xlsx/package';
import { XlsxReadPort } from '../../src/io/xlsx/read-port';
import { entriesOf, expectCopiedByteForByte } from '../io/xlsx/package/copied';
import { deps, inputPackage } from '../io/xlsx/package/input-package';
import { runCli } from './run-cli';

/** Parts the writer edits (or adds) when it writes Budgetkoll's tabs; everything else is copied. */
const EDITED = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|docProps\/app\.xml)$/;

let dir: string;
let input: string;
let inputBytes: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-lossless-'));
  // The user's workbook with the sample's input tabs grafted in (as a controller's own file would have them).
  inputBytes = await writePackage(inputPackage(), sampleToSheetSpecs(generateSample({ rows: 400, seed: 3 })).map((spec) => ({ spec })), deps);
  input = join(dir, 'budget.xlsm');
  writeFileSync(input, inputBytes);
});

/** Every input entry that is neither edited nor dropped comes out with the same local record. */
const expectCopied = (output: Uint8Array) => expectCopiedByteForByte(inputBytes, output, EDITED);

async function ownedTabs(bytes: Uint8Array) {
  const reader = await XlsxReadPort.fromBuffer(bytes, { inflateRaw: deps.inflateRaw });
  return (await reader.index()).sheets.filter((s) => decodeMarker(s.firstCellText) !== null);
}

test('allocate -o: the result tab is added; pivot, chart, comments, VBA and the odd sheet part are copied byte for byte', async () => {
  const output = join(dir, 'resultat.xlsm');
  const result = await runCli(['allocate', input, '-o', output, '--format', 'json']);
  if (result.code === 2) throw new Error(result.stderr);
  expect([0, 1]).toContain(result.code);
  const bytes = new Uint8Array(readFileSync(output));
  const copied = expectCopied(bytes);
  for (const part of ['xl/vbaProject.bin', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/charts/chart1.xml', 'xl/comments1.xml', 'docProps/custom.xml', 'xl/chartsheets/sheet1.xml', 'xl/worksheets/Blad_ett.xml']) {
    expect(copied).toContain(part);
  }
  expect(entriesOf(bytes).has('xl/calcChain.xml')).toBe(false);

  // The tab holds the core's figures for the same workbook.
  const reader = await XlsxReadPort.fromBuffer(inputBytes, { inflateRaw: deps.inflateRaw });
  const model = await readBudgetModel(reader, 'allocation');
  const allocation = runAllocation(model)!;
  const name = allocationTabName(allocation.years[0]);
  expect((await ownedTabs(bytes)).map((s) => s.name)).toEqual([name]);
  const expected = buildAllocationTab(allocation, model, new Date(0));
  const out = await XlsxReadPort.fromBuffer(bytes, { inflateRaw: deps.inflateRaw });
  const raw = await out.read(() => ({ ranges: [{ id: 't', sheet: name, address: `A1:Z${expected.rows.length + 5}`, formulas: false, numberFormats: false }] }));
  const grid = raw.grids.get('t')!;
  const numbers = (rows: readonly (readonly unknown[])[]) => rows.flatMap((r) => r.filter((v): v is number => typeof v === 'number'));
  const cached = numbers(expected.rows.map((r) => r.map((c) => c?.value ?? null)));
  expect(cached.length).toBeGreaterThan(20);
  expect(numbers(grid.values)).toEqual(cached);
  expect(JOB_INPUTS.allocation.inputs).toContain('volymer');
});

test('followup -o twice: tabs added, then refreshed in place; everything else still copied byte for byte', async () => {
  const first = join(dir, 'uppfoljning.xlsm');
  expect([0, 1]).toContain((await runCli(['followup', input, '--report', 'august', '--all', '-o', first, '--format', 'json'])).code);
  const once = new Uint8Array(readFileSync(first));
  expectCopied(once);
  const tabs = (await ownedTabs(once)).map((s) => s.name);
  expect(tabs.length).toBeGreaterThan(3);

  const second = join(dir, 'uppfoljning-2.xlsm');
  const run = await runCli(['followup', first, '--report', 'august', '--all', '-o', second, '--format', 'json']);
  expect([0, 1]).toContain(run.code);
  expect(JSON.parse(run.stdout).tabs.every((t: { action: string }) => t.action === 'refreshed')).toBe(true);
  const twice = new Uint8Array(readFileSync(second));
  expect((await ownedTabs(twice)).map((s) => s.name)).toEqual(tabs);
  // The input's own parts are still the originals, two writes later.
  expectCopied(twice);
});

test('a copy keeps the input kind: a macro workbook is written as .xlsm, never as .xlsx', async () => {
  const refused = await runCli(['allocate', input, '-o', join(dir, 'resultat.xlsx')]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/måste sluta på \.xlsm som arbetsboken/);
  const followUp = await runCli(['followup', input, '--report', 'august', '--all', '-o', join(dir, 'u.xlsx')]);
  expect(followUp.code).toBe(2);
  expect(followUp.stderr).toMatch(/\.xlsm/);
});
