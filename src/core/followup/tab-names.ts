/**
 * The one rule for the names of follow-up tabs (docs/uppfoljning.md, "Fliknamn"): "Delår aug 2027
 * Socialnämnden" — the report's short form, the year and the nämnd's name, in full when it fits in
 * Excel's 31 characters, otherwise shortened word by word ("och" → "o", "…nämnden" → "…n.", long
 * words cut before a vowel with a "."), never to bare initials. The names of one run are unique
 * among its nämnder and against the workbook's other sheets (case-insensitively, as Excel compares).
 *
 * The same list of nämnder and sheets gives the same names. A refresh finds a nämnd's tab by the
 * marker in A1 (report, year, nämnd), not by its name, so a tab keeps its name once written.
 */
import { normalizeKey } from '../text/normalize';
import { MAX_SHEET_NAME_LENGTH, sanitizeSheetName, sheetNameText } from '../workbook/sheet-names';
import type { FilledTab } from './filled';
import { FOLLOW_UP_REPORTS, KOMMUN_BOARD, type FollowUpReport } from './reports';

const VOWEL = /[aeiouyåäöéèêëáàâüïîóòôú]/iu;
const LETTER = /\p{L}/u;
/** Letters a cut word keeps at least: "Gymn.", "ungd.", never "G." */
const MIN_KEPT = 3;
/** Combinations of word forms tried when two nämnder would get the same name. */
const MAX_ALTERNATIVES = 5_000;

/** One word of a nämnd's name and its forms, from the full word to the shortest. */
interface Word {
  forms: string[];
  /** The shortening step that applies to this word first: 1 "och", 2 "…nämnden", 3 cutting. */
  step: 1 | 2 | 3;
}

function lower(text: string): string {
  return text.toLocaleLowerCase('sv-SE');
}

/** Cut forms of a run of letters: "vuxenutbildnings" → ["vuxenutbildn", "vuxenutb", "vuxen", "vux"], longest first. */
function cuts(core: string): string[] {
  const out: string[] = [];
  for (let i = core.length - 2; i >= MIN_KEPT; i--) {
    if (!LETTER.test(core[i - 1]) || VOWEL.test(core[i - 1]) || !VOWEL.test(core[i])) continue;
    if ([...core.slice(0, i)].every((c) => LETTER.test(c))) out.push(core.slice(0, i));
  }
  return out;
}

/** A word's forms: "och" → "o"; "ungdomsnämnden" → "ungdomsn.", "ungd.n.", "ungd."; "Gymnasie-" → "Gymnas.-", "Gymn.-". */
function wordForms(word: string): Word {
  const low = lower(word);
  if (low === 'och') return { forms: [word, 'o'], step: 1 };
  const [, head, core, tail] = /^(\P{L}*)(.*?)(\P{L}*)$/u.exec(word) ?? ['', '', word, ''];
  const wrap = (text: string) => head + text + tail;
  const board = /^(.*?)(nämnden|nämnd|styrelsen|styrelse)$/u.exec(lower(core));
  if (board) {
    const stem = core.slice(0, board[1].length);
    const suffix = board[2].startsWith('n') ? 'n.' : 'styr.';
    if (stem.length === 0) return { forms: [word, wrap(suffix)], step: 2 };
    const stemCuts = cuts(stem);
    const forms = [word, wrap(stem + suffix), ...stemCuts.map((c) => wrap(`${c}.${suffix}`))];
    // Last: the nämnd word dropped from the shortest cut ("Miljö- o häls.").
    if (stemCuts.length > 0) forms.push(wrap(`${stemCuts[stemCuts.length - 1]}.`));
    return { forms, step: 2 };
  }
  return { forms: [word, ...cuts(core).map((c) => wrap(`${c}.`))], step: 3 };
}

function joined(words: readonly Word[], levels: readonly number[]): string {
  return words.map((w, i) => w.forms[levels[i]]).join(' ');
}

/**
 * The preferred form that fits `room`: the full name; else every "och" shortened; else every
 * "…nämnden"; else the longest word cut one step at a time (the leftmost of equally long ones),
 * until it fits. Null when even the shortest form is too long.
 */
function preferredLevels(words: readonly Word[], room: number): number[] | null {
  const levels = words.map(() => 0);
  const fits = () => joined(words, levels).length <= room;
  for (const step of [1, 2] as const) {
    if (fits()) return levels;
    words.forEach((w, i) => {
      if (w.step === step) levels[i] = 1;
    });
  }
  while (!fits()) {
    let pick = -1;
    words.forEach((w, i) => {
      if (levels[i] + 1 >= w.forms.length) return;
      if (pick < 0 || w.forms[levels[i]].length > words[pick].forms[levels[pick]].length) pick = i;
    });
    if (pick < 0) return null;
    levels[pick]++;
  }
  return levels;
}

function shortest(words: readonly Word[]): number[] {
  return words.map((w) => w.forms.length - 1);
}

/** Every combination of forms that fits `room`, longest first (a bounded number; stable order). */
function alternatives(words: readonly Word[], room: number): number[][] {
  const out: { levels: number[]; length: number }[] = [];
  const levels = words.map(() => 0);
  // The shortest the words from i on can be, so a combination that cannot fit is left at once.
  const rest = words.map((_, i) => words.slice(i).reduce((sum, w) => sum + w.forms[w.forms.length - 1].length + 1, -1));
  const visit = (i: number, length: number): void => {
    if (out.length >= MAX_ALTERNATIVES) return;
    if (i === words.length) {
      out.push({ levels: [...levels], length });
      return;
    }
    for (let level = 0; level < words[i].forms.length; level++) {
      const next = length + (i > 0 ? 1 : 0) + words[i].forms[level].length;
      if (next + (i + 1 < words.length ? rest[i + 1] + 1 : 0) > room) continue;
      levels[i] = level;
      visit(i + 1, next);
    }
    levels[i] = 0;
  };
  visit(0, 0);
  return out.sort((a, b) => b.length - a.length).map((a) => a.levels);
}

interface NamedBoard {
  board: string;
  words: Word[];
}

/** Whether `name` (words of a form) is also a form of the other nämnd's name: it would not tell them apart. */
function isFormOf(text: readonly string[], other: NamedBoard): boolean {
  return text.length === other.words.length && text.every((t, i) => other.words[i].forms.some((f) => lower(f) === lower(t)));
}

/**
 * The tab name of each nämnd for this report and year, by the one rule: unique among `boards`
 * (spellings of the same nämnd, normalizeKey, share a name) and against `existingSheetNames`,
 * legal in Excel and ≤ 31 characters. Two nämnder whose shortened names would be alike get more of
 * the word that tells them apart; a name an existing sheet has gets " (2)", as a last resort too.
 * Pure and deterministic: the same lists give the same names.
 */
export function followUpTabNames(report: FollowUpReport, boards: readonly string[], year: number, existingSheetNames: Iterable<string> = []): Map<string, string> {
  const prefix = `${FOLLOW_UP_REPORTS[report].short} ${year} `;
  const room = MAX_SHEET_NAME_LENGTH - prefix.length;
  const named: NamedBoard[] = [];
  const byKey = new Map<string, NamedBoard>();
  for (const board of boards) {
    const key = normalizeKey(board);
    if (byKey.has(key)) continue;
    const text = sheetNameText(board).replace(/'+$/u, '');
    const entry = { board, words: text === '' ? [] : text.split(' ').map(wordForms) };
    byKey.set(key, entry);
    named.push(entry);
  }
  const taken = new Set([...existingSheetNames].map(lower));
  const chosen = new Map<NamedBoard, string>();
  for (const entry of named) {
    const others = named.filter((o) => o !== entry);
    const text = (levels: readonly number[]) => prefix + joined(entry.words, levels);
    const alike = (levels: readonly number[]) => others.some((o) => isFormOf(levels.map((l, i) => entry.words[i].forms[l]), o));
    const preferred = preferredLevels(entry.words, room);
    let name: string;
    if (preferred === null) name = text(shortest(entry.words));
    else if (!alike(preferred)) name = text(preferred);
    else {
      // Alike another nämnd's name: more of the word that tells them apart, if any form does.
      const other = alternatives(entry.words, room).find((levels) => !alike(levels) && !taken.has(lower(text(levels))));
      name = text(other ?? preferred);
    }
    name = sanitizeSheetName(name);
    // A sheet of this name exists (a copy, or one of the user's), or no form tells two nämnder
    // apart: " (2)", as Excel names a copy, with the name shortened to leave room for it.
    for (let n = 2; taken.has(lower(name)); n++) {
      const suffix = ` (${n})`;
      const shorter = preferredLevels(entry.words, room - suffix.length);
      name = (shorter ? text(shorter) : text(shortest(entry.words)).slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd()) + suffix;
    }
    taken.add(lower(name));
    chosen.set(entry, name);
  }
  const out = new Map<string, string>();
  for (const board of boards) out.set(board, chosen.get(byKey.get(normalizeKey(board))!)!);
  return out;
}

/**
 * Whether two spellings name the same nämnd: equal after trimming, collapsing white space (also
 * non-breaking), NFC and lower case (normalizeKey), the matching the rest of the follow-up uses.
 * The kommun ("Kommunen") is a name like any other here; isKommunBoard accepts no more than this.
 */
export function sameBoard(a: string, b: string): boolean {
  return normalizeKey(a) === normalizeKey(b);
}

/** The owned follow-up tab of this report, year and nämnd, if the workbook has one (found by its marker, not its name). */
export function existingFollowUpTab(tabs: readonly FilledTab[], report: FollowUpReport, year: number, board: string): FilledTab | null {
  return tabs.find((t) => t.kind === 'uppfoljning' && t.report === report && t.year === year && sameBoard(t.board, board)) ?? null;
}

/** What a follow-up run knows about the workbook for naming tabs. */
export interface TabNaming {
  /** Owned follow-up tabs and compilations. */
  tabs: readonly FilledTab[];
  /** Every nämnd of the workbook (Driftbudget, Ramar); the kommun is added. */
  boards: readonly string[];
  /** Every sheet of the workbook. */
  sheetNames: readonly string[];
}

export interface FollowUpTabPlan {
  /** Chosen nämnder without a tab of this report and year, with the name their new tab gets, in order. */
  created: { board: string; sheet: string }[];
  /** Chosen nämnder that have one already (Uppdatera refreshes it), with its sheet. */
  existing: { board: string; sheet: string }[];
}

/**
 * The tabs a run of the report for the chosen nämnder writes: a nämnd's owned tab of this report
 * and year (found by marker) is refreshed and keeps its name; every other gets a new tab named by
 * followUpTabNames over all the workbook's nämnder (so a name does not depend on which were
 * chosen), clear of every other sheet. What the pane shows and the CLI writes.
 */
export function planFollowUpTabs(workbook: TabNaming, report: FollowUpReport, year: number, chosen: readonly string[]): FollowUpTabPlan {
  const plan: FollowUpTabPlan = { created: [], existing: [] };
  const all = [...workbook.boards, KOMMUN_BOARD, ...chosen];
  // The tabs of these nämnder for this report and year are theirs: their names do not block the rule's.
  const own = new Set(workbook.tabs.filter((t) => all.some((b) => existingFollowUpTab([t], report, year, b))).map((t) => lower(t.sheet)));
  const names = followUpTabNames(report, all, year, workbook.sheetNames.filter((s) => !own.has(lower(s))));
  for (const board of chosen) {
    const earlier = existingFollowUpTab(workbook.tabs, report, year, board);
    if (earlier) plan.existing.push({ board, sheet: earlier.sheet });
    else plan.created.push({ board, sheet: names.get(board)! });
  }
  return plan;
}
