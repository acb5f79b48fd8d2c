/**
 * ExcelJS finds worksheets and tables by their part names (`xl/worksheets/sheetN.xml`,
 * `xl/tables/tableN.xml`), not through the package's relationships, so a sheet saved by another
 * program as `xl/worksheets/Blad_ett.xml` is silently missing from what it loads. For the
 * playground's view only, such parts are renamed to names ExcelJS recognises, with the
 * relationships and content types that name them; the sheets keep their names, so what the
 * journal records still applies to the file as it was opened (journaled-port.ts).
 */
import { folderOf, parseRelationships, partText, relsPathOf, resolveTarget } from './package-parts';
import { readSourceEntries, writeZip, type Codec, type OutputEntry, type SourceEntry } from './package/zip-container';
import { entryBytes, type InflateRaw } from './zip-entries';

const WORKBOOK = 'xl/workbook.xml';
const SHEET_NAME = /^xl\/worksheets\/sheet\d+\.xml$/;
const TABLE_NAME = /^xl\/tables\/table\d+\.xml$/;
const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/;
const RELATIONSHIP = /<Relationship\b[^>]*>/g;
const TARGET = /\bTarget\s*=\s*("[^"]*"|'[^']*')/;
const encoder = new TextEncoder();

/** `to` relative to `fromFolder` ("../tables/table3.xml" from xl/worksheets). */
function relative(fromFolder: string, to: string): string {
  const from = fromFolder.split('/').filter(Boolean);
  const target = to.split('/');
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  return [...from.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

/**
 * Rewrites the Target of each relationship whose target was renamed, or of every one when the
 * part that owns the relationships moved from `fromFolder` to `toFolder`.
 */
function retarget(rels: string, fromFolder: string, toFolder: string, renamed: ReadonlyMap<string, string>): string {
  return rels.replace(RELATIONSHIP, (element) => {
    if (/\bTargetMode\s*=\s*["']External["']/.test(element)) return element;
    const m = TARGET.exec(element);
    if (!m) return element;
    const was = resolveTarget(fromFolder, m[1].slice(1, -1));
    const now = renamed.get(was) ?? was;
    return now === was && fromFolder === toFolder ? element : element.replace(TARGET, `Target="${relative(toFolder, now)}"`);
  });
}

/** The package with oddly named worksheet and table parts renamed for ExcelJS (the same bytes when none are). */
export async function withExcelJsPartNames(bytes: Uint8Array, inflateRaw: InflateRaw, codec: Codec): Promise<Uint8Array> {
  const entries = readSourceEntries(bytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = async (entry: SourceEntry) => partText(await entryBytes(bytes, entry, inflateRaw));
  const workbookRels = byName.get(relsPathOf(WORKBOOK));
  if (!workbookRels) return bytes;
  const sheetParts = parseRelationships(await text(workbookRels), folderOf(WORKBOOK))
    .filter((r) => r.type.endsWith('/worksheet') && byName.has(r.target))
    .map((r) => r.target);
  const odd = [...sheetParts.filter((p) => !SHEET_NAME.test(p)), ...entries.map((e) => e.name).filter((n) => TABLE_PART.test(n) && !TABLE_NAME.test(n))];
  if (odd.length === 0) return bytes;

  const used = new Set(entries.map((e) => e.name.toLowerCase()));
  const renamed = new Map<string, string>();
  for (const part of odd) {
    const [folder, stem] = TABLE_PART.test(part) ? ['xl/tables', 'table'] : ['xl/worksheets', 'sheet'];
    let n = 1;
    while (used.has(`${folder}/${stem}${n}.xml`)) n++;
    used.add(`${folder}/${stem}${n}.xml`);
    renamed.set(part, `${folder}/${stem}${n}.xml`);
  }
  // A renamed sheet's rels part moves with it; every sheet's rels may name a renamed table.
  const relsRenamed = new Map<string, string>();
  for (const [from, to] of renamed) if (byName.has(relsPathOf(from))) relsRenamed.set(relsPathOf(from), relsPathOf(to));
  // Each sheet's rels part → the folder its targets are relative to, before and after.
  const sheetRels = new Map(sheetParts.map((p) => [relsPathOf(p), { from: folderOf(p), to: folderOf(renamed.get(p) ?? p) }]));

  const output: OutputEntry[] = [];
  for (const entry of entries) {
    const name = renamed.get(entry.name) ?? relsRenamed.get(entry.name) ?? entry.name;
    let data: Uint8Array | null = null;
    if (entry.name === '[Content_Types].xml') {
      let types = await text(entry);
      for (const [from, to] of renamed) types = types.split(`PartName="/${from}"`).join(`PartName="/${to}"`);
      data = encoder.encode(types);
    } else if (entry.name === workbookRels.name) {
      data = encoder.encode(retarget(await text(entry), folderOf(WORKBOOK), folderOf(WORKBOOK), renamed));
    } else if (sheetRels.has(entry.name)) {
      const { from, to } = sheetRels.get(entry.name)!;
      data = encoder.encode(retarget(await text(entry), from, to, renamed));
    } else if (name !== entry.name) {
      data = await entryBytes(bytes, entry, inflateRaw);
    }
    output.push(data ? { kind: 'new', name, data } : { kind: 'copy', source: entry });
  }
  return writeZip(bytes, output, codec);
}
