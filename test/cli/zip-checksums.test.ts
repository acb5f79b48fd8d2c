/**
 * Every part of a file the CLI writes carries the right CRC-32. The package writer checksums a
 * new sheet piece by piece, continuing the CRC over the pieces; the CLI's native zlib.crc32 once
 * dropped the running value, so each new sheet's CRC was that of its last piece only – our reader
 * did not mind, but LibreOffice dropped the sheet's contents (the saved mapping, the allocation
 * and follow-up tabs) and Excel calls such a file damaged.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { PACKAGE_DEPS } from '../../src/cli/open-workbook';
import { crc32 } from '../../src/io/xlsx/package/crc32';
import { numericOwnLayoutSource, templateLayout } from '../fixtures/own-layouts';
import { run } from './run-cli';
import { testSheetsToXlsx } from './xlsx-fixtures';

/** Each entry of the zip's central directory: its name, the CRC it declares and its data's CRC. */
function checksums(bytes: Uint8Array): { name: string; declared: number; actual: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const out = [];
  let p = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    const method = view.getUint16(p + 10, true);
    const declared = view.getUint32(p + 16, true);
    const size = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const offset = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    const data = bytes.subarray(start, start + size);
    out.push({ name, declared, actual: crc32(method === 8 ? new Uint8Array(inflateRawSync(data)) : data) });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

describe('the CRC-32 of the parts the CLI writes', () => {
  it('the CLI’s CRC continues over pieces like the writer’s own', () => {
    const a = new TextEncoder().encode('<sheetData><row r="1">');
    const b = new TextEncoder().encode('<c r="A1"><v>1</v></c></row></sheetData>');
    const whole = new Uint8Array([...a, ...b]);
    const checksum = PACKAGE_DEPS.crc32 ?? crc32;
    expect(checksum(b, checksum(a)) >>> 0).toBe(crc32(whole));
  });

  it('allocate -o and followup -o: every part’s declared CRC is its data’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bk-crc-'));
    try {
      const book = join(dir, 'mall.xlsx');
      writeFileSync(book, await testSheetsToXlsx(templateLayout(numericOwnLayoutSource()).sheets));
      for (const args of [['allocate', book], ['followup', book, '--report', 'august', '--all']]) {
        const out = join(dir, `${args[0]}.xlsx`);
        await run(...args, '-o', out);
        const parts = checksums(new Uint8Array(readFileSync(out)));
        expect(parts.length).toBeGreaterThan(8);
        expect(parts.filter((p) => p.declared !== p.actual).map((p) => p.name)).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
