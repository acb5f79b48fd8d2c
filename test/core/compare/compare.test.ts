/**
 * Jämför versioner in core: two small workbooks with seeded changes (a row added, a row removed,
 * an amount changed, a nämnd renamed) give exactly those; identical versions give nothing; a typed
 * input on a follow-up tab is compared by row key.
 */
import { compareVersions, hasDifferences, type VersionData } from '../../../src/core/compare';
import { buildFollowUpTab, readFollowUpTab } from '../../../src/core/followup';
import { JOB_INPUTS, locateInputs, recognizeWorkbook } from '../../../src/core/recognition';
import { indexOf, readPlan, type TestSheet } from '../../helpers/raw-workbook';
import { BUN, firstVersion, FRAMES, KFN, KIN, ROWS, seededVersion, SOC, versionWorkbook, type Row } from '../../fixtures/versions';
import { cellIn, inA1, modelOf, sample, specToGrid, textOf, typeInto } from '../followup/helpers';

function version(sheets: TestSheet[]): VersionData {
  const request = JOB_INPUTS.followUp;
  const located = locateInputs(indexOf(sheets), request);
  return { model: recognizeWorkbook(readPlan(sheets, located.plan), located, request), tabs: [] };
}

describe('compareVersions', () => {
  it('identical versions: no differences', () => {
    const diff = compareVersions(version(firstVersion()), version(firstVersion()));
    expect(diff).toEqual({ years: [2027, 2028, 2029], boards: [], rows: [], renamed: [], followUp: [] });
    expect(hasDifferences(diff)).toBe(false);
  });

  it('reports exactly the seeded changes, the renamed nämnd once and not its rows', () => {
    const diff = compareVersions(version(firstVersion()), version(seededVersion()));
    expect(hasDifferences(diff)).toBe(true);
    expect(diff.renamed).toEqual([{ old: KFN, new: KIN, identical: 1, sheet: 'Driftbudget', cell: 'A4' }]);
    // Every field of every row, as tuples: [kind, nämnd, verksamhet, konto, benämning, cell, [year, old, new, cell]…].
    expect(diff.rows.map((r) => [r.kind, r.board, r.activity, r.account, r.description, `${r.sheet}!${r.cell}`, r.amounts.map((x) => [x.year, x.old, x.new, x.cell])])).toEqual([
      ['changed', BUN, 'Grundskola', '4010', 'Material', 'Driftbudget!E3', [[2027, 130_000, 150_000, 'E3']]],
      ['added', SOC, 'Hemtjänst', '5010', 'Löner', 'Driftbudget!A7', [2027, 2028, 2029].map((y, i) => [y, null, 80_000, `${'EFG'[i]}7`])],
      ['removed', SOC, 'Äldreomsorg', '4010', 'Material', 'Driftbudget!A7', [2027, 2028, 2029].map((y, i) => [y, 100_000, null, `${'EFG'[i]}7`])],
    ]);
    expect(Object.keys(diff.rows[0])).toEqual(['kind', 'board', 'activity', 'account', 'description', 'sheet', 'cell', 'amounts']);
    expect(diff.boards).toEqual([
      {
        board: BUN,
        net: [
          { year: 2027, old: 1_030_000, new: 1_050_000, change: 20_000 },
          { year: 2028, old: 1_060_000, new: 1_060_000, change: 0 },
          { year: 2029, old: 1_090_000, new: 1_090_000, change: 0 },
        ],
        frames: null,
      },
      {
        board: SOC,
        net: [
          { year: 2027, old: 500_000, new: 480_000, change: -20_000 },
          { year: 2028, old: 510_000, new: 490_000, change: -20_000 },
          { year: 2029, old: 520_000, new: 500_000, change: -20_000 },
        ],
        frames: null,
      },
    ]);
    expect(diff.followUp).toEqual([]);
  });

  it('matches names as the rest does (case, spaces) and duplicates of a key in order', () => {
    const rows: Row[] = [...ROWS, [BUN, 'Grundskola', '5010', 'Löner', 10, 10, 10]];
    const respelled = rows.map((r) => (r[0] === BUN ? [' barn-  och ungdomsnämnden', ...r.slice(1)] : r));
    respelled[respelled.length - 1] = [BUN, 'Grundskola', '5010', 'Löner', 10, 10, 12];
    const diff = compareVersions(version(versionWorkbook(FRAMES, rows)), version(versionWorkbook(FRAMES, respelled)));
    expect(diff.renamed).toEqual([]);
    expect(diff.rows.map((r) => [r.kind, r.cell, r.amounts])).toEqual([['changed', 'G8', [{ year: 2029, old: 10_000, new: 12_000, cell: 'G8' }]]]);
  });

  it('a nämnd with 9 of 10 rows identical under a new name is renamed; the tenth row is a change under the new name', () => {
    const kfn: Row[] = Array.from({ length: 10 }, (_, i) => [KFN, 'Bibliotek', String(5010 + i), `Konto ${i}`, 10 + i, 20, 30]);
    const kin = kfn.map((r, i) => [KIN, ...r.slice(1, 4), i === 9 ? 99 : r[4], ...r.slice(5)]);
    const frames = FRAMES.map((f) => (f[0] === KFN ? [KIN, ...f.slice(1)] : f));
    const others = ROWS.filter((r) => r[0] !== KFN);
    const diff = compareVersions(version(versionWorkbook(FRAMES, [...others, ...kfn])), version(versionWorkbook(frames, [...others, ...kin])));
    expect(diff.renamed).toEqual([{ old: KFN, new: KIN, identical: 0.9, sheet: 'Driftbudget', cell: 'A6' }]);
    expect(diff.rows.map((r) => [r.kind, r.board, r.description, r.cell, r.amounts])).toEqual([['changed', KIN, 'Konto 9', 'E15', [{ year: 2027, old: 19_000, new: 99_000, cell: 'E15' }]]]);
    expect(diff.boards.map((b) => [b.board, b.net.map((n) => n.change), b.frames])).toEqual([[KIN, [80_000, 0, 0], null]]);
  });

  it('a nämnd gone with fewer than 90 % of its rows found under a new name is removed and added, not renamed', () => {
    const rows = ROWS.map((r) => (r[0] === KFN ? [KIN, r[1], r[2], r[3], Number(r[4]) + 1, r[5], r[6]] : r));
    const frames = FRAMES.map((f) => (f[0] === KFN ? [KIN, ...f.slice(1)] : f));
    const diff = compareVersions(version(firstVersion()), version(versionWorkbook(frames, rows)));
    expect(diff.renamed).toEqual([]);
    expect(diff.rows.map((r) => [r.kind, r.board, r.description])).toEqual([
      ['removed', KFN, 'Löner'],
      ['removed', KFN, 'Lokalhyror'],
      ['added', KIN, 'Löner'],
      ['added', KIN, 'Lokalhyror'],
    ]);
    expect(diff.boards.map((b) => [b.board, b.frames?.map((f) => f.change)])).toEqual([
      [KFN, [-200_000, -205_000, -210_000]],
      [KIN, [200_000, 205_000, 210_000]],
    ]);
  });

  it('a changed frame is reported per nämnd and year', () => {
    const frames = FRAMES.map((f) => (f[0] === SOC ? [SOC, 500, 515, 520] : f));
    const diff = compareVersions(version(firstVersion()), version(versionWorkbook(frames, ROWS)));
    expect(diff.rows).toEqual([]);
    expect(diff.boards).toEqual([
      {
        board: SOC,
        net: [2027, 2028, 2029].map((year, i) => ({ year, old: [500_000, 510_000, 520_000][i], new: [500_000, 510_000, 520_000][i], change: 0 })),
        frames: [
          { year: 2027, old: 500_000, new: 500_000, change: 0 },
          { year: 2028, old: 510_000, new: 515_000, change: 5_000 },
          { year: 2029, old: 520_000, new: 520_000, change: 0 },
        ],
      },
    ]);
  });
});

describe('compareVersions on follow-up tabs', () => {
  const SAMPLE = sample();
  const MODEL = modelOf(SAMPLE);
  const BOARD = 'Barn- och ungdomsnämnden';
  const spec = inA1(buildFollowUpTab({ model: MODEL, report: 'august', board: BOARD, year: 2027, generatedAt: new Date('2027-09-15T08:00:00Z') }));
  const activity = SAMPLE.sheets.find((s) => s.input === 'driftbudget')!.rows.find((r) => r[0] === BOARD)![1] as string;
  const comment = cellIn(spec, 'Ekonomisk uppföljning', activity, 'Kommentar');
  const status = `C${spec.rows.findIndex((r) => textOf(r[1]) === 'Status') + 1}`;

  function tabWith(values: Record<string, string>) {
    const grid = specToGrid(spec, 'Delår aug 2027 BUN');
    for (const [cell, value] of Object.entries(values)) typeInto(grid, cell, value);
    return readFollowUpTab(grid)!;
  }

  it('reports a changed comment and status by row key with the new cell; same inputs report nothing', () => {
    const before = { model: MODEL, tabs: [tabWith({ [comment]: 'Fler elever', [status]: 'Utkast' })] };
    const after = { model: MODEL, tabs: [tabWith({ [comment]: 'Fler elever än väntat', [status]: 'Klar för inlämning' })] };
    expect(compareVersions(before, before)).toEqual({ years: [2027, 2028, 2029], boards: [], rows: [], renamed: [], followUp: [] });
    const diff = compareVersions(before, after);
    expect(diff.followUp).toEqual([
      {
        kind: 'changed',
        sheet: 'Delår aug 2027 BUN',
        tab: 'uppfoljning',
        report: 'august',
        board: BOARD,
        year: 2027,
        inputs: [
          { section: 'huvud', board: BOARD, item: expect.any(String), field: 'status', label: 'Status', removedRow: false, old: 'Utkast', new: 'Klar för inlämning', cell: status },
          { section: 'ekonomi', board: BOARD, item: activity, field: 'comment', label: activity, removedRow: false, old: 'Fler elever', new: 'Fler elever än väntat', cell: comment },
        ],
      },
    ]);
  });

  it('a comment cleared is reported with the empty cell; a tab only in one version is added or removed', () => {
    const before = { model: MODEL, tabs: [tabWith({ [comment]: 'Fler elever' })] };
    const after = { model: MODEL, tabs: [tabWith({})] };
    expect(compareVersions(before, after).followUp[0].inputs).toEqual([expect.objectContaining({ field: 'comment', old: 'Fler elever', new: null, cell: comment })]);
    expect(compareVersions({ model: MODEL, tabs: [] }, after).followUp.map((t) => [t.kind, t.sheet, t.inputs])).toEqual([['added', 'Delår aug 2027 BUN', []]]);
    expect(compareVersions(before, { model: MODEL, tabs: [] }).followUp.map((t) => [t.kind, t.sheet])).toEqual([['removed', 'Delår aug 2027 BUN']]);
  });
});
