/**
 * One check, two callers: the task pane's Kontrollera path (runBudgetCheck, the function the pane
 * calls; here its core task runs on the main thread) and `budgetkoll validate` give the same
 * findings — same rules, cells, messages, fixes — on the same file, over the broken-workbook
 * corpus and on workbooks with owned follow-up tabs (the UPF rules).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findingJson, type FindingJson } from '../../src/cli/findings-output';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';
import { runBudgetCheck } from '../../src/taskpane/components/check/check-core';
import { makeBrokenCorpus, type CorpusFile } from '../../scripts/make-broken-corpus';
import { run } from '../cli/run-cli';

interface ValidateOutput {
  files: { file: string; findings: FindingJson[] }[];
  unreadable: unknown[];
}

let dir: string;
let files: CorpusFile[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'budgetkoll-jobs-check-'));
  files = await makeBrokenCorpus(dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The findings `budgetkoll validate --format json` prints for each file. */
async function validateFindings(paths: readonly string[]): Promise<FindingJson[][]> {
  const result = await run('validate', '--format', 'json', ...paths);
  const out = JSON.parse(result.stdout) as ValidateOutput;
  expect(out.unreadable).toEqual([]);
  expect(out.files.map((f) => f.file)).toEqual(paths);
  return out.files.map((f) => f.findings);
}

/** The findings the pane's Kontrollera shows for the file, read through the playground's port. */
async function paneFindings(path: string): Promise<FindingJson[]> {
  const port = await XlsxWorkbookPort.fromBuffer(readFileSync(path));
  return (await runBudgetCheck(port)).findings.map(findingJson);
}

/** A copy of `source` with the owned follow-up tabs of a report written by `budgetkoll followup`. */
async function withFollowUpTabs(source: string, name: string, ...board: string[]): Promise<string> {
  const out = join(dir, name);
  const boards = board.length > 0 ? board.flatMap((b) => ['--board', b]) : ['--all'];
  const result = await run('followup', source, '--report', 'august', '--year', '2027', ...boards, '-o', out);
  expect(result.code).toBe(0);
  return out;
}

describe('Kontrollera in the task pane and budgetkoll validate', () => {
  it('give identical findings on every file of the broken-workbook corpus', async () => {
    const paths = files.map((f) => join(dir, f.name));
    const cli = await validateFindings(paths);
    const differing: string[] = [];
    for (const [i, path] of paths.entries()) {
      const pane = await paneFindings(path);
      if (JSON.stringify(pane) !== JSON.stringify(cli[i])) differing.push(files[i].name);
    }
    expect(differing).toEqual([]);
    // Not vacuous: the broken files have findings.
    expect(cli.filter((f) => f.length > 0).length).toBeGreaterThan(files.length / 2);
  });

  it('give identical findings on workbooks with owned follow-up tabs, the UPF rules included', async () => {
    const clean = join(dir, 'clean.xlsx');
    const paths = [
      await withFollowUpTabs(clean, 'clean-uppfoljning.xlsx'),
      await withFollowUpTabs(join(dir, files.find((f) => f.case?.rule === 'RAM-OVER')!.name), 'ram-over-uppfoljning.xlsx', 'Kommunen', 'Barn- och ungdomsnämnden'),
    ];
    const cli = await validateFindings(paths);
    for (const [i, path] of paths.entries()) {
      const pane = await paneFindings(path);
      expect(pane).toEqual(cli[i]);
      // The owned tabs were checked: UPF findings on a follow-up tab.
      expect(pane.some((f) => f.rule.startsWith('UPF-') && f.sheet.startsWith('Delår aug 2027'))).toBe(true);
    }
  });
});
