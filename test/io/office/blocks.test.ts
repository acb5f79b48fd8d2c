import { parseRangeA1, rangeToA1 } from '../../../src/core/a1';
import { mergeBlocks } from '../../../src/io/office/blocks';

const blocks = (...merges: string[]) => mergeBlocks(merges.map((m) => parseRangeA1(m)!)).map((b) => `${rangeToA1(b.rect)}${b.across ? ' across' : ''}`);

describe('merges sent to Excel as blocks', () => {
  it('joins the same columns on consecutive rows, even when two spans alternate', () => {
    expect(blocks('E5:F5', 'G5:H5', 'E6:F6', 'G6:H6', 'E7:F7', 'G7:H7')).toEqual(['E5:F7 across', 'G5:H7 across']);
  });

  it('keeps single merges, multi-row merges and gaps apart', () => {
    expect(blocks('C3:I3', 'B10:D12', 'E20:F20', 'E22:F22', 'E23:G23')).toEqual(['C3:I3', 'B10:D12', 'E20:F20', 'E22:F22', 'E23:G23']);
  });
});
