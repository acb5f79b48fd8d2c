/**
 * Hostile .xlsx packages for the limit tests (src/io/xlsx/limits.ts), small on disk: a part is a
 * raw DEFLATE stream built from pieces, where a piece repeated n times is compressed once and its
 * bytes repeated (a full flush makes each copy stand alone), so a part that inflates to gigabytes
 * costs a few megabytes and milliseconds to build. Declared sizes can be set to lie.
 */
import { constants, deflateRawSync } from 'zlib';
import { joined } from '../../../src/io/xlsx/package/zip-container';

import { crc32 } from '../../../src/io/xlsx/package/crc32';

const encoder = new TextEncoder();

/** A piece of a part's content: text, or `unit` repeated `times`; `stored` pieces are not compressed (to lower the ratio). */
export type Piece = string | { unit: string; times: number; stored?: boolean };

export interface HostilePart {
  /** The raw DEFLATE stream (method 8) or the bytes (method 0). */
  data: Uint8Array;
  /** Inflated size, as built. */
  size: number;
  method: 0 | 8;
}

/** Deflates the pieces into one stream without ever holding the inflated content. */
export function deflatePart(pieces: readonly Piece[]): HostilePart {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      const bytes = encoder.encode(piece);
      chunks.push(deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH }));
      size += bytes.length;
      continue;
    }
    // Compress a block of about 16 MB of the unit once, then repeat its compressed bytes.
    const unit = encoder.encode(piece.unit);
    const perBlock = Math.max(1, Math.min(piece.times, Math.floor((16 * 1024 * 1024) / unit.length)));
    const block = new Uint8Array(unit.length * perBlock);
    for (let i = 0; i < perBlock; i++) block.set(unit, i * unit.length);
    const options = { finishFlush: constants.Z_FULL_FLUSH, level: piece.stored ? 0 : 9 };
    const whole = deflateRawSync(block, options);
    let left = piece.times;
    while (left >= perBlock) {
      chunks.push(whole);
      left -= perBlock;
    }
    if (left > 0) chunks.push(deflateRawSync(block.subarray(0, left * unit.length), options));
    size += unit.length * piece.times;
  }
  chunks.push(deflateRawSync(new Uint8Array(0))); // the final (empty) block
  return { data: joined(chunks), size, method: 8 };
}

export function storedPart(text: string | Uint8Array): HostilePart {
  const data = typeof text === 'string' ? encoder.encode(text) : text;
  return { data, size: data.length, method: 0 };
}

export interface ZipPart extends HostilePart {
  name: string;
  /** The size the directory declares (defaults to the real one). */
  declaredSize?: number;
}

/** A zip package of the parts, in order. The CRC is right for stored parts and 0 for deflated ones (no reader here checks it). */
export function buildZip(parts: readonly ZipPart[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = encoder.encode(part.name);
    const crc = part.method === 0 ? crc32(part.data) : 0;
    const size = part.declaredSize ?? part.size;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, part.method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, part.data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, part.method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, part.data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, part.data);
    centrals.push(central);
    offset += local.length + part.data.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, Math.min(parts.length, 0xfffe), true);
  ev.setUint16(10, Math.min(parts.length, 0xfffe), true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return joined([...locals, ...centrals, end]);
}


const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Sheet XML around the given sheetData content pieces. */
export function sheetPieces(content: readonly Piece[], after = ''): Piece[] {
  return [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>`, ...content, `</sheetData>${after}</worksheet>`];
}

/**
 * A minimal workbook with one tab "Blad1" whose sheet part and (optionally) shared strings part
 * are given; the other parts are small and valid.
 */
export function minimalWorkbook(sheet: HostilePart & { declaredSize?: number }, sharedStrings?: HostilePart & { declaredSize?: number }): Uint8Array {
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      ...storedPart(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
          `<Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
          `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
          (sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : '') +
          `</Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      ...storedPart(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    },
    {
      name: 'xl/workbook.xml',
      ...storedPart(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      ...storedPart(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${TYPE}/worksheet" Target="worksheets/sheet1.xml"/>` +
          (sharedStrings ? `<Relationship Id="rId2" Type="${TYPE}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
          `</Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
  ];
  if (sharedStrings) parts.push({ name: 'xl/sharedStrings.xml', ...sharedStrings });
  return buildZip(parts);
}
