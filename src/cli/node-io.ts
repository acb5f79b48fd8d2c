/** The real CliIo over the process and the file system. */
import { randomBytes } from 'node:crypto';
import { access, lstat, open, readFile, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DANGLING_LINK, sameFile, WRITES_INPUT, type CliIo, type FileIdentity } from './io';

/** The file operations a write goes through; tests swap one for a failing one. */
export interface WriteFs {
  open(path: string, flags: string): Promise<FileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
}

const NODE_FS: WriteFs = { open, rename, rm };

function codedError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

function isMissing(error: unknown): boolean {
  return (error as { code?: string }).code === 'ENOENT';
}

export async function fileIdentity(path: string): Promise<FileIdentity> {
  try {
    const real = await realpath(path);
    const stats = await stat(real, { bigint: true });
    // Some file systems report inode 0; then only the real path says which file it is.
    return { realPath: real, inode: stats.ino === 0n ? undefined : `${stats.dev}:${stats.ino}` };
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  // Not there yet: the file it would be is the folder's real path plus the name.
  try {
    return { realPath: join(await realpath(dirname(resolve(path))), basename(path)) };
  } catch {
    return { realPath: resolve(path) };
  }
}

/**
 * Where a write to `path` lands: an existing link is followed, so the file it points at is
 * replaced and the link keeps working (as `>` in a shell does). A link to nothing is refused
 * rather than guessed at.
 */
async function writeTarget(path: string): Promise<string> {
  try {
    if (!(await lstat(path)).isSymbolicLink()) return path;
  } catch (error) {
    if (isMissing(error)) return path;
    throw error;
  }
  try {
    return await realpath(path);
  } catch (error) {
    if (isMissing(error)) throw codedError(DANGLING_LINK, `${path} is a link to a file that does not exist`);
    throw error;
  }
}

export function nodeIo(fs: WriteFs = NODE_FS): CliIo {
  // Every file this run has read: a write never replaces one of them, whatever a command checked.
  const inputs: FileIdentity[] = [];
  return {
    stdout: (text) => void process.stdout.write(text),
    drainStdout() {
      const out = process.stdout;
      if (!out.writableNeedDrain) return Promise.resolve();
      // A stdout that fails is closed: nothing more to wait for (its error is reported as before).
      return new Promise<void>((resolve) => {
        const done = () => {
          out.off('drain', done);
          out.off('close', done);
          resolve();
        };
        out.on('drain', done);
        out.on('close', done);
      });
    },
    stderr: (text) => void process.stderr.write(text),
    async readFile(path) {
      const bytes = new Uint8Array(await readFile(path));
      inputs.push(await fileIdentity(path));
      return bytes;
    },
    exists: (path) =>
      access(path).then(
        () => true,
        () => false,
      ),
    fileIdentity,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns,
    async writeFile(path, data) {
      const target = await writeTarget(path);
      const identity = await fileIdentity(target);
      if (inputs.some((input) => sameFile(input, identity))) throw codedError(WRITES_INPUT, `${path} is an input of this run`);
      // Write beside the target and rename, so a failed or interrupted write never leaves a
      // half file and an existing one is replaced whole or not at all.
      const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      let handle: FileHandle | undefined;
      let created = false;
      try {
        // 'wx': never write through something already at the temporary name.
        handle = await fs.open(temporary, 'wx');
        created = true;
        await handle.writeFile(data);
        const existing = await stat(target).catch(() => null);
        // A replaced file keeps its permissions.
        if (existing?.isFile()) await handle.chmod(existing.mode & 0o7777);
        // On disk before the rename, so a crash cannot leave an empty file under the name.
        await handle.sync();
        await handle.close();
        handle = undefined;
        await fs.rename(temporary, target);
      } catch (error) {
        await handle?.close().catch(() => undefined);
        if (created) await fs.rm(temporary, { force: true }).catch(() => undefined);
        throw error;
      }
    },
  };
}
