/**
 * How the named styles, column widths and text cells of a SheetSpec become Excel formatting.
 */
import type { RangePosition } from '../../core/a1';
import { isErrorCode } from '../../core/workbook/raw';
import { STYLES, type CellStyle, type StyleName } from '../../core/workbook/styles';
import { OPERATION_OVERHEAD } from './payload';

/**
 * Column width in characters → points. Excel's width unit is the width of a digit of the default
 * font (Calibri 11: 7 px) plus 5 px of padding; a pixel is 0.75 pt.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

const DATE_LIKE = /^\s*(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-zåäö]*\.?[\s./-]*\d/i;

/**
 * True for text Excel would not keep as typed when written through `values`: a leading = + - @
 * makes a formula (formula injection), and numbers, dates, booleans and error codes are converted.
 * Such text gets the text number format "@" first, so it stays exactly the user's text.
 */
export function needsTextFormat(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charCodeAt(0);
  // = + - @, and ' (Excel's own "this is text" prefix, which it would swallow)
  if (first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40 || first === 0x27) return true;
  const trimmed = text.trim();
  if (/^[(]?[\d.,]/.test(trimmed) && /\d/.test(trimmed)) return true;
  if (/^(true|false|sant|falskt)$/i.test(trimmed)) return true;
  if (isErrorCode(trimmed)) return true;
  return DATE_LIKE.test(trimmed);
}

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

/** The borders a style needs on a block: every cell of the block gets the style's border. */
function bordersFor(style: CellStyle, rect: RangePosition): { edges: Edge[]; line: 'Continuous' | 'Double' } | null {
  const manyRows = rect.bottom > rect.top;
  const manyColumns = rect.right > rect.left;
  switch (style.border) {
    case 'thin-bottom':
      return { edges: manyRows ? ['EdgeBottom', 'InsideHorizontal'] : ['EdgeBottom'], line: 'Continuous' };
    case 'double-top':
      return { edges: manyRows ? ['EdgeTop', 'InsideHorizontal'] : ['EdgeTop'], line: 'Double' };
    case 'thin-box': {
      const edges: Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
      if (manyRows) edges.push('InsideHorizontal');
      if (manyColumns) edges.push('InsideVertical');
      return { edges, line: 'Continuous' };
    }
    default:
      return null;
  }
}

/** Queues a named style on one block; returns an estimate of the request bytes it added. */
export function queueStyle(range: Excel.Range, name: StyleName, rect: RangePosition): number {
  const style = STYLES[name];
  const format = range.format;
  let operations = 1;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.underline) format.font.underline = 'Single';
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.fill) format.fill.color = style.fill;
  if (style.wrap) format.wrapText = true;
  if (style.horizontalAlignment) {
    const map = { left: 'Left', center: 'Center', right: 'Right' } as const;
    format.horizontalAlignment = map[style.horizontalAlignment];
  }
  // Cells are locked by default; only input cells are opened for a protected tab.
  if (!style.locked) format.protection.locked = false;
  operations += Object.keys(style).length;
  const borders = bordersFor(style, rect);
  if (borders) {
    for (const edge of borders.edges) {
      const border = format.borders.getItem(edge);
      border.style = borders.line;
      if (borders.line === 'Continuous') border.weight = 'Thin';
      operations += 3;
    }
  }
  return operations * OPERATION_OVERHEAD;
}
