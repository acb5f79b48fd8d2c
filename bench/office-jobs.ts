/**
 * The task pane's three jobs as the pane runs them, through the Office adapter over the Excel test
 * double (test/io/office/excel-double.ts), for the benchmark:
 * - Kontrollera: read the validation inputs, check (runBudgetCheck);
 * - Resursfördelning: read the allocation inputs, run the model, write the result tab;
 * - Uppföljning: read inputs and owned tabs, write one nämnd's Delårsbokslut tab.
 * For each: context.sync calls, the largest request and response, and the longest main-thread
 * block. The core runs where the pane runs it: in the core worker (a Node worker thread running
 * src/taskpane/worker/core-worker.ts, messages copied by structured clone) through the same driver
 * (run-core-task.ts). The block is measured with a timer probe: a setTimeout(0) chain on the main
 * thread whose largest gap between callbacks is the longest synchronous stretch of the job.
 */
import { join } from 'node:path';
import { Worker as ThreadWorker } from 'node:worker_threads';
import { OfficeWorkbookPort, type ExcelRunner } from '../src/io/office/office-port';
import { loadAllocation, writeAllocationTab } from '../src/taskpane/components/allocation/allocation-core';
import { runBudgetCheck } from '../src/taskpane/components/check/check-core';
import { generateTabs, readSnapshot } from '../src/taskpane/components/followup/followup-core';
import { openCoreSession, setCoreWorkerFactory } from '../src/taskpane/worker/run-core-task';
import { seedBudgetWorkbook } from '../test/io/office/budget-workbook';
import { ExcelDouble } from '../test/io/office/excel-double';

/** A browser-like Worker over a Node worker thread (onmessage/onerror/postMessage/terminate). */
class ThreadCoreWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  private readonly thread = new ThreadWorker(join(__dirname, 'core-worker-thread.js'));

  constructor() {
    this.thread.on('message', (data) => this.onmessage?.({ data }));
    this.thread.on('error', (error: Error) => this.onerror?.({ message: error.message, preventDefault() {} }));
  }

  postMessage(message: unknown): void {
    this.thread.postMessage(message);
  }

  terminate(): void {
    void this.thread.terminate();
  }
}

/**
 * Excel.run over the double, with each context.sync answered in a later task, as Excel answers it
 * (a round trip to the host): the double alone answers in a microtask, which would make a whole
 * Excel.run one block of the main thread.
 */
function roundTrips(double: ExcelDouble): ExcelRunner {
  type Batch = (context: { sync(): Promise<void> }) => Promise<unknown>;
  const wrap = (batch: Batch): Batch => (context) => {
    const sync = context.sync.bind(context);
    context.sync = async () => {
      try {
        await sync();
      } finally {
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    };
    return batch(context);
  };
  const run = double.run as unknown as (first: unknown, second?: unknown) => Promise<unknown>;
  return ((first: unknown, second?: unknown) =>
    typeof first === 'function' ? run(wrap(first as Batch)) : run(first, wrap(second as Batch))) as unknown as ExcelRunner;
}

/** The longest gap between setTimeout(0) callbacks while `work` runs. */
async function withGapProbe<T>(work: () => Promise<T>): Promise<{ result: T; longestBlockMs: number; ms: number }> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, longestBlockMs: Math.max(longest, performance.now() - last), ms: performance.now() - t0 };
  } finally {
    running = false;
  }
}

export interface JobFigures {
  job: string;
  syncs: number;
  largestRequestKB: number;
  largestResponseKB: number;
  longestBlockMs: number;
  ms: number;
}

/** The three jobs on a workbook of `rows` Driftbudget rows; the worker in a thread unless `inline`. */
export async function officeJobFigures(rows: number, options: { inline?: boolean } = {}): Promise<JobFigures[]> {
  setCoreWorkerFactory(options.inline ? null : () => new ThreadCoreWorker() as unknown as Worker);
  const double = new ExcelDouble();
  seedBudgetWorkbook(double, rows);
  const port = new OfficeWorkbookPort(roundTrips(double), { isSetSupported: () => true });
  const generatedAt = new Date(0);
  const jobs: [string, () => Promise<unknown>][] = [
    ['Kontrollera', () => runBudgetCheck(port, { onProgress: () => undefined })],
    [
      'Resursfördelning',
      async () => {
        // As the pane's "Skriv resultatflik": the result tab is built in the worker with the read.
        const outcome = await loadAllocation(port, { onProgress: () => undefined }, generatedAt);
        if (outcome.result) await writeAllocationTab(port, outcome, generatedAt);
      },
    ],
    [
      'Uppföljning',
      async () => {
        // As the pane's "Skapa uppföljningsflik": one core session reads, then builds the tab.
        const session = openCoreSession();
        try {
          const snapshot = await readSnapshot(port, session, { onProgress: () => undefined });
          const year = snapshot.years[0] ?? 2027;
          await generateTabs(port, session, snapshot, { report: 'august', year, boards: snapshot.boards.slice(0, 1), now: generatedAt });
        } finally {
          session.close();
        }
      },
    ],
  ];
  const figures: JobFigures[] = [];
  try {
    for (const [job, run] of jobs) {
      double.resetCounters();
      const measured = await withGapProbe(run);
      figures.push({
        job,
        syncs: double.syncCount,
        largestRequestKB: Math.round(double.largestRequest / 1024),
        largestResponseKB: Math.round(double.largestResponse / 1024),
        longestBlockMs: Math.round(measured.longestBlockMs),
        ms: Math.round(measured.ms),
      });
    }
  } finally {
    setCoreWorkerFactory(undefined);
  }
  return figures;
}
