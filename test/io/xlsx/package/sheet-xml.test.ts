/**
 * The worksheet XML of the package writer (sheet-xml.ts) in pieces: a large sheet is written as
 * UTF-8 pieces of bounded size, and the pieces joined are the sheet's XML whatever text the cells
 * hold (multi-byte characters across piece boundaries included).
 */
import { emptySheetSpec, type SheetSpec } from '../../../../src/core/workbook/sheet-spec';
import { sheetXml } from '../../../../src/io/xlsx/package/sheet-xml';
import { createStyleBook } from '../../../../src/io/xlsx/package/styles-part';

function written(spec: SheetSpec): { chunks: Uint8Array[]; text: string } {
  const ctx = { finalName: spec.name, styles: createStyleBook(null), claimTable: (name: string) => ({ name, id: 1 }) };
  const { chunks } = sheetXml(spec, ctx);
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return { chunks, text: new TextDecoder('utf-8', { fatal: true }).decode(all) };
}

describe('sheetXml in pieces', () => {
  it('writes 40 000 rows of multi-byte text and numbers as pieces of about 1 MB that join to the rows', () => {
    const spec = emptySheetSpec('Stor');
    const expected: string[] = [];
    for (let r = 0; r < 40_000; r++) {
      const text = `Förskola Ängen ${r} – åäö €𝄞`;
      spec.rows.push([{ value: text }, { value: r * 1.5 }]);
      expected.push(`<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>${text}</t></is></c><c r="B${r + 1}"><v>${r * 1.5}</v></c></row>`);
    }
    const { chunks, text } = written(spec);
    expect(text).toContain(`<sheetData>${expected.join('')}</sheetData>`);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(1024 * 1024);
  });

  it('writes a small sheet as small pieces (no whole buffer kept for a few rows)', () => {
    const spec = emptySheetSpec('Liten');
    spec.rows.push([{ value: 'Nämnd' }]);
    const { chunks, text } = written(spec);
    expect(text).toContain('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nämnd</t></is></c></row></sheetData>');
    for (const c of chunks) expect(c.buffer.byteLength).toBeLessThan(64 * 1024);
  });
});
