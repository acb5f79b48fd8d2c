/**
 * A SheetSpec as a SpreadsheetML worksheet part: the same things write-sheet.ts (the ExcelJS
 * writer) writes, with the same limits, but as XML text built row by row, so a 200 000-row tab
 * never exists as cell objects. Text is written as inline strings (shared strings stay untouched);
 * formulas carry the core's figure as their cached value. Elements follow CT_Worksheet's order
 * (ECMA-376 Part 1, 18.3.1.99): Excel calls a file with them out of order damaged.
 */
import { columnLetters, quoteSheetName, rangeToA1, toA1, type RangePosition } from '../../../core/a1';
import type { SheetSpec, SpecCell } from '../../../core/workbook/sheet-spec';
import { mergedAreas, tableColumnNames } from '../../../core/workbook/sheet-spec';
import { NUMBER_FORMATS } from '../../../core/workbook/styles';
import { isBalancedFormula, toFileFormula } from '../formula-text';
import { cellXml, type CellXmlContext } from './cell-xml';
import { ChunkWriter } from './chunk-writer';
import { escapeXml } from './xml-text';
import { planValidations } from '../validation-plan';
import { specRange } from '../spec-range';

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetXmlContext extends CellXmlContext {
  /** A unique table name and id for a wanted name (unique across the package). */
  claimTable(wanted: string): { name: string; id: number };
}

export interface TableXml {
  name: string;
  id: number;
  /** The table part's XML. */
  xml: string;
  /** The relationship id the worksheet refers to it by ("rId1" …). */
  relId: string;
}

export interface SheetXml {
  /** The worksheet part, UTF-8, in pieces (joined, a 200 000-row sheet would be a second copy). */
  chunks: Uint8Array[];
  tables: TableXml[];
  /** Rows repeated on printed pages as a defined-name formula ("'Tab'!$3:$4"), or null. */
  printTitles: string | null;
  /** Whether any cell has a formula (the workbook then asks for a full recalculation on opening). */
  hasFormulas: boolean;
}

function overlaps(a: RangePosition, b: RangePosition): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Operator and formulas of a bounded validation, as write-sheet.ts gives them. */
/** Cells added to the spec's own: list sources in hidden columns and table header names. */
type ExtraCells = Map<number, Map<number, SpecCell>>;

function addExtra(extra: ExtraCells, row: number, col: number, cell: SpecCell): void {
  let cells = extra.get(row);
  if (!cells) extra.set(row, (cells = new Map()));
  cells.set(col, cell);
}

function validationsXml(spec: SheetSpec, extra: ExtraCells, hiddenColumns: number[]): string {
  const plan = planValidations(spec);
  for (const { col, items } of plan.listColumns) {
    items.forEach((item, i) => addExtra(extra, i, col, { value: item, style: 'text', numberFormat: NUMBER_FORMATS.text }));
    hiddenColumns.push(col);
  }
  const out = plan.validations.map((v) => {
    const operator = v.operator && v.operator !== 'between' ? ` operator="${v.operator}"` : '';
    const formulae = v.formulae.map((f, i) => `<formula${i + 1}>${escapeXml(String(f))}</formula${i + 1}>`).join('');
    return `<dataValidation type="${v.type}"${operator} allowBlank="1" showErrorMessage="1" errorTitle="${escapeXml(v.errorTitle)}" error="${escapeXml(v.error)}" sqref="${v.sqref}">${formulae}</dataValidation>`;
  });
  return out.length === 0 ? '' : `<dataValidations count="${out.length}">${out.join('')}</dataValidations>`;
}

function checkMerges(areas: RangePosition[]): void {
  const seen = new Set<number>();
  for (const a of areas) {
    for (let r = a.top; r <= a.bottom; r++) {
      for (let c = a.left; c <= a.right; c++) {
        const key = r * MAX_COLUMNS + c;
        if (seen.has(key)) throw new Error(`overlapping merges at ${toA1(r, c)}`);
        seen.add(key);
      }
    }
  }
}

/** Table column names from the spec's header cells (tableColumnNames). */
function headerNames(header: readonly (SpecCell | null)[], pos: RangePosition): string[] {
  const texts: string[] = [];
  for (let c = pos.left; c <= pos.right; c++) {
    const value = header[c]?.value;
    texts.push(value === null || value === undefined ? '' : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value));
  }
  return tableColumnNames(texts);
}

function tablesOf(spec: SheetSpec, merges: RangePosition[], extra: ExtraCells, ctx: SheetXmlContext): TableXml[] {
  return spec.tables.map((table, i) => {
    const pos = { ...specRange(table.range, 'table') };
    // Excel tables need at least one data row below the header.
    if (pos.bottom === pos.top) pos.bottom += 1;
    if (merges.some((m) => overlaps(m, pos))) throw new Error(`table ${table.name} overlaps merged cells`);
    const { name, id } = ctx.claimTable(table.name);
    const header = pos.top < spec.rows.length ? spec.rows[pos.top] : [];
    const columns = headerNames(header, pos);
    // Excel wants the header cells to hold exactly the column names, as text.
    columns.forEach((column, k) => {
      const c = pos.left + k;
      addExtra(extra, pos.top, c, { value: column, style: header[c]?.style, numberFormat: header[c]?.numberFormat });
    });
    const ref = rangeToA1(pos);
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<table xmlns="${MAIN_NS}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" totalsRowShown="0">` +
      `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">` +
      columns.map((c, k) => `<tableColumn id="${k + 1}" name="${escapeXml(c)}"/>`).join('') +
      '</tableColumns><tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>';
    return { name, id, xml, relId: `rId${i + 1}` };
  });
}

function freezeXml(freeze: SheetSpec['freeze']): string {
  if (!freeze || (freeze.rows <= 0 && freeze.columns <= 0)) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const rows = Math.max(0, freeze.rows);
  const cols = Math.max(0, freeze.columns);
  const topLeft = toA1(rows, cols);
  const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  return (
    '<sheetViews><sheetView workbookViewId="0"><pane' +
    (cols > 0 ? ` xSplit="${cols}"` : '') +
    (rows > 0 ? ` ySplit="${rows}"` : '') +
    ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

function printTitlesOf(spec: SheetSpec, finalName: string): string | null {
  if (!spec.print?.repeatRows) return null;
  const rows = spec.print.repeatRows.replace(/\$/g, '');
  const m = /^(\d+):(\d+)$/.exec(rows);
  if (!m) throw new Error(`invalid repeat rows: ${spec.print.repeatRows}`);
  return `${quoteSheetName(finalName)}!$${m[1]}:$${m[2]}`;
}

/** Writes a whole spec as a worksheet part (and its table parts). */
export function sheetXml(spec: SheetSpec, ctx: SheetXmlContext): SheetXml {
  const encoder = new TextEncoder();
  const merges = mergedAreas(spec);
  checkMerges(merges);
  const extra: ExtraCells = new Map();
  const hiddenColumns: number[] = [];
  const validations = validationsXml(spec, extra, hiddenColumns);
  const tables = tablesOf(spec, merges, extra, ctx);
  const hidden = new Set(spec.hiddenRows);

  let lastRow = spec.rows.length - 1;
  for (const r of extra.keys()) lastRow = Math.max(lastRow, r);
  for (const r of hidden) lastRow = Math.max(lastRow, r);
  if (lastRow >= MAX_ROWS) throw new Error(`too many rows for a worksheet: ${lastRow + 1}`);

  const letters: string[] = [];
  const letter = (c: number): string => {
    if (c >= MAX_COLUMNS) throw new Error(`too many columns for a worksheet: ${c + 1}`);
    return letters[c] ?? (letters[c] = columnLetters(c));
  };
  const body = new ChunkWriter();
  const hyperlinks: string[] = [];
  let maxCol = -1;
  let minCol = Number.MAX_SAFE_INTEGER;
  let firstRow = -1;
  let hasFormulas = false;
  for (let r = 0; r <= lastRow; r++) {
    const cells = r < spec.rows.length ? spec.rows[r] : [];
    const added = extra.get(r);
    const rowNumber = r + 1;
    let rowXml = '';
    const write = (c: number, cell: SpecCell) => {
      if (cell.formula !== undefined || cell.formulaR1C1 !== undefined) hasFormulas = true;
      const out = cellXml(letter(c) + rowNumber, cell, r, c, ctx);
      if (out.xml) {
        rowXml += out.xml;
        if (c > maxCol) maxCol = c;
        if (c < minCol) minCol = c;
      }
      if (out.hyperlink) hyperlinks.push(out.hyperlink);
    };
    if (added) {
      const width = Math.max(cells.length, ...added.keys()) + 1;
      for (let c = 0; c < width; c++) {
        const cell = added.get(c) ?? cells[c];
        if (cell) write(c, cell);
      }
    } else {
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (cell) write(c, cell);
      }
    }
    const isHidden = hidden.has(r);
    if (rowXml || isHidden) {
      if (firstRow < 0) firstRow = r;
      body.write(`<row r="${rowNumber}"${isHidden ? ' hidden="1"' : ''}${rowXml ? `>${rowXml}</row>` : '/>'}`);
    }
  }
  const chunks = body.finish();

  const dimension = maxCol < 0 ? 'A1' : rangeToA1({ top: firstRow, left: minCol, bottom: lastRow, right: maxCol });
  const print = spec.print;
  const sheetPr =
    spec.tabColor || print?.fitToWidth
      ? '<sheetPr>' +
        (spec.tabColor ? `<tabColor rgb="FF${spec.tabColor.replace(/^#/, '').toUpperCase()}"/>` : '') +
        (print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : '') +
        '</sheetPr>'
      : '';
  if (spec.tabColor && !/^#?[0-9A-Fa-f]{6}$/.test(spec.tabColor)) throw new RangeError(`not a #RRGGBB colour: ${spec.tabColor}`);

  const widths = new Map<number, string>();
  spec.columnWidths.forEach((width, i) => {
    if (width > 0) widths.set(i, `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`);
  });
  for (const c of hiddenColumns) widths.set(c, `<col min="${c + 1}" max="${c + 1}" width="9.140625" hidden="1"/>`);
  const cols = widths.size === 0 ? '' : `<cols>${[...widths.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]).join('')}</cols>`;

  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    sheetPr +
    `<dimension ref="${dimension}"/>` +
    freezeXml(spec.freeze) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols +
    '<sheetData>';

  let tail = '</sheetData>';
  // No password (a guard against slips, not security); the same flags as the ExcelJS writer.
  if (spec.protect) tail += '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>';
  if (merges.length > 0) tail += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeToA1(m)}"/>`).join('')}</mergeCells>`;
  spec.conditionalFormats.forEach((cf, i) => {
    if (!isBalancedFormula(cf.formula)) throw new Error(`unbalanced conditional format formula: ${cf.formula}`);
    tail +=
      `<conditionalFormatting sqref="${rangeToA1(specRange(cf.range, 'conditional format'))}">` +
      `<cfRule type="expression" dxfId="${ctx.styles.warningDxfId()}" priority="${i + 1}"><formula>${escapeXml(toFileFormula(cf.formula))}</formula></cfRule>` +
      '</conditionalFormatting>';
  });
  tail += validations;
  if (hyperlinks.length > 0) tail += `<hyperlinks>${hyperlinks.join('')}</hyperlinks>`;
  tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (print) {
    tail += `<pageSetup paperSize="9" orientation="${print.orientation}"${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
    if (print.pageNumbers) tail += '<headerFooter><oddFooter>&amp;CSida &amp;P av &amp;N</oddFooter></headerFooter>';
  }
  if (tables.length > 0) tail += `<tableParts count="${tables.length}">${tables.map((t) => `<tablePart r:id="${t.relId}"/>`).join('')}</tableParts>`;
  tail += '</worksheet>';

  return {
    chunks: [encoder.encode(head), ...chunks, encoder.encode(tail)],
    tables,
    printTitles: printTitlesOf(spec, ctx.finalName),
    hasFormulas,
  };
}
