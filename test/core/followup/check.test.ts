/**
 * The UPF-* rules on filled follow-up tabs: a completely filled tab is clean, and one fixture per
 * rule breaks it in one place and expects the rule at that cell.
 */
import { buildFollowUpTab, checkFollowUpTab, readFollowUpTab, type FollowUpReport } from '../../../src/core/followup';
import { RULE_CATALOGUE } from '../../../src/core/messages/rule-catalogue';
import type { BudgetModel } from '../../../src/core/recognition/model';
import { CellError, type RawGrid } from '../../../src/core/workbook/raw';
import type { SheetSpec } from '../../../src/core/workbook/sheet-spec';
import { cellIn, inA1, columnIn, modelOf, rowIn, sample, sectionRange, setComputed, specToGrid, textOf, typeInto, withRows } from './helpers';

const BUN = 'Barn- och ungdomsnämnden';
const OFN = 'Överförmyndarnämnden';
const GENERATED_AT = new Date('2027-09-15T08:00:00Z');
const SAMPLE = sample();
const MODEL = modelOf(SAMPLE);
const UPF_RULES = ['UPF-PROGNOS-MISSING', 'UPF-ATGARD-MISSING', 'UPF-PERIOD', 'UPF-STATUS', 'UPF-PERSONAL-MISSING', 'UPF-SMALL-GROUP', 'UPF-STALE', 'UPF-TAMPERED', 'UPF-REF'];

/** Budget Y1 per verksamhet of a nämnd, tkr, from the sample's rows. */
function budgets(board: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of SAMPLE.sheets.find((s) => s.input === 'driftbudget')!.rows) {
    if (r[0] === board) out.set(String(r[1]), (out.get(String(r[1])) ?? 0) + Number(r[4]));
  }
  return out;
}

interface Fixture {
  spec: SheetSpec;
  grid: RawGrid;
  economy: string;
}

/** A tab filled in completely and correctly, with the values a recalculation gives the budget cells. */
function complete(report: FollowUpReport, board = BUN): Fixture {
  const spec = inA1(buildFollowUpTab({ model: MODEL, report, board, year: 2027, generatedAt: GENERATED_AT }));
  const grid = specToGrid(spec);
  const economy = report === 'december' ? 'Ekonomisk redovisning' : 'Ekonomisk uppföljning';
  for (const [activity, budget] of budgets(board)) {
    setComputed(grid, cellIn(spec, economy, activity, report === 'december' ? 'Budget' : 'Budget helår'), budget);
    if (report === 'december') {
      setComputed(grid, cellIn(spec, economy, activity, 'Utfall'), budget);
      setComputed(grid, cellIn(spec, economy, activity, 'Avvikelse'), 0);
    } else {
      typeInto(grid, cellIn(spec, economy, activity, 'Prognos helår'), budget);
    }
  }
  const title = report === 'december' ? 'Personalredovisning' : 'Personal';
  if (report !== 'april') {
    const { top, bottom } = sectionRange(spec, 'Politiska inriktningar');
    for (let r = top; r <= bottom; r++) if (spec.rows[r][7]?.style === 'input') typeInto(grid, `H${r + 1}`, 'Pågår');
    const figures: Record<string, [number, number]> = {
      'Anställda (antal)': [1_240, 420],
      Årsarbetare: [1_100, 405],
      'Sjukfrånvaro, andel av arbetstid': [0.072, 0.051],
      'Sjukfrånvaro ≥ 60 dagar': [0.031, 0.02],
    };
    for (const [label, [women, men]] of Object.entries(figures)) {
      if (spec.rows[rowIn(spec, title, label)][2]?.style !== 'input') continue;
      typeInto(grid, cellIn(spec, title, label, 'Kvinnor'), women);
      typeInto(grid, cellIn(spec, title, label, 'Män'), men);
    }
  }
  const status = spec.rows.findIndex((r) => textOf(r[1]) === 'Status');
  typeInto(grid, `C${status + 1}`, 'Klar för inlämning');
  return { spec, grid, economy };
}

function check(fixture: Fixture, model: BudgetModel | null = MODEL) {
  const tab = readFollowUpTab(fixture.grid)!;
  return checkFollowUpTab(tab, model);
}

function only(findings: ReturnType<typeof check>, rule: string) {
  return findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);
}

describe('UPF rules', () => {
  it('find nothing on a completely filled tab', () => {
    expect(check(complete('august'))).toEqual([]);
    expect(check(complete('december'))).toEqual([]);
    expect(check(complete('december', OFN))).toEqual([]);
  });

  it('have catalogue entries with Swedish and English texts and a fix', () => {
    for (const rule of UPF_RULES) {
      const entry = RULE_CATALOGUE[rule as keyof typeof RULE_CATALOGUE];
      expect(entry.fix.sv).toMatch(/\S/);
      expect(entry.message.sv({ what: 'x' })).toMatch(/\S/);
    }
    expect(RULE_CATALOGUE['UPF-PERSONAL-MISSING-ARSBOKSLUT']).toMatchObject({ severity: 'error', publicId: 'UPF-PERSONAL-MISSING' });
  });

  it('UPF-PROGNOS-MISSING: a verksamhet without Prognos helår, at the forecast cell', () => {
    const f = complete('august');
    const cell = cellIn(f.spec, f.economy, 'Fritidshem', 'Prognos helår');
    typeInto(f.grid, cell, null);
    const findings = check(f);
    expect(only(findings, 'UPF-PROGNOS-MISSING')).toEqual([`${f.spec.name}!${cell}`]);
    expect(findings[0]).toMatchObject({ severity: 'error', board: BUN, message: `${BUN}, Fritidshem: Prognos helår saknas.` });
  });

  it('UPF-ATGARD-MISSING: a full-year deficit beyond the tolerance without an åtgärd, at the Åtgärd cell', () => {
    const f = complete('august');
    const budget = budgets(BUN).get('Förskola Centrum')!;
    typeInto(f.grid, cellIn(f.spec, f.economy, 'Förskola Centrum', 'Prognos helår'), budget + 2_000);
    const cell = cellIn(f.spec, 'Åtgärder', 'Förskola Centrum', 'Åtgärd');
    const findings = check(f);
    expect(only(findings, 'UPF-ATGARD-MISSING')).toEqual([`${f.spec.name}!${cell}`]);
    expect(findings.find((x) => x.rule === 'UPF-ATGARD-MISSING')!.message.replace(/\s/g, ' ')).toBe(
      `${BUN}, Förskola Centrum: prognosen ger en avvikelse på −2 000 tkr mot budget, men ingen åtgärd är angiven.`,
    );
    typeInto(f.grid, cell, 'Vakanser hålls öppna');
    expect(only(check(f), 'UPF-ATGARD-MISSING')).toEqual([]);
    // Within the tolerance (0.5 tkr) is not a deficit.
    typeInto(f.grid, cell, null);
    typeInto(f.grid, cellIn(f.spec, f.economy, 'Förskola Centrum', 'Prognos helår'), budget + 0.4);
    expect(only(check(f), 'UPF-ATGARD-MISSING')).toEqual([]);
  });

  it('UPF-ATGARD-MISSING in the årsbokslut: utfall over budget, from the recalculated deviation', () => {
    const f = complete('december');
    setComputed(f.grid, cellIn(f.spec, f.economy, 'Skolskjuts', 'Avvikelse'), -3_000);
    expect(only(check(f), 'UPF-ATGARD-MISSING')).toEqual([`${f.spec.name}!${cellIn(f.spec, 'Åtgärder', 'Skolskjuts', 'Åtgärd')}`]);
  });

  it('UPF-PERIOD: the period cell does not match the report, at that cell', () => {
    const f = complete('august');
    const row = f.spec.rows.findIndex((r) => textOf(r[1]) === 'Period t.o.m.');
    typeInto(f.grid, `C${row + 1}`, '2027-06-30');
    expect(only(check(f), 'UPF-PERIOD')).toEqual([`${f.spec.name}!C${row + 1}`]);
  });

  it('UPF-PERIOD: budget to date computed over the wrong number of months, at that cell', () => {
    const f = complete('august');
    const cell = cellIn(f.spec, f.economy, 'Elevhälsa', 'Budget t.o.m. period');
    f.grid.formulas[cell] = f.grid.formulas[cell].replace('*8/12', '*6/12');
    expect(only(check(f), 'UPF-PERIOD')).toEqual([`${f.spec.name}!${cell}`]);
  });

  it('UPF-PERIOD: Utfall has periods after the report period, at the first such Utfall cell', () => {
    const f = complete('april');
    const utfall = SAMPLE.sheets.find((s) => s.input === 'utfall')!;
    const index = utfall.rows.findIndex((r) => r[0] === BUN && String(r[3]) > '2027-04');
    const periodColumn = String.fromCharCode(65 + utfall.header.indexOf('Period'));
    // The Utfall tab: instruction line, header, then the rows.
    expect(only(check(f), 'UPF-PERIOD')).toEqual([`Utfall!${periodColumn}${index + 3}`]);
    expect(only(checkFollowUpTab(readFollowUpTab(f.grid)!, null), 'UPF-PERIOD')).toEqual([]);
  });

  it('UPF-STATUS: a status outside the allowed list, at the status cell', () => {
    const f = complete('august');
    const cell = cellIn(f.spec, 'Politiska inriktningar', 'Barngrupperna i förskolan ska bli mindre.', 'Status');
    typeInto(f.grid, cell, 'Försenad');
    const status = f.spec.rows.findIndex((r) => textOf(r[1]) === 'Status');
    typeInto(f.grid, `C${status + 1}`, 'Klar');
    expect(only(check(f), 'UPF-STATUS').sort()).toEqual([`${f.spec.name}!${cell}`, `${f.spec.name}!C${status + 1}`].sort());
  });

  it('UPF-PERSONAL-MISSING: empty personnel inputs, a warning in Delår and an error in Årsbokslut, at the first empty cell', () => {
    const august = complete('august');
    const cell = cellIn(august.spec, 'Personal', 'Årsarbetare', 'Män');
    typeInto(august.grid, cell, null);
    const warning = check(august).filter((x) => x.rule === 'UPF-PERSONAL-MISSING');
    expect(warning.map((x) => [x.cell, x.severity])).toEqual([[cell, 'warning']]);

    const december = complete('december');
    const cells = [cellIn(december.spec, 'Personalredovisning', 'Sjukfrånvaro ≥ 60 dagar', 'Kvinnor'), cellIn(december.spec, 'Personalredovisning', 'Anställda (antal)', 'Män')];
    for (const c of cells) typeInto(december.grid, c, null);
    const error = check(december).filter((x) => x.rule === 'UPF-PERSONAL-MISSING');
    expect(error.map((x) => [x.cell, x.severity])).toEqual([[cells[1], 'error']]);
    expect(error[0].message).toContain('2 uppgifter');
  });

  it('UPF-SMALL-GROUP: sick leave reported for 10 or fewer employees, at the sick-leave cell', () => {
    const f = complete('august');
    typeInto(f.grid, cellIn(f.spec, 'Personal', 'Anställda (antal)', 'Män'), 9);
    const sick = cellIn(f.spec, 'Personal', 'Sjukfrånvaro, andel av arbetstid', 'Män');
    const long = cellIn(f.spec, 'Personal', 'Sjukfrånvaro ≥ 60 dagar', 'Män');
    const findings = check(f).filter((x) => x.rule === 'UPF-SMALL-GROUP');
    expect(findings.map((x) => x.cell)).toEqual([sick, long]);
    expect(findings[0].message).toContain('SFS 2002:1065');
    typeInto(f.grid, sick, null);
    typeInto(f.grid, long, null);
    expect(only(check(f), 'UPF-SMALL-GROUP')).toEqual([]);
  });

  it('UPF-STALE: a budget figure that no longer matches Driftbudget, at the budget cell', () => {
    const f = complete('august');
    const changed = modelOf(
      withRows(SAMPLE, 'driftbudget', (rows) => {
        const i = rows.findIndex((r) => r[0] === BUN && r[1] === 'Grundskola Centrum');
        rows[i][4] = Number(rows[i][4]) + 750;
        return rows;
      }),
    );
    const findings = check(f, changed).filter((x) => x.rule === 'UPF-STALE');
    expect(findings.map((x) => x.cell)).toEqual([cellIn(f.spec, f.economy, 'Grundskola Centrum', 'Budget helår')]);
    expect(findings[0].severity).toBe('warning');
  });

  it('UPF-STALE: a verksamhet added to Driftbudget since the tab was made, at the total budget cell', () => {
    const f = complete('august');
    const changed = modelOf(withRows(SAMPLE, 'driftbudget', (rows) => [...rows, [BUN, 'Läxhjälp', 5010, 'Löner', 2_400, 2_450, 2_500]]));
    const findings = check(f, changed).filter((x) => x.rule === 'UPF-STALE');
    expect(findings.map((x) => x.cell)).toEqual([cellIn(f.spec, f.economy, `Summa ${BUN}`, 'Budget helår')]);
    expect(findings[0].message).toContain('Läxhjälp');
    expect(findings[0].message).toContain('formlerna summerar inte längre');
  });

  it('UPF-TAMPERED: a formula overwritten with a constant, at that cell', () => {
    const f = complete('august');
    const cell = cellIn(f.spec, f.economy, 'Förskoleklass', 'Budget t.o.m. period');
    typeInto(f.grid, cell, 5);
    const findings = check(f).filter((x) => x.rule === 'UPF-TAMPERED');
    expect(findings.map((x) => x.cell)).toEqual([cell]);
    expect(findings[0].message).toBe('Budget t.o.m. period för ”Förskoleklass” ska vara en formel men innehåller värdet 5.');
  });

  it('UPF-REF: a formula whose sheet was deleted (Excel rewrites it to #REF!) is an error at that cell', () => {
    const f = complete('august');
    const cell = cellIn(f.spec, f.economy, 'Förskoleklass', 'Budget helår');
    const formula = f.grid.formulas[cell];
    expect(formula).toContain("'Driftbudget'!");
    // What Excel leaves after the Driftbudget sheet is deleted: the reference is gone for good.
    setComputed(f.grid, cell, new CellError('#REF!'));
    f.grid.formulas[cell] = formula.split("'Driftbudget'!").join('#REF!');
    const findings = check(f).filter((x) => x.rule === 'UPF-REF');
    expect(findings.map((x) => x.cell)).toEqual([cell]);
    expect(findings[0].severity).toBe('error');
    expect(findings[0].message).toBe('Budget helår för ”Förskoleklass” visar #REF!: formeln pekade på en flik som har tagits bort eller ersatts, så beloppet saknas.');
    // An intact tab has none.
    expect(check(complete('august')).filter((x) => x.rule === 'UPF-REF')).toEqual([]);
  });

  it('points every finding at a cell of the tab or of an input, with a Swedish message and a fix', () => {
    const f = complete('april');
    typeInto(f.grid, cellIn(f.spec, f.economy, 'Förskola Centrum', 'Prognos helår'), null);
    typeInto(f.grid, cellIn(f.spec, f.economy, 'Skolskjuts', 'Budget helår'), 1);
    const findings = check(f);
    // The overwritten budget (1 tkr) against the typed prognos is a deficit the tab now shows, too.
    expect(new Set(findings.map((x) => x.rule))).toEqual(new Set(['UPF-PERIOD', 'UPF-PROGNOS-MISSING', 'UPF-TAMPERED', 'UPF-ATGARD-MISSING']));
    for (const x of findings) {
      expect(x.cell).toMatch(/^[A-Z]+\d+$/);
      expect(x.message).toMatch(/\S/);
      expect(x.fix).toMatch(/\S/);
    }
    expect(columnIn(f.spec, f.economy, 'Prognos helår')).toBe(6);
  });
});
