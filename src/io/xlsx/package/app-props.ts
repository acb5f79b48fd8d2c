/**
 * docProps/app.xml's list of worksheet names (TitlesOfParts, counted in HeadingPairs), brought up
 * to date after tabs were added, renamed or removed. The list is informational (file browsers,
 * search indexes); Excel rewrites it on save. Only the layout Excel writes is edited: a heading
 * "Worksheets" (or "Kalkylblad", as a Swedish Excel writes it) whose count of titles starts at the
 * sum of the counts before it. Anything else leaves the part as it was.
 */
import { escapeXml } from './xml-text';

const WORKSHEET_HEADINGS = new Set(['worksheets', 'kalkylblad']);

interface Vector {
  start: number;
  end: number;
  openTag: string;
  body: string;
  prefix: string;
}

function vectorIn(xml: string, parent: string): Vector | null {
  const section = new RegExp(`<(?:[\\w.-]+:)?${parent}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w.-]+:)?${parent}>`).exec(xml);
  if (!section) return null;
  const inner = section.index + section[0].indexOf('>') + 1;
  const vector = /<([\w.-]+:)?vector(?:\s[^>]*)?>([\s\S]*?)<\/\1?vector>/.exec(section[1]);
  if (!vector) return null;
  const start = inner + vector.index;
  const openTag = vector[0].slice(0, vector[0].indexOf('>') + 1);
  return { start, end: start + vector[0].length, openTag, body: vector[2], prefix: vector[1] ?? '' };
}

/** XML without the white space between tags (the parts must be nothing but the elements matched). */
function squeeze(xml: string): string {
  return xml.replace(/>\s+</g, '><').trim();
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The part with the worksheet titles set to `worksheets` (workbook order), or null to leave it as it is. */
export function withWorksheetTitles(xml: string, worksheets: readonly string[]): string | null {
  const pairs = vectorIn(xml, 'HeadingPairs');
  const titles = vectorIn(xml, 'TitlesOfParts');
  if (!pairs || !titles || titles.start < pairs.end) return null;
  const vt = pairs.prefix;
  const variants = [...pairs.body.matchAll(new RegExp(`<${vt}variant>\\s*<${vt}(lpstr|i4)>([^<]*)</${vt}(?:lpstr|i4)>\\s*</${vt}variant>`, 'g'))];
  if (variants.length === 0 || variants.length % 2 !== 0 || squeeze(variants.map((m) => m[0]).join('')) !== squeeze(pairs.body)) return null;
  const headings: { name: string; count: number }[] = [];
  for (let i = 0; i < variants.length; i += 2) {
    if (variants[i][1] !== 'lpstr' || variants[i + 1][1] !== 'i4' || !/^\d+$/.test(variants[i + 1][2])) return null;
    headings.push({ name: decode(variants[i][2]), count: Number(variants[i + 1][2]) });
  }
  const entries = [...titles.body.matchAll(new RegExp(`<${titles.prefix}lpstr>([^<]*)</${titles.prefix}lpstr>`, 'g'))].map((m) => m[0]);
  if (squeeze(entries.join('')) !== squeeze(titles.body)) return null;
  if (headings.reduce((s, h) => s + h.count, 0) !== entries.length) return null;
  const at = headings.findIndex((h) => WORKSHEET_HEADINGS.has(h.name.toLowerCase()));
  if (at < 0) return null;
  const offset = headings.slice(0, at).reduce((s, h) => s + h.count, 0);
  const tp = titles.prefix;
  const names = worksheets.map((name) => `<${tp}lpstr>${escapeXml(name)}</${tp}lpstr>`);
  const newEntries = [...entries.slice(0, offset), ...names, ...entries.slice(offset + headings[at].count)];
  if (newEntries.join('') === entries.join('')) return null;
  headings[at].count = worksheets.length;
  // Excel lists no heading without titles.
  const kept = headings.filter((h) => h.count > 0);
  const pairBody = kept.map((h) => `<${vt}variant><${vt}lpstr>${escapeXml(h.name)}</${vt}lpstr></${vt}variant><${vt}variant><${vt}i4>${h.count}</${vt}i4></${vt}variant>`).join('');
  const size = (open: string, n: number) => open.replace(/(\ssize\s*=\s*)"\d+"/, `$1"${n}"`);
  const pairsXml = `${size(pairs.openTag, kept.length * 2)}${pairBody}</${vt}vector>`;
  const titlesXml = `${size(titles.openTag, newEntries.length)}${newEntries.join('')}</${tp}vector>`;
  return xml.slice(0, pairs.start) + pairsXml + xml.slice(pairs.end, titles.start) + titlesXml + xml.slice(titles.end);
}
