/**
 * Text normalisation: the one place that decides when two labels are "the same".
 * Used for table names, sheet names, headers and keys (nämnd, verksamhet).
 */

// Keys repeat a lot (a few hundred distinct nämnd/verksamhet names over 200 000 rows) and
// locale-aware lower-casing is slow, so results are memoised; the caches are cleared when large.
const CACHE_LIMIT = 100_000;
const keyCache = new Map<string, string>();
const foldCache = new Map<string, string>();

function memo(cache: Map<string, string>, text: string, compute: (t: string) => string): string {
  let result = cache.get(text);
  if (result === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    result = compute(text);
    cache.set(text, result);
  }
  return result;
}

/** Trim, collapse white space, lower-case (sv-SE). Keeps diacritics: for keys (nämnd names). */
export function normalizeKey(text: string): string {
  return memo(keyCache, text, (t) => t.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv-SE'));
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
