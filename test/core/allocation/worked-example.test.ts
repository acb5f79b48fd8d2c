/** The worked example of docs/resursfordelning.md, reproduced to the krona, in both modes. */
import { allocate, BUN, VOO, workedExample } from '../../fixtures/worked-example';

describe('the worked example of docs/resursfordelning.md', () => {
  it('gives the compensation per activity in mode Delta', () => {
    const result = allocate(workedExample());
    expect(result.activities.map((a) => [a.activity, a.correction, a.totalChange, a.compensation])).toEqual([
      ['Grundskola', 30, [60, 100, 80], [6_300_000, 10_815_000, 8_868_300]],
      ['Förskola', -30, [-50, -60, -55], [-6_295_000, -7_780_620, -7_310_541]],
      ['Äldreomsorg', -11, [60, 140, 215], [8_238_000, 19_798_660, 31_165_212]],
    ]);
  });

  it('gives the proposed frames per nämnd in mode Delta', () => {
    const result = allocate(workedExample());
    const bun = result.boards.find((b) => b.board === BUN)!;
    const voo = result.boards.find((b) => b.board === VOO)!;
    expect(bun.indexedBase).toEqual([1_048_560_000, 1_080_016_800, 1_107_017_220]);
    expect(bun.compensation).toEqual([5_000, 3_034_380, 1_557_759]);
    expect(bun.other).toEqual([0, 3_200_000, 3_200_000]);
    expect(bun.proposed).toEqual([1_048_565_000, 1_086_251_180, 1_111_774_979]);
    expect(voo.indexedBase).toEqual([657_920_000, 677_657_600, 694_599_040]);
    expect(voo.proposed).toEqual([667_658_000, 698_956_260, 727_264_252]);
  });

  it('gives the level amounts in mode Nivå', () => {
    const result = allocate(workedExample({ mode: 'Nivå' }));
    expect(result.activities.map((a) => a.level)).toEqual([
      [447_300_000, 465_045_000, 474_454_050],
      [264_390_000, 271_024_930, 278_465_148],
      [303_433_000, 323_849_510, 342_817_333],
    ]);
    const bun = result.boards.find((b) => b.board === BUN)!;
    expect(bun.proposed).toEqual([447_300_000 + 264_390_000, 465_045_000 + 271_024_930 + 3_200_000, 474_454_050 + 278_465_148 + 3_200_000]);
  });

  it('adds the retroactive one-off ROUND(c(Y1) × K) to Y1 when chosen', () => {
    const result = allocate(workedExample({ retroactive: true }));
    expect(result.activities.map((a) => a.retroactive)).toEqual([3_150_000, -3_777_000, -1_510_300]);
    expect(result.activities[0].compensation).toEqual([6_300_000 + 3_150_000, 10_815_000, 8_868_300]);
    const bun = result.boards.find((b) => b.board === BUN)!;
    expect(bun.proposed![0]).toBe(1_048_565_000 + 3_150_000 - 3_777_000);
  });

  it('has no proposed frame without Utgångsramar in mode Delta (compensation only)', () => {
    const sheets = workedExample().filter((s) => s.name !== 'Utgångsramar');
    const result = allocate(sheets);
    expect(result.hasBaseFrames).toBe(false);
    expect(result.boards.every((b) => b.proposed === null)).toBe(true);
    expect(result.boards.find((b) => b.board === BUN)!.compensation).toEqual([5_000, 3_034_380, 1_557_759]);
  });

  it('leaves incomplete rows and political other changes out, visibly', () => {
    const sheets = workedExample();
    sheets[1].rows.push([BUN, 'Fritidshem', 'Barn 6–12 år', null, 1000, 1010, 1020, 1030, 1040]);
    sheets[3].rows.push([BUN, 'Fler lärare', 'Politisk satsning', 5000, 5000, 5000]);
    const result = allocate(sheets);
    expect(result.activities).toHaveLength(3);
    expect(result.excluded.map((e) => [e.sheet, e.cell])).toEqual([
      ['Volymer', 'A5'],
      ['Övriga förändringar', 'C4'],
    ]);
    expect(result.boards.find((b) => b.board === BUN)!.other).toEqual([0, 3_200_000, 3_200_000]);
  });
});
