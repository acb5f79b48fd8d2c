/**
 * `--mapping koppling.json`: a mapping file (docs/koppla-indata.md). Every mistake is reported at
 * once, each with its key ("inputs.Driftbudget.columns.Konto: …"), and the command cannot run (exit 2).
 */
import type { Mapping } from '../core/inputs/mapping';
import { parseMapping } from '../core/inputs/mapping-parse';
import { CliError, type CliIo } from './io';
import { readJsonFile } from './json-file';

export async function loadMappingFile(io: CliIo, path: string | undefined): Promise<Mapping | undefined> {
  if (path === undefined) return undefined;
  const json = await readJsonFile(io, path, 'kopplingsfilen', `Ta fram ett förslag med budgetkoll map ARBETSBOK --suggest > ${path}.`);
  const parsed = parseMapping(json);
  if ('mapping' in parsed) return parsed.mapping;
  throw new CliError([`kopplingsfilen ${path} har ${parsed.errors.length === 1 ? 'ett fel' : `${parsed.errors.length} fel`}:`, ...parsed.errors.map((e) => `  ${e.sv}`)].join('\n'));
}
