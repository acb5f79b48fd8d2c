/** KEY-*: duplicates, unknown nämnder (with a suggestion), nämnder without budget, accounts. */
import type { Finding } from '../../findings';
import type { InputId } from '../../inputs/catalogue';
import { makeFinding } from '../../messages/rule-catalogue';
import type { BudgetModel, SourceRef } from '../../recognition/model';
import { editDistance, normalizeKey } from '../../text/normalize';
import { inputDef } from '../../inputs/catalogue';
import { cellOf, rowNumber } from '../place';

export function checkDuplicates(model: BudgetModel): Finding[] {
  const findings: Finding[] = [];
  const scan = <R extends SourceRef & { board: string }>(input: InputId, rows: R[], second: (r: R) => string, third: (r: R) => string) => {
    // Nested maps over the (memoised) normalised parts: no new string per row on this hot path.
    const seen = new Map<string, Map<string, Map<string, R>>>();
    for (const row of rows) {
      const b = row.board;
      const c = second(row);
      const d = third(row);
      if (b === '' || c === '' || d === '') continue;
      const kb = normalizeKey(b);
      let byActivity = seen.get(kb);
      if (!byActivity) seen.set(kb, (byActivity = new Map()));
      const kc = normalizeKey(c);
      let byThird = byActivity.get(kc);
      if (!byThird) byActivity.set(kc, (byThird = new Map()));
      const kd = normalizeKey(d);
      const first = byThird.get(kd);
      if (!first) {
        byThird.set(kd, row);
        continue;
      }
      findings.push(
        makeFinding('KEY-DUPLICATE', { sheet: row.sheet, cell: cellOf(model, input, row, 'board'), board: row.board }, {
          key: `${b} / ${c} / ${d}`,
          input: inputDef(input).name,
          otherRow: rowNumber(first),
        }),
      );
    }
  };
  scan('driftbudget', model.operatingBudget, (r) => r.activity, (r) => r.account);
  scan('volymer', model.volumes, (r) => r.activity, (r) => r.measure);
  return findings;
}

/** The closest known name, when it is close enough to be a likely misspelling. */
export function suggestBoard(name: string, known: readonly string[]): string | null {
  const target = normalizeKey(name);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(target, normalizeKey(candidate));
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  const limit = Math.max(2, Math.floor(target.length * 0.25));
  return best !== null && bestDistance <= limit ? best : null;
}

const BOARD_INPUTS: { input: InputId; rows: (m: BudgetModel) => (SourceRef & { board: string })[] }[] = [
  { input: 'driftbudget', rows: (m) => m.operatingBudget },
  { input: 'utgangsramar', rows: (m) => m.baseFrames },
  { input: 'volymer', rows: (m) => m.volumes },
  { input: 'ovrigaForandringar', rows: (m) => m.otherChanges },
  { input: 'internkontrollplan', rows: (m) => m.internalControl },
  { input: 'politiskaInriktningar', rows: (m) => m.politicalDirections },
  { input: 'nyckeltal', rows: (m) => m.keyFigures },
  { input: 'utfall', rows: (m) => m.actuals },
  { input: 'personal', rows: (m) => m.personnel },
  { input: 'privataUtforare', rows: (m) => m.privateProviders },
];

export function checkUnknownBoards(model: BudgetModel): Finding[] {
  // An empty Ramar is one STRUCT-EMPTY-INPUT, not a finding on every row that names a nämnd.
  if (!model.layouts.ramar || model.frames.length === 0) return [];
  const known = [...new Set(model.frames.map((f) => f.board).filter((b) => b !== ''))];
  const knownKeys = new Set(known.map(normalizeKey));
  const suggestions = new Map<string, string | null>();
  const findings: Finding[] = [];
  for (const { input, rows } of BOARD_INPUTS) {
    for (const row of rows(model)) {
      if (row.board === '') continue;
      const key = normalizeKey(row.board);
      if (knownKeys.has(key)) continue;
      if (!suggestions.has(key)) suggestions.set(key, suggestBoard(row.board, known));
      const suggestion = suggestions.get(key);
      const finding = makeFinding('KEY-UNKNOWN-NAMND', { sheet: row.sheet, cell: cellOf(model, input, row, 'board'), board: row.board }, {
        board: row.board,
        input: inputDef(input).name,
        suggestion: suggestion ?? '',
      });
      if (suggestion) finding.quickFix = { value: suggestion, label: `Ändra till ”${suggestion}”`, label_en: `Change to "${suggestion}"` };
      findings.push(finding);
    }
  }
  return findings;
}

export function checkBoardsWithoutBudget(model: BudgetModel): Finding[] {
  // An empty Driftbudget is one STRUCT-EMPTY-INPUT, not a finding for every nämnd.
  if (!model.layouts.ramar || !model.layouts.driftbudget || model.operatingBudget.length === 0) return [];
  const budgeted = new Set(model.operatingBudget.map((r) => normalizeKey(r.board)));
  const reported = new Set<string>();
  const findings: Finding[] = [];
  for (const frame of model.frames) {
    const key = normalizeKey(frame.board);
    if (frame.board === '' || budgeted.has(key) || reported.has(key)) continue;
    reported.add(key);
    findings.push(makeFinding('KEY-NAMND-NO-BUDGET', { sheet: frame.sheet, cell: cellOf(model, 'ramar', frame, 'board'), board: frame.board }, { board: frame.board }));
  }
  return findings;
}

/** Kommun-Bas: digits only, 2–6 digits, class (first digit) 3–7; class 8 is a warning. */
export function accountProblem(account: string): 'ok' | 'class8' | { reason: string; reasonEn: string } {
  if (!/^\d+$/.test(account)) return { reason: 'bara siffror är tillåtna', reasonEn: 'digits only' };
  if (account.length < 2 || account.length > 6) return { reason: '2–6 siffror', reasonEn: '2–6 digits' };
  const cls = Number(account[0]);
  if (cls === 8) return 'class8';
  if (cls < 3 || cls > 7) return { reason: `klass ${cls}`, reasonEn: `class ${cls}` };
  return 'ok';
}

export function checkAccounts(model: BudgetModel): Finding[] {
  const findings: Finding[] = [];
  for (const row of model.operatingBudget) {
    if (row.account === '') continue;
    const problem = accountProblem(row.account);
    if (problem === 'ok') continue;
    const place = { sheet: row.sheet, cell: cellOf(model, 'driftbudget', row, 'account'), board: row.board };
    findings.push(
      problem === 'class8'
        ? makeFinding('KEY-KONTO-KLASS8', place, { account: row.account })
        : makeFinding('KEY-KONTO', place, { account: row.account, ...problem }),
    );
  }
  return findings;
}
