/**
 * Reading XML as UTF-8 bytes without a DOM: the byte values of the markup, one attribute walker,
 * element-name matching (with or without a namespace prefix) and text decoding on demand. The
 * lean read path (sheet-scan.ts, package-parts.ts) and the package writer's cell patcher use it.
 */

/** Byte values of the XML markup characters. */
export const enum Byte {
  Space = 0x20,
  Quote = 0x22, // "
  Amp = 0x26, // &
  Apos = 0x27, // '
  Slash = 0x2f, // /
  Digit0 = 0x30,
  Digit9 = 0x39,
  Colon = 0x3a, // :
  Lt = 0x3c, // <
  Equals = 0x3d, // =
  Gt = 0x3e, // >
}

const utf8 = new TextDecoder('utf-8');

/** Decodes the five XML entities and numeric character references. */
export function decodeXmlEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
    }
  });
}

/** Text of a byte range, UTF-8 and entity decoded. */
export function textAt(xml: Uint8Array, start: number, end: number): string {
  if (start < 0 || end <= start) return '';
  let ascii = true;
  let amp = false;
  for (let i = start; i < end; i++) {
    const b = xml[i];
    if (b >= 0x80) {
      ascii = false;
      break;
    }
    if (b === Byte.Amp) amp = true;
  }
  let text: string;
  if (ascii && end - start < 64) {
    text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(xml[i]);
  } else {
    text = utf8.decode(xml.subarray(start, end));
    amp = true;
  }
  return amp ? decodeXmlEntities(text) : text;
}

/** A number written in ASCII at a byte range (NaN when empty or not a number). */
export function numberAt(xml: Uint8Array, start: number, end: number): number {
  if (start < 0 || end <= start) return NaN;
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(xml[i]);
  return parseFloat(text);
}

/** The non-negative integer written at the start of a byte range, or -1. */
export function intAt(xml: Uint8Array, start: number, end: number): number {
  let n = 0;
  let any = false;
  for (let i = start; i < end; i++) {
    const b = xml[i];
    if (b < Byte.Digit0 || b > Byte.Digit9) break;
    n = n * 10 + (b - Byte.Digit0);
    any = true;
  }
  return any ? n : -1;
}

/** Finds `text` (ASCII) in the bytes from `from`, or -1. */
export function indexOfAscii(xml: Uint8Array, text: string, from = 0): number {
  const first = text.charCodeAt(0);
  const n = text.length;
  let i = xml.indexOf(first, from);
  while (i >= 0 && i + n <= xml.length) {
    let k = 1;
    while (k < n && xml[i + k] === text.charCodeAt(k)) k++;
    if (k === n) return i;
    i = xml.indexOf(first, i + 1);
  }
  return -1;
}

/** The next position of byte `b` from `from`, or -1 (a plain loop: the distances are short). */
export function next(xml: Uint8Array, b: number, from: number): number {
  const n = xml.length;
  for (let i = from; i < n; i++) if (xml[i] === b) return i;
  return -1;
}

/** The `>` that ends the tag starting at `lt`, skipping quoted attribute values. */
export function tagEnd(xml: Uint8Array, lt: number): number {
  for (let i = lt + 1; i < xml.length; i++) {
    const b = xml[i];
    if (b === Byte.Gt) return i;
    if (b === Byte.Quote || b === Byte.Apos) {
      const close = xml.indexOf(b, i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/** One attribute as `nextAttribute` finds it: the byte ranges of its name and its value. */
export interface AttributeSpan {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** A span to reuse between calls of `nextAttribute`. */
export function attributeSpan(): AttributeSpan {
  return { nameStart: -1, nameEnd: -1, valueStart: -1, valueEnd: -1 };
}

/**
 * The attribute walker: finds the next `name="value"` (or `name='value'`) in the tag bytes
 * [from, to), fills `out` and returns the position after it, or -1 when no attribute is left
 * (also at the "/" of a self-closing tag). Walk a tag with
 * `for (let j = nextAttribute(xml, i, gt, a); j >= 0; j = nextAttribute(xml, j, gt, a))`.
 */
export function nextAttribute(xml: Uint8Array, from: number, to: number, out: AttributeSpan): number {
  let i = from;
  for (;;) {
    while (i < to && xml[i] <= Byte.Space) i++;
    const ns = i;
    while (i < to && xml[i] !== Byte.Equals && xml[i] > Byte.Space && xml[i] !== Byte.Slash) i++;
    const ne = i;
    while (i < to && xml[i] !== Byte.Quote && xml[i] !== Byte.Apos) {
      if (xml[i] === Byte.Slash && ne === ns) return -1;
      i++;
    }
    if (i >= to) return -1;
    const vs = i + 1;
    const ve = next(xml, xml[i], vs);
    if (ve < 0 || ve > to) return -1;
    i = ve + 1;
    if (ne > ns) {
      out.nameStart = ns;
      out.nameEnd = ne;
      out.valueStart = vs;
      out.valueEnd = ve;
      return i;
    }
  }
}

/** True when bytes [ns, ne) are the name `name` (ASCII), ignoring a namespace prefix. */
export function isName(xml: Uint8Array, ns: number, ne: number, name: string): boolean {
  let start = ns;
  for (let i = ns; i < ne; i++) if (xml[i] === Byte.Colon) start = i + 1;
  if (ne - start !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (xml[start + k] !== name.charCodeAt(k)) return false;
  return true;
}

/** True for the byte after an element name: white space, ">" or "/". */
export function endsName(b: number): boolean {
  return b <= Byte.Space || b === Byte.Gt || b === Byte.Slash;
}

/** True when the bytes at `at` spell `name` and the name ends there. */
export function nameAt(xml: Uint8Array, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if (xml[at + k] !== name.charCodeAt(k)) return false;
  return endsName(xml[at + name.length]);
}

/** Position of the closing tag `</name>` or `</prefix:name>` from `from`, or -1. */
export function findClose(xml: Uint8Array, from: number, name: string): number {
  let i = xml.indexOf(Byte.Lt, from);
  while (i >= 0) {
    if (xml[i + 1] === Byte.Slash) {
      let ne = i + 2;
      while (ne < xml.length && xml[ne] !== Byte.Gt && xml[ne] > Byte.Space) ne++;
      if (isName(xml, i + 2, ne, name)) return i;
    }
    i = xml.indexOf(Byte.Lt, i + 1);
  }
  return -1;
}

/**
 * Text of rich or plain string XML (the content of <si> or <is>): the <t> texts in order, leaving
 * out phonetic runs (<rPh>), as ExcelJS joins rich text.
 */
export function richText(xml: Uint8Array, start: number, end: number): string {
  let text = '';
  let i = start;
  let skipDepth = 0;
  while (i < end) {
    const lt = xml.indexOf(Byte.Lt, i);
    if (lt < 0 || lt >= end) break;
    const gt = tagEnd(xml, lt);
    if (gt < 0 || gt >= end + 1) break;
    let ns = lt + 1;
    const closing = xml[ns] === Byte.Slash;
    if (closing) ns++;
    let ne = ns;
    while (ne < gt && xml[ne] > Byte.Space && xml[ne] !== Byte.Slash) ne++;
    const selfClosing = xml[gt - 1] === Byte.Slash;
    i = gt + 1;
    if (isName(xml, ns, ne, 'rPh')) {
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (!closing && !selfClosing && skipDepth === 0 && isName(xml, ns, ne, 't')) {
      const close = xml.indexOf(Byte.Lt, i);
      const stop = close < 0 || close > end ? end : close;
      text += textAt(xml, i, stop);
      i = stop;
    }
  }
  return text;
}
