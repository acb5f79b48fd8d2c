/**
 * A user's workbook as Excel would save it, built by hand (ExcelJS cannot write most of these
 * parts): a pivot table with its cache, a chart in a drawing, legacy and threaded comments, custom
 * properties, a chart sheet, a worksheet part with an odd name, VBA (.xlsm), calcChain, and an
 * old Budgetkoll tab with a table and print titles that the writer replaces. The zip is written
 * here with node:zlib in several ways (deflated at level 9, stored, one entry with a data
 * descriptor and an extra field) so that "copied byte for byte" is tested against headers the
 * writer would never produce itself.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { crc32 } from '../../../../src/io/xlsx/package/crc32';

export const deps = {
  inflateRaw: (data: Uint8Array, size: number) => inflateRawSync(data, { chunkSize: Math.max(64 * 1024, size) }),
  deflateRaw: (data: Uint8Array) => deflateRawSync(data),
};

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const REL = (type: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}`;

function rels(list: [string, string, string][]): string {
  return `${DECL}<Relationships xmlns="${PR}">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type.startsWith('http') ? type : REL(type)}" Target="${target}"/>`).join('')}</Relationships>`;
}

const sheetXml = (rows: string, tail = '') =>
  `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:B3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${tail}</worksheet>`;

/** The parts of the input workbook, in the order Excel writes them. */
export function inputParts(): [string, string | Uint8Array][] {
  const vba = new Uint8Array(3000);
  for (let i = 0; i < vba.length; i++) vba[i] = (i * 7919 + (i >> 3)) & 0xff; // not text, compresses poorly
  return [
    [
      '[Content_Types].xml',
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/worksheets/Blad_ett.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>' +
        '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
        '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
        '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>' +
        '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>' +
        '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>' +
        '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>' +
        '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' +
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
        '</Types>',
    ],
    ['_rels/.rels', rels([['rId3', 'extended-properties', 'docProps/app.xml'], ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'], ['rId1', 'officeDocument', 'xl/workbook.xml'], ['rId4', 'custom-properties', 'docProps/custom.xml']])],
    [
      'docProps/app.xml',
      `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><TitlesOfParts><vt:vector size="4" baseType="lpstr"><vt:lpstr>Data</vt:lpstr><vt:lpstr>Blad ett</vt:lpstr><vt:lpstr>Budgetkoll gammal</vt:lpstr><vt:lpstr>Pivot</vt:lpstr></vt:vector></TitlesOfParts></Properties>`,
    ],
    [
      'docProps/core.xml',
      `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Ekonomi</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T08:00:00Z</dcterms:created></cp:coreProperties>`,
    ],
    [
      'docProps/custom.xml',
      `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Diarienummer"><vt:lpwstr>KS 2026/123</vt:lpwstr></property></Properties>`,
    ],
    [
      'xl/workbook.xml',
      `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15"><fileVersion appName="xl" lastEdited="7" codeName="{00000000-0000-0000-0000-000000000000}"/><workbookPr codeName="DennaArbetsbok" defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>` +
        '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Blad ett" sheetId="4" r:id="rId2"/><sheet name="Budgetkoll gammal" sheetId="5" r:id="rId3"/><sheet name="Diagram1" sheetId="6" r:id="rId4"/><sheet name="Pivot" sheetId="7" r:id="rId5"/></sheets>' +
        '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="2">\'Budgetkoll gammal\'!$1:$2</definedName><definedName name="Summa_data">Data!$B$2:$B$3</definedName></definedNames>' +
        '<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="3" r:id="rId10"/></pivotCaches></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      rels([
        ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
        ['rId2', 'worksheet', 'worksheets/Blad_ett.xml'],
        ['rId3', 'worksheet', 'worksheets/sheet2.xml'],
        ['rId4', 'chartsheet', 'chartsheets/sheet1.xml'],
        ['rId5', 'worksheet', 'worksheets/sheet3.xml'],
        ['rId6', 'theme', 'theme/theme1.xml'],
        ['rId7', 'styles', 'styles.xml'],
        ['rId8', 'sharedStrings', 'sharedStrings.xml'],
        ['rId9', 'calcChain', 'calcChain.xml'],
        ['rId10', 'pivotCacheDefinition', 'pivotCache/pivotCacheDefinition1.xml'],
        ['rId11', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin'],
        ['rId12', 'http://schemas.microsoft.com/office/2017/10/relationships/person', 'persons/person.xml'],
      ]),
    ],
    [
      'xl/worksheets/sheet1.xml',
      sheetXml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>100</v></c></row><row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>250</v></c><c r="C3"><f>SUM(B2:B3)</f><v>350</v></c></row>',
        '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>',
      ),
    ],
    ['xl/worksheets/_rels/sheet1.xml.rels', rels([['rId1', 'drawing', '../drawings/drawing1.xml'], ['rId2', 'vmlDrawing', '../drawings/vmlDrawing1.vml'], ['rId3', 'comments', '../comments1.xml'], ['rId4', 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', '../threadedComments/threadedComment1.xml']])],
    ['xl/worksheets/Blad_ett.xml', sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Blad med udda delnamn</t></is></c><c r="B1"><f>Data!B2*2</f><v>200</v></c></row>')],
    [
      'xl/worksheets/sheet2.xml',
      sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Gammal</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Rubrik</t></is></c></row><row r="3"><c r="A3"><v>1</v></c></row>', '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>'),
    ],
    ['xl/worksheets/_rels/sheet2.xml.rels', rels([['rId1', 'table', '../tables/table1.xml']])],
    ['xl/tables/table1.xml', `${DECL}<table xmlns="${MAIN}" id="2" name="Gammal_tabell" displayName="Gammal_tabell" ref="A2:A3" totalsRowShown="0"><autoFilter ref="A2:A3"/><tableColumns count="1"><tableColumn id="1" name="Rubrik"/></tableColumns><tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`],
    ['xl/worksheets/sheet3.xml', sheetXml('<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="inlineStr"><is><t>Summa av Belopp</t></is></c></row><row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4"><v>100</v></c></row>')],
    ['xl/worksheets/_rels/sheet3.xml.rels', rels([['rId1', 'pivotTable', '../pivotTables/pivotTable1.xml']])],
    [
      'xl/pivotTables/pivotTable1.xml',
      `${DECL}<pivotTableDefinition xmlns="${MAIN}" name="Pivottabell1" cacheId="3" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Värden" updatedVersion="8" minRefreshableVersion="3" createdVersion="8" indent="0" outline="1" outlineData="1"><location ref="A3:B5" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="2"><i><x/></i><i><x v="1"/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Summa av Belopp" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
    ],
    ['xl/pivotTables/_rels/pivotTable1.xml.rels', rels([['rId1', 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml']])],
    [
      'xl/pivotCache/pivotCacheDefinition1.xml',
      `${DECL}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshedBy="Ekonomi" refreshedDate="46000.5" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Data"/></cacheSource><cacheFields count="2"><cacheField name="Enhet" numFmtId="0"><sharedItems count="2"><s v="Skola"/><s v="Omsorg"/></sharedItems></cacheField><cacheField name="Belopp" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="100" maxValue="250"/></cacheField></cacheFields></pivotCacheDefinition>`,
    ],
    ['xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', rels([['rId1', 'pivotCacheRecords', 'pivotCacheRecords1.xml']])],
    ['xl/pivotCache/pivotCacheRecords1.xml', `${DECL}<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${R}" count="2"><r><x v="0"/><n v="100"/></r><r><x v="1"/><n v="250"/></r></pivotCacheRecords>`],
    ['xl/chartsheets/sheet1.xml', `${DECL}<chartsheet xmlns="${MAIN}" xmlns:r="${R}"><sheetPr/><sheetViews><sheetView zoomScale="118" workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`],
    ['xl/chartsheets/_rels/sheet1.xml.rels', rels([['rId1', 'drawing', '../drawings/drawing2.xml']])],
    [
      'xl/drawings/drawing1.xml',
      `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    ],
    ['xl/drawings/_rels/drawing1.xml.rels', rels([['rId1', 'chart', '../charts/chart1.xml']])],
    ['xl/drawings/drawing2.xml', `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"></xdr:wsDr>`],
    [
      'xl/charts/chart1.xml',
      `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Data!$B$2:$B$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
    ],
    ['xl/drawings/vmlDrawing1.vml', '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>'],
    ['xl/comments1.xml', `${DECL}<comments xmlns="${MAIN}"><authors><author>tc={5A1C0E3B-0000-0000-0000-000000000001}</author></authors><commentList><comment ref="B2" authorId="0"><text><t>Kolla beloppet</t></text></comment></commentList></comments>`],
    ['xl/threadedComments/threadedComment1.xml', `${DECL}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B2" dT="2026-01-05T08:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{5A1C0E3B-0000-0000-0000-000000000001}"><text>Kolla beloppet</text></threadedComment></ThreadedComments>`],
    ['xl/persons/person.xml', `${DECL}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Ekonom" id="{00000000-0000-0000-0000-000000000001}" providerId="None"/></personList>`],
    ['xl/theme/theme1.xml', `${DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office-tema"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`],
    [
      'xl/styles.xml',
      `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;kr&quot;\\ #,##0"/><numFmt numFmtId="170" formatCode="0.0%"/></numFmts>` +
        '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
        '<dxfs count="1"><dxf><font><color rgb="FF006100"/></font></dxf></dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>',
    ],
    ['xl/sharedStrings.xml', `${DECL}<sst xmlns="${MAIN}" count="5" uniqueCount="4"><si><t>Enhet</t></si><si><t>Belopp</t></si><si><t>Skola</t></si><si><t>Omsorg</t></si></sst>`],
    ['xl/calcChain.xml', `${DECL}<calcChain xmlns="${MAIN}"><c r="C3" i="1"/><c r="B1" i="2"/></calcChain>`],
    ['xl/vbaProject.bin', vba],
  ];
}

function u16(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff];
}
function u32(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
}

/**
 * A zip of the parts. Most are deflated at level 9 (a level the writer never uses); the VBA part
 * is stored; the chart is written with a data descriptor (flag bit 3, as streaming writers do) and
 * an extra field, and all carry a DOS time of 2026-01-05 08:30.
 */
export function zipOf(parts: [string, string | Uint8Array][]): Uint8Array {
  const out: number[] = [];
  const central: number[] = [];
  const time = (8 << 11) | (30 << 5);
  const date = ((2026 - 1980) << 9) | (1 << 5) | 5;
  for (const [name, content] of parts) {
    const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const nameBytes = [...new TextEncoder().encode(name)];
    const stored = name.endsWith('.bin');
    const descriptor = name === 'xl/charts/chart1.xml';
    const extra = descriptor ? [0x55, 0x54, 5, 0, 1, ...u32(1767601800)] : []; // extended timestamp
    const body = stored ? data : new Uint8Array(deflateRawSync(data, { level: 9 }));
    const crc = crc32(data);
    const flags = descriptor ? 0x0008 : 0;
    const offset = out.length;
    out.push(...u32(0x04034b50), ...u16(20), ...u16(flags), ...u16(stored ? 0 : 8), ...u16(time), ...u16(date));
    out.push(...(descriptor ? [...u32(0), ...u32(0), ...u32(0)] : [...u32(crc), ...u32(body.length), ...u32(data.length)]));
    out.push(...u16(nameBytes.length), ...u16(extra.length), ...nameBytes, ...extra);
    for (const b of body) out.push(b);
    if (descriptor) out.push(...u32(0x08074b50), ...u32(crc), ...u32(body.length), ...u32(data.length));
    central.push(...u32(0x02014b50), ...u16(0x031e), ...u16(20), ...u16(flags), ...u16(stored ? 0 : 8), ...u16(time), ...u16(date));
    central.push(...u32(crc), ...u32(body.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(extra.length), ...u16(0), ...u16(0), ...u16(0), ...u32(0x81a40000), ...u32(offset));
    central.push(...nameBytes, ...extra);
  }
  const centralOffset = out.length;
  out.push(...central);
  out.push(...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(parts.length), ...u16(parts.length), ...u32(central.length), ...u32(centralOffset), ...u16(0));
  return new Uint8Array(out);
}

export function inputPackage(): Uint8Array {
  return zipOf(inputParts());
}
