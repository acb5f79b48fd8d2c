/**
 * Recalculates an .xlsx with headless LibreOffice: `soffice --convert-to xlsx` loads the file,
 * calculates every formula (ours carry no cached results) and saves the results in the copy.
 * Each run uses its own throw-away profile, so parallel runs do not fight over one.
 */
import { execFile } from 'child_process';
import { existsSync } from 'fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { delimiter, join } from 'path';
import { pathToFileURL } from 'url';

const TIMEOUT_MS = 120_000;

/** The soffice executable on PATH, or null. */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'soffice');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export const SOFFICE_MISSING =
  'LibreOffice is not installed: `soffice` is not on PATH. Install it (Debian: apt-get install libreoffice-calc-nogui) to run the recalculation tests.';

function run(file: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: TIMEOUT_MS, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (error) {
        const timedOut = (error as { killed?: boolean }).killed;
        reject(new Error(`${timedOut ? `soffice timed out after ${TIMEOUT_MS / 1000} s` : `soffice failed: ${error.message}`}\n${stderr}`));
      } else {
        resolve({ stdout: String(stdout), stderr: String(stderr) });
      }
    });
  });
}

/** The workbook after LibreOffice has loaded, recalculated and saved it as .xlsx. */
export async function recalculate(buffer: Uint8Array): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) throw new Error(SOFFICE_MISSING);
  const dir = await mkdtemp(join(tmpdir(), 'budgetkoll-recalc-'));
  try {
    const inDir = join(dir, 'in');
    const outDir = join(dir, 'out');
    await mkdir(inDir);
    await mkdir(outDir);
    const input = join(inDir, 'book.xlsx');
    await writeFile(input, buffer);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const { stdout, stderr } = await run(soffice, [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      input,
    ]);
    const output = join(outDir, 'book.xlsx');
    if (!existsSync(output)) throw new Error(`soffice wrote no output.\nstdout: ${stdout}\nstderr: ${stderr}`);
    return new Uint8Array(await readFile(output));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
