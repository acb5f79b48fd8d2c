/**
 * A mapping saved in the workbook: the owned tab "Koppling". The mapping itself travels in the
 * tab's marker (cell A1 of its hidden first row, as JSON in the mapping file's form), so every
 * read phase finds it in the workbook index without a second round trip; the rows below show a
 * controller what is mapped, in words. Any program that keeps cell text (Excel, LibreOffice, the
 * package writer) keeps the mapping.
 */
import { columnLetters } from '../a1';
import { decodeMarker, withMarker } from '../workbook/marker';
import { emptySheetSpec, type SheetSpec, type SpecCell } from '../workbook/sheet-spec';
import type { SheetInfo, WorkbookIndex } from '../workbook/raw';
import { formatDateSv } from '../text/numbers';
import { describeMapping, letterColumn, type Mapping } from './mapping';
import { parseMapping, serializeMapping, type MappingError } from './mapping-parse';

export const MAPPING_TAB_NAME = 'Koppling';

/** The workbook's Koppling tab (the first with a koppling marker), if any. */
export function mappingTab(index: Pick<WorkbookIndex, 'sheets'>): SheetInfo | undefined {
  return index.sheets.find((s) => decodeMarker(s.firstCellText)?.type === 'koppling');
}

/** What the workbook's Koppling tab holds: its mapping, the errors that make it unusable, or null when there is none. */
export type StoredMapping = { sheet: string; mapping: Mapping } | { sheet: string; errors: MappingError[] };

export function storedMapping(index: Pick<WorkbookIndex, 'sheets'>): StoredMapping | null {
  const tab = mappingTab(index);
  if (!tab) return null;
  const parsed = parseMapping(decodeMarker(tab.firstCellText)?.mapping);
  return 'mapping' in parsed ? { sheet: tab.name, mapping: parsed.mapping } : { sheet: tab.name, errors: parsed.errors };
}

const text = (value: string, style: SpecCell['style'] = 'text'): SpecCell => ({ value, style });

/** The Koppling tab for a mapping: the mapping in the marker, and what it says in words. */
export function buildMappingTab(mapping: Mapping, generatedAt: Date, index?: WorkbookIndex): SheetSpec {
  const spec = emptySheetSpec(MAPPING_TAB_NAME);
  const rows = spec.rows;
  rows.push([text('Koppling av indata', 'title')]);
  rows.push([text(`Sparad ${formatDateSv(generatedAt)} av Budgetkoll. Kontrollen, resursfördelningen och uppföljningen läser indata härifrån.`, 'subtitle')]);
  rows.push([text('Ändra kopplingen i Budgetkoll (Koppla indata), inte på den här fliken: det som står nedan är bara en beskrivning.', 'note')]);
  rows.push([]);
  rows.push([text('Indata', 'header'), text('Var och hur', 'header')]);
  for (const [name, m] of Object.entries(mapping.inputs)) {
    const summary = describeMapping(name, m, index).sv;
    rows.push([text(name), text(summary.slice(summary.indexOf(':') + 2))]);
  }
  rows.push([]);
  rows.push([text('Kolumner', 'heading')]);
  rows.push([text('Indata', 'header'), text('Kolumn i formatet', 'header'), text('Din kolumn', 'header'), text('Rubrik när den kopplades', 'header')]);
  for (const [name, m] of Object.entries(mapping.inputs)) {
    const columns = Object.entries(m.columns).sort((a, b) => letterColumn(a[1]) - letterColumn(b[1]));
    for (const [key, letter] of columns) rows.push([text(name), text(key), text(columnLetters(letterColumn(letter))), text(m.seen?.[key] ?? '')]);
  }
  spec.columnWidths = [24, 70, 14, 36];
  return withMarker(spec, { type: 'koppling', version: 1, generatedAt: generatedAt.toISOString(), mapping: JSON.parse(serializeMapping(mapping)) });
}
