/** A CLI command: its name, one-line summary for `--help`, its flags, its own help, and what it does. */
import type { ParseArgsConfig } from 'node:util';
import { parseCommandArgs, type ParsedArgs } from '../args';
import { renderHelp, type CommandHelp, type HelpFlag } from '../help';
import { EXIT_OK, type CliIo } from '../io';

/** Flags as node:util's parseArgs takes them. */
export type Flags = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  name: string;
  /** One line for the command list (Swedish). */
  summary: string;
  /** Its flags; -h/--help is every command's. */
  flags: Flags;
  /** Whether it takes file arguments (how many is the command's own check). */
  files: boolean;
  /** Its help for `budgetkoll <name> --help` (Swedish); a function when a part is computed when asked. */
  help: CommandHelp | (() => CommandHelp);
  /** Runs the command on its parsed arguments; returns the exit code. Throws CliError for problems the user can fix. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** Flags several commands share, spelled once. */
const SHARED_FLAGS = {
  output: { type: 'string', short: 'o' },
  format: { type: 'string' },
  config: { type: 'string' },
  mapping: { type: 'string' },
  report: { type: 'string' },
  year: { type: 'string' },
} as const satisfies Flags;

export function sharedFlags(...names: (keyof typeof SHARED_FLAGS)[]): Flags {
  return Object.fromEntries(names.map((name) => [name, SHARED_FLAGS[name]]));
}

/** Help for flags several commands explain the same way, spelled once. */
export const FLAG_HELP = {
  format: { flag: '--format F', text: 'text (standard) eller json' },
  config: { flag: '--config FIL', text: 'egna gränsvärden för reglerna (se budgetkoll validate --help)' },
  mapping: {
    flag: '--mapping FIL',
    text: [
      'en koppling (JSON) som säger var indata finns i en egen layout; går före',
      'kopplingen som är sparad i arbetsboken (se budgetkoll map --help)',
    ],
  },
  mappingBrief: { flag: '--mapping FIL', text: 'en koppling (se budgetkoll map --help)' },
  report: { flag: '--report R', text: 'april, august eller december (krävs)' },
} as const satisfies Record<string, HelpFlag>;

/** Parses `args` for `command` and runs it, or prints its help for -h/--help. */
export async function runCommand(command: Command, args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(command.name, args, { ...command.flags, help: { type: 'boolean', short: 'h' } }, command.files);
  if (parsed.values.help) {
    io.stdout(`${renderHelp(typeof command.help === 'function' ? command.help() : command.help)}\n`);
    return EXIT_OK;
  }
  return command.run(parsed, io);
}
