/** The one rule for follow-up tab names (core/followup/tab-names.ts, docs/uppfoljning.md "Fliknamn"). */
import { followUpTabNames, planFollowUpTabs, REPORT_IDS, type FilledTab, type FollowUpReport } from '../../../src/core/followup';
import { BOARDS } from '../../../src/core/sample/kommun-data';
import { MAX_SHEET_NAME_LENGTH } from '../../../src/core/workbook/sheet-names';

const SAMPLE = [...BOARDS.map((b) => b.name), 'Kommunen'];
const lower = (s: string) => s.toLocaleLowerCase('sv-SE');
const FORBIDDEN = /[:\\/?*[\]]/;

/** The nämnd part of a tab name ("Delår aug 2027 Barn- o ungd.n." → "Barn- o ungd.n."). */
function boardPart(report: FollowUpReport, name: string): string {
  const prefix = { april: 'MU april 2027 ', august: 'Delår aug 2027 ', december: 'Årsbokslut 2027 ' }[report];
  expect(name.startsWith(prefix)).toBe(true);
  return name.slice(prefix.length);
}

function expectLegalAndUnique(names: readonly string[], existing: readonly string[] = []): void {
  for (const name of names) {
    expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
    expect(name).not.toMatch(FORBIDDEN);
    expect(name).not.toMatch(/^'|'$/);
    expect(name).toBe(name.trim());
  }
  expect(new Set(names.map(lower)).size).toBe(names.length);
  for (const name of existing) expect(names.map(lower)).not.toContain(lower(name));
}

describe('followUpTabNames', () => {
  it('uses the full nämnd when it fits, and shortens word by word when not', () => {
    const names = followUpTabNames('august', SAMPLE, 2027);
    expect([...names.values()]).toEqual([
      'Delår aug 2027 Kommunstyrelsen',
      'Delår aug 2027 Barn- o ungd.n.',
      'Delår aug 2027 Gymn.- o vux.n.',
      'Delår aug 2027 Vård- o äldr.n.',
      'Delår aug 2027 Socialnämnden',
      'Delår aug 2027 Kult.- o frit.n.',
      'Delår aug 2027 Samhällsbyggn.n.',
      'Delår aug 2027 Tekniska nämnden',
      'Delår aug 2027 Miljö- o häls.n.',
      'Delår aug 2027 Överförmyndarn.',
      'Delår aug 2027 Valnämnden',
      'Delår aug 2027 Kommunen',
    ]);
    // Only as much as needed: "och" → "o" and "…nämnden" → "…n." first, then cuts.
    expect(followUpTabNames('april', ['Barn- och ungdomsnämnden'], 2027).get('Barn- och ungdomsnämnden')).toBe('MU april 2027 Barn- o ungdomsn.');
    expect(followUpTabNames('december', ['Tekniska nämnden'], 2027).get('Tekniska nämnden')).toBe('Årsbokslut 2027 Tekniska n.');
  });

  it.each(REPORT_IDS)('gives every nämnd of the sample a unique, legal, recognisable name (%s)', (report) => {
    const names = followUpTabNames(report, SAMPLE, 2027);
    expect([...names.keys()]).toEqual(SAMPLE);
    expectLegalAndUnique([...names.values()]);
    for (const board of SAMPLE) {
      const part = boardPart(report, names.get(board)!);
      // Never bare initials ("BUN", "SN"): the first word keeps at least its first three letters.
      expect(part.slice(0, 3)).toBe(board.slice(0, 3));
      expect(part).not.toMatch(/^\p{Lu}{1,4}$/u);
      // The name is the nämnd's own when it fits.
      if (board.length <= part.length) expect(part).toBe(board);
    }
  });

  it('is deterministic: the same lists give the same names, and a nämnd that fits does not depend on the others', () => {
    for (const report of REPORT_IDS) {
      expect(followUpTabNames(report, SAMPLE, 2027, ['Driftbudget'])).toEqual(followUpTabNames(report, [...SAMPLE], 2027, ['Driftbudget']));
      for (const board of SAMPLE) expect(followUpTabNames(report, [board], 2027).get(board)).toBe(followUpTabNames(report, SAMPLE, 2027).get(board));
    }
  });

  it('tells two long nämnder apart that would shorten alike, by more of the word that differs', () => {
    const boards = ['Norra tekniska nämnden', 'Norra teknikens nämnden'];
    const names = followUpTabNames('august', boards, 2027);
    expect([...names.values()]).toEqual(['Delår aug 2027 Norra tekn. n.', 'Delår aug 2027 Norra teknik. n.']);
    for (const report of REPORT_IDS) expectLegalAndUnique([...followUpTabNames(report, boards, 2027).values()]);
  });

  it('falls back to " (2)" when no shortened form tells two nämnder apart', () => {
    const boards = ['Barn- och utbildningsnämnden', 'Barn- och utbildningsnämnd'];
    const names = followUpTabNames('august', boards, 2027);
    expect(names.get(boards[0])).toBe('Delår aug 2027 Barn- o utb.n.');
    expect(names.get(boards[1])).toMatch(/^Delår aug 2027 Barn- o utb.* \(2\)$/);
    for (const report of REPORT_IDS) expectLegalAndUnique([...followUpTabNames(report, boards, 2027).values()]);
  });

  it('stays clear of the sheets the workbook has, compared without case as Excel does', () => {
    const existing = ['DELÅR AUG 2027 SOCIALNÄMNDEN', 'Delår aug 2027 Barn- o ungd.n.', 'Driftbudget'];
    const names = followUpTabNames('august', SAMPLE, 2027, existing);
    expect(names.get('Socialnämnden')).toBe('Delår aug 2027 Socialn. (2)');
    expect(names.get('Barn- och ungdomsnämnden')).toBe('Delår aug 2027 Barn- o ungd (2)');
    expect(names.get('Valnämnden')).toBe('Delår aug 2027 Valnämnden');
    expectLegalAndUnique([...names.values()], existing);
  });

  it('never writes a character Excel forbids, nor an apostrophe at the end', () => {
    const boards = ['Nämnden för: [särskilda] *frågor*?', 'Bygg/Miljö\\nämnden', "Valnämnden'", 'Kultur- och fritidsnämnden'];
    for (const report of REPORT_IDS) {
      const names = followUpTabNames(report, boards, 2027);
      expectLegalAndUnique([...names.values()]);
    }
    expect(followUpTabNames('august', boards, 2027).get("Valnämnden'")).toBe('Delår aug 2027 Valnämnden');
    expect(followUpTabNames('august', boards, 2027).get('Bygg/Miljö\\nämnden')).toBe('Delår aug 2027 Bygg Miljö n.');
  });

  it('gives spellings of the same nämnd one name', () => {
    const names = followUpTabNames('august', ['Socialnämnden', ' socialnämnden', 'Valnämnden'], 2027);
    expect(names.get(' socialnämnden')).toBe(names.get('Socialnämnden'));
    expect(new Set(names.values()).size).toBe(2);
  });

  it('stays within 31 characters for a name no shortening makes fit', () => {
    const board = 'Gemensamma överförmyndarnämnden för Västra Götalands samverkande kommuner';
    for (const report of REPORT_IDS) expectLegalAndUnique([followUpTabNames(report, [board], 2027).get(board)!]);
  });
});

describe('planFollowUpTabs', () => {
  const tab = (sheet: string, board: string, report: FollowUpReport = 'august', year = 2027): FilledTab =>
    ({ sheet, kind: 'uppfoljning', report, year, board }) as FilledTab;

  it('finds a nämnd\'s tab by its marker, whatever its name, and does not count it as new', () => {
    const tabs = [tab('Min egen flik', 'Socialnämnden'), tab('Delår aug 2026 Valnämnden', 'Valnämnden', 'august', 2026)];
    const plan = planFollowUpTabs({ tabs, boards: SAMPLE.slice(0, -1), sheetNames: ['Driftbudget', 'Min egen flik', 'Delår aug 2026 Valnämnden'] }, 'august', 2027, [
      'Socialnämnden',
      'Valnämnden',
      'Kommunen',
    ]);
    expect(plan.existing).toEqual([{ board: 'Socialnämnden', sheet: 'Min egen flik' }]);
    expect(plan.created).toEqual([
      { board: 'Valnämnden', sheet: 'Delår aug 2027 Valnämnden' },
      { board: 'Kommunen', sheet: 'Delår aug 2027 Kommunen' },
    ]);
  });

  it('names a new tab as for all the nämnder of the workbook, whichever were chosen', () => {
    const workbook = { tabs: [], boards: SAMPLE.slice(0, -1), sheetNames: ['Driftbudget'] };
    const all = followUpTabNames('december', SAMPLE, 2027, ['Driftbudget']);
    for (const board of SAMPLE) expect(planFollowUpTabs(workbook, 'december', 2027, [board]).created).toEqual([{ board, sheet: all.get(board) }]);
  });

  it('a sheet of the new name that is not the nämnd\'s tab is kept clear of; the nämnd\'s own tab does not push the others', () => {
    const tabs = [tab('Delår aug 2027 Socialnämnden', 'Socialnämnden')];
    const sheetNames = ['Delår aug 2027 Socialnämnden', 'Delår aug 2027 Valnämnden'];
    const plan = planFollowUpTabs({ tabs, boards: ['Socialnämnden', 'Valnämnden'], sheetNames }, 'august', 2027, ['Socialnämnden', 'Valnämnden']);
    expect(plan.existing).toEqual([{ board: 'Socialnämnden', sheet: 'Delår aug 2027 Socialnämnden' }]);
    expect(plan.created).toEqual([{ board: 'Valnämnden', sheet: 'Delår aug 2027 Valnämnden (2)' }]);
  });
});
