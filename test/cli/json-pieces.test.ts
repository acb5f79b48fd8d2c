/**
 * consolidate's JSON report written a file at a time (writeJsonInPieces): the text is exactly
 * JSON.stringify(value, null, 2) of the whole report, and stdout is drained between pieces.
 */
import { writeJsonInPieces } from '../../src/cli/commands/consolidate';
import type { CliIo } from '../../src/cli/io';

function collecting(): { io: CliIo; text: () => string; pieces: () => number; drains: () => number } {
  let out = '';
  let pieces = 0;
  let drains = 0;
  const io: CliIo = {
    stdout: (t) => {
      out += t;
      pieces++;
    },
    stderr: () => undefined,
    readFile: () => Promise.reject(new Error('unused')),
    writeFile: () => Promise.reject(new Error('unused')),
    drainStdout: async () => void drains++,
  };
  return { io, text: () => out, pieces: () => pieces, drains: () => drains };
}

describe('writeJsonInPieces', () => {
  const files = [
    { file: 'a.xlsx', tabs: [{ sheet: 'Delår', board: 'Socialnämnden', status: null }], findings: [{ message: 'rad 1\nrad 2 "citat" – å', cell: 'G26' }], summary: { error: 1 } },
    { file: 'b.xlsx', tabs: [], findings: [], summary: { error: 0 } },
    { file: 'c.xlsx', tabs: [{ sheet: 'x', board: 'y', status: 'Klar' }], findings: [{ nested: { deep: [1, [2, {}], []] } }], summary: {} },
  ];

  it.each([
    ['three files', files],
    ['one file', files.slice(0, 1)],
    ['no files', []],
  ])('gives the text of JSON.stringify(report, null, 2) for %s', async (_, items) => {
    const c = collecting();
    const head = { output: 'ut.xlsx', tab: 'Sammanställning', year: 2027 };
    await writeJsonInPieces(c.io, { ...head, files: '\u0000pieces', unreadable: [] }, items, (f) => f);
    expect(c.text()).toBe(`${JSON.stringify({ ...head, files: items, unreadable: [] }, null, 2)}\n`);
    expect(c.drains()).toBe(items.length);
  });

  it('renders each item as it writes it', async () => {
    const c = collecting();
    const seen: number[] = [];
    await writeJsonInPieces(c.io, { files: '\u0000pieces' }, [1, 2, 3], (n) => {
      seen.push(c.pieces());
      return { n };
    });
    expect(seen).toEqual([2, 3, 4]);
    expect(c.text()).toBe(`${JSON.stringify({ files: [{ n: 1 }, { n: 2 }, { n: 3 }] }, null, 2)}\n`);
  });
});
