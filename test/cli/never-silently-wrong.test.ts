/**
 * Issue 13 on real .xlsx files through the CLI: an untouched template is not "ready to submit",
 * and rows typed under an Excel table are a finding at the first such cell.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './run-cli';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-silent-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('an untouched template', () => {
  it('validate exits 1 with errors that name what is missing', async () => {
    const file = join(dir, 'mall.xlsx');
    expect((await run('template', '-o', file, '--year', '2027')).code).toBe(0);

    const text = await run('validate', file);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/fel\s+STRUCT-EMPTY-INPUT\s+A3\s+”Ramar” har rubriker men inga rader/);
    expect(text.stdout).toMatch(/fel\s+STRUCT-EMPTY-INPUT\s+A3\s+”Driftbudget” har rubriker men inga rader/);
    expect(text.stdout).toMatch(/Sammanfattning: 2 fel, .*Kan inte lämnas in – det saknas: (Driftbudget \(inga rader\) och Ramar \(inga rader\)|Ramar \(inga rader\) och Driftbudget \(inga rader\))\./);
    expect(text.stdout).not.toMatch(/kan lämnas in\b(?! –)/);

    const json = await run('validate', '--format', 'json', file);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as { files: { findings: { rule: string; sheet: string; cell: string }[] }[] };
    const empty = out.files[0].findings.filter((f) => f.rule === 'STRUCT-EMPTY-INPUT').map((f) => `${f.sheet}!${f.cell}`);
    expect(empty.sort()).toEqual(['Driftbudget!A3', 'Ramar!A3']);
  });
});
