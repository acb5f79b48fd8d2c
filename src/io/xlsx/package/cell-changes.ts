/**
 * PackageChanges' cell edits and table resizes in the input's own sheets (write-package.ts): each
 * sheet's XML patched once, as text.
 */
import { parseA1, type RangePosition } from '../../../core/a1';
import { tagsNamed, type Relationship } from '../package-parts';
import { patchSheetCells, readRowTexts, type CellWrite } from './cell-patch';
import { REL_TYPES } from './package-edits';
import { PackageWriteError } from './package-error';
import type { SheetElement } from './package-shape';
import type { StyleBook } from './styles-part';
import { checkedTableRange, resizedTable, tableRange } from './table-part';

/** Text a spreadsheet would read as a formula or an operator if it were typed in. */
const FORMULA_LIKE = /^[=+\-@]/;

/** What applyCellChanges needs of the package being written. */
export interface CellChangeContext {
  /** The workbook's sheets as the output will list them. */
  elements: readonly SheetElement[];
  /** Paths of the sheets Budgetkoll writes in the same change (their cells cannot be edited too). */
  writtenPaths: ReadonlySet<string>;
  read(path: string): Promise<string | null>;
  relsOf(part: string): Promise<Relationship[]>;
  sharedStrings(): Promise<string[]>;
  put(path: string, text: string): void;
  putCompressed(path: string, pieces: readonly string[]): void;
  styles: StyleBook;
}

/** Cell edits and table resizes in the input's own sheets, each sheet's XML patched once. */
/** Edits in the input's own sheets (write-package.ts PackageChanges has these and more). */
export interface CellChanges {
  /** Values typed into existing cells of the input's sheets (not of sheets written in the same call), in order. */
  cellEdits?: readonly { sheet: string; cell: string; value: number | string }[];
  /** Excel tables given a new range ("A1:F40"); the header row stays. */
  tableResizes?: readonly { sheet: string; table: string; address: string }[];
}

export async function applyCellChanges(changes: CellChanges, pkg: CellChangeContext): Promise<void> {
  const { elements, writtenPaths, read, relsOf, put, putCompressed, styles } = pkg;
  const lower = (name: string) => name.toLocaleLowerCase('sv-SE');
  const edits = changes.cellEdits ?? [];
  const resizes = changes.tableResizes ?? [];
  if (edits.length === 0 && resizes.length === 0) return;
  const sheetOf = (sheet: string): SheetElement => {
    const element = elements.find((e) => lower(e.name) === lower(sheet));
    if (!element) throw new PackageWriteError(`Fliken "${sheet}" finns inte i arbetsboken.`);
    if (writtenPaths.has(element.path)) throw new PackageWriteError(`Fliken "${sheet}" skrivs av Budgetkoll i samma ändring; dess celler kan inte ändras samtidigt.`);
    if (element.relType !== REL_TYPES.worksheet || !element.path) throw new PackageWriteError(`"${sheet}" är inget vanligt kalkylblad och kan inte ändras.`);
    return element;
  };
  const pending = new Map<string, { element: SheetElement; writes: CellWrite[] }>();
  const writesOf = (element: SheetElement) => {
    let entry = pending.get(element.path);
    if (!entry) pending.set(element.path, (entry = { element, writes: [] }));
    return entry.writes;
  };
  for (const edit of edits) {
    const element = sheetOf(edit.sheet);
    const pos = parseA1(edit.cell);
    if (!pos) throw new PackageWriteError(`"${edit.cell}" är ingen celladress (fliken "${edit.sheet}").`);
    writesOf(element).push({ row: pos.row, col: pos.col, value: edit.value });
  }
  const sheetTexts = new Map<string, string>();
  const sheetText = async (path: string) => {
    let text = sheetTexts.get(path);
    if (text === undefined) {
      text = (await read(path)) ?? '';
      sheetTexts.set(path, text);
    }
    return text;
  };
  let shared: string[] | null = null;
  const sharedString = async (): Promise<(i: number) => string> => {
    if (!shared) shared = await pkg.sharedStrings();
    const list = shared;
    return (i) => list[i] ?? '';
  };
  for (const resize of resizes) {
    const element = sheetOf(resize.sheet);
    const tables: { path: string; xml: string; range: RangePosition | null; match: boolean }[] = [];
    for (const rel of await relsOf(element.path)) {
      if (rel.type !== REL_TYPES.table) continue;
      const xml = await read(rel.target);
      if (xml === null) continue;
      const a = tagsNamed(xml, 'table')[0] ?? {};
      const match = [a.name, a.displayName].some((n) => n !== undefined && lower(n) === lower(resize.table));
      tables.push({ path: rel.target, xml, range: tableRange(xml), match });
    }
    const table = tables.find((t) => t.match);
    if (!table || !table.range) throw new PackageWriteError(`Tabellen "${resize.table}" finns inte på fliken "${resize.sheet}".`);
    const to = checkedTableRange(table.range, resize);
    for (const other of tables) {
      const r = other === table ? null : other.range;
      if (r && r.top <= to.bottom && to.top <= r.bottom && r.left <= to.right && to.left <= r.right) {
        throw new PackageWriteError(`Tabellen "${resize.table}" kan inte ändras till ${resize.address}: den skulle överlappa en annan tabell på fliken "${resize.sheet}".`);
      }
    }
    const writes = writesOf(element);
    const header = readRowTexts(await sheetText(element.path), to.top, await sharedString());
    // Values typed into the header row in this same call count as they will be written.
    for (const w of writes) if (w.row === to.top) header.set(w.col, { text: String(w.value), isText: typeof w.value === 'string' });
    const resized = resizedTable(table.xml, to, header);
    put(table.path, resized.xml);
    writes.push(...resized.headerWrites);
  }
  for (const [path, { element, writes }] of pending) {
    const pieces = patchSheetCells(await sheetText(path), writes, {
      sheet: element.name,
      // As the in-memory adapter does: a number is not left under a text format, and text that
      // looks like a formula gets the text format so Excel never reads it as one.
      style: (current, value) => {
        if (typeof value === 'number') return styles.isTextFormat(current) ? styles.withNumberFormatId(current, 0) : current;
        return FORMULA_LIKE.test(value) ? styles.withNumberFormatId(current, 49) : current;
      },
    });
    sheetTexts.delete(path);
    putCompressed(path, pieces);
  }
}
