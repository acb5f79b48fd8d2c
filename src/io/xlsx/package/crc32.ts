/**
 * CRC-32 (the zip checksum) of the parts the package writer deflates itself. Hand-written and
 * table-based: node:zlib's crc32 needs Node 20.15+ (the project supports 20.9), and this module
 * stays free of platform APIs so the browser playground can use it too.
 */

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of `data`, continuing from `previous` (the CRC of the bytes before it) for a part in pieces. */
export function crc32(data: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
