/** What the CLI needs from its surroundings, so `main` can be tested without a process. */
export interface CliIo {
  /** Results (help text, reports). */
  stdout(text: string): void;
  /** Messages: progress, what was written, errors. */
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** Writes the whole file, or leaves nothing behind on failure. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Whether a file exists (optional; without it, commands probe with readFile). */
  exists?(path: string): Promise<boolean>;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  stderrIsTTY?: boolean;
  /** Width of the terminal in characters, when known. */
  columns?: number;
}

/** Exit codes (quality.md): 0 ok, 1 errors found in a workbook, 2 could not run. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_CANNOT_RUN = 2;

/** A problem the user can fix (bad arguments, unwritable path): one Swedish line, exit 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
