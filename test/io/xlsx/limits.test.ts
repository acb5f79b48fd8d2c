/**
 * The limits of src/io/xlsx/limits.ts: each one stops a hostile package with its own Swedish
 * message before the work, on both read paths (the lean XlsxReadPort and the check before
 * ExcelJS), and real workbooks pass them with a wide margin.
 */
import { inflateRaw } from '../../../src/cli/open-workbook';
import { WorkbookError } from '../../../src/core/workbook/port';
import { checkDirectory, checkXmlDepth, LIMITS, type XlsxLimits } from '../../../src/io/xlsx/limits';
import { checkPackageLimits } from '../../../src/io/xlsx/load';
import { countSharedStrings, parseSharedStrings } from '../../../src/io/xlsx/package-parts';
import { XlsxReadPort } from '../../../src/io/xlsx/read-port';
import { scanSheet } from '../../../src/io/xlsx/sheet-scan';
import { entryBytes, readZipEntries, type ZipEntry } from '../../../src/io/xlsx/zip-entries';
import { run } from '../../cli/run-cli';
import { buildZip, deflatePart, minimalWorkbook, sheetPieces, storedPart } from './hostile-zip';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const MB = 1024 * 1024;
const encode = (text: string) => new TextEncoder().encode(text);
const limits = (patch: Partial<XlsxLimits>): XlsxLimits => ({ ...LIMITS, ...patch });

function entry(patch: Partial<ZipEntry>): ZipEntry {
  return { name: 'xl/worksheets/sheet1.xml', method: 8, flags: 0, compressedSize: 1000, size: 1000, localHeaderOffset: 0, ...patch };
}

/** The Swedish message of the WorkbookError the call throws (fails when it does not throw one). */
async function messageOf(call: () => unknown): Promise<string> {
  try {
    await call();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).kind).toBe('unreadable');
    return (error as WorkbookError).message;
  }
  throw new Error('expected a WorkbookError');
}

/** Both read paths reject the bytes with a limit message matching `pattern`. */
async function expectBothPathsReject(bytes: Uint8Array, pattern: RegExp): Promise<void> {
  const lean = await messageOf(async () => {
    const port = await XlsxReadPort.fromBuffer(bytes, { inflateRaw });
    await port.index();
  });
  expect(lean).toMatch(/^Filen läses inte, den passerar en säkerhetsgräns: /);
  expect(lean).toMatch(pattern);
  const beforeExcelJs = await messageOf(() => checkPackageLimits(bytes, inflateRaw));
  expect(beforeExcelJs).toMatch(pattern);
}

describe('the directory is checked before anything is inflated', () => {
  it('entry count', () => {
    expect(() => checkDirectory(LIMITS.maxEntries + 1, [])).toThrow(/har 10 001 delar, gränsen är 10 000/);
    expect(() => checkDirectory(LIMITS.maxEntries, [])).not.toThrow();
  });

  it('declared size of one part, stored or deflated', () => {
    expect(() => checkDirectory(1, [entry({ size: 3900 * MB, compressedSize: 40 * MB })])).toThrow(
      /delen xl\/worksheets\/sheet1\.xml packas upp till 3,8 GB, gränsen är 1 GB per del/,
    );
    expect(() => checkDirectory(1, [entry({ method: 0, size: 0, compressedSize: 1025 * MB })])).toThrow(/gränsen är 1 GB per del/);
    expect(() => checkDirectory(1, [entry({ size: 1024 * MB, compressedSize: 20 * MB })])).not.toThrow();
  });

  it('total of the declared sizes', () => {
    const parts = [0, 1, 2].map((i) => entry({ name: `xl/worksheets/sheet${i}.xml`, size: 900 * MB, compressedSize: 60 * MB }));
    expect(() => checkDirectory(3, parts)).toThrow(/delarna packas upp till mer än 2,6 GB tillsammans, gränsen är 2 GB/);
  });

  it('compression ratio, for parts of 1 MB and more', () => {
    expect(() => checkDirectory(1, [entry({ size: 200 * MB, compressedSize: 200 * 1000 })])).toThrow(/1 049 gånger sin lagrade storlek, gränsen är 100 gånger/);
    expect(() => checkDirectory(1, [entry({ size: MB - 1, compressedSize: 1 })])).not.toThrow();
    expect(() => checkDirectory(1, [entry({ size: 100 * MB, compressedSize: MB })])).not.toThrow();
  });
});

describe('XML nesting', () => {
  const deep = (n: number) => encode(`<?xml version="1.0"?><r>${'<a>'.repeat(n)}${'</a>'.repeat(n)}</r>`);

  it('stops past the limit and passes at it', () => {
    expect(() => checkXmlDepth(deep(LIMITS.maxXmlDepth - 1), 'x.xml')).not.toThrow();
    expect(() => checkXmlDepth(deep(LIMITS.maxXmlDepth), 'x.xml')).toThrow(/delen x\.xml har element nästlade mer än 256 nivåer djupt/);
  });

  it('counts neither self-closing elements, comments, CDATA, declarations nor ">" in attribute values', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE r><r>${'<a x="1>2" y=\'/>\'/><!-- <b> --><![CDATA[<c>]]>'.repeat(1000)}</r>`;
    expect(() => checkXmlDepth(encode(xml), 'x.xml', limits({ maxXmlDepth: 2 }))).not.toThrow();
  });

  // How long it takes is measured by the benchmark (bench/hostile-jobs.js), not by a wall clock here.
  it('100 000 deep is stopped at the limit, without recursion', () => {
    expect(() => checkXmlDepth(deep(100_000), 'x.xml')).toThrow(/256 nivåer/);
  });
});

describe('shared strings are counted while scanning', () => {
  const sst = (n: number) => encode(`<sst xmlns="x" uniqueCount="${n}">${'<si><t>a</t></si>'.repeat(n)}</sst>`);

  it('both the lean parser and the count before ExcelJS stop past the limit', () => {
    expect(parseSharedStrings(sst(10), 'xl/sharedStrings.xml', limits({ maxSharedStrings: 10 }))).toHaveLength(10);
    expect(() => parseSharedStrings(sst(11), 'xl/sharedStrings.xml', limits({ maxSharedStrings: 10 }))).toThrow(
      /delen xl\/sharedStrings\.xml har fler än 10 delade texter/,
    );
    expect(countSharedStrings(sst(10), 'xl/sharedStrings.xml', limits({ maxSharedStrings: 10 }))).toBe(10);
    expect(() => countSharedStrings(sst(11), 'xl/sharedStrings.xml', limits({ maxSharedStrings: 10 }))).toThrow(/fler än 10 delade texter/);
  });

  it('10 500 000 empty shared strings in a small file: stopped at 5 000 000', async () => {
    // Stored padding keeps the ratio under its limit, so the count is what stops it.
    const shared = deflatePart([`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`, { unit: '<si><t/></si>', times: 10_500_000 }, { unit: ' ', times: 1_500_000, stored: true }, '</sst>']);
    expect(shared.data.length).toBeLessThan(3 * MB);
    const bytes = minimalWorkbook(deflatePart(sheetPieces(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'])), shared);
    await expectBothPathsReject(bytes, /delen xl\/sharedStrings\.xml har fler än 5 000 000 delade texter/);
  });
});

describe('row and column indexes', () => {
  const sheet = (cells: string) => encode(`<worksheet><sheetData>${cells}</sheetData></worksheet>`);
  const scan = (cells: string) => scanSheet(sheet(cells), { cell: () => {} }, { part: 'xl/worksheets/sheet1.xml', tab: 'Drift' });

  it("Excel's last cell passes; one row or column past it stops", () => {
    expect(() => scan('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')).not.toThrow();
    expect(() => scan('<row r="1048577"><c r="A1048577"><v>1</v></c></row>')).toThrow(
      /fliken "Drift" \(delen xl\/worksheets\/sheet1\.xml\) har en cell på rad 1 048 577, kolumn 1, utanför Excels största blad/,
    );
    expect(() => scan('<row r="1"><c r="XFE1"><v>1</v></c></row>')).toThrow(/kolumn 16 385/);
    expect(() => scan('<row r="1"><c r="A99999999999999999999"><v>1</v></c></row>')).toThrow(/utanför Excels största blad/);
  });

  it('rows and cells without r that count past the last are stopped too', () => {
    expect(() => scan(`<row r="1048576"/><row><c><v>1</v></c></row>`)).toThrow(/rad 1 048 577/);
  });

  it('a cell past XFD1048576 in a workbook, on both paths', async () => {
    const bytes = minimalWorkbook(deflatePart(sheetPieces(['<row r="1"><c r="A1"><v>1</v></c></row><row r="1048577"><c r="XFD1048577"><v>1</v></c></row>'])));
    await expectBothPathsReject(bytes, /delen xl\/worksheets\/sheet1\.xml\)? har en cell på rad 1 048 577, kolumn 1,/);
  });
});

describe('inflation never goes past the declared size', () => {
  it('a sheet declared as 100 kB that inflates to 3.9 GB stops at 100 kB (lying size)', async () => {
    const sheet = deflatePart(sheetPieces([{ unit: ' ', times: 3900 * MB }]));
    expect(sheet.data.length).toBeLessThan(5 * MB);
    const bytes = minimalWorkbook({ ...sheet, declaredSize: 100_000 });
    const before = process.memoryUsage().rss;
    await expectBothPathsReject(bytes, /delen xl\/worksheets\/sheet1\.xml packas upp till mer än de 100 000 byte som filen anger för den/);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * MB);
  });

  it('an inflater that ignores the size is caught after the fact', async () => {
    const bytes = minimalWorkbook({ ...deflatePart(sheetPieces([{ unit: ' ', times: 1000 }])), declaredSize: 100 });
    const entries = readZipEntries(bytes);
    const careless = (data: Uint8Array) => inflateRaw(data, 10_000);
    expect(await messageOf(() => entryBytes(bytes, entries.get('xl/worksheets/sheet1.xml')!, careless))).toMatch(/mer än de 100 byte/);
  });

  it('too many parts, an over-large part and a huge ratio, in real packages', async () => {
    const many = buildZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `p${i}.xml`, ...storedPart('<a/>') })));
    expect(await messageOf(() => XlsxReadPort.fromBuffer(many, { inflateRaw }))).toMatch(/har 10 001 delar, gränsen är 10 000/);
    const huge = minimalWorkbook(deflatePart(sheetPieces([{ unit: ' ', times: 3900 * MB }])));
    await expectBothPathsReject(huge, /packas upp till 3,8 GB, gränsen är 1 GB per del/);
    const dense = minimalWorkbook(deflatePart(sheetPieces([{ unit: ' ', times: 200 * MB }])));
    await expectBothPathsReject(dense, /packas upp till \d[\d ]* gånger sin lagrade storlek, gränsen är 100 gånger/);
  });
});

describe('real workbooks pass with a wide margin', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'budgetkoll-limits-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * The figures of a generated workbook's package. For L (`budgetkoll sample --rows 200000`,
   * measured for docs/granser.md; too slow to generate in `npm test`): 23.9 MB on disk, 61 parts,
   * 258 MB inflated, largest part 182 MB (Utfall, 710 679 rows), highest ratio 14.4, 37 035 shared
   * strings, nesting 8 deep — against caps of 10 000 parts, 2 GB, 1 GB, 100×, 5 000 000 and 256.
   */
  function figures(bytes: Uint8Array) {
    const entries = [...readZipEntries(bytes).values()];
    return {
      entries: entries.length,
      total: entries.reduce((n, e) => n + e.size, 0),
      largest: Math.max(...entries.map((e) => e.size)),
      ratio: Math.max(...entries.filter((e) => e.size > 64 * 1024).map((e) => e.size / e.compressedSize)),
    };
  }

  it.each([
    ['S', 2000],
    ['M-like', 20_000],
  ])('the %s sample (%i Driftbudget rows) passes both paths and stays far below the caps', async (_size, rows) => {
    const path = join(dir, `sample-${rows}.xlsx`);
    expect((await run('sample', '--rows', String(rows), '-o', path)).code).toBe(0);
    const bytes = new Uint8Array(readFileSync(path));
    await checkPackageLimits(bytes, inflateRaw);
    const port = await XlsxReadPort.fromBuffer(bytes, { inflateRaw });
    expect((await port.index()).sheets.length).toBeGreaterThan(10);
    const f = figures(bytes);
    expect(f.entries * 100).toBeLessThan(LIMITS.maxEntries);
    expect(f.largest * 5).toBeLessThan(LIMITS.maxEntryBytes);
    expect(f.total * 5).toBeLessThan(LIMITS.maxTotalBytes);
    expect(f.ratio * 5).toBeLessThan(LIMITS.maxRatio);
  }, 60_000);
});
