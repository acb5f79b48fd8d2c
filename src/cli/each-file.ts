/**
 * A batch of workbooks (validate, verify, consolidate): each file in turn under one progress bar.
 * A file that cannot be read gets one line on stderr and its problem in the outcomes; the others
 * still get their results (docs/quality.md, "Bad files").
 */
import type { CliIo } from './io';
import { asWorkbookError, unreadableLine } from './open-workbook';
import { progressBar } from './progress';

/** Why a file could not be read (Swedish / English), as the JSON outputs give it. */
export interface FileProblem {
  message: string;
  message_en: string;
}

export type FileOutcome<T> = { file: string; value: T; problem?: undefined } | { file: string; value?: undefined; problem: FileProblem };

export async function forEachFile<T>(io: CliIo, files: readonly string[], work: (file: string) => Promise<T>): Promise<FileOutcome<T>[]> {
  const progress = progressBar(io, files.length);
  const outcomes: FileOutcome<T>[] = [];
  for (const [i, file] of files.entries()) {
    progress.update(i, file);
    try {
      outcomes.push({ file, value: await work(file) });
    } catch (error) {
      progress.finish();
      const problem = asWorkbookError(error);
      io.stderr(unreadableLine(file, problem));
      outcomes.push({ file, problem: { message: problem.message, message_en: problem.messageEn } });
    }
  }
  progress.update(files.length, '');
  progress.finish();
  return outcomes;
}
