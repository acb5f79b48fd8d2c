/**
 * Hostile files on the command line (issue 14): each ends in exit 2 with one Swedish line naming
 * the file and the limit it passed, with bounded memory, on the lean path (validate) and on the
 * ExcelJS path (allocate -o); in a batch the other files still get results. How long each takes is
 * measured by the benchmark (npm run bench, bench/hostile-jobs.js), not here: a wall clock in a
 * unit test measures the machine's other work as much as ours.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { HOSTILE_FILES as HOSTILE, MB } from '../io/xlsx/hostile-files';
import { expectClearLine, run, stderrLines } from './run-cli';

const LIMIT = 'Filen läses inte, den passerar en säkerhetsgräns: ';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


async function expectRejected(argv: string[], file: string, pattern: RegExp): Promise<void> {
  const before = process.memoryUsage().rss;
  const result = await run(...argv);
  const grown = process.memoryUsage().rss - before;
  expect(result.code).toBe(2);
  const lines = stderrLines(result);
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`budgetkoll: ${file}: ${LIMIT}`)).toBe(true);
  expect(lines[0]).toMatch(pattern);
  expectClearLine(lines[0]);
  expect(grown).toBeLessThan(300 * MB);
}

describe.each(HOSTILE)('%s', (name, build, pattern) => {
  let file: string;
  beforeAll(() => {
    file = join(dir, `${name.replace(/[^\w]+/g, '-')}.xlsx`);
    writeFileSync(file, build());
  });

  it('validate (the lean path): exit 2, one line, bounded memory', async () => {
    await expectRejected(['validate', file], file, pattern);
  });

  it('allocate -o (checked before ExcelJS): exit 2, one line, nothing written', async () => {
    const out = join(dir, `out-${name.replace(/[^\w]+/g, '-')}.xlsx`);
    await expectRejected(['allocate', file, '-o', out], file, pattern);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a batch', () => {
  it('good + bomb + good: both good files get their results, the bomb one line, exit 2', async () => {
    const good = join(dir, 'bra.xlsx');
    expect((await run('sample', '-o', good)).code).toBe(0);
    const good2 = join(dir, 'bra2.xlsx');
    expect((await run('sample', '--seed', '2', '-o', good2)).code).toBe(0);
    const bomb = join(dir, 'bomb.xlsx');
    writeFileSync(bomb, HOSTILE[0][1]());
    const result = await run('validate', good, bomb, good2);
    expect(result.code).toBe(2);
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^budgetkoll: ${bomb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${LIMIT}`));
    expect(result.stdout).toContain(`${good}\n`);
    expect(result.stdout).toContain(`${good2}\n`);
    expect(result.stdout).toMatch(new RegExp(`${bomb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+–\\s+–\\s+–\\s+kunde inte läsas`));
    expect(result.stdout.match(/Sammanfattning/g)).toHaveLength(2);
  }, 30_000);
});
