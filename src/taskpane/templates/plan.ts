/**
 * Which template tabs to write into a workbook: only those whose input is not there yet. An input
 * counts as present when a sheet or an Excel table answers to its name or one of its aliases (as
 * recognition finds inputs), so a workbook with "Detaljbudget" gets no second "Driftbudget".
 */
import { inputByName } from '../../core/inputs/catalogue';
import { foldName } from '../../core/text/normalize';
import type { WorkbookIndex } from '../../core/workbook/raw';
import type { SheetSpec } from '../../core/workbook/sheet-spec';

export interface SkippedTab {
  /** The tab the template wanted to create. */
  wanted: string;
  /** The sheet or table already in the workbook that stands for it. */
  existing: string;
}

export interface TemplateTabPlan {
  toWrite: SheetSpec[];
  skipped: SkippedTab[];
}

export function planTemplateTabs(specs: readonly SheetSpec[], index: WorkbookIndex): TemplateTabPlan {
  const present = new Map<string, string>();
  const remember = (name: string) => {
    const folded = foldName(name);
    if (!present.has(folded)) present.set(folded, name);
    const input = inputByName(name);
    const key = input ? `input:${input.id}` : null;
    if (key && !present.has(key)) present.set(key, name);
  };
  for (const sheet of index.sheets) remember(sheet.name);
  for (const table of index.tables) remember(table.name);

  const toWrite: SheetSpec[] = [];
  const skipped: SkippedTab[] = [];
  for (const spec of specs) {
    const input = inputByName(spec.name);
    const existing = present.get(foldName(spec.name)) ?? (input ? present.get(`input:${input.id}`) : undefined);
    if (existing !== undefined) {
      skipped.push({ wanted: spec.name, existing });
    } else {
      toWrite.push(spec);
      // Two specs for one input in one batch: only the first is written.
      remember(spec.name);
    }
  }
  return { toWrite, skipped };
}
