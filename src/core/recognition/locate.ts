/**
 * Finding inputs: by Excel table name first, otherwise by a sheet with the input's name.
 * A pure function of the workbook index; it decides what the adapter reads (one read phase).
 */
import { INPUTS, inputForName, inputNames, type InputId } from '../inputs/catalogue';
import type { InputSource } from '../inputs/input-source';
import { foldName } from '../text/normalize';
import type { ReadPlan, ReadRange, SheetInfo, TableInfo, WorkbookIndex } from '../workbook/raw';
import { decodeMarker } from '../workbook/marker';
import { parseRangeA1, rangeToA1 } from '../a1';
import { describeMapping, type Mapping } from '../inputs/mapping';
import { checkMapping, mappedReadRange, mappedSource, type MappingIssue } from '../inputs/mapping-check';


/** Rows below a table read to see what was typed under it (the first fully empty row ends it). */
export const MAX_ROWS_BELOW_TABLE = 500;
/** Columns right of a table read (fewer for a long table: at most ~100 000 extra cells). */
export const MAX_COLUMNS_RIGHT_OF_TABLE = 10;
const MAX_CELLS_RIGHT_OF_TABLE = 100_000;

/**
 * The read ranges next to a table: rows below (the table's columns) and columns to the right (the
 * table's rows), bounded by the sheet's used range and the caps above. Nothing when the used range
 * ends at the table, so a tidy workbook reads exactly what it did before.
 */
function adjacentRanges(table: TableInfo, sheet: SheetInfo | undefined, readId: string) {
  const t = parseRangeA1(table.address);
  const used = sheet?.usedAddress ? parseRangeA1(sheet.usedAddress) : null;
  const ranges: ReadRange[] = [];
  const info: NonNullable<InputSource['table']> = { address: table.address };
  if (!t || !used) return { ranges, info };
  if (used.bottom > t.bottom) {
    const bottom = Math.min(used.bottom, t.bottom + MAX_ROWS_BELOW_TABLE);
    info.belowId = `${readId}+below`;
    info.belowCapped = bottom < used.bottom;
    ranges.push({ id: info.belowId, sheet: table.sheet, address: rangeToA1({ top: t.bottom + 1, left: t.left, bottom, right: t.right }), formulas: false, numberFormats: false });
  }
  if (used.right > t.right) {
    const rows = t.bottom - t.top + 1;
    const width = Math.max(1, Math.min(MAX_COLUMNS_RIGHT_OF_TABLE, Math.floor(MAX_CELLS_RIGHT_OF_TABLE / rows)));
    const right = Math.min(used.right, t.right + width);
    info.rightId = `${readId}+right`;
    info.rightCapped = right < used.right;
    ranges.push({ id: info.rightId, sheet: table.sheet, address: rangeToA1({ top: t.top, left: t.right + 1, bottom: t.bottom, right }), formulas: false, numberFormats: false });
  }
  return { ranges, info };
}

export interface InputRequest {
  inputs: readonly InputId[];
  /** Inputs whose formulas are needed (total rows' SUM ranges, tampering checks). */
  formulasFor?: readonly InputId[];
}

export interface LocatedInputs {
  plan: ReadPlan;
  /** Sources per input: the table first when there is one, then a separate sheet, if any. */
  sources: Partial<Record<InputId, InputSource[]>>;
  /**
   * A mapping's inputs that no longer fit the workbook (checkMapping), for MAP-STALE findings.
   * Such an input is not read at all — neither where the mapping says nor by its name.
   */
  mappingIssues?: MappingIssue[];
}

/**
 * Where a job's inputs are. An input the mapping names is read where the mapping says (and only
 * there); every other input is found by its name, as in the standard template.
 */
export function locateInputs(index: WorkbookIndex, request: InputRequest, mapping?: Mapping): LocatedInputs {
  const ranges: ReadRange[] = [];
  const sources: LocatedInputs['sources'] = {};
  const wanted = new Set(request.inputs);
  const withFormulas = new Set(request.formulasFor ?? []);
  const ownedSheets = new Set(index.sheets.filter((s) => decodeMarker(s.firstCellText) !== null).map((s) => s.name));
  const mapped = new Map(Object.entries(mapping?.inputs ?? {}).map(([name, m]) => [inputForName(name)?.id, { name, mapping: m }]));
  const mappingIssues = mapping ? checkMapping(mapping, index).filter((i) => wanted.has(inputForName(i.input)?.id as InputId)) : [];

  for (const def of INPUTS) {
    if (!wanted.has(def.id)) continue;
    const byMapping = mapped.get(def.id);
    if (byMapping) {
      if (mappingIssues.some((i) => i.severity === 'error' && inputForName(i.input)?.id === def.id)) continue;
      const source = mappedSource(byMapping.name, byMapping.mapping, index);
      if (!source) continue;
      ranges.push(...mappedReadRange(byMapping.name, byMapping.mapping, index, { formulas: withFormulas.has(def.id) }));
      sources[def.id] = [{ ...source, mapped: { ...byMapping, summary: describeMapping(byMapping.name, byMapping.mapping, index) } }];
      continue;
    }
    const names = inputNames(def);
    const found: InputSource[] = [];
    const formulas = withFormulas.has(def.id);
    // Number formats tell fractions from percents; only the small inputs that hold percentages need them.
    const numberFormats = def.id === 'parametrar' || def.id === 'personal';

    const table = index.tables.find((t) => names.has(foldName(t.name)) && !ownedSheets.has(t.sheet));
    if (table) {
      const readId = `${def.id}#table`;
      ranges.push({ id: readId, sheet: table.sheet, address: table.address, formulas, numberFormats });
      const adjacent = adjacentRanges(table, index.sheets.find((s) => s.name === table.sheet), readId);
      ranges.push(...adjacent.ranges);
      found.push({ input: def.id, kind: 'table', name: table.name, sheet: table.sheet, readId, table: adjacent.info });
    }
    const sheet = index.sheets.find(
      (s) => names.has(foldName(s.name)) && s.usedAddress !== null && !ownedSheets.has(s.name) && s.name !== table?.sheet,
    );
    if (sheet && sheet.usedAddress) {
      const used = parseRangeA1(sheet.usedAddress);
      if (used) {
        const readId = `${def.id}#sheet`;
        ranges.push({ id: readId, sheet: sheet.name, address: rangeToA1(used), formulas, numberFormats });
        found.push({ input: def.id, kind: 'sheet', name: sheet.name, sheet: sheet.name, readId });
      }
    }
    if (found.length > 0) sources[def.id] = found;
  }
  return mappingIssues.length > 0 ? { plan: { ranges }, sources, mappingIssues } : { plan: { ranges }, sources };
}
