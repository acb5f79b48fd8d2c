/**
 * The hostile workbooks of the command-line tests (test/cli/hostile-files.test.ts) and of the
 * benchmark's hostile-file rows (bench/hostile-jobs.js): each with the Swedish line the CLI must
 * give. Built small (hostile-zip.ts); their inflated sizes are in the names.
 */
import { buildZip, deflatePart, minimalWorkbook, sheetPieces, storedPart } from './hostile-zip';

export const MB = 1024 * 1024;

export const HOSTILE_FILES: [string, () => Uint8Array, RegExp][] = [
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
