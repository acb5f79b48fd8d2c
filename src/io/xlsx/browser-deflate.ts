/**
 * Raw deflate in a browser, with its CompressionStream: what the package writer needs to save the
 * playground's workbook (browser-inflate.ts is its counterpart for reading). A part given in pieces
 * is compressed as one stream, without joining the pieces first. Undefined where the browser has
 * no CompressionStream for "deflate-raw" (the download then says so).
 */
import type { DeflateRaw, DeflateRawChunks } from './package/zip-container';

function supported(): boolean {
  if (typeof CompressionStream !== 'function') return false;
  try {
    new CompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

const deflateChunks: DeflateRawChunks = async (chunks) => {
  const stream = new Blob(chunks as Uint8Array<ArrayBuffer>[]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

const available = supported();

export const browserDeflateRaw: DeflateRaw | undefined = available ? (data) => deflateChunks([data]) : undefined;
export const browserDeflateRawChunks: DeflateRawChunks | undefined = available ? deflateChunks : undefined;
