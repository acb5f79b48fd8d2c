/** The real CliIo over the process and the file system. */
import { randomBytes } from 'node:crypto';
import { access, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CliIo } from './io';

export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    exists: (path) =>
      access(path).then(
        () => true,
        () => false,
      ),
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns,
    async writeFile(path, data) {
      // Write beside the target and rename, so a failed write never leaves a half file.
      const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        await writeFile(temporary, data);
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}
