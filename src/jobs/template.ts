/**
 * The blank standard template (`budgetkoll template`, Mallar in the task pane): one formatted tab
 * per input, Instruktioner first, and writing it through a writer.
 */
import { buildBlankTemplate, type BlankTemplateOptions } from '../core/templates/blank-template';
import type { WorkbookWriter } from '../core/workbook/port';
import type { SheetSpec } from '../core/workbook/sheet-spec';

export type { BlankTemplateOptions };

/** Budgets are made for the coming year. */
export function defaultTemplateYear(today: Date): number {
  return today.getFullYear() + 1;
}

/** The template's tabs for a budget year (and kommun, when given). */
export function templateSheets(options: BlankTemplateOptions): SheetSpec[] {
  return buildBlankTemplate(options);
}

/** Writes the template's tabs as new tabs, in order; returns their names. */
export async function writeTemplate(writer: WorkbookWriter, options: BlankTemplateOptions): Promise<string[]> {
  const names: string[] = [];
  for (const spec of templateSheets(options)) names.push((await writer.writeSheet(spec)).name);
  return names;
}
