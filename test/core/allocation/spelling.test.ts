/**
 * The allocation result tab and names with invisible differences (issue 13, case 1). The tab
 * compares only names it writes itself (the summary's nämnd against the detail's and step 5's,
 * all written as the core's one spelling per nämnd) and reads the inputs row by row, so a Volymer,
 * Utgångsramar or Övriga förändringar cell spelt "Barn- och ungdomsnämnden␠", with a hard space
 * or with a decomposed "ä" counts where the core counts it: the result and every key cell the
 * tab's SUMPRODUCTs compare are the same as with the plain spelling.
 */
import { BUN, VOO, workedExample } from '../../fixtures/worked-example';
import type { TestSheet } from '../../helpers/raw-workbook';
import { build } from './build-result-tab';


/** Every nämnd cell of the worked example outside Ramar, with a variant spelling in turn. */
function varied(): TestSheet[] {
  const variants = [(b: string) => `${b} `, (b: string) => b.replace(' ', '\u00a0'), (b: string) => b.normalize('NFD'), (b: string) => `  ${b}`];
  let n = 0;
  return workedExample().map((sheet) =>
    sheet.name === 'Ramar' || sheet.name === 'Parametrar'
      ? sheet
      : { ...sheet, rows: sheet.rows.map((row, i) => (i > 0 && (row[0] === BUN || row[0] === VOO) ? [variants[n++ % variants.length](row[0] as string), ...row.slice(1)] : row)) },
  );
}

/** The text cells of the tab (its nämnd cells among them), ignoring the generation time. */
const texts = (spec: ReturnType<typeof build>['spec']) => spec.rows.map((row) => row.map((c) => (typeof c?.value === 'string' ? c.value : c?.formula ?? null)));

describe('allocation tab and invisible name variants', () => {
  it('gives the same result and writes the same tab as the plain spelling', () => {
    const plain = build(workedExample());
    const variant = build(varied());
    expect(variant.result.boards.map((b) => [b.board, b.frame, b.proposed])).toEqual(plain.result.boards.map((b) => [b.board, b.frame, b.proposed]));
    expect(texts(variant.spec)).toEqual(texts(plain.spec));
  });
});
