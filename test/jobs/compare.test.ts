/** The Jämför versioner job: one follow-up read per version, then the core comparison; a failed read names its version. */
import { compareWorkbooks, readVersion, VersionReadError } from '../../src/jobs/compare';
import { readResult, WorkbookError, type WorkbookReader } from '../../src/core/workbook/port';
import { indexOf, readPlan, type TestSheet } from '../helpers/raw-workbook';
import { firstVersion, KFN, KIN, seededVersion } from '../fixtures/versions';

/** An in-memory reader over test sheets, counting its read phases. */
function reader(sheets: TestSheet[]): WorkbookReader & { reads: number } {
  const port = {
    reads: 0,
    index: () => Promise.resolve(indexOf(sheets)),
    read(plan: Parameters<WorkbookReader['read']>[0]) {
      port.reads++;
      const planned = plan(indexOf(sheets));
      return Promise.resolve(readResult(readPlan(sheets, planned), planned)) as never;
    },
  };
  return port as WorkbookReader & { reads: number };
}

describe('compareWorkbooks', () => {
  it('reads each version in one read phase and compares them', async () => {
    const old = reader(firstVersion());
    const neu = reader(seededVersion());
    const diff = await compareWorkbooks(old, neu);
    expect([old.reads, neu.reads]).toEqual([1, 1]);
    expect(diff.renamed.map((r) => [r.old, r.new])).toEqual([[KFN, KIN]]);
    expect(diff.rows.map((r) => r.kind)).toEqual(['changed', 'added', 'removed']);
  });

  it('a version without Driftbudget is a VersionReadError naming it, with a WorkbookError in Swedish', async () => {
    const error = await compareWorkbooks(reader(firstVersion()), reader([{ name: 'Blad1', rows: [['Hej']] }])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionReadError);
    expect((error as VersionReadError).version).toBe('new');
    const reason = (error as VersionReadError).reason as WorkbookError;
    expect(reason).toBeInstanceOf(WorkbookError);
    expect([reason.kind, reason.message]).toEqual(['not-found', 'Fliken Driftbudget hittades inte, så det finns inget att jämföra. Kontrollera att det är en budgetarbetsbok.']);
    await expect(readVersion(reader(firstVersion()))).resolves.toMatchObject({ tabs: [] });
  });
});
