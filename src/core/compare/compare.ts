/**
 * Jämför versioner: two versions of a budget workbook compared the way the rest of Budgetkoll sees
 * them. Per nämnd and year the net Driftbudget (netBudgetByBoard, the frame rules' sum) and Ramar;
 * Driftbudget rows matched by key (nämnd, verksamhet, konto, benämning, normalised as everywhere:
 * normalizeKey), duplicates of a key in order; a nämnd renamed (gone, while a new one has ≥ 90 %
 * of its rows) reported once and its rows compared under the new name; and the typed inputs of
 * owned follow-up tabs matched by marker, by row key (keyId) and field.
 */
import type { FilledTab } from '../followup/filled';
import { typedInputs } from '../followup/read-tab';
import { keyId, type RowKey } from '../followup/row-keys';
import type { BudgetModel, OperatingBudgetRow, Triple } from '../recognition/model';
import { netBudgetByBoard, uniqueFrames } from '../rules/checks/frames';
import { cellOf, yearCellOf } from '../rules/place';
import { normalizeKey } from '../text/normalize';
import type { BoardChange, BoardRename, FollowUpInputChange, FollowUpTabChange, InputValue, RowAmount, RowChange, VersionData, VersionDiff, YearAmounts } from './types';

/** Share of a nämnd's rows that must be identical for a disappearance and an appearance to be one rename. */
export const RENAME_THRESHOLD = 0.9;

const SEP = '\u0000';

function yearsOf(model: BudgetModel, other: BudgetModel): Triple {
  return model.years ?? other.years ?? [1, 2, 3];
}

/** Amounts of a Triple by year. */
function byYear(years: Triple, amounts: readonly number[]): Map<number, number> {
  return new Map(years.map((y, i) => [y, amounts[i]]));
}

/** Every nämnd of a version (Driftbudget and Ramar) by normalised key → its first spelling. */
function boardNames(model: BudgetModel): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of [...model.operatingBudget, ...model.frames]) {
    if (row.board === '') continue;
    const key = normalizeKey(row.board);
    if (!names.has(key)) names.set(key, row.board);
  }
  return names;
}

/** Rows of each nämnd (normalised key), in sheet order. */
function rowsByBoard(model: BudgetModel): Map<string, OperatingBudgetRow[]> {
  const out = new Map<string, OperatingBudgetRow[]>();
  for (const row of model.operatingBudget) {
    if (row.board === '') continue;
    const key = normalizeKey(row.board);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

const SV = new Intl.Collator('sv');
const svOrder = (a: string, b: string) => SV.compare(a, b);

/** A row as a rename compares it: verksamhet, konto and the amounts by year (not the nämnd). */
function renameSignature(row: OperatingBudgetRow, years: Triple): string {
  return [normalizeKey(row.activity), normalizeKey(row.account), ...years.map((y, i) => `${y}:${row.amounts[i]}`)].join(SEP);
}

/** Share of identical rows (as multisets) of two nämnder: matched / the larger count. */
function identicalShare(a: readonly OperatingBudgetRow[], aYears: Triple, b: readonly OperatingBudgetRow[], bYears: Triple): number {
  const counts = new Map<string, number>();
  for (const row of a) {
    const s = renameSignature(row, aYears);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let matched = 0;
  for (const row of b) {
    const s = renameSignature(row, bYears);
    const n = counts.get(s) ?? 0;
    if (n > 0) {
      matched++;
      counts.set(s, n - 1);
    }
  }
  return matched / Math.max(a.length, b.length);
}

interface Side {
  model: BudgetModel;
  years: Triple;
  names: Map<string, string>;
  rows: Map<string, OperatingBudgetRow[]>;
}

/** Renames: old key → new key, each nämnd at most once, best share first (then by name). */
function findRenames(old: Side, neu: Side): { map: Map<string, string>; renamed: BoardRename[] } {
  const gone = [...old.rows.keys()].filter((k) => !neu.names.has(k));
  const appeared = [...neu.rows.keys()].filter((k) => !old.names.has(k));
  const pairs: { from: string; to: string; share: number }[] = [];
  for (const from of gone) {
    for (const to of appeared) {
      const share = identicalShare(old.rows.get(from)!, old.years, neu.rows.get(to)!, neu.years);
      if (share >= RENAME_THRESHOLD) pairs.push({ from, to, share });
    }
  }
  pairs.sort((a, b) => b.share - a.share || svOrder(a.from, b.from) || svOrder(a.to, b.to));
  const map = new Map<string, string>();
  const taken = new Set<string>();
  const renamed: BoardRename[] = [];
  for (const p of pairs) {
    if (map.has(p.from) || taken.has(p.to)) continue;
    map.set(p.from, p.to);
    taken.add(p.to);
    const first = neu.rows.get(p.to)![0];
    renamed.push({ old: old.names.get(p.from)!, new: neu.names.get(p.to)!, identical: p.share, sheet: first.sheet, cell: cellOf(neu.model, 'driftbudget', first, 'board') });
  }
  renamed.sort((a, b) => svOrder(a.new, b.new) || svOrder(a.old, b.old));
  return { map, renamed };
}

function yearAmounts(years: readonly number[], old: Map<number, number>, neu: Map<number, number>): YearAmounts[] {
  return years.map((year) => {
    const o = old.get(year) ?? 0;
    const n = neu.get(year) ?? 0;
    return { year, old: o, new: n, change: n - o };
  });
}

const changed = (amounts: readonly YearAmounts[]) => amounts.some((a) => a.change !== 0);

function compareBoards(old: Side, neu: Side, renames: Map<string, string>, years: readonly number[]): BoardChange[] {
  const oldNet = netBudgetByBoard(old.model);
  const newNet = netBudgetByBoard(neu.model);
  const oldFrames = new Map(uniqueFrames(old.model).map((f) => [normalizeKey(f.board), f.amounts]));
  const newFrames = new Map(uniqueFrames(neu.model).map((f) => [normalizeKey(f.board), f.amounts]));
  // Old keys under their new name, then new keys not yet seen.
  const keys = new Map<string, string>(); // new-side key → old-side key
  for (const key of old.names.keys()) keys.set(renames.get(key) ?? key, key);
  for (const key of neu.names.keys()) if (!keys.has(key)) keys.set(key, key);
  const out: BoardChange[] = [];
  const triple = (side: Side, t: Triple | undefined) => byYear(side.years, t ?? [0, 0, 0]);
  for (const [newKey, oldKey] of keys) {
    const net = yearAmounts(years, triple(old, oldNet.get(oldKey)), triple(neu, newNet.get(newKey)));
    const frames = yearAmounts(years, triple(old, oldFrames.get(oldKey)), triple(neu, newFrames.get(newKey)));
    if (!changed(net) && !changed(frames)) continue;
    out.push({ board: neu.names.get(newKey) ?? old.names.get(oldKey)!, net, frames: changed(frames) ? frames : null });
  }
  return out.sort((a, b) => svOrder(a.board, b.board));
}

/** The key a row is matched by; the old side's nämnd under its new name when renamed. */
function rowKey(row: OperatingBudgetRow, renames?: Map<string, string>): string {
  const board = normalizeKey(row.board);
  return [renames?.get(board) ?? board, normalizeKey(row.activity), normalizeKey(row.account), normalizeKey(row.description)].join(SEP);
}

function groupRows(rows: readonly OperatingBudgetRow[], key: (row: OperatingBudgetRow) => string): Map<string, OperatingBudgetRow[]> {
  const out = new Map<string, OperatingBudgetRow[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

function rowChange(kind: RowChange['kind'], row: OperatingBudgetRow, cell: string, amounts: RowAmount[]): RowChange {
  return { kind, board: row.board, activity: row.activity, account: row.account, description: row.description, sheet: row.sheet, cell, amounts };
}

/** Every amount of a row on one side: added rows have no old value, removed rows no new. */
function oneSided(side: Side, row: OperatingBudgetRow, kind: 'added' | 'removed'): RowChange {
  const amounts = side.years.map((year, i): RowAmount => {
    const value = row.amounts[i];
    const cell = yearCellOf(side.model, 'driftbudget', row, 'amount', i);
    return kind === 'added' ? { year, old: null, new: value, cell } : { year, old: value, new: null, cell };
  });
  return rowChange(kind, row, cellOf(side.model, 'driftbudget', row, 'board'), amounts);
}

function compareRows(old: Side, neu: Side, renames: Map<string, string>, years: readonly number[]): RowChange[] {
  const oldRows = groupRows(old.model.operatingBudget.filter((r) => r.board !== ''), (r) => rowKey(r, renames));
  const newRows = groupRows(neu.model.operatingBudget.filter((r) => r.board !== ''), (r) => rowKey(r));
  const out: RowChange[] = [];
  for (const [key, list] of newRows) {
    const before = oldRows.get(key) ?? [];
    list.forEach((row, i) => {
      const earlier = before[i];
      if (!earlier) {
        out.push(oneSided(neu, row, 'added'));
        return;
      }
      const o = byYear(old.years, earlier.amounts);
      const n = byYear(neu.years, row.amounts);
      const amounts: RowAmount[] = [];
      for (const year of years) {
        const ov = o.get(year) ?? null;
        const nv = n.get(year) ?? null;
        if (ov === nv) continue;
        const index = neu.years.indexOf(year);
        amounts.push({ year, old: ov, new: nv, cell: index >= 0 ? yearCellOf(neu.model, 'driftbudget', row, 'amount', index) : null });
      }
      if (amounts.length > 0) out.push(rowChange('changed', row, amounts.find((a) => a.cell)?.cell ?? cellOf(neu.model, 'driftbudget', row, 'board'), amounts));
    });
  }
  for (const [key, list] of oldRows) {
    const matched = newRows.get(key)?.length ?? 0;
    for (const row of list.slice(matched)) out.push(oneSided(old, row, 'removed'));
  }
  const kindOrder: Record<RowChange['kind'], number> = { removed: 0, added: 1, changed: 2 };
  return out.sort(
    (a, b) =>
      svOrder(a.board, b.board) ||
      svOrder(a.activity, b.activity) ||
      svOrder(a.account, b.account) ||
      svOrder(a.description, b.description) ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      svOrder(a.cell, b.cell),
  );
}

/** The identity of a follow-up tab across versions: what its marker says. */
function tabIdentity(tab: FilledTab): string {
  return [tab.kind, tab.report ?? '', normalizeKey(tab.board), tab.year ?? ''].join(SEP);
}

function inputId(key: RowKey, field: string, removed: boolean): string {
  return [keyId(key), field, removed ? 'borttagen' : ''].join(SEP);
}

interface TypedCell {
  key: RowKey;
  field: string;
  label: string;
  removed: boolean;
  value: InputValue | null;
}

/** A tab's typed values (typedInputs) by row key and field, in tab order. */
function typedByKey(tab: FilledTab): Map<string, TypedCell[]> {
  const out = new Map<string, TypedCell[]>();
  for (const v of typedInputs(tab).values) {
    const removed = v.origin === 'removed';
    const id = inputId(v.key, v.field, removed);
    const entry: TypedCell = { key: v.key, field: v.field, label: v.label, removed, value: v.value };
    const list = out.get(id);
    if (list) list.push(entry);
    else out.set(id, [entry]);
  }
  return out;
}

/** A1 of every input cell of a tab by row key and field (live rows, and kept values under Borttagna rader). */
function inputCells(tab: FilledTab): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (id: string, cell: string) => {
    const list = out.get(id);
    if (list) list.push(cell);
    else out.set(id, [cell]);
  };
  for (const row of tab.rows) {
    for (const [field, cell] of Object.entries(row.inputs)) {
      if (row.removed) add(inputId(row.removed.key, row.removed.field, true), cell.cell);
      else add(inputId(row.key, field, false), cell.cell);
    }
  }
  return out;
}

function compareInputs(old: FilledTab, neu: FilledTab): FollowUpInputChange[] {
  const before = typedByKey(old);
  const after = typedByKey(neu);
  const cells = inputCells(neu);
  const out: FollowUpInputChange[] = [];
  const ids = [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];
  for (const id of ids) {
    const o = before.get(id) ?? [];
    const n = after.get(id) ?? [];
    for (let i = 0; i < Math.max(o.length, n.length); i++) {
      const ov = o[i]?.value ?? null;
      const nv = n[i]?.value ?? null;
      if (ov === nv) continue;
      const typed = (n[i] ?? o[i])!;
      out.push({
        section: typed.key.section,
        board: typed.key.board,
        item: typed.key.item,
        field: typed.field,
        label: n[i]?.label || o[i]?.label || typed.key.item,
        removedRow: typed.removed,
        old: ov,
        new: nv,
        cell: cells.get(id)?.[i] ?? null,
      });
    }
  }
  return out;
}

function compareFollowUp(old: readonly FilledTab[], neu: readonly FilledTab[]): FollowUpTabChange[] {
  const change = (kind: FollowUpTabChange['kind'], tab: FilledTab, inputs: FollowUpInputChange[]): FollowUpTabChange => ({
    kind,
    sheet: tab.sheet,
    tab: tab.kind,
    report: tab.report,
    board: tab.board,
    year: tab.year,
    inputs,
  });
  const earlier = new Map<string, FilledTab>();
  for (const tab of old) if (!earlier.has(tabIdentity(tab))) earlier.set(tabIdentity(tab), tab);
  const seen = new Set<string>();
  const out: FollowUpTabChange[] = [];
  for (const tab of neu) {
    const id = tabIdentity(tab);
    if (seen.has(id)) continue;
    seen.add(id);
    const before = earlier.get(id);
    if (!before) {
      out.push(change('added', tab, []));
      continue;
    }
    const inputs = compareInputs(before, tab);
    if (inputs.length > 0) out.push(change('changed', tab, inputs));
  }
  for (const [id, tab] of earlier) if (!seen.has(id)) out.push(change('removed', tab, []));
  return out.sort((a, b) => svOrder(a.sheet, b.sheet) || a.kind.localeCompare(b.kind));
}

/** What changed from `old` to `neu` (see the module comment). */
export function compareVersions(old: VersionData, neu: VersionData): VersionDiff {
  const side = (v: VersionData, other: VersionData): Side => ({ model: v.model, years: yearsOf(v.model, other.model), names: boardNames(v.model), rows: rowsByBoard(v.model) });
  const a = side(old, neu);
  const b = side(neu, old);
  const years = [...new Set([...a.years, ...b.years])].sort((x, y) => x - y);
  const { map, renamed } = findRenames(a, b);
  return {
    years,
    boards: compareBoards(a, b, map, years),
    rows: compareRows(a, b, map, years),
    renamed,
    followUp: compareFollowUp(old.tabs, neu.tabs),
  };
}

/** Whether the versions differ in anything the comparison reports. */
export function hasDifferences(diff: VersionDiff): boolean {
  return diff.boards.length > 0 || diff.rows.length > 0 || diff.renamed.length > 0 || diff.followUp.length > 0;
}
