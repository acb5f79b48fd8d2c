/**
 * Text normalisation: the one place that decides when two labels are "the same".
 * Used for table names, sheet names, headers and keys (nämnd, verksamhet).
 */

// Keys repeat a lot (a few hundred distinct nämnd/verksamhet names over 200 000 rows) and
// locale-aware lower-casing is slow, so results are memoised; the caches are cleared when large.
const CACHE_LIMIT = 100_000;
const keyCache = new Map<string, string>();
const foldCache = new Map<string, string>();
const canonicalCache = new Map<string, string>();

function memo(cache: Map<string, string>, text: string, compute: (t: string) => string): string {
  let result = cache.get(text);
  if (result === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    result = compute(text);
    cache.set(text, result);
  }
  return result;
}

/**
 * "The same name": a name as Budgetkoll compares it, before case. Unicode NFC (an "ä" typed as
 * "a" + a combining diaeresis is the one letter "ä"), every run of white space (non-breaking
 * spaces, tabs, line breaks) one ordinary space, none at either end.
 *
 * The core compares names by normalizeKey (this, lower-cased). The formulas Budgetkoll writes
 * (SUMIFS criteria) compare cell text exactly, ignoring only case. The two agree for every cell
 * whose text is already in this form; a key cell that is not is a KEY-SPELLING-VARIANT finding
 * (see spellingVariant), and the follow-up tabs are not written until it is fixed.
 */
export function canonicalName(text: string): string {
  return memo(canonicalCache, text, (t) => t.normalize('NFC').replace(/\s+/g, ' ').trim());
}

/** Trim, collapse white space, NFC, lower-case (sv-SE). Keeps diacritics: for keys (nämnd names). */
export function normalizeKey(text: string): string {
  return memo(keyCache, text, (t) => canonicalName(t).toLocaleLowerCase('sv-SE'));
}

/** The invisible differences between a name and its canonical form (spellingVariant). */
export type SpellingDifference = 'leading' | 'trailing' | 'nbsp' | 'double' | 'otherSpace' | 'decomposed';

/**
 * What makes a cell's text differ from canonicalName, in a fixed order; [] when it does not.
 * The one test of a variant spelling: recognition flags each key cell for which it is non-empty.
 */
export function spellingVariant(text: string): SpellingDifference[] {
  if (text === canonicalName(text)) return [];
  const found: SpellingDifference[] = [];
  if (/^\s/.test(text)) found.push('leading');
  if (/\s$/.test(text)) found.push('trailing');
  if (/\u00a0/.test(text)) found.push('nbsp');
  if (/\S\s{2,}\S/.test(text)) found.push('double');
  if (/[^\S \u00a0]/.test(text)) found.push('otherSpace');
  if (text.normalize('NFC') !== text) found.push('decomposed');
  return found;
}

/** As normalizeKey, and folds diacritics (å/ä → a, ö → o, é → e). For headers and names. */
export function foldText(text: string): string {
  return memo(foldCache, text, (t) => normalizeKey(t).normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
}

/**
 * For table and sheet names: also ignores spaces, underscores, hyphens and a "tbl" prefix,
 * so "tbl_Driftbudget", "Övriga_förändringar" and "Övriga förändringar" match.
 */
export function foldName(text: string): string {
  return foldText(text).replace(/[\s_\-.]+/g, '').replace(/^tbl/, '');
}

/** Levenshtein edit distance (for "did you mean" suggestions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}
