/**
 * Reading XML as UTF-8 bytes without a DOM, for the lean read path (sheet-scan.ts,
 * package-parts.ts) and the package writer's cell patcher: searching bytes, matching element
 * names with or without a namespace prefix, the one attribute walker, and decoding text on demand.
 */

/**
 * Byte values of the XML markup characters. Plain module constants, not an enum: under
 * isolatedModules tsc emits a const enum as an object that is read on every use, and an exported
 * constant is read from the exports object. The functions the sheet scanner runs for every cell
 * (nextAttribute, intAt, endsName) compare with local constants or literals instead: a module
 * constant is a context read with a hole check per use, and makes the function too big for V8
 * to inline it where the scanner's loop needs it.
 */
const SPACE = 0x20;
const QUOTE = 0x22; // "
const AMP = 0x26; // &
const APOS = 0x27; // '
const SLASH = 0x2f; // /
const COLON = 0x3a; // :
const LT = 0x3c; // <
const GT = 0x3e; // >

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
    if (b === AMP) amp = true;
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
  const digit0 = 0x30; // local constants, as in nextAttribute: this runs for every cell's style
  const digit9 = 0x39;
  let n = 0;
  let any = false;
  for (let i = start; i < end; i++) {
    const b = xml[i];
    if (b < digit0 || b > digit9) break;
    n = n * 10 + (b - digit0);
    any = true;
  }
  return any ? n : -1;
}

/** True when the bytes [start, end) are the ASCII text `text`. */
export function textIs(xml: Uint8Array, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false;
  for (let k = 0; k < text.length; k++) if (xml[start + k] !== text.charCodeAt(k)) return false;
  return true;
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
function tagEnd(xml: Uint8Array, lt: number): number {
  for (let i = lt + 1; i < xml.length; i++) {
    const b = xml[i];
    if (b === GT) return i;
    if (b === QUOTE || b === APOS) {
      const close = xml.indexOf(b, i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/** True for the byte after an element name: white space, ">" or "/". */
export function endsName(b: number): boolean {
  return b <= 0x20 || b === 0x3e || b === 0x2f; // space, ">", "/" (literals: it runs for every tag)
}

/** True when the bytes at `at` spell `name` and the name ends there. */
export function nameAt(xml: Uint8Array, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if (xml[at + k] !== name.charCodeAt(k)) return false;
  return endsName(xml[at + name.length]);
}

/** True when bytes [ns, ne) are the name `name` (ASCII), ignoring a namespace prefix. */
export function isName(xml: Uint8Array, ns: number, ne: number, name: string): boolean {
  let start = ns;
  for (let i = ns; i < ne; i++) if (xml[i] === COLON) start = i + 1;
  if (ne - start !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (xml[start + k] !== name.charCodeAt(k)) return false;
  return true;
}

/** One attribute as `nextAttribute` finds it: the byte ranges of its name and its value. */
export interface AttributeSpan {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** A span to reuse between calls of `nextAttribute` (no object per attribute). */
export function attributeSpan(): AttributeSpan {
  return { nameStart: -1, nameEnd: -1, valueStart: -1, valueEnd: -1 };
}

/**
 * The attribute walker: finds the next `name="value"` (or `name='value'`) in the tag bytes
 * [from, to), fills `out` and returns the position after it, or -1 when no attribute is left
 * (also at the "/" of a self-closing tag). The name may be empty in a damaged tag, which no
 * caller's name matches. Walk a tag with one call site, `while ((j = nextAttribute(xml, j, gt, a)) >= 0)`:
 * V8 inlines each call site separately, and a second one in the sheet loop passes its inlining budget.
 */
export function nextAttribute(xml: Uint8Array, from: number, to: number, out: AttributeSpan): number {
  // Loops without helpers, over local constants (module ones are a context read with a hole check
  // per use): the sheet scanner runs this for every byte of every cell's attributes, inlined.
  const space = 0x20;
  const slash = 0x2f; // /
  const equals = 0x3d; // =
  const quote = 0x22; // "
  const apos = 0x27; // '
  let i = from;
  while (i < to && xml[i] <= space) i++;
  if (i >= to || xml[i] === slash) return -1;
  out.nameStart = i;
  while (i < to && xml[i] !== equals && xml[i] > space) i++;
  out.nameEnd = i;
  while (i < to && xml[i] !== quote && xml[i] !== apos) i++;
  if (i >= to) return -1;
  const q = xml[i++];
  out.valueStart = i;
  while (i < to && xml[i] !== q) i++;
  if (i >= to) return -1;
  out.valueEnd = i;
  return i + 1;
}

/** Position of the closing tag `</name>` or `</prefix:name>` from `from`, or -1. */
export function findClose(xml: Uint8Array, from: number, name: string): number {
  let i = xml.indexOf(LT, from);
  while (i >= 0) {
    if (xml[i + 1] === SLASH) {
      let ne = i + 2;
      while (ne < xml.length && xml[ne] !== GT && xml[ne] > SPACE) ne++;
      if (isName(xml, i + 2, ne, name)) return i;
    }
    i = xml.indexOf(LT, i + 1);
  }
  return -1;
}

/** The elements of rich text that richText reads: text runs and phonetic runs. */
const TEXT = 't';
const PHONETIC_RUN = 'rPh';

/**
 * Text of rich or plain string XML (the content of <si> or <is>): the <t> texts in order, leaving
 * out phonetic runs (<rPh>), as ExcelJS joins rich text.
 */
export function richText(xml: Uint8Array, start: number, end: number): string {
  let text = '';
  let i = start;
  let skipDepth = 0;
  while (i < end) {
    const lt = xml.indexOf(LT, i);
    if (lt < 0 || lt >= end) break;
    const gt = tagEnd(xml, lt);
    if (gt < 0 || gt >= end + 1) break;
    let ns = lt + 1;
    const closing = xml[ns] === SLASH;
    if (closing) ns++;
    let ne = ns;
    while (ne < gt && xml[ne] > SPACE && xml[ne] !== SLASH) ne++;
    const selfClosing = xml[gt - 1] === SLASH;
    i = gt + 1;
    if (isName(xml, ns, ne, PHONETIC_RUN)) {
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (!closing && !selfClosing && skipDepth === 0 && isName(xml, ns, ne, TEXT)) {
      const close = xml.indexOf(LT, i);
      const stop = close < 0 || close > end ? end : close;
      text += textAt(xml, i, stop);
      i = stop;
    }
  }
  return text;
}
