import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeholders } from '../../../src/taskpane/i18n';
import { submissionEn, submissionSv, submissionText } from '../../../src/taskpane/components/submission/submission-texts';
import { PANE_VERSION } from '../../../src/taskpane/components/submission/submission-core';

describe('Lämna in’s texts', () => {
  it('has every key in both languages, with the same placeholders and no empty text', () => {
    expect(Object.keys(submissionEn).sort()).toEqual(Object.keys(submissionSv).sort());
    const keys = Object.keys(submissionSv) as (keyof typeof submissionSv)[];
    expect(keys.filter((k) => placeholders(submissionSv[k]).join() !== placeholders(submissionEn[k]).join())).toEqual([]);
    expect(keys.filter((k) => submissionSv[k].trim() === '' || submissionEn[k].trim() === '')).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(submissionText('sv', 'submission.intact', { at: '2027-09-12 14:03', by: 'Anna Andersson', number: 2 })).toBe(
      'Inlämnad 2027-09-12 14:03 av Anna Andersson (version 2) — oförändrad sedan dess.',
    );
    expect(submissionText('sv', 'submission.changedTitle', { cells: '3 celler' })).toBe('Ändrad efter inlämning: 3 celler');
  });

  it('writes the same Budgetkoll version in the receipt as the CLI (package.json)', () => {
    expect(PANE_VERSION).toBe(JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')).version);
  });
});
