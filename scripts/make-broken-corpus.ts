/**
 * Writes the broken-workbook corpus as real .xlsx files (docs/quality.md: at least one per rule id):
 * clean.xlsx plus one <RULE>--<defect>.xlsx per case of test/fixtures/broken-cases.ts, into
 * test/fixtures/broken/ (generated, git-ignored) or the folder given.
 *
 *   node scripts/make-broken-corpus.js [FOLDER]     (the .js wrapper runs this file through SWC)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROKEN_CASES, brokenWorkbook, cleanWorkbook, type BrokenCase } from '../test/fixtures/broken-cases';
import { testSheetsToXlsx } from '../test/cli/xlsx-fixtures';

export const DEFAULT_CORPUS_DIR = join(__dirname, '..', 'test', 'fixtures', 'broken');

export function corpusFileName(c: BrokenCase): string {
  return `${c.rule}--${c.defect}.xlsx`;
}

export interface CorpusFile {
  /** File name inside the folder. */
  name: string;
  /** The case it holds; null for clean.xlsx. */
  case: BrokenCase | null;
}

/** Writes the corpus into `dir` (created when missing); returns what it wrote. */
export async function makeBrokenCorpus(dir: string = DEFAULT_CORPUS_DIR): Promise<CorpusFile[]> {
  mkdirSync(dir, { recursive: true });
  const files: CorpusFile[] = [{ name: 'clean.xlsx', case: null }, ...BROKEN_CASES.map((c) => ({ name: corpusFileName(c), case: c }))];
  for (const file of files) {
    const sheets = file.case ? brokenWorkbook(file.case) : cleanWorkbook();
    writeFileSync(join(dir, file.name), await testSheetsToXlsx(sheets));
  }
  return files;
}

