/**
 * Budgetkoll's named styles (core/workbook/styles.ts) added to the input's styles.xml: fonts,
 * fills, borders, number formats and cell formats are appended after the existing ones, so every
 * index the input's sheets use stays valid, and each style/number-format combination gets one
 * cell format (xf) for all cells that use it. The conditional formats' look is one dxf.
 * Looks match cell-styles.ts (the ExcelJS writer), so both writers' tabs look the same.
 */
import { STYLES, type CellStyle, type StyleName } from '../../../core/workbook/styles';
import { countElements, escapeXml, findSection, rootPrefix, withAttribute } from './xml-text';

export interface StyleBook {
  /** The cell format index for a named style and number format; 0 (the default) when neither is given. */
  xfIndex(name: StyleName | undefined, numberFormat: string | undefined): number;
  /** The differential format of the 'warning' conditional format. */
  warningDxfId(): number;
  /** True when cell format `xf` (existing or added) shows text as typed: number format "@". */
  isTextFormat(xf: number): boolean;
  /** A cell format like `xf` but with number format `numFmtId` (appended once per pair; `xf` itself when it already has it). */
  withNumberFormatId(xf: number, numFmtId: number): number;
  /** True when any format was added (styles.xml must be rewritten). */
  changed(): boolean;
  /** The edited styles.xml. */
  xml(): string;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** styles.xml of a new package: Excel's defaults (Calibri 11, the two required fills). */
export const MINIMAL_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

/** CT_Stylesheet's order: a missing section is inserted before the first later one present. */
const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** Number formats Excel knows by id without a numFmt element. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };
const FIRST_CUSTOM_FORMAT = 164;

function rgb(hex: string): string {
  const clean = hex.replace(/^#/, '').toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(clean)) throw new RangeError(`not a #RRGGBB colour: ${hex}`);
  return `FF${clean}`;
}

function fontXml(p: string, style: CellStyle): string {
  return (
    `<${p}font>` +
    (style.bold ? `<${p}b/>` : '') +
    (style.italic ? `<${p}i/>` : '') +
    (style.underline ? `<${p}u/>` : '') +
    `<${p}sz val="${style.fontSize ?? 11}"/>` +
    (style.fontColor ? `<${p}color rgb="${rgb(style.fontColor)}"/>` : '') +
    `<${p}name val="Calibri"/><${p}family val="2"/></${p}font>`
  );
}

function fillXml(p: string, hex: string): string {
  const c = rgb(hex);
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${c}"/><${p}bgColor rgb="${c}"/></${p}patternFill></${p}fill>`;
}

function borderXml(p: string, kind: NonNullable<CellStyle['border']>): string {
  const side = (name: string, style: string | null) => (style ? `<${p}${name} style="${style}"/>` : `<${p}${name}/>`);
  const box = kind === 'thin-box' ? 'thin' : null;
  return (
    `<${p}border>` +
    side('left', box) +
    side('right', box) +
    side('top', kind === 'double-top' ? 'double' : box) +
    side('bottom', kind === 'thin-bottom' || kind === 'thin-box' ? 'thin' : null) +
    `<${p}diagonal/></${p}border>`
  );
}

/** One kind of list (fonts, fills, …): existing count plus the elements appended, deduplicated. */
class AppendList {
  readonly added: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(readonly existing: number) {}
  add(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.existing + this.added.length;
      this.added.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
}

export function createStyleBook(stylesXml: string | null): StyleBook {
  const source = stylesXml ?? MINIMAL_STYLES_XML;
  const p = rootPrefix(source, 'styleSheet');
  const children = (local: string, child: string): number => {
    const s = findSection(source, p, local);
    return s && !s.selfClosing ? countElements(source.slice(s.openEnd, s.closeStart), p, child) : 0;
  };
  const fonts = new AppendList(children('fonts', 'font'));
  const fills = new AppendList(children('fills', 'fill'));
  const borders = new AppendList(children('borders', 'border'));
  const xfs = new AppendList(children('cellXfs', 'xf'));
  const dxfs = new AppendList(children('dxfs', 'dxf'));
  if (fonts.existing === 0 || xfs.existing === 0) throw new Error('styles.xml without fonts or cell formats');

  // Existing custom number formats: reuse a code that is there, and never reuse an id.
  const formatIds = new Map<string, number>(Object.entries(BUILT_IN_FORMATS));
  let nextFormatId = FIRST_CUSTOM_FORMAT;
  const textFormatIds = new Set<number>([49]);
  const numFmts = findSection(source, p, 'numFmts');
  if (numFmts && !numFmts.selfClosing) {
    const tag = new RegExp(`<${p}numFmt\\s[^>]*>`, 'g');
    for (const m of source.slice(numFmts.openEnd, numFmts.closeStart).match(tag) ?? []) {
      const id = Number(/numFmtId\s*=\s*"(\d+)"/.exec(m)?.[1]);
      const code = /formatCode\s*=\s*"([^"]*)"/.exec(m)?.[1];
      if (!Number.isFinite(id)) continue;
      nextFormatId = Math.max(nextFormatId, id + 1);
      const decoded = code?.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
      if (decoded !== undefined && !formatIds.has(decoded)) formatIds.set(decoded, id);
      if (decoded === '@') textFormatIds.add(id);
    }
  }
  const addedFormats: string[] = [];
  const formatId = (code: string): number => {
    let id = formatIds.get(code);
    if (id === undefined) {
      id = nextFormatId++;
      formatIds.set(code, id);
      addedFormats.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    return id;
  };

  const xfCache = new Map<string, number>();
  const xfIndex = (name: StyleName | undefined, numberFormat: string | undefined): number => {
    if (!name && !numberFormat) return 0;
    const key = `${name ?? ''}\u0000${numberFormat ?? ''}`;
    const cached = xfCache.get(key);
    if (cached !== undefined) return cached;
    const numFmtId = numberFormat ? formatId(numberFormat) : 0;
    let attrs = `numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0"`;
    let inner = '';
    if (numberFormat) attrs += ' applyNumberFormat="1"';
    if (name) {
      const style = STYLES[name];
      const fontId = fonts.add(fontXml(p, style));
      const fillId = style.fill ? fills.add(fillXml(p, style.fill)) : 0;
      const borderId = style.border ? borders.add(borderXml(p, style.border)) : 0;
      attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
      if (numberFormat) attrs += ' applyNumberFormat="1"';
      attrs += ' applyFont="1"';
      if (style.fill) attrs += ' applyFill="1"';
      if (style.border) attrs += ' applyBorder="1"';
      if (style.wrap || style.horizontalAlignment) {
        attrs += ' applyAlignment="1"';
        inner += `<${p}alignment${style.horizontalAlignment ? ` horizontal="${style.horizontalAlignment}"` : ''}${style.wrap ? ' wrapText="1"' : ''}/>`;
      }
      // Cells are locked by default in Excel; only input cells are unlocked.
      if (!style.locked) {
        attrs += ' applyProtection="1"';
        inner += `<${p}protection locked="0"/>`;
      }
    }
    const index = xfs.add(inner ? `<${p}xf ${attrs}>${inner}</${p}xf>` : `<${p}xf ${attrs}/>`);
    xfCache.set(key, index);
    return index;
  };

  let warning: number | undefined;
  const warningDxfId = (): number => {
    if (warning === undefined) {
      const w = STYLES.warning;
      const c = rgb(w.fill ?? '#FFC7CE');
      warning = dxfs.add(
        `<${p}dxf><${p}font>${w.bold ? `<${p}b/>` : ''}<${p}color rgb="${rgb(w.fontColor ?? '#9C0006')}"/></${p}font>` +
          `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${c}"/><${p}bgColor rgb="${c}"/></${p}patternFill></${p}fill></${p}dxf>`,
      );
    }
    return warning;
  };

  // The input's cell formats, split only when a typed value needs one of them (cellEdits).
  let existingXfs: string[] | null = null;
  const xfXml = (xf: number): string | undefined => {
    if (xf >= xfs.existing) return xfs.added[xf - xfs.existing];
    if (!existingXfs) {
      const section = findSection(source, p, 'cellXfs');
      const body = section && !section.selfClosing ? source.slice(section.openEnd, section.closeStart) : '';
      existingXfs = body.match(new RegExp(`<${p}xf(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}xf>)`, 'g')) ?? [];
    }
    return existingXfs[xf];
  };
  const numFmtIdOf = (xml: string) => Number(/\snumFmtId\s*=\s*"(\d+)"/.exec(xml)?.[1] ?? 0);
  const isTextFormat = (xf: number): boolean => {
    const xml = xfXml(xf);
    if (xml === undefined) return false;
    return textFormatIds.has(numFmtIdOf(xml));
  };
  const withNumberFormatId = (xf: number, numFmtId: number): number => {
    const xml = xfXml(xf) ?? xfXml(0)!;
    if (numFmtIdOf(xml) === numFmtId && xfXml(xf) !== undefined) return xf;
    const open = xml.slice(0, xml.indexOf('>') + 1);
    let tag = withAttribute(open, 'numFmtId', String(numFmtId));
    tag = withAttribute(tag, 'applyNumberFormat', '1');
    return xfs.add(tag + xml.slice(open.length));
  };

  const changed = () => [fonts, fills, borders, xfs, dxfs].some((l) => l.added.length > 0) || addedFormats.length > 0;

  const xml = (): string => {
    let out = source;
    const append = (local: string, items: string[], total: number) => {
      if (items.length === 0) return;
      const s = findSection(out, p, local);
      if (s) {
        const open = withAttribute(s.selfClosing ? s.openTag.replace(/\s*\/>$/, '>') : s.openTag, 'count', String(total));
        const body = s.selfClosing ? '' : out.slice(s.openEnd, s.closeStart);
        out = `${out.slice(0, s.start)}${open}${body}${items.join('')}</${p}${local}>${out.slice(s.end)}`;
        return;
      }
      const element = `<${p}${local} count="${total}">${items.join('')}</${p}${local}>`;
      const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(local) + 1)
        .map((name) => findSection(out, p, name))
        .find((found) => found !== null);
      const at = later ? later.start : out.lastIndexOf(`</${p}styleSheet>`);
      out = out.slice(0, at) + element + out.slice(at);
    };
    const existingFormats = numFmts && !numFmts.selfClosing ? countElements(source.slice(numFmts.openEnd, numFmts.closeStart), p, 'numFmt') : 0;
    append('numFmts', addedFormats, existingFormats + addedFormats.length);
    for (const [local, list] of [['fonts', fonts], ['fills', fills], ['borders', borders], ['cellXfs', xfs], ['dxfs', dxfs]] as const) {
      append(local, list.added, list.existing + list.added.length);
    }
    return out;
  };

  return { xfIndex, warningDxfId, isTextFormat, withNumberFormatId, changed, xml };
}
