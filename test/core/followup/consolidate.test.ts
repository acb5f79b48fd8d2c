/** KS's sammanställning of the nämnder's follow-up tabs, and the read plan that finds them. */
import { toA1 } from '../../../src/core/a1';
import {
  buildConsolidation,
  buildFollowUpTab,
  compiledTab,
  checkFollowUpTab,
  consolidationTabName,
  followUpBoards,
  planFollowUpRead,
  readFollowUpTab,
  recognizeFollowUp,
  typedInputs,
  type FilledTab,
} from '../../../src/core/followup';
import { decodeMarker, withMarker } from '../../../src/core/workbook/marker';
import { emptySheetSpec, type SheetSpec } from '../../../src/core/workbook/sheet-spec';
import { specsAsRaw } from '../sample/specs-as-raw';
import { cellIn, inA1, modelOf, rowIn, sample, sampleSpecs, sectionRange, setComputed, specToGrid, textOf, typeInto } from './helpers';

const BUN = 'Barn- och ungdomsnämnden';
const VOO = 'Vård- och äldreomsorgsnämnden';
const GENERATED_AT = new Date('2027-09-15T08:00:00Z');
const SAMPLE = sample();
const MODEL = modelOf(SAMPLE);

function tabFor(board: string, fill: (spec: SheetSpec, grid: ReturnType<typeof specToGrid>) => void = () => undefined): { spec: SheetSpec; tab: FilledTab } {
  const spec = inA1(buildFollowUpTab({ model: MODEL, report: 'august', board, year: 2027, generatedAt: GENERATED_AT }));
  const grid = specToGrid(spec);
  fill(spec, grid);
  return { spec, tab: readFollowUpTab(grid)! };
}

const bun = tabFor(BUN, (spec, grid) => {
  typeInto(grid, cellIn(spec, 'Åtgärder', 'Förskola Centrum', 'Åtgärd'), 'Vakanser hålls öppna');
  typeInto(grid, cellIn(spec, 'Åtgärder', 'Förskola Centrum', 'Effekt (tkr)'), 1_200);
  setComputed(grid, cellIn(spec, 'Åtgärder', 'Förskola Centrum', 'Avvikelse helår'), -2_000);
});
const voo = tabFor(VOO);
const kommun = tabFor('Kommunen', (spec, grid) => typeInto(grid, cellIn(spec, 'Balanskrav', 'Årets resultat, prognos', 'Belopp'), 45_000));

describe('buildConsolidation', () => {
  const spec = inA1(buildConsolidation([bun.tab, voo.tab, kommun.tab], MODEL, 2027, 'august'));

  it('gives the same tab from compiled tabs (checked, cut to the rows it copies) as from the full tabs', () => {
    // As the CLI reads files: from another workbook (the check without the model), one at a time.
    const fromFiles = [bun.tab, voo.tab, kommun.tab].map((t, i) => ({ ...t, workbook: `namnd-${i}.xlsx` }));
    const compiled = fromFiles.map((t) => compiledTab(t));
    expect(compiled[0].rows.length).toBeLessThan(bun.tab.rows.length / 2);
    expect(compiled[2].rows).toBe(fromFiles[2].rows); // the kommun tab whole (its balanskrav)
    expect(compiled[0].checked).toEqual(checkFollowUpTab(fromFiles[0], null));
    const at = { generatedAt: GENERATED_AT };
    expect(buildConsolidation(compiled, null, 2027, 'august', at)).toEqual(buildConsolidation(fromFiles, null, 2027, 'august', at));
  });

  it('keeps, when cut, every åtgärd row the compilation lists and only those', () => {
    const { tab } = tabFor(BUN, (spec, grid) => {
      // A deficit without a measure, and a measure without a deficit: both are listed.
      setComputed(grid, cellIn(spec, 'Åtgärder', 'Förskola Nolhaga', 'Avvikelse helår'), -500);
      typeInto(grid, cellIn(spec, 'Åtgärder', 'Förskola Centrum', 'Åtgärd'), 'Översyn av lokaler');
      setComputed(grid, cellIn(spec, 'Åtgärder', 'Förskola Centrum', 'Avvikelse helår'), 300);
    });
    const fromFile = { ...tab, workbook: 'namnd.xlsx' };
    const compiled = compiledTab(fromFile);
    expect(compiled.rows.filter((r) => r.key.section === 'atgarder').map((r) => r.label)).toEqual([expect.stringContaining('Förskola Centrum'), expect.stringContaining('Förskola Nolhaga')]);
    const at = { generatedAt: GENERATED_AT };
    expect(buildConsolidation([compiled], null, 2027, 'august', at)).toEqual(buildConsolidation([fromFile], null, 2027, 'august', at));
  });

  it('is an owned sammanställning tab of the report and year', () => {
    expect(decodeMarker(spec.rows[0][0]?.value)).toMatchObject({ type: 'sammanstallning', report: 'august', year: 2027, board: 'Kommunen' });
    expect(spec.name).toBe(consolidationTabName('august', 2027));
    expect(spec.protect).toBe(true);
  });

  it('has one row per nämnd, linked by formulas to the nämnd tabs in this workbook', () => {
    const title = 'Ekonomisk uppföljning per nämnd';
    const { top, bottom } = sectionRange(spec, title);
    const labels = spec.rows.slice(top, bottom + 1).map((r) => textOf(r[1]));
    expect(labels.filter((l) => followUpBoards(MODEL).includes(l))).toEqual(followUpBoards(MODEL));
    const total = bun.tab.rows.find((r) => r.key.section === 'ekonomi' && r.key.total)!;
    const row = rowIn(spec, title, BUN);
    // Each field finds the nämnd tab's total row by its key cell (column A), not by its position,
    // so a refresh that moves the row (a verksamhet added above it) is still followed.
    const keyColumn = bun.spec.rows.map((r) => textOf(r[0]));
    for (const [col, letter] of [[2, 'C'], [6, 'G']] as const) {
      const formula = textOf(spec.rows[row][col]);
      const m = /^=INDEX\('([^']+)'!\$([A-Z]+):\$[A-Z]+,MATCH\("(.*)\*",'([^']+)'!\$A:\$A,0\)\)$/.exec(formula);
      expect(m).not.toBeNull();
      expect([m![1], m![2], m![4]]).toEqual([bun.tab.sheet, letter, bun.tab.sheet]);
      const prefix = m![3].replace(/""/g, '"').replace(/~([~*?])/g, '$1');
      const matching = keyColumn.flatMap((text, r) => (text.startsWith(prefix) ? [r] : []));
      expect(matching).toEqual([total.row]);
    }
    expect(spec.rows[row][8]).toMatchObject({ style: 'link', link: `'${bun.tab.sheet}'!${toA1(total.row, 1)}` });
    // A nämnd without a tab: its budget from Driftbudget, and a warning instead of a link.
    const missing = rowIn(spec, title, 'Socialnämnden');
    expect(textOf(spec.rows[missing][2])).toMatch(/^=SUMIFS\('Driftbudget'!/);
    expect(spec.rows[missing][8]).toMatchObject({ value: 'Ingen flik inlämnad', style: 'warning' });
    const sum = rowIn(spec, title, 'Summa kommunen');
    expect(textOf(spec.rows[sum][2])).toMatch(/^=SUM\(C\d+:C\d+\)$/);
  });

  it('shows each nämnd’s status and check result', () => {
    const row = rowIn(spec, 'Inlämning och kontroll', BUN);
    const findings = checkFollowUpTab(bun.tab, MODEL);
    expect(textOf(spec.rows[row][2])).toBe('Utkast');
    expect(spec.rows[row][4]?.value).toBe(findings.filter((f) => f.severity === 'error').length);
    expect(spec.rows[row][5]?.value).toBe(findings.filter((f) => f.severity === 'warning').length);
    expect(textOf(spec.rows[rowIn(spec, 'Inlämning och kontroll', 'Socialnämnden')][2])).toBe('Ingen flik');
  });

  it('lists the åtgärder the nämnder reported', () => {
    const row = rowIn(spec, 'Åtgärder i nämnderna', `${BUN}: Förskola Centrum`);
    expect(spec.rows[row][2]?.value).toBe(-2_000);
    expect(spec.rows[row][3]?.value).toBe(1_200);
    expect(spec.rows[row][8]?.value).toBe('Vakanser hålls öppna');
  });

  it('prefills the balanskrav from the kommun tab, and keeps what was typed on an earlier compilation', () => {
    const row = rowIn(spec, 'Balanskrav', 'Årets resultat, prognos');
    expect(spec.rows[row][2]).toMatchObject({ value: 45_000, style: 'input' });
    const grid = specToGrid(spec);
    typeInto(grid, `C${row + 1}`, 47_500);
    const previous = typedInputs(readFollowUpTab(grid)!);
    const again = inA1(buildConsolidation([bun.tab, voo.tab, kommun.tab], MODEL, 2027, 'august', { previous }));
    expect(again.rows[rowIn(again, 'Balanskrav', 'Årets resultat, prognos')][2]?.value).toBe(47_500);
  });

  it('copies values from tabs of other workbooks (no formulas or links into files it does not have)', () => {
    const grid = specToGrid(buildFollowUpTab({ model: MODEL, report: 'august', board: BUN, year: 2027, generatedAt: GENERATED_AT }));
    const tab = { ...readFollowUpTab(grid)!, workbook: 'bun.xlsx' };
    const total = tab.rows.find((r) => r.key.section === 'ekonomi' && r.key.total)!;
    total.formulas.budget = { ...total.formulas.budget, value: 1_048_600 };
    const other = inA1(buildConsolidation([tab], null, 2027, 'august'));
    const row = rowIn(other, 'Ekonomisk uppföljning per nämnd', BUN);
    expect(other.rows[row][2]).toMatchObject({ value: 1_048_600 });
    expect(other.rows[row][2]?.formula).toBeUndefined();
    expect(textOf(other.rows[row][8])).toBe(`bun.xlsx: ${tab.sheet} · Utkast`);
    expect(other.rows[row][8]?.link).toBeUndefined();
  });

  it('compiles only the tabs of its report and year', () => {
    const april = tabFor(BUN);
    const wrong = { ...april.tab, report: 'april' as const };
    const only = inA1(buildConsolidation([wrong, voo.tab], MODEL, 2027, 'august'));
    expect(textOf(only.rows[rowIn(only, 'Ekonomisk uppföljning per nämnd', BUN)][8])).toBe('Ingen flik inlämnad');
    expect(textOf(only.rows[rowIn(only, 'Ekonomisk uppföljning per nämnd', VOO)][8])).toContain(voo.tab.sheet);
  });
});

describe('planFollowUpRead', () => {
  it('reads the inputs and every owned follow-up tab (from A1, with formulas) in one plan', () => {
    const followUp = inA1(buildFollowUpTab({ model: MODEL, report: 'august', board: BUN, year: 2027, generatedAt: GENERATED_AT }));
    const other = withMarker({ ...emptySheetSpec('Resursfördelning 2027'), rows: [[{ value: 'x' }]] }, { type: 'resursfordelning', version: 1 });
    const specs = [...sampleSpecs(SAMPLE), followUp, other];
    let plan: ReturnType<typeof planFollowUpRead> | null = null;
    const raw = specsAsRaw(specs, (index) => {
      plan = planFollowUpRead(index);
      return plan.plan;
    });
    const planned = plan!;
    expect(planned.tabs).toEqual([{ sheet: followUp.name, readId: `followup#${followUp.name}` }]);
    const range = planned.plan.ranges.find((r) => r.sheet === followUp.name)!;
    expect(range).toMatchObject({ formulas: true, numberFormats: false });
    expect(range.address.startsWith('A1:')).toBe(true);
    expect(planned.plan.ranges.some((r) => r.sheet === 'Driftbudget')).toBe(true);
    expect(planned.plan.ranges.some((r) => r.sheet === 'Resursfördelning 2027')).toBe(false);

    const { model, tabs } = recognizeFollowUp(raw, planned);
    expect(model.operatingBudget.length).toBe(MODEL.operatingBudget.length);
    expect(tabs.map((t) => [t.sheet, t.report, t.board])).toEqual([[followUp.name, 'august', BUN]]);
  });
});
