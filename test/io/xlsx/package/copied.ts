/** "Copied byte for byte": the check every lossless-output test makes on a written package. */
import { folderOf, parseRelationships, parseWorkbook, partText, relsPathOf } from '../../../../src/io/xlsx/package-parts';
import { entryBytes } from '../../../../src/io/xlsx/zip-entries';
import { localRecord, readSourceEntries, type SourceEntry } from '../../../../src/io/xlsx/package/zip-container';
import { deps } from './input-package';

export function entriesOf(bytes: Uint8Array): Map<string, SourceEntry> {
  return new Map(readSourceEntries(bytes).map((e) => [e.name, e]));
}

/** The zip path of a worksheet's part, by the sheet's name (xl/workbook.xml and its rels). */
export async function sheetPartPath(bytes: Uint8Array, sheetName: string): Promise<string> {
  const entries = entriesOf(bytes);
  const text = async (name: string) => partText(await entryBytes(bytes, entries.get(name)!, deps.inflateRaw));
  const rels = parseRelationships(await text('xl/_rels/workbook.xml.rels'), folderOf('xl/workbook.xml'));
  const sheet = parseWorkbook(await text('xl/workbook.xml'), rels).sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName} in the package`);
  return sheet.path;
}

/** A worksheet's part, its rels part and the parts those rels name (tables, drawings, comments). */
export async function sheetPartsOf(bytes: Uint8Array, sheetName: string): Promise<string[]> {
  const path = await sheetPartPath(bytes, sheetName);
  const entries = entriesOf(bytes);
  const relsPath = relsPathOf(path);
  const rels = entries.get(relsPath);
  if (!rels) return [path];
  const targets = parseRelationships(partText(await entryBytes(bytes, rels, deps.inflateRaw)), folderOf(path)).map((r) => r.target);
  return [path, relsPath, ...targets];
}

/**
 * Every entry of `input` that is neither edited (`edited`) nor calcChain (which the writer drops)
 * is in `output` with the same local record: header, compressed data and all. Returns their names.
 */
export function expectCopiedByteForByte(input: Uint8Array, output: Uint8Array, edited: RegExp | ((name: string) => boolean)): string[] {
  const isEdited = typeof edited === 'function' ? edited : (name: string) => edited.test(name);
  const before = entriesOf(input);
  const after = entriesOf(output);
  const copied: string[] = [];
  for (const [name, entry] of before) {
    if (isEdited(name) || name === 'xl/calcChain.xml') continue;
    const out = after.get(name);
    expect({ name, present: out !== undefined }).toEqual({ name, present: true });
    expect({ name, same: Buffer.from(localRecord(output, out!)).equals(Buffer.from(localRecord(input, entry))) }).toEqual({ name, same: true });
    copied.push(name);
  }
  return copied;
}
