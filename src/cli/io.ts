/** What the CLI needs from its surroundings, so `main` can be tested without a process. */
export interface CliIo {
  /** Results (help text, reports). */
  stdout(text: string): void;
  /** Messages: progress, what was written, errors. */
  stderr(text: string): void;
  /**
   * Resolves once stdout has taken what it was given far enough that more may be written
   * (optional). Node queues writes to a pipe in memory: a long report written in pieces waits
   * here between pieces rather than holding all of it.
   */
  drainStdout?(): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Writes the whole file, or leaves nothing behind on failure: an existing file at `path` is
   * either replaced whole or left as it was (docs/utdatafiler.md).
   */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Whether a file exists (optional; without it, commands probe with readFile). */
  exists?(path: string): Promise<boolean>;
  /**
   * Which file a path names, however it is spelled or linked (optional; without it, paths are
   * compared as resolved strings).
   */
  fileIdentity?(path: string): Promise<FileIdentity>;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  stderrIsTTY?: boolean;
  /** Width of the terminal in characters, when known. */
  columns?: number;
}

/** A file as the file system sees it: its real path, and device + inode when it exists. */
export interface FileIdentity {
  /** Absolute path with links and `..` resolved (for a missing file: its folder's real path + name). */
  realPath: string;
  /** "dev:ino" of an existing file; equal for hard links to the same file. */
  inode?: string;
}

/** Exit codes (docs/quality.md): 0 ok, 1 errors found in a workbook, 2 could not run. */
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

/** Error codes of a writeFile's own refusals (write-workbook.ts says them in Swedish). */
export const WRITES_INPUT = 'EBUDGETKOLL_INPUT';
export const DANGLING_LINK = 'EBUDGETKOLL_DANGLING';

/** Whether two identities are the same file: same device and inode, or the same real path. */
export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return (a.inode !== undefined && a.inode === b.inode) || a.realPath === b.realPath;
}
