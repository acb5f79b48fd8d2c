/** The pieces of a package being written (write-package.ts): its parts, its sheet list, names and paths. */
import { emptyRelationships, emptyWorkbook, newPackageContentTypes, packageRelationships, REL_TYPES, withRelationship } from './package-edits';
import { PackageWriteError } from './package-error';
import type { CompressedEntry, SourceEntry } from './zip-container';

const MAX_SHEET_NAME = 31;
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/;
const encoder = new TextEncoder();

/** Excel's rules for a tab name, checked rather than repaired: the caller chose the name. */
export function checkSheetName(name: string, taken: ReadonlySet<string>): void {
  if (name.trim().length === 0) throw new PackageWriteError('Fliken måste ha ett namn.');
  if (name.length > MAX_SHEET_NAME) throw new PackageWriteError(`Fliknamnet "${name}" är längre än ${MAX_SHEET_NAME} tecken.`);
  if (FORBIDDEN_IN_SHEET_NAME.test(name)) throw new PackageWriteError(`Fliknamnet "${name}" innehåller något av tecknen [ ] : * ? / \\ som Excel inte tillåter.`);
  if (name.startsWith("'") || name.endsWith("'")) throw new PackageWriteError(`Fliknamnet "${name}" får inte börja eller sluta med apostrof.`);
  if (name.toLowerCase() === 'history') throw new PackageWriteError('Fliknamnet "History" är reserverat i Excel.');
  if (taken.has(name.toLocaleLowerCase('sv-SE'))) throw new PackageWriteError(`Det finns redan en flik som heter "${name}".`);
}

/** A part of the package being written: copied from the input or given as new bytes. */
export interface Part {
  name: string;
  source?: SourceEntry;
  data?: Uint8Array;
  /** A written sheet, compressing while the next is built; its XML is not kept (never read back). */
  compressed?: Promise<CompressedEntry>;
}

export interface SheetElement {
  name: string;
  sheetId: number;
  relId: string;
  /** Resolved part path ('' when the relationship is missing). */
  path: string;
  relType: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
}

export function minimalPackage(): Part[] {
  const part = (name: string, text: string): Part => ({ name, data: encoder.encode(text) });
  return [
    part('[Content_Types].xml', newPackageContentTypes()),
    part('_rels/.rels', packageRelationships()),
    part('xl/workbook.xml', emptyWorkbook()),
    part('xl/_rels/workbook.xml.rels', withRelationship(emptyRelationships(), 'rId1', REL_TYPES.styles, 'styles.xml')),
  ];
}

/** A path "folder/stemN.ext" not used in the package (case-insensitively, as zip tools compare). */
export function freePartPath(used: Set<string>, folder: string, stem: string, ext: string): string {
  for (let n = 1; ; n++) {
    const path = `${folder}/${stem}${n}.${ext}`;
    if (!used.has(path.toLowerCase())) {
      used.add(path.toLowerCase());
      return path;
    }
  }
}

/** The target of `to` written relative to the folder of `from` ("../tables/table1.xml"). */
export function relativeTarget(fromFolder: string, to: string): string {
  const from = fromFolder.split('/').filter(Boolean);
  const target = to.split('/');
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  return [...from.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}
