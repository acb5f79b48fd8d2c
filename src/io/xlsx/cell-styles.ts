/**
 * Named styles (core/workbook/styles.ts) as ExcelJS style objects. Each combination is built once
 * and the same object is given to every cell that uses it: ExcelJS then writes one cell format for
 * all of them (it caches style ids by object identity). Never mutate a returned object.
 */
import type { Borders, Fill, Font, Style } from 'exceljs';
import { STYLES, type CellStyle, type StyleName } from '../../core/workbook/styles';

/** Font of every written cell unless its style says otherwise (Excel's long-time default). */
const BASE_FONT: Partial<Font> = { name: 'Calibri', size: 11, family: 2 };

export function argb(hex: string): string {
  const clean = hex.replace(/^#/, '').toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(clean)) throw new RangeError(`not a #RRGGBB colour: ${hex}`);
  return `FF${clean}`;
}

function font(style: CellStyle): Partial<Font> {
  const f: Partial<Font> = { ...BASE_FONT };
  if (style.fontSize) f.size = style.fontSize;
  if (style.bold) f.bold = true;
  if (style.italic) f.italic = true;
  if (style.underline) f.underline = true;
  if (style.fontColor) f.color = { argb: argb(style.fontColor) };
  return f;
}

function fill(hex: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) }, bgColor: { argb: argb(hex) } };
}

function border(kind: NonNullable<CellStyle['border']>): Partial<Borders> {
  switch (kind) {
    case 'thin-bottom':
      return { bottom: { style: 'thin' } };
    case 'thin-box':
      return { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    case 'double-top':
      return { top: { style: 'double' } };
  }
}

function build(name: StyleName | undefined, numFmt: string | undefined): Partial<Style> {
  const style: Partial<Style> = {};
  if (numFmt) style.numFmt = numFmt;
  if (!name) return style;
  const named = STYLES[name];
  style.font = font(named);
  if (named.fill) style.fill = fill(named.fill);
  if (named.border) style.border = border(named.border);
  if (named.wrap || named.horizontalAlignment) {
    style.alignment = {
      ...(named.horizontalAlignment ? { horizontal: named.horizontalAlignment } : {}),
      ...(named.wrap ? { wrapText: true, vertical: 'top' as const } : {}),
    };
  }
  // Cells are locked by default in Excel; only input cells are unlocked.
  if (!named.locked) style.protection = { locked: false };
  return style;
}

export type StyleLookup = (name: StyleName | undefined, numFmt: string | undefined) => Partial<Style> | null;

/**
 * A cache of shared styles for one write. Per write, not per module: ExcelJS style setters mutate
 * a cell's style object in place (cell.numFmt = …), so sharing across workbooks would leak edits.
 */
export function createStyleLookup(): StyleLookup {
  const cache = new Map<string, Partial<Style>>();
  return (name, numFmt) => {
    if (!name && !numFmt) return null;
    const key = `${name ?? ''}\u0000${numFmt ?? ''}`;
    let style = cache.get(key);
    if (!style) {
      style = build(name, numFmt);
      cache.set(key, style);
    }
    return style;
  };
}

/** The differential format of conditional-format rules (the 'warning' look). */
export function warningDxf(): Partial<Style> {
  const w = STYLES.warning;
  return {
    font: { bold: !!w.bold, color: { argb: argb(w.fontColor ?? '#9C0006') } },
    fill: fill(w.fill ?? '#FFC7CE'),
  };
}
