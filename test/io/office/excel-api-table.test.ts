/**
 * docs/excel-api-krav.md's table of Excel API members and requirement sets is generated from the
 * source and @types/office-js (scripts/excel-api-table.js); this test regenerates it in memory and
 * fails when the docs are stale or a member above MIN_EXCEL_API is used without a documented guard.
 */
import { GUARDED_EXCEL_API, MIN_EXCEL_API, OPTIONAL_EXCEL_API } from '../../../src/io/office/requirements';

interface ApiSet {
  set: string;
  version: string;
  text: string;
}
interface Entry {
  member: string;
  namespace: string;
  sets: ApiSet[] | null;
  inherited: boolean;
  files: string[];
}
interface Requirements {
  min: string;
  optional: Record<string, string>;
  guarded: Record<string, { guard: string; how: string }>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const table = require('../../../scripts/excel-api-table.js') as {
  REGENERATE: string;
  parseApiSets(text: string): ApiSet[] | null;
  compareVersions(a: string, b: string): number;
  aboveMinimum(entry: Entry, min: string): boolean;
  guardFor(member: string, guarded: Requirements['guarded']): { guard: string; how: string } | null;
  unusedGuards(entries: Entry[], guarded: Requirements['guarded']): string[];
  unguardedMembers(entries: Entry[], requirements: Requirements): Entry[];
  loadRequirements(): Requirements;
  generate(options?: { requirements?: Requirements }): { entries: Entry[]; current: string; expected: string };
};

const requirements: Requirements = { min: MIN_EXCEL_API, optional: OPTIONAL_EXCEL_API, guarded: GUARDED_EXCEL_API };
let generated: ReturnType<typeof table.generate>;

beforeAll(() => {
  generated = table.generate({ requirements });
});

const entry = (member: string) => generated.entries.find((e) => e.member === member);

describe('docs/excel-api-krav.md', () => {
  it('is up to date with the source', () => {
    if (generated.current !== generated.expected) {
      throw new Error(`docs/excel-api-krav.md is stale (an Excel API call was added, moved or removed): run \`${table.REGENERATE}\` and commit the result.`);
    }
  });

  it('states the declared minimum', () => {
    expect(generated.current).toContain(`**ExcelApi ${MIN_EXCEL_API}**`);
  });
});

describe('Excel API members above the declared minimum', () => {
  it('are each guarded by a feature check listed in GUARDED_EXCEL_API', () => {
    const missing = table.unguardedMembers(generated.entries, requirements).map(
      (e) => `${e.member} (${e.sets?.map((s) => s.text).join(', ')}) in ${e.files.join(', ')}`,
    );
    if (missing.length) {
      throw new Error(
        `Used above ExcelApi ${MIN_EXCEL_API} without a documented guard — check isSetSupported first and add each to ` +
          `GUARDED_EXCEL_API in src/io/office/requirements.ts, then run \`${table.REGENERATE}\`:\n  ${missing.join('\n  ')}`,
      );
    }
  });

  it('are guarded by a set at least as new as theirs', () => {
    const weak = generated.entries.flatMap((e) => {
      const guard = table.guardFor(e.member, GUARDED_EXCEL_API);
      const version = e.sets?.find((s) => s.set === 'ExcelApi')?.version;
      if (!guard || !version) return [];
      const guardVersion = (OPTIONAL_EXCEL_API as Record<string, string>)[guard.guard];
      return table.compareVersions(guardVersion, version) < 0 ? [`${e.member} needs ExcelApi ${version}, guard ${guard.guard} checks ${guardVersion}`] : [];
    });
    expect(weak).toEqual([]);
  });

  it('GUARDED_EXCEL_API lists only members still in use', () => {
    const unused = table.unusedGuards(generated.entries, GUARDED_EXCEL_API);
    if (unused.length) throw new Error(`Remove from GUARDED_EXCEL_API (no longer used): ${unused.join(', ')}`);
  });

  it('requirements.ts as the script reads it is what the add-in imports', () => {
    expect(table.loadRequirements()).toEqual(requirements);
  });
});

describe('the generator', () => {
  it('reads the set of each member from @types/office-js', () => {
    expect(entry('Excel.Range.dataValidation')?.sets?.[0]).toMatchObject({ set: 'ExcelApi', version: '1.8' });
    expect(entry('Excel.Workbook.worksheets')?.sets?.[0]).toMatchObject({ set: 'ExcelApi', version: '1.1' });
    expect(entry('Excel.Workbook.protection')?.sets?.[0]).toMatchObject({ set: 'ExcelApi', version: '1.7' });
  });

  it('finds Excel.run options in object literals, and the run itself', () => {
    expect(entry('Excel.RunOptions.mergeUndoGroup')?.sets?.[0]).toMatchObject({ set: 'ExcelApi', version: '1.20' });
    expect(entry('Excel.run')?.files).toContain('src/commands/commands.ts');
  });

  it('lists Office members where a set is stated (the dialog API of the ribbon command)', () => {
    expect(entry('Office.UI.displayDialogAsync')?.sets?.map((s) => s.set)).toEqual(['DialogApi']);
    expect(entry('Office.onReady')).toBeUndefined();
  });

  it('parses both forms of requirement-set comments', () => {
    expect(table.parseApiSets('* [Api set: ExcelApi 1.2 for options; 1.7 for password]')).toEqual([
      { set: 'ExcelApi', version: '1.7', text: 'ExcelApi 1.2 for options; 1.7 for password' },
    ]);
    expect(table.parseApiSets('* [Api set: ExcelApi 1.9, ExcelApiOnline 1.1]')?.map((s) => s.set)).toEqual(['ExcelApi', 'ExcelApiOnline']);
    expect(
      table.parseApiSets('* **Requirement set**: {@link https://learn.microsoft.com/x | DialogApi 1.2}\n *\n * More text.')?.map((s) => s.text),
    ).toEqual(['DialogApi 1.2']);
    expect(table.parseApiSets('* Nothing here.')).toBeNull();
  });

  it('counts a host-only set (ExcelApiOnline) or a newer ExcelApi as above the minimum', () => {
    const e = (text: string): Entry => ({ member: 'Excel.X.y', namespace: 'Excel', sets: table.parseApiSets(text), inherited: false, files: [] });
    expect(table.aboveMinimum(e('[Api set: ExcelApi 1.8]'), '1.8')).toBe(false);
    expect(table.aboveMinimum(e('[Api set: ExcelApi 1.10]'), '1.8')).toBe(true);
    expect(table.aboveMinimum(e('[Api set: ExcelApiOnline 1.1]'), '1.8')).toBe(true);
    expect(table.aboveMinimum(e('[Api set: ExcelApi BETA (PREVIEW ONLY)]'), '1.8')).toBe(true);
  });
});
