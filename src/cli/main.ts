/**
 * The `budgetkoll` command line: `main(argv, io)` returns the exit code and never throws, so it
 * can be tested without a process. Results go to stdout or files, messages to stderr.
 */
import { allocateCommand } from './commands/allocate';
import { consolidateCommand } from './commands/consolidate';
import { diffCommand } from './commands/diff';
import { followUpCommand } from './commands/followup';
import { mapCommand } from './commands/map';
import { submitCommand } from './commands/submit';
import { verifyCommand } from './commands/verify';
import { sampleCommand } from './commands/sample';
import { templateCommand } from './commands/template';
import { validateCommand } from './commands/validate';
import { runCommand, type Command } from './commands/command';
import { HELP_FLAG, columns, flagLines, hanging } from './help';
import { CliError, EXIT_CANNOT_RUN, EXIT_OK, type CliIo } from './io';
import { VERSION } from './version';
import { WorkbookError } from '../core/workbook/port';

/** The implemented commands, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  allocateCommand,
  followUpCommand,
  consolidateCommand,
  diffCommand,
  mapCommand,
  submitCommand,
  verifyCommand,
  templateCommand,
  sampleCommand,
];

export function generalHelp(): string {
  return [
    'budgetkoll – budgetkontroll, resursfördelning och uppföljning för kommuner i Excel',
    '',
    'Användning: budgetkoll <kommando> [flaggor]',
    '',
    'Kommandon:',
    ...columns(COMMANDS.map((c) => ({ first: c.name, text: c.summary }))),
    '',
    'Flaggor:',
    ...flagLines([HELP_FLAG, { flag: '-V, --version', text: 'visa versionen' }]),
    '',
    'Skriv budgetkoll <kommando> --help för ett kommandos flaggor.',
    ...hanging('Slutkoder: ', [
      '0 = klart (inga fel), 1 = fel hittades i en arbetsbok, 2 = kunde inte köras',
      '(fel argument, en fil som inte går att läsa eller skriva).',
    ]),
  ].join('\n');
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      io.stderr(`${generalHelp()}\n`);
      return EXIT_CANNOT_RUN;
    }
    if (first === '-h' || first === '--help' || first === 'help') {
      io.stdout(`${generalHelp()}\n`);
      return EXIT_OK;
    }
    if (first === '-V' || first === '--version' || first === '-v') {
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    const command = COMMANDS.find((c) => c.name === first);
    if (!command) {
      const what = first.startsWith('-') ? `okänd flagga ${first}` : `okänt kommando "${first}"`;
      throw new CliError(`${what}. Kommandon: ${COMMANDS.map((c) => c.name).join(', ')}. Se budgetkoll --help.`);
    }
    return await runCommand(command, rest, io);
  } catch (error) {
    if (error instanceof CliError || error instanceof WorkbookError) {
      // Both carry a Swedish message meant for users.
      io.stderr(`budgetkoll: ${error.message}\n`);
    } else {
      // Never a stack trace: one line saying what failed.
      const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
      io.stderr(`budgetkoll: ett oväntat fel inträffade${detail}\n`);
    }
    return EXIT_CANNOT_RUN;
  }
}
