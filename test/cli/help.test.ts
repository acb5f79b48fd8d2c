import { renderHelp, type CommandHelp } from '../../src/cli/help';
import { COMMANDS } from '../../src/cli/main';

const help: CommandHelp = {
  usage: ['budgetkoll prova FIL.xlsx --report R', '[--year ÅR]', 'budgetkoll prova FIL.xlsx'],
  about: ['Första stycket.', '', 'Andra stycket.'],
  flags: [
    { flag: '--report R', text: 'rapporten' },
    { flag: '-o, --output FIL', text: ['filen att skriva;', 'den skrivs aldrig över'] },
    { flag: '--mapping FIL', text: 'en koppling' },
  ],
  exitCodes: ['0 = klart, 1 = fel,', '2 = kunde inte köras.'],
  examples: ['budgetkoll prova a.xlsx --report april', 'budgetkoll prova b.xlsx'],
};

describe('renderHelp', () => {
  it('lays out the sections, the flag column from the longest flag, and hanging indents', () => {
    expect(renderHelp(help)).toBe(
      [
        'Användning: budgetkoll prova FIL.xlsx --report R',
        '                             [--year ÅR]',
        '            budgetkoll prova FIL.xlsx',
        '',
        'Första stycket.',
        '',
        'Andra stycket.',
        '',
        'Flaggor:',
        '      --report R     rapporten',
        '  -o, --output FIL   filen att skriva;',
        '                     den skrivs aldrig över',
        '      --mapping FIL  en koppling',
        '  -h, --help         visa den här hjälpen',
        '',
        'Slutkoder: 0 = klart, 1 = fel,',
        '           2 = kunde inte köras.',
        '',
        'Exempel: budgetkoll prova a.xlsx --report april',
        '         budgetkoll prova b.xlsx',
      ].join('\n'),
    );
  });

  it('narrows the flag column to the flags there are and leaves out exit codes not given', () => {
    const text = renderHelp({ usage: 'budgetkoll prova', about: ['Om.'], flags: [{ flag: '--all', text: 'alla' }], examples: ['budgetkoll prova'] });
    expect(text).toBe(
      ['Användning: budgetkoll prova', '', 'Om.', '', 'Flaggor:', '      --all   alla', '  -h, --help  visa den här hjälpen', '', 'Exempel: budgetkoll prova'].join('\n'),
    );
  });

  it.each(COMMANDS.map((command) => [command.name, command] as const))('%s: -h/--help once, every flag line in one column', (_name, command) => {
    const text = renderHelp(typeof command.help === 'function' ? command.help() : command.help);
    expect(text.match(/-h, --help/g)).toHaveLength(1);
    const flagSection = text.split('\n\nFlaggor:\n')[1]?.split('\n\n')[0] ?? '';
    const lines = flagSection.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    // Every flag's text starts where the -h line's does; continuation lines start there or further in (validate's key list).
    const column = (lines.at(-1) ?? '').indexOf('visa den här hjälpen');
    for (const line of lines) {
      expect(line.slice(0, column).trimEnd()).toMatch(/^$|^( {2}-\w, | {6})--[\w-]+( \S+)?$/);
      expect(line[column - 1]).toBe(' ');
      expect(line.slice(column).trim()).not.toBe('');
    }
  });
});
