/** Small helpers for writing XML text by hand (the parts the package writer produces or edits). */

// Characters XML 1.0 cannot hold at all (C0 controls but tab, LF and CR; unpaired surrogates are
// left to the encoder, which writes U+FFFD for them).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const SPECIAL = /[&<>"]/;

/** Text or attribute value escaped for XML, without characters XML cannot hold. */
export function escapeXml(text: string): string {
  let clean = text;
  if (INVALID_XML.test(clean)) clean = clean.replace(INVALID_XML, '');
  INVALID_XML.lastIndex = 0;
  if (!SPECIAL.test(clean)) return clean;
  return clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The prefix ("x:" or "") of the root element `local` of a part. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}

export interface Section {
  /** Index of "<" of the opening tag. */
  start: number;
  /** Index just past the opening tag's ">". */
  openEnd: number;
  /** Index of "<" of the closing tag (equals openEnd for a self-closing element). */
  closeStart: number;
  /** Index just past the element. */
  end: number;
  selfClosing: boolean;
  openTag: string;
}

/** The first `<prefix:local …>…</prefix:local>` (or self-closing) element of `xml`, or null. */
export function findSection(xml: string, prefix: string, local: string, from = 0): Section | null {
  const open = new RegExp(`<${prefix}${local}(?=[\\s/>])[^>]*>`, 'g');
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m) return null;
  const start = m.index;
  const openEnd = start + m[0].length;
  if (m[0].endsWith('/>')) return { start, openEnd, closeStart: openEnd, end: openEnd, selfClosing: true, openTag: m[0] };
  const close = `</${prefix}${local}>`;
  const closeStart = xml.indexOf(close, openEnd);
  if (closeStart < 0) throw new Error(`unclosed <${prefix}${local}>`);
  return { start, openEnd, closeStart, end: closeStart + close.length, selfClosing: false, openTag: m[0] };
}

/** Number of `<prefix:local>` child elements in a piece of XML. */
export function countElements(xml: string, prefix: string, local: string): number {
  const tag = new RegExp(`<${prefix}${local}(?=[\\s/>])`, 'g');
  let n = 0;
  while (tag.exec(xml)) n++;
  return n;
}

/** An opening tag with one attribute set (replaced when present, added otherwise). */
export function withAttribute(openTag: string, name: string, value: string): string {
  const attr = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (attr.test(openTag)) return openTag.replace(attr, `$1"${escapeXml(value)}"`);
  const close = openTag.endsWith('/>') ? openTag.length - 2 : openTag.length - 1;
  return `${openTag.slice(0, close)} ${name}="${escapeXml(value)}"${openTag.slice(close)}`;
}
