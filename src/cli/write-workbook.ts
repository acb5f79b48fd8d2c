/** Writes SheetSpecs as a new .xlsx file through the xlsx adapter (the CLI's composition root). */
import type { SheetSpec } from '../core/workbook/sheet-spec';
import { XlsxWorkbookPort } from '../io/xlsx/xlsx-port';
import { CliError, type CliIo } from './io';

const WRITE_ERRORS: Record<string, string> = {
  EACCES: 'behörighet saknas',
  EPERM: 'behörighet saknas',
  ENOENT: 'mappen finns inte',
  ENOTDIR: 'en del av sökvägen är inte en mapp',
  EISDIR: 'det är en mapp',
  EROFS: 'filsystemet är skrivskyddat',
  ENOSPC: 'disken är full',
  EBUSY: 'filen används av ett annat program',
};

/** Builds the workbook in memory, then writes it in one go; nothing is written when building fails. */
export async function writeWorkbook(io: CliIo, path: string, specs: readonly SheetSpec[]): Promise<string[]> {
  const port = XlsxWorkbookPort.createEmpty();
  const names: string[] = [];
  for (const spec of specs) names.push((await port.writeSheet(spec)).name);
  await saveWorkbookBytes(io, path, await port.toBuffer());
  return names;
}

/** Writes finished .xlsx bytes; a failure is one Swedish line saying why (and leaves no file). */
export async function saveWorkbookBytes(io: CliIo, path: string, bytes: Uint8Array): Promise<void> {
  try {
    await io.writeFile(path, bytes);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    throw new CliError(`kan inte skriva ${path}: ${WRITE_ERRORS[code] ?? 'okänt fel vid skrivning'}.`);
  }
}
