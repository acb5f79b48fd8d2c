/** A JSON settings file given on the command line (--config, --mapping): read, BOM dropped, parsed. */
import { CliError, type CliIo } from './io';

/**
 * The parsed contents of `path`. `what` names the file in messages ("inställningsfilen");
 * `invalidHint` says how to write a valid one. A missing or unreadable file or invalid JSON is a
 * CliError: the command cannot run.
 */
export async function readJsonFile(io: CliIo, path: string, what: string, invalidHint: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'filen finns inte' : code === 'EISDIR' ? 'det är en mapp' : 'filen kunde inte läsas';
    throw new CliError(`kan inte läsa ${what} ${path}: ${why}.`);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw new CliError(`${what} ${path} är inte giltig JSON. ${invalidHint}`);
  }
}
