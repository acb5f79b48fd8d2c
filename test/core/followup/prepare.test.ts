/** prepareFollowUp: one index per job, passed to every tab's build, gives the tabs each build makes alone. */
import { buildFollowUpTab, followUpBoards, prepareFollowUp, REPORT_IDS } from '../../../src/core/followup';
import { modelOf, sample } from './helpers';

const GENERATED_AT = new Date('2027-09-15T08:00:00Z');
const MODEL = modelOf(sample());

describe('prepareFollowUp', () => {
  it('tabs built with one shared index equal tabs built each alone', () => {
    const index = prepareFollowUp(MODEL);
    for (const report of REPORT_IDS) {
      for (const board of [...followUpBoards(MODEL, index).slice(0, 3), 'Kommunen']) {
        const shared = buildFollowUpTab({ model: MODEL, report, board, year: 2027, generatedAt: GENERATED_AT, index });
        const alone = buildFollowUpTab({ model: MODEL, report, board, year: 2027, generatedAt: GENERATED_AT });
        expect(shared).toEqual(alone);
      }
    }
  });

  it('lists the nämnder as followUpBoards does without an index', () => {
    expect(followUpBoards(MODEL, prepareFollowUp(MODEL))).toEqual(followUpBoards(MODEL));
  });

  it('refuses an index of another model', () => {
    const other = prepareFollowUp(modelOf(sample()));
    expect(() => buildFollowUpTab({ model: MODEL, report: 'august', board: 'Kommunen', year: 2027, generatedAt: GENERATED_AT, index: other })).toThrow(RangeError);
  });
});
