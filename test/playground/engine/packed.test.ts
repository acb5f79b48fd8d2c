import { packInput, unpackInput } from '../../../src/playground/engine/packed';

it('packs the engine input for the worker and back', () => {
  const input = {
    sheets: [
      { name: 'Blad1', cells: [[0, 0, "'text"], [0, 1, '12.5'], [3, 2, '=SUM(B1:B2)']] as [number, number, string][], formulas: [2] },
      { name: 'Tom', cells: [] as [number, number, string][], formulas: [] },
    ],
  };
  expect(unpackInput(packInput(input))).toEqual(input);
});
