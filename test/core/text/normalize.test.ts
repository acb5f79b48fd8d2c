import { editDistance, foldName, foldText, normalizeKey } from '../../../src/core/text/normalize';

describe('text normalisation', () => {
  it('folds names of tables and sheets', () => {
    expect(foldName('Övriga_förändringar')).toBe(foldName('Övriga förändringar'));
    expect(foldName('tbl_Driftbudget')).toBe('driftbudget');
    expect(foldText('  Nämnd /  styrelse ')).toBe('namnd / styrelse');
  });
  it('keeps diacritics in keys but collapses spaces and case', () => {
    expect(normalizeKey(' Barn-  och ungdomsnämnden ')).toBe('barn- och ungdomsnämnden');
  });
  it('measures edit distance', () => {
    expect(editDistance('Kultur- och fritidsnämnden', 'Kultur och fritidsnämnden')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
