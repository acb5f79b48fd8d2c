/**
 * Values typed into cells of a user's worksheet part, as text edits of its XML: the part may be
 * tens of MB, so no DOM is built. Rows before the first edited row are only skipped over (their
 * open tags read for the row number); the text after the last edited row is copied as one slice.
 * Rows and cells without an `r` attribute follow the previous one, as the file format allows.
 */
import { parseRangeA1, rangeToA1, toA1, type RangePosition } from '../../../core/a1';
import { decodeXmlEntities } from '../xml-bytes';
import { PackageWriteError } from './package-error';
import { escapeXml, rootPrefix } from './xml-text';

export interface CellWrite {
  /** 0-based. */
  row: number;
  col: number;
  value: number | string;
}

export interface CellPatchContext {
  /** The tab's name, for messages. */
  sheet: string;
  /** The style index to write, given the cell's current (or inherited) style and the new value. */
  style(current: number, value: number | string): number;
}

const MAX_TEXT_LENGTH = 32767;
/** An opening tag, skipping quoted attribute values (a ">" may stand in one). */
const TAG_BODY = `(?:[^>"']|"[^"]*"|'[^']*')*`;

function attrOf(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

function withoutAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '');
}

/** "D17" → 0-based column and row (the letters and digits of a cell reference). */
function cellRef(ref: string): { row: number; col: number } | null {
  const pos = parseRangeA1(ref);
  return pos ? { row: pos.top, col: pos.left } : null;
}

/** An element found in the text: its open tag and where it ends. */
interface Element {
  start: number;
  openEnd: number;
  /** Index of "</…>" (equals openEnd when self-closing). */
  closeStart: number;
  end: number;
  openTag: string;
  selfClosing: boolean;
}

/** The next `<p:local …>` element from `from` up to `limit`, or null. */
const openTags = new Map<string, RegExp>();

function nextElement(xml: string, p: string, local: string, from: number, limit: number): Element | null {
  let open = openTags.get(p + local);
  if (!open) {
    open = new RegExp(`<${p}${local}(?=[\\s/>])${TAG_BODY}>`, 'g');
    openTags.set(p + local, open);
  }
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m || m.index >= limit) return null;
  const openEnd = m.index + m[0].length;
  if (m[0].endsWith('/>')) return { start: m.index, openEnd, closeStart: openEnd, end: openEnd, openTag: m[0], selfClosing: true };
  const close = `</${p}${local}>`;
  const closeStart = xml.indexOf(close, openEnd);
  if (closeStart < 0 || closeStart > limit) throw new Error(`unclosed <${p}${local}>`);
  return { start: m.index, openEnd, closeStart, end: closeStart + close.length, openTag: m[0], selfClosing: false };
}

/** Column styles from `<cols>` (a new cell takes its column's style, as Excel gives it). */
function columnStyles(head: string, p: string): { min: number; max: number; style: number }[] {
  const out: { min: number; max: number; style: number }[] = [];
  for (const m of head.matchAll(new RegExp(`<${p}col(?=[\\s/>])${TAG_BODY}>`, 'g'))) {
    const style = Number(attrOf(m[0], 'style') ?? 0);
    if (style > 0) out.push({ min: Number(attrOf(m[0], 'min')) - 1, max: Number(attrOf(m[0], 'max')) - 1, style });
  }
  return out;
}

/** True when a cell's content has the master of a shared formula (`<f t="shared" ref=…>`). */
function isSharedMaster(content: string, p: string): boolean {
  const f = new RegExp(`<${p}f(?=[\\s/>])${TAG_BODY}>`).exec(content);
  return f !== null && attrOf(f[0], 't') === 'shared' && attrOf(f[0], 'ref') !== undefined;
}

function cellXml(p: string, ref: string, style: number, value: number | string): string {
  const s = style > 0 ? ` s="${style}"` : '';
  if (typeof value === 'number') {
    // NaN/Infinity would make an invalid file; show Excel's own error instead.
    if (!Number.isFinite(value)) return `<${p}c r="${ref}"${s} t="e"><${p}v>#NUM!</${p}v></${p}c>`;
    return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
  }
  const text = value.length > MAX_TEXT_LENGTH ? value.slice(0, MAX_TEXT_LENGTH) : value;
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(text)}</${p}t></${p}is></${p}c>`;
}

/** The writes, last one per cell winning, sorted by row and column and grouped by row. */
function byRow(writes: readonly CellWrite[]): Map<number, CellWrite[]> {
  const last = new Map<number, CellWrite>();
  for (const w of writes) last.set(w.row * 16384 + w.col, w);
  const sorted = [...last.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const rows = new Map<number, CellWrite[]>();
  for (const w of sorted) {
    const list = rows.get(w.row);
    if (list) list.push(w);
    else rows.set(w.row, [w]);
  }
  return rows;
}

/**
 * The worksheet XML with the writes applied, in pieces (the untouched text before and after the
 * edited rows is sliced, not copied into a new string). Throws PackageWriteError for a cell that
 * is the master of a shared formula: the cells that share it would lose their formula.
 */
export function patchSheetCells(xml: string, writes: readonly CellWrite[], ctx: CellPatchContext): string[] {
  if (writes.length === 0) return [xml];
  const p = rootPrefix(xml, 'worksheet');
  const sheetData = nextElement(xml, p, 'sheetData', 0, xml.length);
  if (!sheetData) throw new PackageWriteError(`Fliken "${ctx.sheet}" saknar celldata och kan inte ändras.`);
  const colStyles = columnStyles(xml.slice(0, sheetData.start), p);
  const inheritedStyle = (col: number, rowStyle: number) => rowStyle || (colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0);
  const pending = byRow(writes);
  const rows = [...pending.keys()];
  refuseArrayFormulaCells(xml, p, pending, ctx.sheet);
  const newCell = (w: CellWrite, current: number) => cellXml(p, toA1(w.row, w.col), ctx.style(current, w.value), w.value);
  const newRow = (row: number) => `<${p}row r="${row + 1}">${pending.get(row)!.map((w) => newCell(w, inheritedStyle(w.col, 0))).join('')}</${p}row>`;

  /** The cells of an existing row with the writes of that row applied. */
  const patchRow = (content: string, row: number, rowStyle: number): string => {
    const edits = pending.get(row)!;
    let out = '';
    let copied = 0;
    let next = 0;
    let prevCol = -1;
    for (let cell = nextElement(content, p, 'c', 0, content.length); cell && next < edits.length; cell = nextElement(content, p, 'c', cell.end, content.length)) {
      const ref = attrOf(cell.openTag, 'r');
      const col = ref !== undefined ? (cellRef(ref)?.col ?? prevCol + 1) : prevCol + 1;
      prevCol = col;
      while (next < edits.length && edits[next].col < col) {
        out += content.slice(copied, cell.start) + newCell(edits[next], inheritedStyle(edits[next].col, rowStyle));
        copied = cell.start;
        next++;
      }
      if (next < edits.length && edits[next].col === col) {
        if (isSharedMaster(content.slice(cell.openEnd, cell.closeStart), p)) {
          throw new PackageWriteError(`Cellen ${toA1(row, col)} på fliken "${ctx.sheet}" har en delad formel som andra celler använder och kan inte skrivas över här.`);
        }
        const style = Number(attrOf(cell.openTag, 's') ?? 0) || 0;
        out += content.slice(copied, cell.start) + newCell(edits[next], style);
        copied = cell.end;
        next++;
      }
    }
    let rest = '';
    for (; next < edits.length; next++) rest += newCell(edits[next], inheritedStyle(edits[next].col, rowStyle));
    // The new cells go after the last cell, before anything else in the row (an extLst).
    const tail = content.slice(copied);
    const ext = tail.search(new RegExp(`<${p}extLst[\\s>]`));
    if (ext < 0) return out + tail + rest;
    return out + tail.slice(0, ext) + rest + tail.slice(ext);
  };

  const pieces: string[] = [];
  let copied = sheetData.openEnd;
  pieces.push(withDimension(xml.slice(0, sheetData.openEnd), p, rows, pending));
  if (sheetData.selfClosing) {
    pieces[0] = pieces[0].replace(/\s*\/>$/, '>');
    return [...pieces, rows.map(newRow).join(''), `</${p}sheetData>`, xml.slice(sheetData.end)];
  }
  let r = 0;
  let prevRow = -1;
  for (let row = nextElement(xml, p, 'row', sheetData.openEnd, sheetData.closeStart); row && r < rows.length; row = nextElement(xml, p, 'row', row.end, sheetData.closeStart)) {
    const ref = attrOf(row.openTag, 'r');
    const index = ref !== undefined && /^\d+$/.test(ref) ? Number(ref) - 1 : prevRow + 1;
    prevRow = index;
    let inserted = '';
    while (r < rows.length && rows[r] < index) inserted += newRow(rows[r++]);
    if (inserted) {
      pieces.push(xml.slice(copied, row.start), inserted);
      copied = row.start;
    }
    if (r < rows.length && rows[r] === index) {
      // "spans" is an optional hint of the row's columns; a new cell could fall outside it.
      let open = withoutAttr(row.openTag, 'spans');
      const rowStyle = attrOf(open, 'customFormat') === '1' || attrOf(open, 'customFormat') === 'true' ? Number(attrOf(open, 's') ?? 0) || 0 : 0;
      if (row.selfClosing) open = open.replace(/\s*\/>$/, '>');
      const content = row.selfClosing ? '' : xml.slice(row.openEnd, row.closeStart);
      pieces.push(xml.slice(copied, row.start), open, patchRow(content, index, rowStyle), `</${p}row>`);
      copied = row.end;
      r++;
    }
  }
  if (r < rows.length) {
    pieces.push(xml.slice(copied, sheetData.closeStart), rows.slice(r).map(newRow).join(''));
    copied = sheetData.closeStart;
  }
  pieces.push(xml.slice(copied));
  return pieces;
}

/**
 * A value in a cell of a multi-cell array formula (or data table) would leave the formula's range
 * with a cell that is not its own, which Excel repairs away; refused like a shared formula's master.
 */
function refuseArrayFormulaCells(xml: string, p: string, pending: Map<number, CellWrite[]>, sheet: string): void {
  if (!xml.includes('"array"') && !xml.includes('"dataTable"') && !xml.includes("'array'") && !xml.includes("'dataTable'")) return;
  const tag = new RegExp(`<${p}f\\s${TAG_BODY}>`, 'g');
  for (const m of xml.matchAll(tag)) {
    const t = attrOf(m[0], 't');
    if (t !== 'array' && t !== 'dataTable') continue;
    const range = parseRangeA1(attrOf(m[0], 'ref') ?? '');
    if (!range || (range.top === range.bottom && range.left === range.right)) continue;
    for (const [row, list] of pending) {
      const hit = row >= range.top && row <= range.bottom ? list.find((w) => w.col >= range.left && w.col <= range.right) : undefined;
      if (hit) throw new PackageWriteError(`Cellen ${toA1(hit.row, hit.col)} på fliken "${sheet}" ingår i en matrisformel (${rangeToA1(range)}) och kan inte skrivas över här.`);
    }
  }
}

/** The `<dimension>` widened to hold the written cells (it is the used range Excel shows first). */
function withDimension(head: string, p: string, rows: number[], pending: Map<number, CellWrite[]>): string {
  const dim = new RegExp(`<${p}dimension(?=[\\s/>])${TAG_BODY}>`).exec(head);
  if (!dim) return head;
  const current = parseRangeA1(attrOf(dim[0], 'ref') ?? '');
  if (!current) return head.slice(0, dim.index) + head.slice(dim.index + dim[0].length);
  const area: RangePosition = { ...current };
  for (const row of rows) {
    for (const w of pending.get(row)!) {
      area.top = Math.min(area.top, w.row);
      area.bottom = Math.max(area.bottom, w.row);
      area.left = Math.min(area.left, w.col);
      area.right = Math.max(area.right, w.col);
    }
  }
  if (area.top === current.top && area.bottom === current.bottom && area.left === current.left && area.right === current.right) return head;
  const tag = dim[0].replace(/(\sref\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${rangeToA1(area)}"`);
  return head.slice(0, dim.index) + tag + head.slice(dim.index + dim[0].length);
}

/** A cell's value as text (the table header's name), and whether it is text at all. */
export interface CellText {
  text: string;
  isText: boolean;
}

/** The text of cells of one row (missing cells are absent from the map). */
export function readRowTexts(xml: string, row: number, sharedString: (index: number) => string): Map<number, CellText> {
  const out = new Map<number, CellText>();
  const p = rootPrefix(xml, 'worksheet');
  const sheetData = nextElement(xml, p, 'sheetData', 0, xml.length);
  if (!sheetData || sheetData.selfClosing) return out;
  let prevRow = -1;
  for (let r = nextElement(xml, p, 'row', sheetData.openEnd, sheetData.closeStart); r; r = nextElement(xml, p, 'row', r.end, sheetData.closeStart)) {
    const ref = attrOf(r.openTag, 'r');
    const index = ref !== undefined && /^\d+$/.test(ref) ? Number(ref) - 1 : prevRow + 1;
    prevRow = index;
    if (index < row) continue;
    if (index > row || r.selfClosing) break;
    const content = xml.slice(r.openEnd, r.closeStart);
    let prevCol = -1;
    for (let c = nextElement(content, p, 'c', 0, content.length); c; c = nextElement(content, p, 'c', c.end, content.length)) {
      const cref = attrOf(c.openTag, 'r');
      const col = cref !== undefined ? (cellRef(cref)?.col ?? prevCol + 1) : prevCol + 1;
      prevCol = col;
      out.set(col, cellText(c.openTag, c.selfClosing ? '' : content.slice(c.openEnd, c.closeStart), p, sharedString));
    }
    break;
  }
  return out;
}

function cellText(openTag: string, content: string, p: string, sharedString: (index: number) => string): CellText {
  const t = attrOf(openTag, 't') ?? 'n';
  if (t === 'inlineStr') {
    const body = content.replace(new RegExp(`<${p}rPh[\\s>][\\s\\S]*?</${p}rPh>`, 'g'), '');
    let text = '';
    for (const m of body.matchAll(new RegExp(`<${p}t(?:\\s[^>]*)?>([\\s\\S]*?)</${p}t>`, 'g'))) text += decodeXmlEntities(m[1]);
    return { text, isText: true };
  }
  const v = new RegExp(`<${p}v(?:\\s[^>]*)?>([\\s\\S]*?)</${p}v>`).exec(content)?.[1];
  if (v === undefined) return { text: '', isText: false };
  const value = decodeXmlEntities(v);
  if (t === 's') return { text: sharedString(Number(value)), isText: true };
  if (t === 'str') return { text: value, isText: true };
  if (t === 'b') return { text: value === '1' ? 'TRUE' : 'FALSE', isText: false };
  return { text: value, isText: false };
}
