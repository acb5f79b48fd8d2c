/**
 * The small text edits the package writer makes to the parts that list other parts:
 * [Content_Types].xml, relationship parts and xl/workbook.xml. Each edit is the least that keeps
 * the package consistent; everything else in these parts stays as the input had it (its
 * namespaces, its order, its extensions).
 */
import { escapeXml, findSection, rootPrefix, withAttribute } from './xml-text';
import { REL_NS } from './sheet-xml';

export const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

export const REL_TYPES = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
} as const;

const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function insertBeforeClose(xml: string, prefix: string, root: string, text: string): string {
  const close = `</${prefix}${root}>`;
  const at = xml.lastIndexOf(close);
  if (at >= 0) return xml.slice(0, at) + text + xml.slice(at);
  // A self-closing root (an empty list).
  const selfClosing = new RegExp(`<${prefix}${root}(\\s[^>]*)?/>`).exec(xml);
  if (!selfClosing) throw new Error(`no <${prefix}${root}> element`);
  const open = selfClosing[0].replace(/\s*\/>$/, '>');
  return xml.slice(0, selfClosing.index) + open + text + close + xml.slice(selfClosing.index + selfClosing[0].length);
}

// --- [Content_Types].xml ---

export function emptyContentTypes(): string {
  return (
    XML_DECLARATION +
    `<Types xmlns="${CONTENT_TYPES_NS}"><Default Extension="rels" ContentType="${CONTENT_TYPES.relationships}"/>` +
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
  );
}

/** Adds an Override for a part ("/xl/worksheets/sheet3.xml"), replacing one already there. */
export function withOverride(xml: string, partName: string, contentType: string): string {
  const p = rootPrefix(xml, 'Types');
  const cleaned = withoutOverride(xml, partName);
  return insertBeforeClose(cleaned, p, 'Types', `<${p}Override PartName="${escapeXml(partName)}" ContentType="${contentType}"/>`);
}

export function withoutOverride(xml: string, partName: string): string {
  const tag = new RegExp(`<(?:[\\w.-]+:)?Override\\s[^>]*PartName\\s*=\\s*["']${regexEscape(partName)}["'][^>]*/>`, 'gi');
  return xml.replace(tag, '');
}

// --- relationship parts ---

export function emptyRelationships(): string {
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELS_NS}"></Relationships>`;
}

/** A relationship id not yet used in a rels part: one above the highest "rIdN". */
export function freeRelId(xml: string, alsoTaken: ReadonlySet<string> = new Set()): string {
  let max = 0;
  for (const m of xml.matchAll(/\sId\s*=\s*["']rId(\d+)["']/g)) max = Math.max(max, Number(m[1]));
  for (const id of alsoTaken) {
    const m = /^rId(\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `rId${max + 1}`;
}

export function withRelationship(xml: string, id: string, type: string, target: string): string {
  const p = rootPrefix(xml, 'Relationships');
  return insertBeforeClose(xml, p, 'Relationships', `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`);
}

/** Removes the relationship with id `id`. */
export function withoutRelationship(xml: string, id: string): string {
  return xml.replace(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g, (m) => (/\sId\s*=\s*["']([^"']*)["']/.exec(m)?.[1] === id ? '' : m));
}

/** Removes every relationship whose Type ends with `/typeSuffix` (e.g. "calcChain"); returns the ids removed. */
export function withoutRelationshipsOfType(xml: string, typeSuffix: string): { xml: string; removed: string[] } {
  const removed: string[] = [];
  const tag = /<(?:[\w.-]+:)?Relationship\s[^>]*>/g;
  const out = xml.replace(tag, (m) => {
    const type = /\sType\s*=\s*["']([^"']*)["']/.exec(m)?.[1] ?? '';
    if (!type.endsWith(`/${typeSuffix}`)) return m;
    removed.push(/\sId\s*=\s*["']([^"']*)["']/.exec(m)?.[1] ?? '');
    return '';
  });
  return { xml: out, removed };
}

// --- xl/workbook.xml ---

/** The prefix the workbook binds to the relationships namespace, or null. */
function relPrefix(xml: string): string | null {
  const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${regexEscape(REL_NS)}["']`).exec(xml);
  return m ? m[1] : null;
}

/** Adds a `<sheet>` last, or before the `at`-th one (0: first in the tab order). */
export function withSheet(xml: string, name: string, sheetId: number, relId: string, at?: number): string {
  const p = rootPrefix(xml, 'workbook');
  const r = relPrefix(xml);
  const relAttr = r ? `${r}:id="${relId}"` : `xmlns:r="${REL_NS}" r:id="${relId}"`;
  const element = `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${relAttr}/>`;
  const sheets = findSection(xml, p, 'sheets');
  if (!sheets) throw new Error('workbook.xml has no <sheets>');
  if (sheets.selfClosing) return `${xml.slice(0, sheets.start)}<${p}sheets>${element}</${p}sheets>${xml.slice(sheets.end)}`;
  if (at !== undefined) {
    const tag = new RegExp(`<${p}sheet(?=[\\s/>])[^>]*>`, 'g');
    tag.lastIndex = sheets.openEnd;
    for (let i = 0, m = tag.exec(xml); m && m.index < sheets.closeStart; i++, m = tag.exec(xml)) {
      if (i === at) return xml.slice(0, m.index) + element + xml.slice(m.index);
    }
  }
  return xml.slice(0, sheets.closeStart) + element + xml.slice(sheets.closeStart);
}

/** Removes the `<sheet>` whose relationship id is `relId`. */
export function withoutSheet(xml: string, relId: string): string {
  const tag = /<(?:[\w.-]+:)?sheet\s[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?sheet>)/g;
  return xml.replace(tag, (m) => (/\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(m)?.[1] === relId ? '' : m));
}

/**
 * Renumbers what refers to a sheet by its position after a sheet was added or removed:
 * `definedName localSheetId` (a name of a removed sheet goes with it) and the workbook views'
 * `activeTab`/`firstSheet` (one on a removed sheet moves to `fallback`).
 */
export function withSheetPositions(xml: string, map: (position: number) => number | null, fallback: number): string {
  const p = rootPrefix(xml, 'workbook');
  let out = xml;
  const names = findSection(out, p, 'definedNames');
  if (names && !names.selfClosing) {
    const element = new RegExp(`<${p}definedName\\s[^>]*?(?:/>|>[\\s\\S]*?</${p}definedName>)`, 'g');
    const body = out.slice(names.openEnd, names.closeStart).replace(element, (m) => {
      const open = m.slice(0, m.indexOf('>') + 1);
      const id = /\slocalSheetId\s*=\s*["'](\d+)["']/.exec(open)?.[1];
      if (id === undefined) return m;
      const to = map(Number(id));
      return to === null ? '' : withAttribute(open, 'localSheetId', String(to)) + m.slice(open.length);
    });
    out = out.slice(0, names.openEnd) + body + out.slice(names.closeStart);
  }
  const views = findSection(out, p, 'bookViews');
  if (views && !views.selfClosing) {
    const body = out.slice(views.openEnd, views.closeStart).replace(new RegExp(`<${p}workbookView(?=[\\s/>])[^>]*>`, 'g'), (tag) => {
      let edited = tag;
      for (const name of ['activeTab', 'firstSheet']) {
        const value = new RegExp(`\\s${name}\\s*=\\s*["'](\\d+)["']`).exec(tag)?.[1];
        if (value !== undefined) edited = withAttribute(edited, name, String(map(Number(value)) ?? fallback));
      }
      return edited;
    });
    out = out.slice(0, views.openEnd) + body + out.slice(views.closeStart);
  }
  return out;
}

function regexEscapeName(name: string): string {
  return regexEscape(escapeXml(name));
}

/**
 * Defined names that refer to a removed sheet get `#REF!` in place of the reference, as Excel
 * writes them after a sheet is deleted ("'Gammal flik'!$A$1" → "#REF!"); the name stays.
 */
export function withSheetReferencesBroken(xml: string, sheetName: string): string {
  const p = rootPrefix(xml, 'workbook');
  const names = findSection(xml, p, 'definedNames');
  if (!names || names.selfClosing) return xml;
  const quoted = `'${regexEscapeName(sheetName.replace(/'/g, "''"))}'`;
  const sheet = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheetName) ? `(?:${quoted}|(?<![\\p{L}\\p{N}_.'])${regexEscapeName(sheetName)})` : quoted;
  const cell = String.raw`\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?`;
  const rows = String.raw`\$?\d+:\$?\d+`;
  const cols = String.raw`\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}`;
  const reference = new RegExp(`${sheet}!(?:${cell}|${rows}|${cols}|#REF!)`, 'giu');
  const element = new RegExp(`(<${p}definedName\\s[^>]*>)([\\s\\S]*?)(</${p}definedName>)`, 'g');
  const body = xml.slice(names.openEnd, names.closeStart).replace(element, (_m, open: string, formula: string, close: string) => open + formula.replace(reference, '#REF!') + close);
  return xml.slice(0, names.openEnd) + body + xml.slice(names.closeStart);
}

/** Renames the `<sheet>` whose relationship id is `relId`. */
export function withSheetRenamed(xml: string, relId: string, name: string): string {
  const tag = /<(?:[\w.-]+:)?sheet\s[^>]*>/g;
  return xml.replace(tag, (m) => {
    const id = /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(m)?.[1];
    if (id !== relId) return m;
    return m.replace(/(\sname\s*=\s*)("[^"]*"|'[^']*')/, `$1"${escapeXml(name)}"`);
  });
}

/** CT_Workbook's elements after definedNames: a new <definedNames> goes before the first present. */
const AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/**
 * Sets or removes the sheet-local defined name `name` (e.g. "_xlnm.Print_Titles") of the sheet at
 * `localSheetId`; `formula` null removes it.
 */
export function withLocalDefinedName(xml: string, name: string, localSheetId: number, formula: string | null): string {
  const p = rootPrefix(xml, 'workbook');
  const matches = (tag: string) =>
    new RegExp(`\\sname\\s*=\\s*["']${regexEscape(name)}["']`, 'i').test(tag) && new RegExp(`\\slocalSheetId\\s*=\\s*["']${localSheetId}["']`).test(tag);
  let out = xml;
  const section = findSection(out, p, 'definedNames');
  if (section && !section.selfClosing) {
    const body = out.slice(section.openEnd, section.closeStart);
    const element = new RegExp(`<${p}definedName\\s[^>]*?(?:/>|>[\\s\\S]*?</${p}definedName>)`, 'g');
    const kept = body.replace(element, (m) => (matches(m.slice(0, m.indexOf('>') + 1)) ? '' : m));
    out = out.slice(0, section.openEnd) + kept + out.slice(section.closeStart);
  }
  if (formula === null) return out;
  const element = `<${p}definedName name="${escapeXml(name)}" localSheetId="${localSheetId}">${escapeXml(formula)}</${p}definedName>`;
  const names = findSection(out, p, 'definedNames');
  if (names && !names.selfClosing) return out.slice(0, names.closeStart) + element + out.slice(names.closeStart);
  if (names) return `${out.slice(0, names.start)}<${p}definedNames>${element}</${p}definedNames>${out.slice(names.end)}`;
  const later = AFTER_DEFINED_NAMES.map((local) => findSection(out, p, local)).find((s) => s !== null);
  const at = later ? later.start : out.lastIndexOf(`</${p}workbook>`);
  return `${out.slice(0, at)}<${p}definedNames>${element}</${p}definedNames>${out.slice(at)}`;
}

/** CT_Workbook's elements after calcPr: a new <calcPr> goes before the first present. */
const AFTER_CALC_PR = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/**
 * Asks the opening program to recalculate every formula (calcPr fullCalcOnLoad="1"). Written
 * formulas carry the core's figures as cached results, but not where they depend on cells the user
 * types; and a workbook last saved by Excel would otherwise be trusted as calculated.
 */
export function withFullCalcOnLoad(xml: string): string {
  const p = rootPrefix(xml, 'workbook');
  const calc = findSection(xml, p, 'calcPr');
  if (calc) return xml.slice(0, calc.start) + withAttribute(calc.openTag, 'fullCalcOnLoad', '1') + xml.slice(calc.openEnd);
  const later = AFTER_CALC_PR.map((local) => findSection(xml, p, local)).find((s) => s !== null);
  const at = later ? later.start : xml.lastIndexOf(`</${p}workbook>`);
  return `${xml.slice(0, at)}<${p}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}

/** workbook.xml of a new package, without sheets. */
export function emptyWorkbook(): string {
  return (
    XML_DECLARATION +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}">` +
    '<bookViews><workbookView/></bookViews><sheets/><calcPr calcId="191029"/></workbook>'
  );
}

export function packageRelationships(): string {
  return withRelationship(emptyRelationships(), 'rId1', REL_TYPES.officeDocument, 'xl/workbook.xml');
}

export function newPackageContentTypes(): string {
  let xml = emptyContentTypes();
  xml = withOverride(xml, '/xl/workbook.xml', CONTENT_TYPES.workbook);
  xml = withOverride(xml, '/xl/styles.xml', CONTENT_TYPES.styles);
  return xml;
}
