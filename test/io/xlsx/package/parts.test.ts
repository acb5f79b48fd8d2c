/** The pieces of the package writer on their own: styles.xml editing and worksheet XML details. */
import { emptySheetSpec } from '../../../../src/core/workbook/sheet-spec';
import * as zlib from 'node:zlib';
import { crc32 } from '../../../../src/io/xlsx/package/crc32';
import { withFullCalcOnLoad } from '../../../../src/io/xlsx/package/package-edits';
import { sheetXml } from '../../../../src/io/xlsx/package/sheet-xml';
import { joined } from '../../../../src/io/xlsx/package/zip-container';
import { createStyleBook } from '../../../../src/io/xlsx/package/styles-part';

const BARE_STYLES =
  '<?xml version="1.0" encoding="UTF-8"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<x:fonts count="1"><x:font><x:sz val="10"/><x:name val="Arial"/></x:font></x:fonts>' +
  '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>' +
  '<x:borders count="1"><x:border/></x:borders><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs>' +
  '<x:tableStyles count="0"/></x:styleSheet>';

describe('styles.xml editing', () => {
  it('adds missing sections in CT_Stylesheet order, with the part’s own prefix, and shares one xf per combination', () => {
    const book = createStyleBook(BARE_STYLES);
    const header = book.xfIndex('header', undefined);
    const tkr = book.xfIndex('input', '#,##0;[Red]-#,##0');
    expect(book.xfIndex('header', undefined)).toBe(header);
    expect([header, tkr]).toEqual([1, 2]);
    expect(book.xfIndex(undefined, 'General')).toBe(3);
    expect(book.xfIndex(undefined, undefined)).toBe(0);
    expect(book.warningDxfId()).toBe(0);
    const xml = book.xml();
    const order = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs', 'tableStyles'].map((s) => xml.indexOf(`<x:${s}`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(xml).toContain('<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="#,##0;[Red]-#,##0"/></x:numFmts>');
    expect(xml).toContain('<x:cellXfs count="4"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>');
    expect(xml).toContain('<x:protection locked="0"/>');
    expect(xml).toMatch(/<x:dxfs count="1"><x:dxf><x:font><x:b\/><x:color rgb="FF9C0006"\/>/);
  });

  it('leaves styles.xml as it was when nothing is added', () => {
    const book = createStyleBook(BARE_STYLES);
    expect(book.xfIndex(undefined, undefined)).toBe(0);
    expect(book.changed()).toBe(false);
    expect(book.xml()).toBe(BARE_STYLES);
  });
});

describe('worksheet XML', () => {
  const context = () => ({ finalName: 'Blad', styles: createStyleBook(null), claimTable: (name: string) => ({ name, id: 1 }) });
  const xmlOf = (spec: ReturnType<typeof emptySheetSpec>) => new TextDecoder().decode(joined(sheetXml(spec, context()).chunks));

  it('puts a list too long for Excel’s inline form into a hidden column, one empty column right of the content (as the ExcelJS writer does)', () => {
    const items = Array.from({ length: 40 }, (_, i) => `Verksamhet nummer ${i + 1}`);
    const xml = xmlOf({ ...emptySheetSpec('Blad'), rows: [[{ value: 'a' }, { value: 'b' }]], validations: [{ range: 'A2:A9', kind: 'list', list: items }] });
    expect(xml).toContain('<formula1>$D$1:$D$40</formula1>');
    expect(xml).toContain('<col min="4" max="4" width="9.140625" hidden="1"/>');
    expect(xml).toMatch(/<c r="D40" s="\d+" t="inlineStr"><is><t>Verksamhet nummer 40<\/t><\/is><\/c>/);
    expect(xml).toMatch(/<row r="1"><c r="A1" t="inlineStr"><is><t>a<\/t><\/is><\/c><c r="B1" t="inlineStr"><is><t>b<\/t><\/is><\/c><c r="D1"/);
  });

  it('escapes text, keeps spaces, drops characters XML cannot hold, formats formula-like text as text, and writes NaN as #NUM!', () => {
    const xml = xmlOf({
      ...emptySheetSpec('Blad'),
      rows: [[{ value: ' <a & "b"> ' }, { value: 'x\u0001y' }, { value: '=SUMMA(A1)' }, { value: Number.NaN }, { formula: '=A1&"<"', value: 'ok' }]],
      hiddenRows: [3],
    });
    expect(xml).toContain('<t xml:space="preserve"> &lt;a &amp; &quot;b&quot;&gt; </t>');
    expect(xml).toContain('<t>xy</t>');
    expect(xml).toMatch(/<c r="C1" s="\d+" t="inlineStr"><is><t>=SUMMA\(A1\)<\/t>/);
    expect(xml).toContain('<c r="D1" t="e"><v>#NUM!</v></c>');
    expect(xml).toContain('<c r="E1" t="str"><f>A1&amp;&quot;&lt;&quot;</f><v>ok</v></c>');
    expect(xml).toContain('<row r="4" hidden="1"/>');
    expect(xml).toContain('<dimension ref="A1:E4"/>');
  });

  it('refuses overlapping merges and unbalanced formulas', () => {
    expect(() => xmlOf({ ...emptySheetSpec('Blad'), merges: ['A1:B2', 'B2:C3'] })).toThrow(/overlapping merges at B2/);
    expect(() => xmlOf({ ...emptySheetSpec('Blad'), rows: [[{ formula: '=SUM(A1' }]] })).toThrow(/unbalanced formula at A1/);
  });
});

describe('withFullCalcOnLoad', () => {
  it('sets the flag on an existing calcPr and keeps its other attributes', () => {
    const xml = '<workbook xmlns="m"><sheets/><calcPr calcId="191029" fullCalcOnLoad="0"/></workbook>';
    expect(withFullCalcOnLoad(xml)).toBe('<workbook xmlns="m"><sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>');
  });

  it('adds a calcPr in CT_Workbook order (before pivotCaches) when there is none', () => {
    const xml = '<x:workbook xmlns:x="m"><x:sheets/><x:pivotCaches><x:pivotCache cacheId="1"/></x:pivotCaches></x:workbook>';
    expect(withFullCalcOnLoad(xml)).toBe('<x:workbook xmlns:x="m"><x:sheets/><x:calcPr fullCalcOnLoad="1"/><x:pivotCaches><x:pivotCache cacheId="1"/></x:pivotCaches></x:workbook>');
  });
});

describe('crc32', () => {
  it('over pieces, each continuing from the last, equals the CRC of the whole (and zlib’s)', () => {
    const whole = new TextEncoder().encode('<worksheet>'.repeat(5000) + 'åäö');
    const pieces = [whole.subarray(0, 7), whole.subarray(7, 30001), whole.subarray(30001)];
    let crc = 0;
    for (const piece of pieces) crc = crc32(piece, crc);
    expect(crc).toBe(crc32(whole));
    const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
    if (native) expect(crc).toBe(native(whole));
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926); // the check value of CRC-32/ISO-HDLC
  });
});
