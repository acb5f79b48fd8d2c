/**
 * @jest-environment node
 */
/**
 * The playground's download keeps the cached values of the Budgetkoll tabs that were in the opened
 * file, empty text included (a formula =IF(G="","",…) over an empty prognos caches ""): ExcelJS alone
 * would load that result as none and write the cell back without one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { xlsxWorkbookLoader } from '../../src/playground/xlsx-loader';
import { MIN_SAMPLE_ROWS } from '../../src/core/sample/generate';
import { run } from '../cli/run-cli';

/** Formula cells with an empty-text cached result, and those without any cached result, over all sheets. */
async function emptyTextResults(bytes: Uint8Array): Promise<{ emptyText: number; none: number }> {
  const zip = await JSZip.loadAsync(bytes);
  let emptyText = 0;
  let none = 0;
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async('string');
    for (const c of xml.matchAll(/<c r="[A-Z]+\d+"([^>]*)><f[^>]*(?:\/>|>[^<]*<\/f>)(<v>[^<]*<\/v>|<v\/>)?/g)) {
      if (!c[2]) none++;
      else if (/\bt="str"/.test(c[1]) && (c[2] === '<v></v>' || c[2] === '<v/>')) emptyText++;
    }
  }
  return { emptyText, none };
}

it('a follow-up file opened and downloaded in the playground keeps its empty-text cached results', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'budgetkoll-playground-'));
  try {
    const sample = join(dir, 'budget.xlsx');
    const followUp = join(dir, 'uppfoljning.xlsx');
    expect((await run('sample', '-o', sample, '--rows', String(MIN_SAMPLE_ROWS))).code).toBe(0);
    expect((await run('followup', sample, '--report', 'august', '--all', '-o', followUp)).code).toBe(0);
    const written = new Uint8Array(readFileSync(followUp));
    const before = await emptyTextResults(written);
    expect(before.emptyText).toBeGreaterThan(10);
    const opened = await xlsxWorkbookLoader.open(written.buffer.slice(written.byteOffset, written.byteOffset + written.byteLength) as ArrayBuffer, () => {});
    const after = await emptyTextResults(new Uint8Array(await opened.toBuffer()));
    expect(after.emptyText).toBe(before.emptyText);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
