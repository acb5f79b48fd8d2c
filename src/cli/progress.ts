/**
 * A progress bar on stderr for commands that work through many files: drawn only when stderr is a
 * terminal (never into a log or a pipe), redrawn in place and wiped when done.
 */
import type { CliIo } from './io';

export interface Progress {
  /** Shows that work on file number `done + 1` (of total) has started. */
  update(done: number, label: string): void;
  /** Wipes the bar so the results that follow start on a clean line. */
  finish(): void;
}

const NO_PROGRESS: Progress = { update: () => undefined, finish: () => undefined };
const BAR_WIDTH = 24;

export function progressBar(io: CliIo, total: number): Progress {
  if (!io.stderrIsTTY || total < 2) return NO_PROGRESS;
  const columns = Math.max(40, io.columns ?? 80);
  let drawn = false;
  return {
    update(done, label) {
      const filled = Math.round((done / total) * BAR_WIDTH);
      const head = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${done}/${total} `;
      const room = columns - head.length - 1;
      const name = label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
      io.stderr(`\r\x1b[K${head}${name}`);
      drawn = true;
    },
    finish() {
      if (drawn) io.stderr('\r\x1b[K');
      drawn = false;
    },
  };
}
