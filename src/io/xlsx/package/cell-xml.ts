/** One SpecCell as a <c> element of a worksheet part (sheet-xml.ts). */
import type { SpecCell, SpecValue } from '../../../core/workbook/sheet-spec';
import { formulaOfCell } from '../../../core/workbook/r1c1';
import { NUMBER_FORMATS } from '../../../core/workbook/styles';
import { isBalancedFormula, toFileFormula } from '../formula-text';
import { internalLinkTarget } from '../write-sheet';
import type { StyleBook } from './styles-part';
import { escapeXml } from './xml-text';

const MAX_TEXT_LENGTH = 32767;
/** Text that a spreadsheet would read as a formula or an operator if it were typed in. */
const FORMULA_LIKE = /^[=+\-@]/;
const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);

function textElement(text: string): string {
  const clipped = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  const preserve = /^\s|\s$/.test(clipped) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${escapeXml(clipped)}</t>`;
}

/** The cached value of a formula cell: type attribute and <v>, or nothing when there is none. */
function cachedResult(value: SpecValue | undefined): { type: string; v: string } {
  if (value === undefined || value === null) return { type: '', v: '' };
  if (typeof value === 'number') return Number.isFinite(value) ? { type: '', v: `<v>${value}</v>` } : { type: '', v: '' };
  if (typeof value === 'boolean') return { type: ' t="b"', v: `<v>${value ? 1 : 0}</v>` };
  if (ERROR_VALUES.has(value)) return { type: ' t="e"', v: `<v>${value}</v>` };
  return { type: ' t="str"', v: `<v>${escapeXml(value.length > MAX_TEXT_LENGTH ? value.slice(0, MAX_TEXT_LENGTH) : value)}</v>` };
}

export interface CellOutcome {
  xml: string;
  hyperlink: string | null;
}

/** The cell's XML ('' for an empty cell without a style) and its hyperlink element, if any. */
/** What a cell needs of its sheet (sheet-xml.ts SheetXmlContext has it). */
export interface CellXmlContext {
  /** The tab's final name (internal links resolve against it). */
  finalName: string;
  styles: StyleBook;
}

export function cellXml(ref: string, cell: SpecCell, row: number, col: number, ctx: CellXmlContext): CellOutcome {
  let numberFormat = cell.numberFormat;
  let body: string;
  let type = '';
  let hyperlink: string | null = null;
  const formula = formulaOfCell(cell, row, col);
  if (formula !== undefined) {
    if (!isBalancedFormula(formula)) throw new Error(`unbalanced formula at ${ref}: ${formula}`);
    const result = cachedResult(cell.value);
    type = result.type;
    body = `<f>${escapeXml(toFileFormula(formula))}</f>${result.v}`;
  } else if (cell.link !== undefined) {
    const text = cell.value === null || cell.value === undefined ? cell.link : String(cell.value);
    type = ' t="inlineStr"';
    body = `<is>${textElement(text)}</is>`;
    const location = internalLinkTarget(cell.link, ctx.finalName).slice(1);
    hyperlink = `<hyperlink ref="${ref}" location="${escapeXml(location)}" display="${escapeXml(text.slice(0, 255))}"/>`;
  } else {
    const value = cell.value;
    if (typeof value === 'string') {
      type = ' t="inlineStr"';
      body = `<is>${textElement(value)}</is>`;
      // The "@" format keeps the cell text when a user later edits it in Excel.
      if (FORMULA_LIKE.test(value)) numberFormat = NUMBER_FORMATS.text;
    } else if (typeof value === 'number') {
      // NaN/Infinity would make an invalid file; show Excel's own error instead.
      if (Number.isFinite(value)) body = `<v>${value}</v>`;
      else {
        type = ' t="e"';
        body = '<v>#NUM!</v>';
      }
    } else if (typeof value === 'boolean') {
      type = ' t="b"';
      body = `<v>${value ? 1 : 0}</v>`;
    } else {
      body = '';
    }
  }
  const xf = ctx.styles.xfIndex(cell.style, numberFormat);
  const s = xf > 0 ? ` s="${xf}"` : '';
  if (body === '') return { xml: s ? `<c r="${ref}"${s}/>` : '', hyperlink };
  return { xml: `<c r="${ref}"${s}${type}>${body}</c>`, hyperlink };
}
