/**
 * The charts an opened file already has, as ChartSpecs the grid can draw: a tab Budgetkoll wrote
 * in Excel (the quadrant and frame charts) carries them as real chart parts, which ExcelJS does not
 * read. For each worksheet: its drawing's charts, each placed by its anchor's cells. A clustered
 * column chart whose series are columns of one block (names in its first row, categories in its
 * first column, as Budgetkoll adds them) is drawn from that block; other charts are left to Excel
 * (the grid shows their cells). Only reading: the file is saved as it was.
 */
import { parseRangeA1, rangeToA1, type RangePosition } from '../core/a1';
import type { ChartSpec } from '../core/workbook/sheet-spec';
import type { WorkbookPort } from '../core/workbook/port';
import { attr, folderOf, parseRelationships, parseWorkbook, partText, relsPathOf, tagsNamed } from '../io/xlsx/package-parts';
import { entryBytes, readZipEntries, type InflateRaw } from '../io/xlsx/zip-entries';
import { decodeXmlEntities } from '../io/xlsx/xml-bytes';

const DRAWING = /\/drawing$/;
const CHART = /\/chart$/;
const ANCHOR = /<(?:\w+:)?(twoCellAnchor|oneCellAnchor)\b[\s\S]*?<\/(?:\w+:)?\1>/g;

/** The content of the first element named `local` (any prefix) inside `xml`. */
function element(xml: string, local: string): string | undefined {
  return new RegExp(`<(?:\\w+:)?${local}>([\\s\\S]*?)</(?:\\w+:)?${local}>`).exec(xml)?.[1];
}

/** A cell of an anchor's from/to: 0-based, and whether it is entered (a non-zero offset into it). */
function anchorCell(anchor: string, which: 'from' | 'to'): { row: number; col: number; into: boolean } | null {
  const edge = element(anchor, which);
  if (edge === undefined) return null;
  const num = (local: string) => Number(element(edge, local));
  const row = num('row');
  const col = num('col');
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0) return null;
  return { row, col, into: num('rowOff') > 0 || num('colOff') > 0 };
}

/** The cells an anchor covers: from its `from` cell to the last cell its `to` edge enters. */
function anchorRange(anchor: string): RangePosition | null {
  const from = anchorCell(anchor, 'from');
  const to = anchorCell(anchor, 'to');
  if (!from || !to) return null;
  // A `to` at offset 0 is the left/top edge of that cell: the chart ends in the cell before it.
  const back = to.into ? 0 : 1;
  return { top: from.row, left: from.col, bottom: Math.max(from.row, to.row - back), right: Math.max(from.col, to.col - back) };
}

/** A reference "'Tab'!$B$40:$B$43" on `sheet` as a range, or null (another tab, a name, several areas). */
function refOnSheet(ref: string | undefined, sheet: string): RangePosition | null {
  if (!ref) return null;
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return null;
  const raw = ref.slice(0, bang);
  const name = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  if (decodeXmlEntities(name) !== sheet) return null;
  return parseRangeA1(ref.slice(bang + 1).replace(/\$/g, ''));
}

const sameRange = (a: RangePosition | null, b: RangePosition) => !!a && a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;


/**
 * A chart part as Budgetkoll's ChartSpec, or null: only a clustered column chart whose series are
 * the columns of one block on `sheet` — series i named by the block's first row, its values in
 * column i + 1 beside the categories in the block's first column (as Budgetkoll adds them).
 */
export function chartSpecOf(xml: string, sheet: string, placement: RangePosition): ChartSpec | null {
  const plot = element(xml, 'plotArea') ?? '';
  const bar = element(plot, 'barChart');
  // One chart type in the plot area, and that one clustered columns.
  if (!bar || (plot.match(/<(?:\w+:)?\w+Chart>/g) ?? []).length !== 1) return null;
  if (tagsNamed(bar, 'barDir')[0]?.val !== 'col' || tagsNamed(bar, 'grouping')[0]?.val !== 'clustered') return null;
  const series = [...bar.matchAll(/<(?:\w+:)?ser>([\s\S]*?)<\/(?:\w+:)?ser>/g)].map((m) => ({
    name: refOnSheet(element(element(m[1], 'tx') ?? '', 'f'), sheet),
    categories: refOnSheet(element(element(m[1], 'cat') ?? '', 'f'), sheet),
    values: refOnSheet(element(element(m[1], 'val') ?? '', 'f'), sheet),
  }));
  const cats = series[0]?.categories;
  if (!cats || cats.left !== cats.right || cats.top === 0) return null;
  const top = cats.top - 1;
  const byColumns = series.every((s, i) => {
    const col = cats.left + 1 + i;
    return sameRange(s.categories, cats) && sameRange(s.name, { top, left: col, bottom: top, right: col }) && sameRange(s.values, { top: cats.top, left: col, bottom: cats.bottom, right: col });
  });
  if (!byColumns) return null;
  // The chart's own title: the one before the plot area (axis titles are inside it).
  const titleXml = element(element(xml.slice(0, xml.search(/<(?:\w+:)?plotArea>/)), 'title') ?? '', 'rich') ?? '';
  const title = decodeXmlEntities([...titleXml.matchAll(/<(?:\w+:)?t>([^<]*)<\/(?:\w+:)?t>/g)].map((m) => m[1]).join(''));
  const source = { top, left: cats.left, bottom: cats.bottom, right: cats.left + series.length };
  return { kind: 'columnClustered', source: rangeToA1(source), title, placement: rangeToA1(placement) };
}

/** The charts of each worksheet of the package `bytes`, by tab name; tabs without charts are left out. */
export async function fileCharts(bytes: Uint8Array, inflateRaw: InflateRaw): Promise<Map<string, ChartSpec[]>> {
  const entries = readZipEntries(bytes);
  const text = async (path: string): Promise<string | null> => {
    const entry = entries.get(path);
    return entry ? partText(await entryBytes(bytes, entry, inflateRaw)) : null;
  };
  const rels = async (path: string) => parseRelationships((await text(relsPathOf(path))) ?? '', folderOf(path));
  const charts = new Map<string, ChartSpec[]>();
  const workbookXml = await text('xl/workbook.xml');
  if (!workbookXml) return charts;
  for (const sheet of parseWorkbook(workbookXml, await rels('xl/workbook.xml')).sheets) {
    if (!entries.has(relsPathOf(sheet.path))) continue;
    for (const drawing of (await rels(sheet.path)).filter((r) => DRAWING.test(r.type))) {
      const drawingXml = await text(drawing.target);
      if (!drawingXml) continue;
      const chartTargets = new Map((await rels(drawing.target)).filter((r) => CHART.test(r.type)).map((r) => [r.id, r.target]));
      for (const anchor of drawingXml.match(ANCHOR) ?? []) {
        const id = tagsNamed(anchor, 'chart').map((a) => attr(a, 'id')).find((v) => v !== undefined);
        const target = id !== undefined ? chartTargets.get(id) : undefined;
        const placement = anchorRange(anchor);
        const chartXml = target && placement ? await text(target) : null;
        if (!chartXml || !placement) continue;
        const spec = chartSpecOf(chartXml, sheet.name, placement);
        if (spec) charts.set(sheet.name, [...(charts.get(sheet.name) ?? []), spec]);
      }
    }
  }
  return charts;
}

const sheetKey = (name: string) => name.toLocaleLowerCase('sv-SE');

/**
 * A port that forgets a tab's charts from the file once the tab is written anew or deleted this
 * session (its charts are then the written spec's, journaled-port.ts); `charts` reads what is left.
 */
export function withFileCharts(port: WorkbookPort, fromFile: ReadonlyMap<string, readonly ChartSpec[]>): { port: WorkbookPort; charts(sheet: string): readonly ChartSpec[] | undefined } {
  const left = new Map([...fromFile].map(([name, charts]) => [sheetKey(name), charts]));
  const forget = (name: string | undefined) => name !== undefined && left.delete(sheetKey(name));
  return {
    charts: (sheet) => left.get(sheetKey(sheet)),
    port: {
      index: () => port.index(),
      read(plan, options) {
        return port.read(plan, options);
      },
      selectCell: (sheet, address) => port.selectCell(sheet, address),
      writeCells: (edits) => port.writeCells(edits),
      resizeTable: (resize) => port.resizeTable(resize),
      async writeSheet(spec, options) {
        const result = await port.writeSheet(spec, options);
        forget(result.name);
        forget(options?.replace);
        return result;
      },
      async deleteOwnedSheet(name) {
        await port.deleteOwnedSheet(name);
        forget(name);
      },
    },
  };
}
