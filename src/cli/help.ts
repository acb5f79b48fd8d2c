/**
 * A command's `--help` as data, and the one function that lays it out: headings, the flag
 * column, the `-h, --help` line and hanging indents are written here and nowhere else.
 */

export interface HelpFlag {
  /** As the user types it, e.g. '-o, --output FIL' or '--format F'. */
  flag: string;
  /** What it does (Swedish); further lines are indented under the first. */
  text: string | readonly string[];
}

export interface CommandHelp {
  /**
   * After "Användning: ". A line starting with "budgetkoll " is a form of the command; any other
   * line continues the previous form's arguments and is indented under them.
   */
  usage: string | readonly string[];
  /** The description; '' separates paragraphs. */
  about: readonly string[];
  /** Without -h/--help, which every command has and renderHelp adds. */
  flags: readonly HelpFlag[];
  /** After "Slutkoder: "; further lines are indented under the first. */
  exitCodes?: readonly string[];
  /** Command lines, after "Exempel: " and under each other. */
  examples: readonly string[];
}

export const HELP_FLAG: HelpFlag = { flag: '-h, --help', text: 'visa den här hjälpen' };

/** Two-column rows under a heading: the first column as wide as its widest entry, then two spaces. */
export function columns(rows: readonly { first: string; text: string | readonly string[] }[]): string[] {
  const width = Math.max(...rows.map((row) => row.first.length)) + 2;
  return rows.flatMap(({ first, text }) => {
    const [head = '', ...rest] = typeof text === 'string' ? [text] : text;
    return [`  ${first.padEnd(width)}${head}`, ...rest.map((line) => `  ${' '.repeat(width)}${line}`)];
  });
}

/** Flag lines: long-only flags are indented so every long name starts in the same column. */
export function flagLines(flags: readonly HelpFlag[]): string[] {
  return columns(flags.map(({ flag, text }) => ({ first: flag.startsWith('--') ? `    ${flag}` : flag, text })));
}

/** `label` before the first line, the others indented under it. */
export function hanging(label: string, lines: readonly string[]): string[] {
  return lines.map((line, i) => (i === 0 ? label : ' '.repeat(label.length)) + line);
}

const USAGE = 'Användning: ';

function usageLines(usage: string | readonly string[]): string[] {
  let argumentsAt = USAGE.length;
  return (typeof usage === 'string' ? [usage] : usage).map((line, i) => {
    if (!line.startsWith('budgetkoll ')) return ' '.repeat(argumentsAt) + line;
    // Continuations line up under the arguments, after "budgetkoll <kommando> ".
    const nameEnd = line.indexOf(' ', 'budgetkoll '.length);
    argumentsAt = USAGE.length + (nameEnd < 0 ? line.length : nameEnd) + 1;
    return (i === 0 ? USAGE : ' '.repeat(USAGE.length)) + line;
  });
}

export function renderHelp(help: CommandHelp): string {
  const sections = [
    usageLines(help.usage),
    [...help.about],
    ['Flaggor:', ...flagLines([...help.flags, HELP_FLAG])],
    help.exitCodes ? hanging('Slutkoder: ', help.exitCodes) : [],
    hanging('Exempel: ', help.examples),
  ];
  return sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}
