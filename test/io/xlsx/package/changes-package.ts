/**
 * The user's workbook of input-package.ts with what the playground's download changes in it:
 * an input tab "Inmatning" whose rows and cells partly lack `r` (as some writers save them), with a
 * self-closing row, a shared formula, a text-formatted cell and a table "Utfall"; a second owned
 * tab "Budgetkoll diagram" with a drawing, a chart with its colour part, comments and printer
 * settings; an image used by both drawings; defined names and workbook views that point at tabs
 * by position; and docProps/app.xml as Excel writes it (HeadingPairs and TitlesOfParts).
 */
import { inputParts, zipOf } from './input-package';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const REL = (type: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}`;
const OVERRIDE = (part: string, type: string) => `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`;

function rels(list: [string, string, string][]): string {
  return `${DECL}<Relationships xmlns="${PR}">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL(type)}" Target="${target}"/>`).join('')}</Relationships>`;
}

export const INPUT_SHEET = 'Inmatning';
export const OWNED_CHART_SHEET = 'Budgetkoll diagram';

/** The input tab: row 2 and its cells have no `r`, row 5 is self-closing, B6:B7 share a formula, B3 is text-formatted (xf 3). */
export const INPUT_SHEET_XML =
  `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:D9"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>` +
  '<row r="1" spans="1:4"><c r="A1" t="inlineStr"><is><t>Konto</t></is></c><c r="B1" t="inlineStr"><is><t>Belopp</t></is></c><c r="D1" t="s"><v>1</v></c></row>' +
  '<row><c t="inlineStr"><is><t>Lön</t></is></c><c><v>100</v></c></row>' +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>Hyra</t></is></c><c r="B3" s="3"><v>50</v></c></row>' +
  '<row r="5" spans="1:2" ht="20" customHeight="1"/>' +
  '<row r="6"><c r="A6"><f>SUM(B2:B3)</f><v>150</v></c><c r="B6"><f t="shared" ref="B6:B7" si="0">A6*2</f><v>300</v></c></row>' +
  '<row r="7"><c r="B7"><f t="shared" si="0"/><v>0</v></c></row>' +
  '<row r="9"><c r="A9" s="2"><v>1</v></c></row>' +
  '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>';

const APP_XML =
  `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
  '<HeadingPairs><vt:vector size="6" baseType="variant"><vt:variant><vt:lpstr>Kalkylblad</vt:lpstr></vt:variant><vt:variant><vt:i4>6</vt:i4></vt:variant><vt:variant><vt:lpstr>Diagram</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant><vt:variant><vt:lpstr>Namngivna områden</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
  '<TitlesOfParts><vt:vector size="9" baseType="lpstr"><vt:lpstr>Data</vt:lpstr><vt:lpstr>Blad ett</vt:lpstr><vt:lpstr>Budgetkoll gammal</vt:lpstr><vt:lpstr>Pivot</vt:lpstr><vt:lpstr>Inmatning</vt:lpstr><vt:lpstr>Budgetkoll diagram</vt:lpstr><vt:lpstr>Diagram1</vt:lpstr><vt:lpstr>\'Budgetkoll gammal\'!Utskriftsrubriker</vt:lpstr><vt:lpstr>Summa_data</vt:lpstr></vt:vector></TitlesOfParts>' +
  '<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><AppVersion>16.0300</AppVersion></Properties>';

export function changesParts(): [string, string | Uint8Array][] {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const printer = new Uint8Array(200).map((_, i) => (i * 31) & 0xff);
  const parts = inputParts().map(([name, content]): [string, string | Uint8Array] => {
    if (typeof content !== 'string') return [name, content];
    switch (name) {
      case '[Content_Types].xml':
        return [
          name,
          content.replace(
            '</Types>',
            '<Default Extension="png" ContentType="image/png"/>' +
              OVERRIDE('/xl/worksheets/sheet4.xml', 'spreadsheetml.worksheet+xml') +
              OVERRIDE('/xl/worksheets/sheet5.xml', 'spreadsheetml.worksheet+xml') +
              OVERRIDE('/xl/tables/table5.xml', 'spreadsheetml.table+xml') +
              OVERRIDE('/xl/drawings/drawing3.xml', 'drawing+xml') +
              OVERRIDE('/xl/charts/chart2.xml', 'drawingml.chart+xml') +
              '<Override PartName="/xl/charts/colors2.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/>' +
              OVERRIDE('/xl/comments2.xml', 'spreadsheetml.comments+xml') +
              '<Override PartName="/xl/printerSettings/printerSettings1.bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>' +
              '</Types>',
          ),
        ];
      case 'docProps/app.xml':
        return [name, APP_XML];
      case 'xl/workbook.xml':
        return [
          name,
          content
            .replace('activeTab="0"', 'firstSheet="6" activeTab="5"')
            .replace('</sheets>', `<sheet name="${INPUT_SHEET}" sheetId="8" r:id="rId13"/><sheet name="${OWNED_CHART_SHEET}" sheetId="9" r:id="rId14"/></sheets>`)
            .replace(
              '</definedNames>',
              `<definedName name="_xlnm._FilterDatabase" localSheetId="5" hidden="1">${INPUT_SHEET}!$A$1:$B$3</definedName>` +
                `<definedName name="_xlnm.Print_Titles" localSheetId="6">'${OWNED_CHART_SHEET}'!$1:$1</definedName>` +
                `<definedName name="Diagramdata">'${OWNED_CHART_SHEET}'!$A$1:$B$2</definedName>` +
                '<definedName name="Två_källor">Data!$B$2+\'Budgetkoll gammal\'!$A$3</definedName></definedNames>',
            ),
        ];
      case 'xl/_rels/workbook.xml.rels':
        return [name, content.replace('</Relationships>', `<Relationship Id="rId13" Type="${REL('worksheet')}" Target="worksheets/sheet4.xml"/><Relationship Id="rId14" Type="${REL('worksheet')}" Target="/xl/worksheets/sheet5.xml"/></Relationships>`)];
      case 'xl/drawings/_rels/drawing1.xml.rels':
        return [name, content.replace('</Relationships>', `<Relationship Id="rId2" Type="${REL('image')}" Target="../media/image1.png"/></Relationships>`)];
      case 'xl/styles.xml':
        return [name, content.replace('<cellXfs count="3">', '<cellXfs count="4">').replace('</cellXfs>', '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>')];
      default:
        return [name, content];
    }
  });
  parts.push(
    ['xl/worksheets/sheet4.xml', INPUT_SHEET_XML],
    ['xl/worksheets/_rels/sheet4.xml.rels', rels([['rId1', 'table', '../tables/table5.xml']])],
    [
      'xl/tables/table5.xml',
      `${DECL}<table xmlns="${MAIN}" id="7" name="Utfall" displayName="Utfall" ref="A1:B3" totalsRowShown="0"><autoFilter ref="A1:B3"><filterColumn colId="1"><customFilters><customFilter operator="greaterThan" val="0"/></customFilters></filterColumn></autoFilter><tableColumns count="2"><tableColumn id="1" name="Konto"/><tableColumn id="2" name="Belopp"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    ],
    [
      'xl/worksheets/sheet5.xml',
      `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Budgetkoll diagram</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait" r:id="rId3"/><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/></worksheet>`,
    ],
    [
      'xl/worksheets/_rels/sheet5.xml.rels',
      rels([['rId1', 'drawing', '../drawings/drawing3.xml'], ['rId2', 'vmlDrawing', '../drawings/vmlDrawing2.vml'], ['rId3', 'printerSettings', '../printerSettings/printerSettings1.bin'], ['rId4', 'comments', '../comments2.xml']]),
    ],
    ['xl/drawings/drawing3.xml', `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"></xdr:wsDr>`],
    ['xl/drawings/_rels/drawing3.xml.rels', rels([['rId1', 'chart', '../charts/chart2.xml'], ['rId2', 'image', '../media/image1.png']])],
    ['xl/charts/chart2.xml', `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>`],
    ['xl/charts/_rels/chart2.xml.rels', `${DECL}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartColorStyle" Target="colors2.xml"/></Relationships>`],
    ['xl/charts/colors2.xml', `${DECL}<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>`],
    ['xl/drawings/vmlDrawing2.vml', '<xml xmlns:v="urn:schemas-microsoft-com:vml"></xml>'],
    ['xl/comments2.xml', `${DECL}<comments xmlns="${MAIN}"><authors><author>Ekonom</author></authors><commentList/></comments>`],
    ['xl/printerSettings/printerSettings1.bin', printer],
    ['xl/media/image1.png', png],
  );
  return parts;
}

export function changesPackage(): Uint8Array {
  return zipOf(changesParts());
}

/** The parts that go with "Budgetkoll diagram" (and only it). */
export const OWNED_CHART_SHEET_PARTS = [
  'xl/worksheets/sheet5.xml',
  'xl/worksheets/_rels/sheet5.xml.rels',
  'xl/drawings/drawing3.xml',
  'xl/drawings/_rels/drawing3.xml.rels',
  'xl/charts/chart2.xml',
  'xl/charts/_rels/chart2.xml.rels',
  'xl/charts/colors2.xml',
  'xl/drawings/vmlDrawing2.vml',
  'xl/comments2.xml',
  'xl/printerSettings/printerSettings1.bin',
];
