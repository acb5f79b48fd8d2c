/**
 * The package writer: the output is the input package with Budgetkoll's tabs added or replaced.
 * Every part it does not have to edit is copied byte for byte, compressed as it was (pivot tables,
 * charts, drawings, comments, custom properties, VBA, sheets of any part name). It edits only:
 * [Content_Types].xml, xl/workbook.xml and its rels (the sheet list, print titles), xl/styles.xml
 * (the named styles appended), the owned sheets' parts and their tables, docProps/app.xml's list
 * of worksheets (only in the layout Excel writes; otherwise it is left as it is), and it drops
 * xl/calcChain.xml (Excel rebuilds it; a stale one makes Excel repair the file). Shared strings are
 * untouched: Budgetkoll's text is written as inline strings.
 *
 * With PackageChanges (the playground's download) it also deletes owned tabs with the parts only
 * they use, types values into cells of the user's own sheets (their XML patched as text) and
 * resizes Excel tables. See docs/paketskrivaren.md.
 */
import type { SheetSpec } from '../../../core/workbook/sheet-spec';
import { freeTableName } from '../../../core/workbook/sheet-names';
import { attr, folderOf, parseRelationships, parseSharedStrings, relsPathOf, resolveTarget, tagsNamed } from '../package-parts';
import { entryBytes, type InflateRaw } from '../zip-entries';
import {
  CONTENT_TYPES,
  REL_TYPES,
  emptyRelationships,
  freeRelId,
  withFullCalcOnLoad,
  withLocalDefinedName,
  withOverride,
  withRelationship,
  withSheet,
  withSheetPositions,
  withSheetReferencesBroken,
  withSheetRenamed,
  withoutOverride,
  withoutRelationship,
  withoutRelationshipsOfType,
  withoutSheet,
} from './package-edits';
import { withWorksheetTitles } from './app-props';
import { applyCellChanges, type CellChanges } from './cell-changes';
import { checkSheetName, freePartPath, minimalPackage, relativeTarget, type Part, type SheetElement } from './package-shape';
import { PackageWriteError } from './package-error';
import { MAIN_NS, sheetXml } from './sheet-xml';
import { createStyleBook } from './styles-part';
import { compressEntry, readSourceEntries, writeZip, type Crc32, type DeflateRaw, type DeflateRawChunks, type OutputEntry } from './zip-container';

export type { DeflateRaw } from './zip-container';

export interface PackageSheet {
  /** The tab; its name is the tab's final name (make it free first, e.g. with freeSheetName). */
  spec: SheetSpec;
  /** Name of an existing sheet this tab replaces in place (same position, sheetId and relationship id). */
  replace?: string;
  /** Where a new (not replacing) tab goes: last (default) or first; several firsts keep their order. */
  position?: 'end' | 'start';
}

export interface PackageDeps {
  inflateRaw: InflateRaw;
  deflateRaw: DeflateRaw;
  /** Deflates a sheet given in pieces as one stream; without it the pieces are joined first. */
  deflateRawChunks?: DeflateRawChunks;
  /** CRC-32 of new parts; default the table-driven crc32.ts (Node's native zlib.crc32 is ~10× faster). */
  crc32?: Crc32;
  /** Modification time stamped on the entries written (default 1980-01-01: reproducible output). */
  modified?: Date;
}

export { PackageWriteError } from './package-error';

export interface PackageChanges extends CellChanges {
  /**
   * Sheets (by name, case-insensitively) to remove, with the parts only they use (tables,
   * drawings and their charts, comments, printer settings). Print titles and other names local to
   * them go; workbook-level names that refer to them get #REF!, as in Excel.
   */
  deleted?: readonly string[];
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/**
 * Writes `sheets` into `input` (null: a new package with just these sheets) and returns the new
 * package. Throws PackageWriteError for a sheet name Excel would refuse or a sheet to replace that
 * is not there; ZipFormatError for a damaged input.
 */
export async function writePackage(input: Uint8Array | null, sheets: readonly PackageSheet[], deps: PackageDeps, changes: PackageChanges = {}): Promise<Uint8Array> {
  const parts: Part[] = input ? readSourceEntries(input).map((source) => ({ name: source.name, source })) : minimalPackage();
  const byName = new Map(parts.map((p) => [p.name, p]));
  const usedPaths = new Set(parts.map((p) => p.name.toLowerCase()));
  const removed = new Set<string>();
  const added: Part[] = [];

  const read = async (name: string): Promise<string | null> => {
    const part = byName.get(name);
    if (!part || removed.has(name)) return null;
    if (part.compressed) throw new Error(`${name} was written compressed and is not read back`);
    if (part.data) return utf8.decode(part.data);
    return utf8.decode(await entryBytes(input!, part.source!, deps.inflateRaw));
  };
  const put = (name: string, data: Uint8Array) => {
    const existing = byName.get(name);
    removed.delete(name);
    if (existing) {
      existing.data = data;
      existing.source = undefined;
      existing.compressed = undefined;
    } else {
      const part = { name, data };
      byName.set(name, part);
      added.push(part);
      usedPaths.add(name.toLowerCase());
    }
  };
  // A sheet's XML (tens of MB on L) goes to the deflater at once and is not kept: peak memory is
  // then the compressed sheets, and deflating runs beside the building of the next sheet.
  const putCompressed = (name: string, chunks: readonly Uint8Array[]) => {
    put(name, new Uint8Array(0));
    const part = byName.get(name)!;
    part.compressed = compressEntry(name, chunks, deps, deps.modified);
    part.data = undefined;
  };
  const drop = (name: string) => {
    if (byName.has(name)) removed.add(name);
  };

  let contentTypes = await read('[Content_Types].xml');
  if (contentTypes === null) throw new PackageWriteError('Filen saknar [Content_Types].xml och är inte en Excel-arbetsbok.');
  const rootRels = parseRelationships((await read('_rels/.rels')) ?? '', '');
  const workbookPath = rootRels.find((r) => r.type === REL_TYPES.officeDocument)?.target ?? 'xl/workbook.xml';
  let workbook = await read(workbookPath);
  if (workbook === null) throw new PackageWriteError('Filen saknar arbetsboksdelen (xl/workbook.xml).');
  if (!workbook.includes(MAIN_NS)) throw new PackageWriteError('Arbetsboken är sparad i formatet "Strict Open XML", som Budgetkoll inte kan skriva i. Spara den som vanlig Excel-arbetsbok (.xlsx).');
  const workbookFolder = folderOf(workbookPath);
  const workbookRelsPath = relsPathOf(workbookPath);
  let workbookRels = (await read(workbookRelsPath)) ?? emptyRelationships();
  const rels = parseRelationships(workbookRels, workbookFolder);
  const relById = new Map(rels.map((r) => [r.id, r]));

  const elements: SheetElement[] = tagsNamed(workbook, 'sheet').map((a) => {
    const relId = attr(a, 'id') ?? '';
    const rel = relById.get(relId);
    return { name: a.name ?? '', sheetId: Number(a.sheetId ?? 0), relId, path: rel?.target ?? '', relType: rel?.type ?? '', state: a.state ?? 'visible' };
  });

  // calcChain lists formula cells by address; after our edits it would be stale, and Excel rebuilds it.
  const calc = withoutRelationshipsOfType(workbookRels, 'calcChain');
  for (const id of calc.removed) {
    const target = relById.get(id)?.target;
    if (target) {
      drop(target);
      contentTypes = withoutOverride(contentTypes, `/${target}`);
    }
  }
  workbookRels = calc.xml;

  // Names tables may not take: every table's name and every defined name, case-insensitively.
  const takenTableNames = new Set<string>();
  for (const a of tagsNamed(workbook, 'definedName')) if (a.name) takenTableNames.add(a.name.toLocaleLowerCase('sv-SE'));
  let maxTableId = 0;
  const tableOwners = new Map<string, string>(); // table part → name (lower case)
  for (const part of parts) {
    if (!/^xl\/tables\/[^/]+\.xml$/i.test(part.name)) continue;
    const table = tagsNamed((await read(part.name)) ?? '', 'table')[0];
    if (!table) continue;
    maxTableId = Math.max(maxTableId, Number(table.id ?? 0) || 0);
    const name = (table.name ?? table.displayName ?? '').toLocaleLowerCase('sv-SE');
    if (table.displayName) takenTableNames.add(table.displayName.toLocaleLowerCase('sv-SE'));
    takenTableNames.add(name);
    tableOwners.set(part.name, name);
  }
  const claimTable = (wanted: string) => {
    const name = freeTableName(wanted, takenTableNames);
    takenTableNames.add(name.toLocaleLowerCase('sv-SE'));
    return { name, id: ++maxTableId };
  };

  const stylesRel = rels.find((r) => r.type === REL_TYPES.styles);
  const stylesPath = stylesRel?.target ?? resolveTarget(workbookFolder, 'styles.xml');
  const stylesXml = await read(stylesPath);
  const styles = createStyleBook(stylesXml);

  const takenSheetNames = new Set(elements.map((e) => e.name.toLocaleLowerCase('sv-SE')));
  const takenRelIds = new Set(rels.map((r) => r.id));
  let maxSheetId = elements.reduce((m, e) => Math.max(m, e.sheetId), 0);

  const lower = (name: string) => name.toLocaleLowerCase('sv-SE');
  const relsOf = async (part: string) => parseRelationships((await read(relsPathOf(part))) ?? '', folderOf(part));

  // --- deleted sheets, before any tab is added (positions then are final ones) ---
  if (changes.deleted && changes.deleted.length > 0) {
    // Which parts target each part (through any rels part), so a part still used elsewhere stays.
    const referrers = new Map<string, Set<string>>();
    for (const part of parts) {
      const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(part.name);
      if (!m || removed.has(part.name)) continue;
      const source = m[1] + m[2];
      for (const rel of parseRelationships((await read(part.name)) ?? '', folderOf(source))) {
        if (!referrers.has(rel.target)) referrers.set(rel.target, new Set());
        referrers.get(rel.target)!.add(source);
      }
    }
    for (const name of changes.deleted) {
      const index = elements.findIndex((e) => lower(e.name) === lower(name));
      const element = elements[index];
      if (!element) throw new PackageWriteError(`Fliken "${name}" som skulle tas bort finns inte i arbetsboken.`);
      workbook = withoutSheet(workbook, element.relId);
      workbookRels = withoutRelationship(workbookRels, element.relId);
      elements.splice(index, 1);
      takenSheetNames.delete(lower(element.name));
      const firstVisible = Math.max(0, elements.findIndex((e) => e.state !== 'hidden' && e.state !== 'veryHidden'));
      workbook = withSheetPositions(workbook, (i) => (i < index ? i : i > index ? i - 1 : null), firstVisible);
      workbook = withSheetReferencesBroken(workbook, element.name);
      if (!element.path) continue;
      // The sheet part and what only it uses, followed through rels (drawing → chart → its style parts).
      const doomed = new Set<string>([element.path]);
      referrers.get(element.path)?.delete(workbookPath);
      for (let grew = true; grew; ) {
        grew = false;
        for (const part of [...doomed]) {
          for (const rel of await relsOf(part)) {
            if (doomed.has(rel.target) || !byName.has(rel.target)) continue;
            if ([...(referrers.get(rel.target) ?? [])].every((source) => doomed.has(source))) {
              doomed.add(rel.target);
              grew = true;
            }
          }
        }
      }
      for (const part of doomed) {
        drop(part);
        drop(relsPathOf(part));
        contentTypes = withoutOverride(contentTypes, `/${part}`);
        const owner = tableOwners.get(part);
        if (owner) takenTableNames.delete(owner);
        for (const sources of referrers.values()) sources.delete(part);
      }
    }
  }

  let formulasWritten = false;
  const writtenPaths = new Set<string>();
  let startCount = 0;
  for (const { spec, replace, position: sheetPosition } of sheets) {
    const name = spec.name;
    let position: number;
    let path: string;
    if (replace !== undefined) {
      position = elements.findIndex((e) => e.name.toLocaleLowerCase('sv-SE') === replace.toLocaleLowerCase('sv-SE'));
      const element = elements[position];
      if (!element) throw new PackageWriteError(`Fliken "${replace}" som skulle ersättas finns inte i arbetsboken.`);
      if (element.relType !== REL_TYPES.worksheet || !element.path) throw new PackageWriteError(`"${replace}" är inget vanligt kalkylblad och kan inte ersättas.`);
      takenSheetNames.delete(element.name.toLocaleLowerCase('sv-SE'));
      checkSheetName(name, takenSheetNames);
      path = element.path;
      // The old tab's own parts (its tables) go with it; its rels part is written anew.
      const oldRels = parseRelationships((await read(relsPathOf(path))) ?? '', folderOf(path));
      for (const rel of oldRels) {
        if (rel.type !== REL_TYPES.table) continue;
        drop(rel.target);
        contentTypes = withoutOverride(contentTypes, `/${rel.target}`);
        const owner = tableOwners.get(rel.target);
        if (owner) takenTableNames.delete(owner);
      }
      drop(relsPathOf(path));
      if (element.name !== name) workbook = withSheetRenamed(workbook, element.relId, name);
      element.name = name;
    } else {
      checkSheetName(name, takenSheetNames);
      path = freePartPath(usedPaths, 'xl/worksheets', 'sheet', 'xml');
      const relId = freeRelId(workbookRels, takenRelIds);
      takenRelIds.add(relId);
      workbookRels = withRelationship(workbookRels, relId, REL_TYPES.worksheet, relativeTarget(workbookFolder, path));
      contentTypes = withOverride(contentTypes, `/${path}`, CONTENT_TYPES.worksheet);
      if (sheetPosition === 'start') {
        position = startCount++;
        const at = position;
        workbook = withSheetPositions(workbook, (i) => (i >= at ? i + 1 : i), 0);
        workbook = withSheet(workbook, name, ++maxSheetId, relId, at);
      } else {
        position = elements.length;
        workbook = withSheet(workbook, name, ++maxSheetId, relId);
      }
      elements.splice(position, 0, { name, sheetId: maxSheetId, relId, path, relType: REL_TYPES.worksheet, state: 'visible' });
    }
    takenSheetNames.add(name.toLocaleLowerCase('sv-SE'));

    writtenPaths.add(path);
    const written = sheetXml(spec, { finalName: name, styles, claimTable });
    if (written.hasFormulas) formulasWritten = true;
    putCompressed(path, written.chunks);
    if (written.tables.length > 0) {
      let sheetRels = emptyRelationships();
      for (const table of written.tables) {
        const tablePath = freePartPath(usedPaths, 'xl/tables', 'table', 'xml');
        put(tablePath, encoder.encode(table.xml));
        contentTypes = withOverride(contentTypes, `/${tablePath}`, CONTENT_TYPES.table);
        sheetRels = withRelationship(sheetRels, table.relId, REL_TYPES.table, relativeTarget(folderOf(path), tablePath));
      }
      put(relsPathOf(path), encoder.encode(sheetRels));
    }
    workbook = withLocalDefinedName(workbook, '_xlnm.Print_Titles', position, written.printTitles);
  }

  await applyCellChanges(changes, {
    elements,
    writtenPaths,
    read,
    relsOf,
    sharedStrings: async () => {
      const target = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target;
      const part = target ? byName.get(target) : undefined;
      return part?.source ? parseSharedStrings(await entryBytes(input!, part.source, deps.inflateRaw), target) : [];
    },
    put: (path, text) => put(path, encoder.encode(text)),
    putCompressed: (path, pieces) => putCompressed(path, pieces.map((piece) => encoder.encode(piece))),
    styles,
  });

  if (elements.length === 0) throw new PackageWriteError('Arbetsboken måste ha minst en flik kvar.');
  if (elements.every((e) => e.state === 'hidden' || e.state === 'veryHidden')) throw new PackageWriteError('Arbetsboken måste ha minst en synlig flik kvar.');

  if (styles.changed() || stylesXml === null) {
    put(stylesPath, encoder.encode(styles.xml()));
    if (!stylesRel) {
      workbookRels = withRelationship(workbookRels, freeRelId(workbookRels, takenRelIds), REL_TYPES.styles, relativeTarget(workbookFolder, stylesPath));
      contentTypes = withOverride(contentTypes, `/${stylesPath}`, CONTENT_TYPES.styles);
    }
  }
  if (formulasWritten) workbook = withFullCalcOnLoad(workbook);
  // The informational list of worksheet names, where it has the layout Excel writes.
  const appPath = rootRels.find((r) => r.type.endsWith('/extended-properties'))?.target ?? 'docProps/app.xml';
  const app = await read(appPath);
  const updatedApp = app === null ? null : withWorksheetTitles(app, elements.filter((e) => e.relType === REL_TYPES.worksheet).map((e) => e.name));
  if (updatedApp !== null) put(appPath, encoder.encode(updatedApp));
  put(workbookPath, encoder.encode(workbook));
  put(workbookRelsPath, encoder.encode(workbookRels));
  put('[Content_Types].xml', encoder.encode(contentTypes));

  const output: OutputEntry[] = [...parts, ...added]
    .filter((p) => !removed.has(p.name))
    .map((p) => (p.source ? { kind: 'copy', source: p.source } : p.compressed ? { kind: 'compressed', entry: p.compressed } : { kind: 'new', name: p.name, data: p.data! }));
  return writeZip(input, output, deps, deps.modified);
}
