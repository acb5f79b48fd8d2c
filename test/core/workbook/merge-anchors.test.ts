/**
 * Excel's merge keeps only the top-left cell's value and drops the others (the Office adapter
 * merges after writing values, and the Excel double models it). So no tab Budgetkoll writes may
 * put a value or formula in a merged cell other than the top-left one: it would vanish in Excel
 * and stay in the .xlsx writer's copy — two different tabs from one spec.
 */
import { runAllocation } from '../../../src/core/allocation/model';
import { buildAllocationTab } from '../../../src/core/allocation/result-tab';
import { buildConsolidation, buildFollowUpTab, followUpBoards, readFollowUpTab, REPORT_IDS } from '../../../src/core/followup';
import { buildControlReport } from '../../../src/core/reports/control-report';
import { frameSummary, validateModel } from '../../../src/core/rules';
import { buildBlankTemplate } from '../../../src/core/templates';
import { toA1 } from '../../../src/core/a1';
import { mergedAreas, type SheetSpec } from '../../../src/core/workbook/sheet-spec';
import { modelOf, sampleSpecs, specToGrid } from '../followup/helpers';

const GENERATED_AT = new Date('2027-09-15T08:00:00Z');

/** "Sheet!A1" of every non-anchor merged cell that holds a value or formula. */
function valuesUnderMerges(spec: SheetSpec): string[] {
  const rows = spec.rows;
  const found: string[] = [];
  for (const area of mergedAreas(spec)) {
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r === area.top && c === area.left) continue;
        const cell = rows[r]?.[c];
        const holds = cell && ((cell.value !== null && cell.value !== undefined && cell.value !== '') || cell.formula || cell.formulaR1C1);
        if (holds) found.push(`${spec.name}!${toA1(r, c)}`);
      }
    }
  }
  return found;
}

function everySpec(): SheetSpec[] {
  const model = modelOf();
  const specs: SheetSpec[] = [...sampleSpecs(), ...buildBlankTemplate({ year: 2027, kommun: 'Exempelkommun' })];
  if (!model.years) throw new Error('the sample has no budget years');
  const year = model.years[0];
  const followUps: SheetSpec[] = [];
  for (const report of REPORT_IDS) {
    for (const board of followUpBoards(model)) followUps.push(buildFollowUpTab({ model, report, board, year, generatedAt: GENERATED_AT }));
  }
  specs.push(...followUps);
  const tabs = followUps.map((spec) => readFollowUpTab(specToGrid(spec))!);
  for (const report of REPORT_IDS) specs.push(buildConsolidation(tabs, model, year, report, { generatedAt: GENERATED_AT }));
  const allocation = runAllocation(model);
  if (allocation) specs.push(buildAllocationTab(allocation, model, GENERATED_AT));
  specs.push(buildControlReport({ findings: validateModel(model), frames: frameSummary(model), years: model.years, kommun: model.parameters.kommun, generatedAt: GENERATED_AT }));
  return specs;
}

describe('merged cells', () => {
  it('no tab Budgetkoll writes has a value or formula under a merge except in its top-left cell', () => {
    const specs = everySpec();
    const merged = specs.filter((s) => mergedAreas(s).length > 0);
    // Enough tabs with merges for the check to mean something.
    expect(merged.length).toBeGreaterThan(20);
    expect(specs.flatMap(valuesUnderMerges)).toEqual([]);
  });

  it('the check finds a value under a merge', () => {
    const spec: SheetSpec = { ...everySpec()[0], merges: ['A1:B1'], mergesAcross: [] };
    spec.rows = [[{ value: 'a' }, { value: 'b' }]];
    expect(valuesUnderMerges(spec)).toEqual([`${spec.name}!B1`]);
  });
});
