/**
 * `allocate -o OUT.xlsx`: a copy of the user's workbook with the transparent result tab
 * `Resursfördelning <Y1>` (live formulas over the input cells) added, or replacing the one an
 * earlier run added. The input file itself is never written.
 */
import { resolve } from 'node:path';
import { writeAllocationTab, type AllocationOutcome } from '../jobs/allocation';
import { outputExtension, outputPath } from './args';
import { CliError, type CliIo } from './io';
import { saveWorkbookBytes } from './write-workbook';
import type { SavableWorkbookPort } from '../core/workbook/port';

/** The -o path: a file of the input's kind other than the input (Budgetkoll never overwrites the user's workbook). */
export function allocationOutputPath(input: string, raw: string | boolean | undefined): string {
  const path = outputPath('allocate', raw, `resursfordelning${outputExtension(input)}`, input);
  if (resolve(path) === resolve(input)) {
    throw new CliError(`allocate: välj en annan fil för -o än arbetsboken ${input}; Budgetkoll skriver aldrig över indatafilen.`);
  }
  return path;
}

/** Adds (or refreshes) the result tab in `port`'s workbook and writes it to `path`; returns the tab's name. */
export async function writeAllocationWorkbook(
  io: CliIo,
  port: SavableWorkbookPort,
  path: string,
  outcome: AllocationOutcome,
  generatedAt: Date = new Date(),
): Promise<string> {
  const { name } = await writeAllocationTab(port, outcome, generatedAt);
  await saveWorkbookBytes(io, path, await port.toBuffer());
  return name;
}
