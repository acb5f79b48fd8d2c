/**
 * Argument parsing on node:util's parseArgs, with its English errors turned into one Swedish line.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatNumberSv } from '../core/text/numbers';
import { CliError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

function optionName(message: string): string {
  const match = /'([^']+)'/.exec(message);
  if (!match) return '';
  // "-o, --output <value>" → "--output"
  const long = /--[^\s<]+/.exec(match[1]);
  return long ? long[0] : match[1];
}

/** Parses `args` for `command`; unknown flags, missing values and stray arguments become CliErrors. */
export function parseCommandArgs(command: string, args: readonly string[], options: Options, positionals = false): ParsedArgs {
  try {
    const parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: positionals });
    return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const name = optionName(message);
    switch (code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new CliError(`${command}: okänd flagga ${name || ''}`.trimEnd() + `. Se budgetkoll ${command} --help.`);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        throw new CliError(`${command}: flaggan ${name} behöver ett värde. Se budgetkoll ${command} --help.`);
      case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
        throw new CliError(`${command}: oväntat argument ${name}. Se budgetkoll ${command} --help.`);
      default:
        throw new CliError(`${command}: kan inte tolka argumenten. Se budgetkoll ${command} --help.`);
    }
  }
}

/** An integer flag within bounds, or a CliError naming the flag and the allowed range. */
export function integerFlag(command: string, flag: string, raw: string | boolean | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || typeof raw === 'boolean') return fallback;
  const text = raw.replace(/[\s_\u00a0]/g, '');
  const value = /^-?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliError(`${command}: ${flag} ska vara ett heltal från ${formatNumberSv(min)} till ${formatNumberSv(max)}, inte "${raw}".`);
  }
  return value;
}

/**
 * The extension an output must have: a copy of an input keeps the input's kind (.xlsm with its
 * macros stays .xlsm: Excel refuses a macro workbook named .xlsx), a new workbook is .xlsx.
 */
export function outputExtension(input?: string): '.xlsx' | '.xlsm' {
  return input !== undefined && /\.xlsm$/i.test(input) ? '.xlsm' : '.xlsx';
}

/** Checks an output name's extension against outputExtension(input); a CliError names the fix. */
export function checkOutputExtension(command: string, raw: string, input?: string): void {
  const ext = outputExtension(input);
  if (raw.toLowerCase().endsWith(ext)) return;
  if (ext === '.xlsm') throw new CliError(`${command}: filen måste sluta på .xlsm som arbetsboken (den har makron, som följer med kopian): ${raw}`);
  if (input !== undefined && /\.xlsm$/i.test(raw)) throw new CliError(`${command}: filen måste sluta på .xlsx som arbetsboken (den har inga makron): ${raw}`);
  throw new CliError(`${command}: filen måste sluta på .xlsx: ${raw}`);
}

/** The -o/--output path: required; .xlsx, or for a copy of an input, the input's extension. */
export function outputPath(command: string, raw: string | boolean | undefined, example: string, input?: string): string {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new CliError(`${command}: ange filen att skriva med -o, t.ex. budgetkoll ${command} -o ${example}`);
  }
  checkOutputExtension(command, raw, input);
  return raw;
}

/** The one workbook a single-file command works on; `example` is the command line shown when it is missing. */
export function oneWorkbook(command: string, positionals: readonly string[], example: string): string {
  if (positionals.length === 0) throw new CliError(`${command}: ange arbetsboken, t.ex. ${example}`);
  if (positionals.length > 1) throw new CliError(`${command}: ange en arbetsbok åt gången, inte ${positionals.length}.`);
  return positionals[0];
}

/** A string flag's value; undefined when it was not given. */
export function textFlag(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
