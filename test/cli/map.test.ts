/**
 * `budgetkoll map` and `--mapping` on the example workbook (a real .xlsx): suggest, try,
 * save in a copy, and every job then reads through the saved mapping without the flag.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeMapping } from '../../src/core/inputs/mapping-parse';
import { BUDGET_SHEET, exampleMapping, exampleSheets } from '../core/inputs/mapping-example';
import { run } from './run-cli';
import { testSheetsToXlsx } from './xlsx-fixtures';

let dir: string;
let book: string;
let mappingFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bk-map-'));
  book = join(dir, 'egen-layout.xlsx');
  writeFileSync(book, await testSheetsToXlsx(exampleSheets));
  mappingFile = join(dir, 'koppling.json');
  writeFileSync(mappingFile, serializeMapping(exampleMapping));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('budgetkoll map', () => {
  it('--suggest prints the proposal as a mapping file: the one a controller would confirm', async () => {
    const r = await run('map', book, '--suggest');
    expect(r.code).toBe(0);
    const suggested = JSON.parse(r.stdout);
    expect(suggested.inputs.Driftbudget).toMatchObject({ sheet: BUDGET_SHEET, headerRow: 4, unit: 'mnkr', costs: 'negative', columns: exampleMapping.inputs.Driftbudget.columns });
    expect(suggested.inputs.Ramar).toMatchObject({ table: 'KFramar', columns: exampleMapping.inputs.Ramar.columns });
    expect(r.stderr).toContain(`Föreslaget: Driftbudget: '${BUDGET_SHEET}'!A4:F15, belopp i mnkr, kostnader negativa`);
  });

  it('--mapping tries it: what each input reads; -o saves it in a copy, and the copy prints it back', async () => {
    const out = join(dir, 'kopplad.xlsx');
    const r = await run('map', book, '--mapping', mappingFile, '-o', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Rader som lämnades utanför: 4 summarader');
    expect(r.stderr).toContain('fliken Koppling');
    const back = await run('map', out);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual(JSON.parse(serializeMapping(exampleMapping)));
    // The input file is never changed.
    expect((await run('map', book)).code).toBe(1);
  });

  it('a mapping file with mistakes: every one named by its key, exit 2', async () => {
    const bad = join(dir, 'fel.json');
    writeFileSync(bad, JSON.stringify({ version: 1, inputs: { Driftbudget: { sheet: BUDGET_SHEET, headerRow: 4, columns: { Nämnd: 'A', '2027': 'D' }, unit: 'miljoner' } } }));
    const r = await run('validate', book, '--mapping', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inputs.Driftbudget.columns.Verksamhet');
    expect(r.stderr).toContain('inputs.Driftbudget.unit');
    expect(r.stderr).not.toMatch(/\bat .*\(/);
  });

  it('a mapping that does not fit the workbook is not saved (exit 1), with the key and cell', async () => {
    const moved = join(dir, 'flyttad.json');
    const m = JSON.parse(serializeMapping(exampleMapping));
    m.inputs.Driftbudget.sheet = 'Budget 2027–2030';
    writeFileSync(moved, JSON.stringify(m));
    const out = join(dir, 'ska-inte-finnas.xlsx');
    const r = await run('map', book, '--mapping', moved, '-o', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('MAP-STALE');
    expect(r.stdout).toContain('Budget 2027–2030');
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('the jobs through a mapping', () => {
  it('validate: without a mapping "Driftbudget saknas"; with --mapping, a clean check of the user’s cells', async () => {
    const bare = await run('validate', book, '--format', 'json');
    expect(JSON.parse(bare.stdout).files[0].findings.map((f: { rule: string }) => f.rule)).toContain('STRUCT-MISSING-TABLE');
    const mapped = await run('validate', book, '--mapping', mappingFile, '--format', 'json');
    const findings = JSON.parse(mapped.stdout).files[0].findings as { rule: string; severity: string }[];
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('validate on the saved copy needs no flag, and --mapping wins over the saved one', async () => {
    const out = join(dir, 'kopplad-2.xlsx');
    expect((await run('map', book, '--mapping', mappingFile, '-o', out)).code).toBe(0);
    const saved = await run('validate', out, '--format', 'json');
    expect(JSON.parse(saved.stdout).files[0].findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    const other = join(dir, 'annan.json');
    const m = JSON.parse(serializeMapping(exampleMapping));
    m.inputs.Driftbudget.sheet = 'Finns inte';
    writeFileSync(other, JSON.stringify(m));
    const overridden = await run('validate', out, '--mapping', other, '--format', 'json');
    expect(JSON.parse(overridden.stdout).files[0].findings.map((f: { rule: string }) => f.rule)).toContain('MAP-STALE');
  });

  it('followup through a stale mapping writes nothing (exit 1)', async () => {
    const other = join(dir, 'annan-2.json');
    const m = JSON.parse(serializeMapping(exampleMapping));
    m.inputs.Driftbudget.sheet = 'Finns inte';
    writeFileSync(other, JSON.stringify(m));
    const out = join(dir, 'upf.xlsx');
    const r = await run('followup', book, '--report', 'august', '--all', '--mapping', other, '-o', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('MAP-STALE');
    expect(() => readFileSync(out)).toThrow();
  });
});
