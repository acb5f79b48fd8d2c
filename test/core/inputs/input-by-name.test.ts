import { INPUTS, inputByName } from '../../../src/core/inputs/catalogue';
import { inputForName } from '../../../src/core/inputs/catalogue';

describe('inputByName', () => {
  it('answers as recognition’s inputForName for every name and alias, folded, and for other names', () => {
    const names = INPUTS.flatMap((d) => [d.name, ...(d.aliases ?? [])]);
    const variants = names.flatMap((n) => [n, n.toUpperCase(), ` ${n.toLowerCase()} `, n.replace(/ö/g, 'o').replace(/ä/g, 'a').replace(/å/g, 'a')]);
    for (const name of [...variants, 'Blad1', 'Budget 2027–2029', '', 'Kontrollrapport']) expect(inputByName(name)).toBe(inputForName(name));
    expect(inputByName('KF ramar')?.name).toBe('Ramar');
  });
});
