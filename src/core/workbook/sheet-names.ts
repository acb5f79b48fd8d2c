/** Excel's rules for tab names: ≤ 31 characters, none of : \ / ? * [ ], not starting or ending with '. */

export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;

/** Text with the characters Excel forbids in a tab name as spaces, white space collapsed and no apostrophe at either end; not shortened. */
export function sheetNameText(text: string): string {
  const clean = text.replace(FORBIDDEN, ' ').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim();
  return clean.replace(/^'+|'+$/g, '').trim();
}

/** Makes a legal tab name from any text. */
export function sanitizeSheetName(name: string): string {
  let clean = sheetNameText(name);
  if (clean.length === 0) clean = 'Blad';
  if (clean.length > MAX_SHEET_NAME_LENGTH) clean = clean.slice(0, MAX_SHEET_NAME_LENGTH).replace(/'+$/, '').trimEnd();
  return clean;
}

/**
 * A legal tab name based on `wanted` that differs (case-insensitively, as Excel compares) from every
 * existing name: "Namn", then "Namn (2)", "Namn (3)", … shortened to stay within 31 characters.
 */
export function freeSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set<string>();
  for (const name of existing) taken.add(name.toLocaleLowerCase('sv-SE'));
  const base = sanitizeSheetName(wanted);
  if (!taken.has(base.toLocaleLowerCase('sv-SE'))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd() + suffix;
    if (!taken.has(candidate.toLocaleLowerCase('sv-SE'))) return candidate;
  }
}

// Names Excel would read as a cell or R1C1 reference.
const CELL_LIKE_NAME = /^([A-Za-z]{1,3}\d+|[RrCc]\d*|[Rr]\d+[Cc]\d+)$/;

/**
 * A legal Excel table name based on `wanted` (letters, digits, _ and .; starting with a letter or _;
 * not cell-like) that differs case-insensitively from every name in `taken`. Does not add it.
 */
export function freeTableName(wanted: string, taken: ReadonlySet<string>): string {
  let base = wanted.normalize('NFC').replace(/[^\p{L}\p{N}_.]/gu, '_');
  if (!/^[\p{L}_]/u.test(base)) base = `_${base}`;
  if (CELL_LIKE_NAME.test(base)) base = `${base}_`;
  base = base.slice(0, 240);
  const isTaken = (name: string) => taken.has(name.toLocaleLowerCase('sv-SE'));
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}
