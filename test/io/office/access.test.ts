/** probeAccessCause: read-only document, protected sheet, protected workbook structure — over a hand-made context. */
import { documentIsReadOnly, probeAccessCause } from '../../../src/io/office/access';

interface Stub {
  workbookProtected: boolean;
  sheets: Record<string, { protected: boolean }>;
  /** Fail a sync that loads a missing sheet's protection (as some hosts do). */
  failOnMissingSheet?: boolean;
  /** Every sync fails. */
  broken?: boolean;
}

/** Just enough of Excel.RequestContext: loads are recorded and filled in on sync. */
function context(stub: Stub) {
  const pending: (() => void)[] = [];
  let loadsMissing = false;
  const syncs = { count: 0 };
  const workbookProtection = {
    protected: undefined as boolean | undefined,
    load() {
      pending.push(() => (workbookProtection.protected = stub.workbookProtected));
    },
  };
  const ctx = {
    workbook: {
      protection: workbookProtection,
      worksheets: {
        getItemOrNullObject(name: string) {
          const found = stub.sheets[name];
          const protection = {
            protected: undefined as boolean | undefined,
            load() {
              if (!found) loadsMissing = true;
              pending.push(() => (protection.protected = found?.protected));
            },
          };
          // As in Office.js, isNullObject is known after the next sync without a load.
          const sheet = { isNullObject: undefined as boolean | undefined, protection };
          pending.push(() => (sheet.isNullObject = !found));
          return sheet;
        },
      },
    },
    async sync() {
      syncs.count += 1;
      const batch = pending.splice(0);
      if (stub.broken) throw Object.assign(new Error('GeneralException'), { code: 'GeneralException' });
      if (stub.failOnMissingSheet && loadsMissing) {
        loadsMissing = false;
        throw Object.assign(new Error('ItemNotFound'), { code: 'ItemNotFound' });
      }
      for (const fill of batch) fill();
    },
  };
  return { ctx: ctx as unknown as Excel.RequestContext, syncs };
}

const g = globalThis as { Office?: unknown };
afterEach(() => {
  delete g.Office;
});

function setDocumentMode(mode: 'readOnly' | 'readWrite') {
  g.Office = { DocumentMode: { ReadOnly: 'readOnly', ReadWrite: 'readWrite' }, context: { document: { mode } } };
}

describe('probeAccessCause', () => {
  it('a read-only (or view-only) document comes first, without asking Excel', async () => {
    setDocumentMode('readOnly');
    const { ctx, syncs } = context({ workbookProtected: true, sheets: { Ramar: { protected: true } } });
    await expect(probeAccessCause(ctx, 'Ramar')).resolves.toBe('read-only');
    expect(syncs.count).toBe(0);
  });

  it('a protected sheet, in one sync', async () => {
    setDocumentMode('readWrite');
    const { ctx, syncs } = context({ workbookProtected: true, sheets: { Ramar: { protected: true } } });
    await expect(probeAccessCause(ctx, 'Ramar')).resolves.toBe('sheet-protected');
    expect(syncs.count).toBe(1);
  });

  it('a protected workbook structure when the sheet is not protected or not named', async () => {
    const { ctx } = context({ workbookProtected: true, sheets: { Ramar: { protected: false } } });
    await expect(probeAccessCause(ctx, 'Ramar')).resolves.toBe('workbook-protected');
    await expect(probeAccessCause(context({ workbookProtected: true, sheets: {} }).ctx)).resolves.toBe('workbook-protected');
  });

  it('a missing sheet: the workbook alone is asked again when the first sync fails', async () => {
    const { ctx, syncs } = context({ workbookProtected: true, sheets: {}, failOnMissingSheet: true });
    await expect(probeAccessCause(ctx, 'Borta')).resolves.toBe('workbook-protected');
    expect(syncs.count).toBe(2);
    await expect(probeAccessCause(context({ workbookProtected: false, sheets: {} }).ctx, 'Borta')).resolves.toBe('unknown');
  });

  it('nothing protected, or a failing probe: unknown, never a throw', async () => {
    await expect(probeAccessCause(context({ workbookProtected: false, sheets: { Ramar: { protected: false } } }).ctx, 'Ramar')).resolves.toBe('unknown');
    await expect(probeAccessCause(context({ workbookProtected: true, sheets: {}, broken: true }).ctx, 'Ramar')).resolves.toBe('unknown');
  });
});

describe('documentIsReadOnly', () => {
  it('is false outside Office and when Office cannot tell', () => {
    expect(documentIsReadOnly()).toBe(false);
    g.Office = { context: {} };
    expect(documentIsReadOnly()).toBe(false);
    g.Office = {
      get context(): never {
        throw new Error('not initialised');
      },
    };
    expect(documentIsReadOnly()).toBe(false);
    setDocumentMode('readOnly');
    expect(documentIsReadOnly()).toBe(true);
  });
});
