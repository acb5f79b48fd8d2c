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

/** A profile setting: recalculate every formula when an .xlsx (OOXML) or .ods file is loaded (0 = always). */
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Loads `buffer` as book.xlsx, converts it with `filter` and hands the output folder to `collect`. */
async function convert<T>(buffer: Uint8Array, filter: string, collect: (outDir: string, log: string) => Promise<T>): Promise<T> {
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
    // Always recalculate on load: by default LibreOffice keeps the cached results of an .xlsx
    // ("never recalculate"), and the files Budgetkoll writes carry the core's figures as cached
    // results, so without this a test would compare the core with itself.
    await mkdir(join(dir, 'profile', 'user'), { recursive: true });
    await writeFile(join(dir, 'profile', 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
    const { stdout, stderr } = await run(soffice, [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      filter,
      '--outdir',
      outDir,
      input,
    ]);
    return await collect(outDir, `stdout: ${stdout}\nstderr: ${stderr}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The workbook after LibreOffice has loaded, recalculated and saved it as .xlsx. */
export async function recalculate(buffer: Uint8Array): Promise<Uint8Array> {
  return convert(buffer, 'xlsx', async (outDir, log) => {
    const output = join(outDir, 'book.xlsx');
    if (!existsSync(output)) throw new Error(`soffice wrote no output.\n${log}`);
    return new Uint8Array(await readFile(output));
  });
}

/**
 * Every sheet after LibreOffice has loaded and recalculated the workbook, as the text of each cell
 * from A1 (one CSV per sheet, unformatted numbers with up to 15 significant digits, errors as
 * LibreOffice shows them: "#NAME?", "Err:511"…). By sheet name; hidden rows and sheets included.
 */
export async function recalculatedTexts(buffer: Uint8Array, sheetNames: readonly string[]): Promise<Map<string, string[][]>> {
  // Tokens: comma, double quote, UTF-8, line 1, -, language, don't quote all text, detect special
  // numbers, contents not as shown (full precision), no formulas, no trimming, every sheet (-1).
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  return convert(buffer, filter, async (outDir, log) => {
    const sheets = new Map<string, string[][]>();
    for (const name of sheetNames) {
      const file = join(outDir, `book-${name}.csv`);
      if (!existsSync(file)) throw new Error(`soffice wrote no CSV for sheet ${name}.\n${log}`);
      sheets.set(name, parseCsv(await readFile(file, 'utf8')));
    }
    return sheets;
  });
}

/** CSV text → rows of fields ("…" quoting with "" escapes; quoted fields may span lines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
