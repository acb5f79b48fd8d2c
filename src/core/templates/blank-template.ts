/**
 * The blank standard template: the Instruktioner tab, then one formatted Excel table per input
 * of the catalogue, with data validation and a few empty input rows. Exactly the format
 * recognition reads (docs/arbetsbokens-format.md).
 */
import { FINANCING_POSTS, INPUTS, type InputDef, type InputId } from '../inputs/catalogue';
import type { SheetSpec } from '../workbook/sheet-spec';
import { buildInputTab, type InputCellValue } from './input-tab';
import { buildInstructionsTab } from './instructions';
import { parameterRows } from './parameters';

export interface BlankTemplateOptions {
  /** Budget year Y1. */
  year: number;
  kommun?: string;
}

/** Order of the input tabs (the catalogue's order: settings, budget, allocation, governance, follow-up). */
export const TEMPLATE_INPUT_ORDER: readonly InputId[] = INPUTS.map((def) => def.id);

/** Empty rows a person can type into straight away. */
const EMPTY_ROWS = 10;

function prefilledRows(def: InputDef, options: BlankTemplateOptions): InputCellValue[][] {
  if (def.id === 'parametrar') return parameterRows({ year: options.year, kommun: options.kommun });
  if (def.id === 'finansiering') return Object.values(FINANCING_POSTS).map((post) => [post]);
  return [];
}

/** The tabs of the blank template, Instruktioner first. */
export function buildBlankTemplate(options: BlankTemplateOptions): SheetSpec[] {
  if (!Number.isInteger(options.year) || options.year < 2000 || options.year > 2098) {
    throw new RangeError(`year out of range: ${options.year}`);
  }
  const tabs: SheetSpec[] = [buildInstructionsTab({ year: options.year, kommun: options.kommun })];
  for (const id of TEMPLATE_INPUT_ORDER) {
    const def = INPUTS.find((d) => d.id === id)!;
    const rows = prefilledRows(def, options);
    // Parametrar and Finansiering are complete lists already; other tables get room to type.
    const emptyRows = rows.length > 0 ? 0 : EMPTY_ROWS;
    tabs.push(buildInputTab({ def, year: options.year, rows, emptyRows }));
  }
  return tabs;
}
