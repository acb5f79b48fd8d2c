/**
 * Hostile files on the command line (issue 14): each ends in exit 2 with one Swedish line naming
 * the file and the limit it passed, within seconds and with bounded memory, on the lean path
 * (validate) and on the ExcelJS path (allocate -o); in a batch the other files still get results.
 * The files are built small (test/io/xlsx/hostile-zip.ts); their inflated sizes are in the names.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildZip, deflatePart, minimalWorkbook, sheetPieces, storedPart } from '../io/xlsx/hostile-zip';
import { expectClearLine, run, stderrLines } from './run-cli';

const MB = 1024 * 1024;
const LIMIT = 'Filen läses inte, den passerar en säkerhetsgräns: ';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOSTILE: [string, () => Uint8Array, RegExp][] = [
  [
    'a sheet that inflates to 3.9 GB (4 MB on disk)',
    () => minimalWorkbook(deflatePart(sheetPieces([{ unit: ' ', times: 3900 * MB }]))),
    /delen xl\/worksheets\/sheet1\.xml packas upp till 3,8 GB, gränsen är 1 GB per del/,
  ],
  [
    'a sheet declared as 100 kB that inflates to 3.9 GB',
    () => minimalWorkbook({ ...deflatePart(sheetPieces([{ unit: ' ', times: 3900 * MB }])), declaredSize: 100_000 }),
    /delen xl\/worksheets\/sheet1\.xml packas upp till mer än de 100 000 byte som filen anger för den/,
  ],
  [
    'a sheet that inflates 1 000 times its stored size (200 MB)',
    () => minimalWorkbook(deflatePart(sheetPieces([{ unit: '<row/>', times: 35 * MB }]))),
    /delen xl\/worksheets\/sheet1\.xml packas upp till [\d ]+ gånger sin lagrade storlek, gränsen är 100 gånger/,
  ],
  [
    '10 001 parts',
    () => buildZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `xl/p${i}.xml`, ...storedPart('<a/>') }))),
    /den har 10 001 delar, gränsen är 10 000/,
  ],
  [
    '10 500 000 shared strings (130 MB, 2 MB on disk)',
    () =>
      minimalWorkbook(
        deflatePart(sheetPieces(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'])),
        deflatePart(['<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', { unit: '<si><t/></si>', times: 10_500_000 }, { unit: ' ', times: 1_500_000, stored: true }, '</sst>']),
      ),
    /delen xl\/sharedStrings\.xml har fler än 5 000 000 delade texter/,
  ],
  [
    'XML nested 100 000 deep',
    () => minimalWorkbook(deflatePart(sheetPieces(['<row r="1"><c r="A1"><v>1</v></c></row>'], `<extLst>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</extLst>`))),
    /delen xl\/worksheets\/sheet1\.xml har element nästlade mer än 256 nivåer djupt/,
  ],
  [
    'a cell at XFD1048577',
    () => minimalWorkbook(deflatePart(sheetPieces(['<row r="1"><c r="A1"><v>1</v></c></row><row r="1048577"><c r="XFD1048577"><v>1</v></c></row>']))),
    /delen xl\/worksheets\/sheet1\.xml\)? har en cell på rad 1 048 577/,
  ],
];

async function expectRejected(argv: string[], file: string, pattern: RegExp): Promise<void> {
  const before = process.memoryUsage().rss;
  const start = Date.now();
  const result = await run(...argv);
  const ms = Date.now() - start;
  const grown = process.memoryUsage().rss - before;
  expect(result.code).toBe(2);
  const lines = stderrLines(result);
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`budgetkoll: ${file}: ${LIMIT}`)).toBe(true);
  expect(lines[0]).toMatch(pattern);
  expectClearLine(lines[0]);
  expect(ms).toBeLessThan(5000);
  expect(grown).toBeLessThan(300 * MB);
}

describe.each(HOSTILE)('%s', (name, build, pattern) => {
  let file: string;
  beforeAll(() => {
    file = join(dir, `${name.replace(/[^\w]+/g, '-')}.xlsx`);
    writeFileSync(file, build());
  });

  it('validate (the lean path): exit 2, one line, within seconds, bounded memory', async () => {
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
