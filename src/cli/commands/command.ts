/** A CLI command: its name, one-line summary for `--help`, its own help, and what it does. */
import type { CliIo } from '../io';

export interface Command {
  name: string;
  /** One line for the command list (Swedish). */
  summary: string;
  /** Full help for `budgetkoll <name> --help` (Swedish). */
  help(): string;
  /** Runs the command; returns the exit code. Throws CliError for problems the user can fix. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
