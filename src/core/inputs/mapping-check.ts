/**
 * A mapping against a workbook: what to read for a mapped input (`mappedReadRange`, and the
 * `InputSource` recognition takes), and whether the mapping still fits (`checkMapping` from the
 * index, `checkMappedHeaders` from the header row read). A mapping that no longer fits — the sheet
 * or table renamed, a column outside the sheet, a header that changed — is an issue naming the key
 * and the cell, for a finding with a "Koppla om" action; it is never read silently.
 */
import { parseRangeA1, toA1 } from '../a1';
import type { InputSource } from './input-source';
import { parseHeader } from '../recognition/headers';
import { decodeMarker } from '../workbook/marker';
import { gridValue, type RawGrid, type ReadRange, type SheetInfo, type TableInfo, type WorkbookIndex } from '../workbook/raw';
import { editDistance, foldText } from '../text/normalize';
import { letterColumn, mappedColumnIndexes, mappedInputDef, type InputMapping, type Mapping } from './mapping';

/** A mapping that does not fit the workbook: where, and what, in Swedish and English. */
export interface MappingIssue {
  /** The input's name ("Driftbudget"). */
  input: string;
  /** Key path in the mapping ("inputs.Driftbudget.columns.2027"). */
  key: string;
  severity: 'error' | 'warning';
  /** Sheet and A1 cell to show (the mapped sheet, else the input's name and A1). */
  sheet: string;
  cell: string;
  sv: string;
  en: string;
}

const RECONNECT_SV = 'Koppla om indatat.';
const RECONNECT_EN = 'Map the input again.';

function tableOf(index: WorkbookIndex, name: string): TableInfo | undefined {
  return index.tables.find((t) => t.name === name) ?? index.tables.find((t) => foldText(t.name) === foldText(name));
}

function similarSheets(index: WorkbookIndex, name: string): string[] {
  const folded = foldText(name);
  return index.sheets.map((s) => s.name).filter((n) => editDistance(foldText(n), folded) <= Math.max(2, Math.floor(folded.length / 4)));
}

/** Where a mapped input is: its sheet, header row (0-based) and column span, or null when gone. */
export function mappedPlace(m: InputMapping, index: WorkbookIndex): { sheet: SheetInfo | undefined; table?: TableInfo; top: number; bottom: number; left: number; right: number } | null {
  if (m.table !== undefined) {
    const table = tableOf(index, m.table);
    const range = table && parseRangeA1(table.address);
    if (!table || !range) return null;
    return { sheet: index.sheets.find((s) => s.name === table.sheet), table, top: range.top, bottom: range.bottom, left: range.left, right: range.right };
  }
  const sheet = index.sheets.find((s) => s.name === m.sheet);
  const used = sheet?.usedAddress ? parseRangeA1(sheet.usedAddress) : null;
  if (!sheet || !used) return null;
  const top = (m.headerRow ?? 1) - 1;
  const cols = mappedColumnIndexes(m);
  const bottom = Math.max(top, m.lastRow != null ? m.lastRow - 1 : used.bottom);
  return { sheet, top, bottom, left: cols[0] ?? used.left, right: cols[cols.length - 1] ?? used.right };
}

/** Checks every mapped input against the workbook's index (names, sizes; no cells needed). */
export function checkMapping(mapping: Mapping, index: WorkbookIndex): MappingIssue[] {
  const issues: MappingIssue[] = [];
  for (const [name, m] of Object.entries(mapping.inputs)) {
    const def = mappedInputDef(name);
    const input = def?.name ?? name;
    const path = `inputs.${name}`;
    const issue = (key: string, sheet: string, cell: string, sv: string, en: string, severity: MappingIssue['severity'] = 'error') =>
      issues.push({ input, key, severity, sheet, cell, sv: `${sv} ${RECONNECT_SV}`, en: `${en} ${RECONNECT_EN}` });

    let sheetInfo: SheetInfo | undefined;
    let span: { left: number; right: number; top: number; bottom: number } | null = null;
    if (m.table !== undefined) {
      const table = tableOf(index, m.table);
      const range = table && parseRangeA1(table.address);
      if (!table || !range) {
        issue(`${path}.table`, input, 'A1', `${input} är kopplat till tabellen ”${m.table}”, som inte finns längre (omdöpt eller borttagen).`, `${input} is mapped to the table "${m.table}", which no longer exists (renamed or deleted).`);
        continue;
      }
      sheetInfo = index.sheets.find((s) => s.name === table.sheet);
      span = range;
    } else {
      sheetInfo = index.sheets.find((s) => s.name === m.sheet);
      const sheet = m.sheet ?? '';
      if (!sheetInfo) {
        const similar = similarSheets(index, sheet);
        const hint = similar.length > 0 ? ` Menade du ”${similar[0]}”?` : '';
        const hintEn = similar.length > 0 ? ` Did you mean "${similar[0]}"?` : '';
        issue(`${path}.sheet`, sheet, 'A1', `${input} är kopplat till fliken ”${sheet}”, som inte finns längre (omdöpt eller borttagen).${hint}`, `${input} is mapped to the sheet "${sheet}", which no longer exists (renamed or deleted).${hintEn}`);
        continue;
      }
      const used = sheetInfo.usedAddress ? parseRangeA1(sheetInfo.usedAddress) : null;
      if (!used) {
        issue(`${path}.sheet`, sheet, 'A1', `Fliken ”${sheet}” som ${input} är kopplat till är tom.`, `The sheet "${sheet}" that ${input} is mapped to is empty.`);
        continue;
      }
      const headerRow = (m.headerRow ?? 1) - 1;
      if (headerRow < used.top || headerRow > used.bottom) {
        issue(`${path}.headerRow`, sheet, toA1(headerRow, used.left), `Rubrikraden ${headerRow + 1} för ${input} ligger utanför det som är ifyllt på fliken ”${sheet}” (${sheetInfo.usedAddress}).`, `The header row ${headerRow + 1} of ${input} is outside the filled area of the sheet "${sheet}" (${sheetInfo.usedAddress}).`);
        continue;
      }
      span = used;
    }
    const sheetName = sheetInfo?.name ?? input;
    if (sheetInfo && decodeMarker(sheetInfo.firstCellText) !== null) {
      issue(`${path}`, sheetName, 'A1', `${input} är kopplat till ”${sheetName}”, en flik som Budgetkoll själv har skapat; den läses aldrig som indata.`, `${input} is mapped to "${sheetName}", a sheet Budgetkoll created itself; it is never read as input.`);
      continue;
    }
    const where = m.table !== undefined ? `tabellen ”${m.table}”` : `det ifyllda området på fliken ”${sheetName}”`;
    const whereEn = m.table !== undefined ? `the table "${m.table}"` : `the filled area of the sheet "${sheetName}"`;
    const headerRow = m.table !== undefined ? span.top : (m.headerRow ?? 1) - 1;
    const letters = [...Object.entries(m.columns).map(([key, letter]) => ({ key: `${path}.columns.${key}`, label: key, letter })), ...(m.subtotals ? [{ key: `${path}.subtotals.column`, label: 'summarader', letter: m.subtotals.column }] : [])];
    for (const { key, label, letter } of letters) {
      const col = letterColumn(letter);
      if (col >= span.left && col <= span.right) continue;
      issue(key, sheetName, toA1(headerRow, Math.max(0, col)), `Kolumn ${letter} (${label}) ligger utanför ${where}.`, `Column ${letter} (${label}) is outside ${whereEn}.`);
    }
  }
  return issues;
}

/** Two header texts that mean the same column: same words, year and unit (case, space, å/ä/ö aside). */
function sameHeader(a: unknown, b: unknown): boolean {
  const pa = parseHeader(a);
  const pb = parseHeader(b);
  if (!pa || !pb) return pa === pb;
  return pa.words === pb.words && pa.year === pb.year && pa.unit === pb.unit;
}

/**
 * Compares the header row as read now with the header texts seen when the mapping was made
 * (`seen`): a column that moved or was replaced shows another header. `grid` must hold the header
 * row (the grid read by mappedReadRange does).
 */
export function checkMappedHeaders(inputName: string, m: InputMapping, grid: RawGrid): MappingIssue[] {
  const def = mappedInputDef(inputName);
  const input = def?.name ?? inputName;
  const headerRow = m.table !== undefined ? grid.top : (m.headerRow ?? 1) - 1;
  const issues: MappingIssue[] = [];
  // In sheet order (year keys such as "2027" would otherwise come first in an object).
  const seenColumns = Object.entries(m.seen ?? {})
    .map(([key, seen]) => ({ key, seen, letter: m.columns[key], col: m.columns[key] === undefined ? -1 : letterColumn(m.columns[key]) }))
    .filter((x) => x.col >= 0)
    .sort((a, b) => a.col - b.col);
  for (const { key, seen, letter, col } of seenColumns) {
    const now = gridValue(grid, headerRow, col);
    if (sameHeader(seen, now)) continue;
    const nowText = typeof now === 'string' || typeof now === 'number' ? String(now).trim() : '';
    const nowSv = nowText ? `står det ”${nowText}”` : 'är rubriken tom';
    const nowEn = nowText ? `it reads "${nowText}"` : 'the header is empty';
    issues.push({
      input,
      key: `inputs.${inputName}.columns.${key}`,
      severity: 'error',
      sheet: grid.sheet,
      cell: toA1(headerRow, col),
      sv: `${input}: kolumn ${letter} (${key}) hade rubriken ”${seen}” när indatat kopplades, nu ${nowSv}. Har kolumnen flyttats? ${RECONNECT_SV}`,
      en: `${input}: column ${letter} (${key}) had the header "${seen}" when the input was mapped; now ${nowEn}. Has the column moved? ${RECONNECT_EN}`,
    });
  }
  return issues;
}

/** The read id of a mapped input's grid. */
export function mappedReadId(inputName: string): string {
  const def = mappedInputDef(inputName);
  return `${def?.id ?? inputName}#mapped`;
}

/**
 * What to read for a mapped input: from the header row to `lastRow` (or the sheet's used bottom),
 * over the mapped columns; a table's whole range. Nothing when the sheet or table is gone
 * (checkMapping says so).
 */
export function mappedReadRange(inputName: string, m: InputMapping, index: WorkbookIndex, options: { formulas?: boolean } = {}): ReadRange[] {
  const def = mappedInputDef(inputName);
  const place = mappedPlace(m, index);
  if (!def || !place || !place.sheet) return [];
  const address = place.table ? place.table.address : `${toA1(place.top, place.left)}:${toA1(place.bottom, place.right)}`;
  const numberFormats = def.id === 'parametrar' || def.id === 'personal';
  return [{ id: mappedReadId(inputName), sheet: place.sheet.name, address, formulas: options.formulas ?? false, numberFormats }];
}

/** The source recognition takes for a mapped input (locate.ts's InputSource), or null when gone. */
export function mappedSource(inputName: string, m: InputMapping, index: WorkbookIndex): InputSource | null {
  const def = mappedInputDef(inputName);
  const place = mappedPlace(m, index);
  if (!def || !place || !place.sheet) return null;
  const readId = mappedReadId(inputName);
  return place.table
    ? { input: def.id, kind: 'table', name: place.table.name, sheet: place.sheet.name, readId }
    : { input: def.id, kind: 'sheet', name: place.sheet.name, sheet: place.sheet.name, readId };
}
