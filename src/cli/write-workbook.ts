/**
 * Writing .xlsx files from the CLI (its composition root for writing): new workbooks and copies of
 * an input with Budgetkoll's tabs, both through the package writer (io/xlsx/package-port.ts), with
 * Node's zlib; the file itself through the io (a temporary file and a rename).
 */
import { resolve } from 'node:path';
import type { SheetSpec } from '../core/workbook/sheet-spec';
import { PackageWorkbookPort } from '../io/xlsx/package-port';
import { PACKAGE_DEPS } from './open-workbook';
import { CliError, DANGLING_LINK, sameFile, WRITES_INPUT, type CliIo, type FileIdentity } from './io';

const WRITE_ERRORS: Record<string, string> = {
  EACCES: 'behörighet saknas',
  EPERM: 'behörighet saknas',
  ENOENT: 'mappen finns inte',
  ENOTDIR: 'en del av sökvägen är inte en mapp',
  EISDIR: 'det är en mapp',
  EROFS: 'filsystemet är skrivskyddat',
  ENOSPC: 'disken är full',
  EBUSY: 'filen används av ett annat program',
  ELOOP: 'länkarna i sökvägen pekar i en slinga',
  [WRITES_INPUT]: 'det är samma fil som en indatafil, och Budgetkoll skriver aldrig över indata',
  [DANGLING_LINK]: 'det är en länk till en fil som inte finns',
};

/** Builds the workbook in memory, then writes it in one go; nothing is written when building fails. */
export async function writeWorkbook(io: CliIo, path: string, specs: readonly SheetSpec[]): Promise<string[]> {
  const port = PackageWorkbookPort.createEmpty(PACKAGE_DEPS);
  const names: string[] = [];
  for (const spec of specs) names.push((await port.writeSheet(spec)).name);
  await saveWorkbookBytes(io, path, await port.toBuffer());
  return names;
}

/**
 * Writes finished .xlsx bytes through a temporary file and a rename (io.writeFile); a failure is
 * one Swedish line saying why, and leaves no file and an existing one as it was.
 */
export async function saveWorkbookBytes(io: CliIo, path: string, bytes: Uint8Array): Promise<void> {
  try {
    await io.writeFile(path, bytes);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    throw new CliError(`kan inte skriva ${path}: ${WRITE_ERRORS[code] ?? 'okänt fel vid skrivning'}.`);
  }
}

function identify(io: CliIo, path: string): Promise<FileIdentity> {
  return io.fileIdentity ? io.fileIdentity(path) : Promise.resolve({ realPath: resolve(path) });
}

/**
 * Refuses, before any work, an output that is one of the command's input files. Files are
 * compared, not strings: a link to an input, a hard link, `..` or another spelling all count.
 */
export async function refuseInputAsOutput(io: CliIo, command: string, output: string, inputs: readonly string[]): Promise<void> {
  const target = await identify(io, output);
  for (const input of inputs) {
    if (sameFile(target, await identify(io, input))) {
      throw new CliError(`${command}: ${output} är samma fil som indatafilen ${input}; välj en annan fil för -o. Budgetkoll skriver aldrig över en indatafil.`);
    }
  }
}
