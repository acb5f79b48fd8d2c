/**
 * An Excel table given a new range (the STRUCT-OUTSIDE-TABLE quick fix), as an edit of its table
 * part: `ref`, the filter range, and the column list (columns kept as they were, columns gained
 * named from their header cells, columns lost removed). The rest of the part stays as it was.
 */
import { parseRangeA1, rangeToA1, type RangePosition } from '../../../core/a1';
import type { CellText, CellWrite } from './cell-patch';
import { PackageWriteError } from './package-error';
import { escapeXml, findSection, rootPrefix, withAttribute } from './xml-text';

export interface TableResizeRequest {
  sheet: string;
  table: string;
  address: string;
}

export interface ResizedTable {
  xml: string;
  /** Header cells to write: a gained column's name where the cell does not already hold it as text. */
  headerWrites: CellWrite[];
}

/** The range of a table part (its `ref`), or null. */
export function tableRange(xml: string): RangePosition | null {
  const p = rootPrefix(xml, 'table');
  const table = findSection(xml, p, 'table');
  const ref = table ? /\sref\s*=\s*["']([^"']*)["']/.exec(table.openTag)?.[1] : undefined;
  return ref ? parseRangeA1(ref.replace(/\$/g, '')) : null;
}

/** The new range, checked as Excel checks it (and as table-resize.ts checks it for the other adapters). */
export function checkedTableRange(from: RangePosition, resize: TableResizeRequest): RangePosition {
  const to = parseRangeA1(resize.address);
  if (!to || to.top !== from.top || to.bottom <= to.top || to.left > from.right || to.right < from.left) {
    throw new PackageWriteError(`Tabellen "${resize.table}" på fliken "${resize.sheet}" kan inte ändras till ${resize.address}: rubrikraden måste vara kvar (${rangeToA1(from)}).`);
  }
  return to;
}

/**
 * The table part with range `to`. `header` gives the header row's cells (column → text); a gained
 * column whose header is empty is called "KolumnN" as Excel names it, and a duplicate name gets a
 * number, and then the header cell is written with that name.
 */
export function resizedTable(xml: string, to: RangePosition, header: ReadonlyMap<number, CellText>): ResizedTable {
  const p = rootPrefix(xml, 'table');
  const table = findSection(xml, p, 'table')!;
  const from = tableRange(xml)!;
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(table.openTag)?.[1];
  // totalsRowCount says whether the last row is a totals row now (totalsRowShown only that it ever was).
  const totals = Number(attr('totalsRowCount') ?? 0) > 0;
  const hasHeader = attr('headerRowCount') !== '0';

  const columnsSection = findSection(xml, p, 'tableColumns');
  const element = new RegExp(`<${p}tableColumn(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}tableColumn>)`, 'g');
  const existing = columnsSection && !columnsSection.selfClosing ? (xml.slice(columnsSection.openEnd, columnsSection.closeStart).match(element) ?? []) : [];
  const nameOf = (column: string) => /\sname\s*=\s*"([^"]*)"/.exec(column)?.[1] ?? '';
  let nextId = existing.reduce((m, c) => Math.max(m, Number(/\sid\s*=\s*"(\d+)"/.exec(c)?.[1] ?? 0)), 0) + 1;

  const kept = (col: number) => (col >= from.left && col <= from.right ? existing[col - from.left] : undefined);
  const taken = new Set<string>();
  for (let col = to.left; col <= to.right; col++) {
    const column = kept(col);
    if (column) taken.add(decode(nameOf(column)).toLocaleLowerCase('sv-SE'));
  }
  const columns: string[] = [];
  const headerWrites: CellWrite[] = [];
  for (let col = to.left; col <= to.right; col++) {
    const column = kept(col);
    if (column) {
      columns.push(column);
      continue;
    }
    const cell = hasHeader ? header.get(col) : undefined;
    const raw = (cell?.text ?? '').trim();
    let name = raw;
    if (name === '') {
      let n = col - to.left + 1;
      while (taken.has(`kolumn${n}`)) n++;
      name = `Kolumn${n}`;
    } else {
      for (let n = 2; taken.has(name.toLocaleLowerCase('sv-SE')); n++) name = `${raw}${n}`;
    }
    taken.add(name.toLocaleLowerCase('sv-SE'));
    // A table's header cell holds its column's name as text; Excel repairs a file where it does not.
    if (hasHeader && (!cell || !cell.isText || cell.text !== name)) headerWrites.push({ row: to.top, col, value: name });
    columns.push(`<${p}tableColumn id="${nextId++}" name="${escapeXml(name)}"/>`);
  }

  const ref = rangeToA1(to);
  let out = xml.slice(0, table.start) + withAttribute(table.openTag, 'ref', ref) + xml.slice(table.openEnd);
  const filter = findSection(out, p, 'autoFilter');
  if (filter) {
    const filterRange = rangeToA1({ ...to, bottom: Math.max(to.top, totals ? to.bottom - 1 : to.bottom) });
    let body = filter.selfClosing ? '' : out.slice(filter.openEnd, filter.closeStart);
    // Filter criteria are by column offset from the range's left edge.
    body = body.replace(new RegExp(`<${p}filterColumn(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}filterColumn>)`, 'g'), (m) => {
      const colId = Number(/\scolId\s*=\s*"(\d+)"/.exec(m)?.[1] ?? 0) + from.left - to.left;
      return colId < 0 || colId > to.right - to.left ? '' : m.replace(/(\scolId\s*=\s*)"\d+"/, `$1"${colId}"`);
    });
    const open = withAttribute(filter.openTag, 'ref', filterRange);
    const element = body.trim() === '' ? open.replace(/\s*\/?>$/, '/>') : `${open.replace(/\s*\/>$/, '>')}${body}</${p}autoFilter>`;
    out = out.slice(0, filter.start) + element + out.slice(filter.end);
  }
  const section = findSection(out, p, 'tableColumns');
  if (section) {
    const open = withAttribute(section.selfClosing ? section.openTag.replace(/\s*\/>$/, '>') : section.openTag, 'count', String(columns.length));
    out = `${out.slice(0, section.start)}${open}${columns.join('')}</${p}tableColumns>${out.slice(section.end)}`;
  }
  return { xml: out, headerWrites };
}

function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
