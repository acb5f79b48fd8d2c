import { RULE_CATALOGUE } from '../../src/core/messages/rule-catalogue';
import { ALLOCATION_RULE_PREFIXES, isAllocationRule } from '../../src/jobs/allocation';

describe('the allocation rules', () => {
  // Every rule id the catalogue knows, public or a variant's.
  const ids = [...new Set(Object.entries(RULE_CATALOGUE).flatMap(([id, entry]) => [id, (entry as { publicId?: string }).publicId ?? id]))];

  it('are the rules both former selections took (the CLI\'s and the task pane\'s regexes differed in order only)', () => {
    const cli = /^(VOL-|OVR-|STRUCT-|CELL-|ALLOC-)/;
    const pane = /^(VOL-|OVR-|ALLOC-|STRUCT-|CELL-)/;
    expect(ids.filter((id) => cli.test(id))).toEqual(ids.filter((id) => pane.test(id)));
    expect(ids.filter(isAllocationRule)).toEqual(ids.filter((id) => cli.test(id)));
    expect(ids.filter(isAllocationRule).length).toBeGreaterThan(5);
  });

  it('leave the rest of validation to the check (frames, keys, follow-up)', () => {
    for (const id of ['RAM-OVER', 'KEY-SPELLING-VARIANT', 'UPF-STALE']) expect(isAllocationRule(id)).toBe(false);
    expect(ALLOCATION_RULE_PREFIXES.every((p) => ids.some((id) => id.startsWith(p)))).toBe(true);
  });
});
