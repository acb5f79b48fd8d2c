/**
 * Raw inflate in a browser, with its DecompressionStream, never past the size the zip declares for
 * the part: the output is read piece by piece and the stream is cancelled the moment it would pass
 * it (InflateOverflow), so a part that lies about its size (a zip bomb) costs at most its declared
 * size, not gigabytes. The limits of limits.ts then apply in the browser as in the CLI. Undefined
 * where there is no DecompressionStream (files still open; only the package checks that need
 * inflating are skipped).
 */
import { InflateOverflow, type InflateRaw } from './zip-entries';

async function inflateWithin(data: Uint8Array, size: number): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const out = new Uint8Array(size);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > size) {
      await reader.cancel();
      throw new InflateOverflow();
    }
    out.set(value, at);
    at += value.length;
  }
  return at === size ? out : out.subarray(0, at);
}

export const browserInflateRaw: InflateRaw | undefined = typeof DecompressionStream === 'function' ? inflateWithin : undefined;
