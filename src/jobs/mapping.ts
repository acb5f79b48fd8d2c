/**
 * Koppla indata as a job: propose a mapping for a workbook, try one against it, and save it in the
 * workbook's owned Koppling tab. The task pane, the playground and `budgetkoll map` call these.
 */
import type { Finding } from '../core/findings';
import type { InputId } from '../core/inputs/catalogue';
import { describeMapping, type Mapping } from '../core/inputs/mapping';
import { headerScanPlan, suggestMapping, type MappingSuggestion } from '../core/inputs/mapping-suggest';
import { buildMappingTab, mappingTab, storedMapping, type StoredMapping } from '../core/inputs/mapping-store';
import type { MappedInput } from '../core/recognition/model';
import type { ReadOptions, WorkbookReader, WorkbookWriter } from '../core/workbook/port';
import type { WorkbookIndex } from '../core/workbook/raw';
import { readInputs } from './read-inputs';

export type { MappingSuggestion, StoredMapping };

/** The proposal for a workbook (the top rows of every sheet and table are read): the same in the pane and `map --suggest`. */
export async function suggestInputMapping(reader: WorkbookReader, options: { read?: ReadOptions; inputs?: readonly InputId[] } = {}): Promise<MappingSuggestion & { index: WorkbookIndex }> {
  const read = await reader.read((index) => ({ ...headerScanPlan(index), located: index }), options.read);
  return { ...suggestMapping(read.located, read.grids, options.inputs), index: read.located };
}

/** The mapping saved in the workbook, if any (or why it cannot be used). */
export async function savedMapping(reader: WorkbookReader): Promise<StoredMapping | null> {
  return storedMapping(await reader.index());
}

export interface MappingTrial {
  /** MAP-STALE findings: where the mapping does not fit the workbook. Empty when it fits. */
  problems: Finding[];
  /** What each mapped input read: its summary line and the rows left out. */
  inputs: MappedInput[];
  /** Every finding of reading the inputs through the mapping (recognition's STRUCT-*, CELL-*). */
  findings: Finding[];
}

/**
 * Reads the workbook through a mapping as the check would: whether it fits (MAP-STALE), and what
 * each input then reads. The pane shows it before saving; `map -o` refuses to save a mapping that
 * does not fit.
 */
export async function tryMapping(reader: WorkbookReader, mapping: Mapping, options: { read?: ReadOptions } = {}): Promise<MappingTrial> {
  const { model } = await readInputs(reader, 'followUp', { mapping, ...(options.read ? { read: options.read } : {}) });
  return { problems: model.findings.filter((f) => f.rule === 'MAP-STALE'), inputs: model.mappedInputs, findings: model.findings };
}

/** One summary line per mapped input, in the mapping's order. */
export function mappingSummary(mapping: Mapping, index?: WorkbookIndex): { sv: string; en: string }[] {
  return Object.entries(mapping.inputs).map(([name, m]) => describeMapping(name, m, index));
}

/** Saves the mapping in the workbook's Koppling tab (rewritten in place when there is one); returns the tab's name. */
export async function saveMapping(port: WorkbookReader & WorkbookWriter, mapping: Mapping, at: Date, options: { signal?: AbortSignal } = {}): Promise<string> {
  const index = await port.index();
  const existing = mappingTab(index);
  const spec = buildMappingTab(mapping, at, index);
  const { name } = await port.writeSheet(spec, existing ? { ...options, replace: existing.name } : options);
  return name;
}

/** Removes the saved mapping (the Koppling tab); inputs are then found by name again. False when there was none. */
export async function removeMapping(port: WorkbookReader & WorkbookWriter): Promise<boolean> {
  const existing = mappingTab(await port.index());
  if (!existing) return false;
  await port.deleteOwnedSheet(existing.name);
  return true;
}
