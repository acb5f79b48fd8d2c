/** Packages with a chart as Excel saves one, for the playground's tests (file-charts.ts). */
import ExcelJS from 'exceljs';
import { readZipEntries, entryBytes } from '../../src/io/xlsx/zip-entries';
import { deps, inputParts, zipOf } from '../io/xlsx/package/input-package';

const C = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';

export interface Series {
  name: string;
  categories: string;
  values: string;
}

/** A chart part as Excel writes one: a title, then the plot area with one chart of `type`. */
export function chartXml(series: Series[], options: { type?: string; barDir?: string; grouping?: string; title?: string } = {}): string {
  const { type = 'barChart', barDir = 'col', grouping = 'clustered', title = 'Belopp per enhet' } = options;
  const ser = series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${s.name}</c:f></c:strRef></c:tx>` +
        `<c:cat><c:strRef><c:f>${s.categories}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${s.values}</c:f></c:numRef></c:val></c:ser>`,
    )
    .join('');
  const bar = type === 'barChart' ? `<c:barDir val="${barDir}"/><c:grouping val="${grouping}"/>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<c:chartSpace ${C}><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${title}</a:t></a:r></a:p></c:rich></c:tx></c:title>` +
    `<c:plotArea><c:layout/><c:${type}>${bar}${ser}<c:axId val="1"/><c:axId val="2"/></c:${type}>` +
    `<c:catAx><c:axId val="1"/><c:title><c:tx><c:rich><a:p><a:r><a:t>Axel</a:t></a:r></a:p></c:rich></c:tx></c:title></c:catAx></c:plotArea></c:chart></c:chartSpace>`
  );
}

/** The input workbook with its chart on Data (anchored E2 to the top-left of K16) replaced by `chart`. */
export function packageWithChart(chart: string): Uint8Array {
  return zipOf(inputParts().map(([name, content]) => [name, name === 'xl/charts/chart1.xml' ? chart : content]));
}


const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (type: string, target: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/${type}" Target="${target}"/></Relationships>`;
const DRAWING =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
  '<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
  `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

/**
 * A workbook as ExcelJS writes it — tab Data: Enhet/Belopp over Skola 100 and Omsorg 250 in A1:B3 —
 * with `chart` added in a drawing anchored at E2 up to the top-left of K16, as Excel saves a chart.
 */
export async function workbookWithChart(chart: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRows([['Enhet', 'Belopp'], ['Skola', 100], ['Omsorg', 250]]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const parts: [string, string | Uint8Array][] = [];
  for (const [name, entry] of readZipEntries(bytes)) {
    if (name.endsWith('/')) continue;
    const text = new TextDecoder().decode(await entryBytes(bytes, entry, deps.inflateRaw));
    if (name === 'xl/worksheets/sheet1.xml') parts.push([name, text.replace('</worksheet>', '<drawing r:id="rId1"/></worksheet>')]);
    else if (name === '[Content_Types].xml')
      parts.push([
        name,
        text.replace(
          '</Types>',
          '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
            '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
        ),
      ]);
    else parts.push([name, text]);
  }
  parts.push(
    ['xl/worksheets/_rels/sheet1.xml.rels', rels('drawing', '../drawings/drawing1.xml')],
    ['xl/drawings/drawing1.xml', DRAWING],
    ['xl/drawings/_rels/drawing1.xml.rels', rels('chart', '../charts/chart1.xml')],
    ['xl/charts/chart1.xml', chart],
  );
  return zipOf(parts);
}
