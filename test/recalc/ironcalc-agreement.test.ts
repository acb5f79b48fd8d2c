/**
 * The playground's spreadsheet engine (IronCalc, src/playground/engine/) against LibreOffice on
 * the workbooks Budgetkoll writes: the sample with the allocation tab and a follow-up tab
 * (Delårsbokslut for one nämnd and for the whole kommun). Every formula cell of those tabs must
 * get the same value from both engines; a difference is listed with the functions its formula uses.
 */
import { readFileSync } from 'fs';
import { initSync, Model } from '@ironcalc/wasm';
import { runAllocation } from '../../src/core/allocation/model';
import { buildAllocationTab } from '../../src/core/allocation/result-tab';
import { buildFollowUpTab } from '../../src/core/followup';
import { readBudgetModel } from '../../src/core/recognition';
import { generateSample, sampleToSheetSpecs } from '../../src/core/sample';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';
import { collectEngineInput } from '../../src/playground/engine/evaluation';
import { evaluateWithIronCalc, type EngineValue, type IronCalcModule } from '../../src/playground/engine/ironcalc-model';
import { columnLetters } from '../../src/core/a1';
import { recalculatedTexts } from './libreoffice';

const GENERATED_AT = new Date('2027-09-15T08:00:00Z');
const BUN = 'Barn- och ungdomsnämnden';

beforeAll(() => {
  initSync({ module: readFileSync(require.resolve('@ironcalc/wasm/wasm_bg.wasm')) });
});

/** The sample with Budgetkoll's tabs written through the ExcelJS port, as the playground holds it. */
async function sampleWithTabs(): Promise<{ port: XlsxWorkbookPort; tabs: string[] }> {
  const port = XlsxWorkbookPort.createEmpty();
  for (const spec of sampleToSheetSpecs(generateSample())) await port.writeSheet(spec);
  const tabs: string[] = [];
  const allocation = runAllocation(await readBudgetModel(port, 'allocation'));
  if (!allocation) throw new Error('the sample has no budget years');
  tabs.push((await port.writeSheet(buildAllocationTab(allocation, await readBudgetModel(port, 'allocation'), GENERATED_AT))).name);
  const model = await readBudgetModel(port, 'followUp');
  for (const board of [BUN, 'Kommunen']) {
    tabs.push((await port.writeSheet(buildFollowUpTab({ model, report: 'august', board, year: 2027, generatedAt: GENERATED_AT }))).name);
  }
  return { port, tabs };
}

/** A value as LibreOffice's CSV writes it (numbers unformatted, up to 15 significant digits). */
function sameValue(engine: EngineValue, text: string): boolean {
  switch (engine.kind) {
    case 'number': {
      // LibreOffice writes a percentage cell as shown ("2.8%").
      const libre = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
      if (text === '' || !Number.isFinite(libre)) return false;
      return Math.abs(engine.value - libre) <= 1e-9 * Math.max(1, Math.abs(libre));
    }
    case 'boolean':
      return text.toUpperCase() === (engine.value ? 'TRUE' : 'FALSE') || text === (engine.value ? '1' : '0');
    case 'error':
      return text.startsWith('#') || text.startsWith('Err:');
    default:
      return engine.value === text;
  }
}

function functionsOf(formula: string): string[] {
  return [...new Set([...formula.toUpperCase().matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]))];
}

describe('IronCalc agrees with LibreOffice', () => {
  it('needs the array-criterion rewrite: IronCalc 0.8 gives 0 for SUMPRODUCT(SUMIFS(…, {…}))', () => {
    const cells: [number, number, string][] = [
      [0, 0, "'2027-01-15"],
      [0, 1, '10'],
      [1, 0, "'2027-02-03"],
      [1, 1, '20'],
      [2, 0, "'2027-03"],
      [2, 1, '40'],
      [0, 3, '=SUMPRODUCT(SUMIFS(B1:B3,A1:A3,{"2027-01*","2027-02*"}))'],
    ];
    const input = { sheets: [{ name: 'Blad1', cells, formulas: [6] }] };
    expect(evaluateWithIronCalc({ Model } as unknown as IronCalcModule, input).values[0]).toEqual([{ kind: 'number', value: 30 }]);
    // Without the rewrite the engine itself answers 0 (if a later IronCalc fixes it, this line says so).
    const model = new Model('x', 'en', 'UTC', 'en');
    for (const [r, c, text] of cells) model.setUserInput(0, r + 1, c + 1, text);
    model.evaluate();
    expect(model.getFormattedCellValue(0, 1, 4)).toBe('0');
    model.free();
  });


  it('on the allocation tab and the follow-up tabs of the sample', async () => {
    const { port, tabs } = await sampleWithTabs();
    const collected = await collectEngineInput(port);
    const output = evaluateWithIronCalc({ Model } as unknown as IronCalcModule, collected.input);
    const libre = await recalculatedTexts(await port.toBuffer(), tabs);

    const differences: string[] = [];
    const differingFunctions = new Set<string>();
    let compared = 0;
    for (const tab of tabs) {
      const s = collected.input.sheets.findIndex((sheet) => sheet.name === tab);
      expect(s).toBeGreaterThanOrEqual(0);
      const sheet = collected.input.sheets[s];
      const texts = libre.get(tab)!;
      sheet.formulas.forEach((f, i) => {
        const [row, col, formula] = sheet.cells[f];
        const engine = output.values[s][i];
        const text = texts[row]?.[col] ?? '';
        compared++;
        if (!sameValue(engine, text)) {
          for (const name of functionsOf(formula)) differingFunctions.add(name);
          differences.push(`${tab}!${columnLetters(col)}${row + 1}: IronCalc ${JSON.stringify(engine.value)}, LibreOffice ${JSON.stringify(text)}; ${formula}`);
        }
      });
    }
    // Enough formulas to mean something: the allocation summary and every follow-up section.
    expect(compared).toBeGreaterThan(200);
    expect(output.values.flat().filter((v) => v.kind === 'error' && v.value === '#NAME?')).toEqual([]);
    expect({ differingFunctions: [...differingFunctions].sort(), differences: differences.slice(0, 20) }).toEqual({ differingFunctions: [], differences: [] });
  });
});
