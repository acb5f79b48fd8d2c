/** Office error codes → our Swedish/English messages; the cause of an AccessDenied worded by cause. */
import { accessDeniedError, kindForCode, toWorkbookError, userFacingError, workbookError, type AccessCause } from '../../../src/io/office/errors';
import { WorkbookError } from '../../../src/core/workbook/port';

const officeError = (code: string, message = 'The raw English message from Office: AccessDenied at line 1') =>
  Object.assign(new Error(message), { code });

describe('UndoNotSupported', () => {
  it('is its own kind, with a message saying nothing was changed and to try again', () => {
    expect(kindForCode('UndoNotSupported')).toBe('undo-not-supported');
    const error = toWorkbookError(officeError('UndoNotSupported', 'raw text')) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.kind).toBe('undo-not-supported');
    expect(error.message).toMatch(/ångra/);
    expect(error.message).toMatch(/inget .*ändrades/);
    expect(error.message).toMatch(/Försök igen/);
    expect(error.messageEn).toMatch(/single undo step.*nothing .*was changed.*Try again/);
    expect(`${error.message} ${error.messageEn}`).not.toMatch(/raw text|UndoNotSupported/);
  });
});

describe('accessDeniedError', () => {
  const messages = (cause: AccessCause, sheet?: string) => {
    const error = accessDeniedError(cause, { sheet });
    return { kind: error.kind, sv: error.message, en: error.messageEn };
  };

  it('a protected sheet: names the sheet and says to unprotect it', () => {
    const m = messages('sheet-protected', 'Driftbudget');
    expect(m.kind).toBe('protected');
    expect(m.sv).toContain('Bladet "Driftbudget" är skyddat');
    expect(m.en).toContain('The sheet "Driftbudget" is protected');
    expect(messages('sheet-protected').sv).toMatch(/^Bladet är skyddat/);
  });

  it('a protected workbook structure: says sheets cannot be added, deleted or renamed', () => {
    const m = messages('workbook-protected', 'Driftbudget');
    expect(m.kind).toBe('protected');
    expect(m.sv).toMatch(/Arbetsbokens struktur är skyddad.*läggas till, tas bort eller byta namn/);
    expect(m.en).toMatch(/structure is protected.*added, deleted or renamed/);
    expect(m.sv).not.toContain('Driftbudget');
  });

  it('a read-only or view-only workbook: its own kind, says to open it for editing', () => {
    const m = messages('read-only', 'Driftbudget');
    expect(m.kind).toBe('read-only');
    expect(m.sv).toMatch(/skrivskyddad eller bara för visning.*Redigering/);
    expect(m.en).toMatch(/read-only or for viewing only.*Editing/);
    expect(m.sv).not.toMatch(/Ta bort skydd/);
  });

  it('an unknown cause keeps the general meaning: protected, or read-only', () => {
    const m = messages('unknown');
    expect(m.kind).toBe('protected');
    expect(m.sv).toMatch(/skyddat.*skrivskyddad/);
    expect(m.en).toMatch(/protected.*read-only/);
  });

  it('every cause has its own Swedish and English message', () => {
    const causes: AccessCause[] = ['sheet-protected', 'workbook-protected', 'read-only', 'unknown'];
    expect(new Set(causes.map((c) => messages(c).sv)).size).toBe(4);
    expect(new Set(causes.map((c) => messages(c).en)).size).toBe(4);
  });
});

describe('toWorkbookError', () => {
  it('AccessDenied without a probed cause: the general message, never Office\'s text', () => {
    const error = toWorkbookError(officeError('AccessDenied')) as WorkbookError;
    expect(error.kind).toBe('protected');
    expect(error.message).toBe(accessDeniedError('unknown').message);
    expect(error.message).not.toMatch(/raw English/);
  });

  it('AccessDenied with a probed cause is worded by it', () => {
    expect((toWorkbookError(officeError('AccessDenied'), { access: 'read-only' }) as WorkbookError).kind).toBe('read-only');
    const sheet = toWorkbookError(officeError('AccessDenied'), { access: 'sheet-protected', sheet: 'Ramar' }) as WorkbookError;
    expect(sheet.message).toContain('"Ramar"');
  });

  it('other kinds keep their messages', () => {
    expect((toWorkbookError(officeError('InvalidOperationInCellEditMode')) as WorkbookError).message).toMatch(/avsluta redigeringen/);
    expect((toWorkbookError(officeError('ItemNotFound'), { sheet: 'Ramar' }) as WorkbookError).message).toBe('Bladet "Ramar" finns inte i arbetsboken.');
    expect((toWorkbookError(officeError('RequestPayloadSizeLimitExceeded')) as WorkbookError).kind).toBe('payload-too-large');
    expect(workbookError('unknown', { code: 'GeneralException' }).message).toContain('felkod GeneralException');
  });

  it('an error without an Office code passes through unchanged', () => {
    const bug = new TypeError('x is undefined');
    expect(toWorkbookError(bug)).toBe(bug);
  });
});

describe('userFacingError', () => {
  it('gives a WorkbookError for anything, never the raw message or a stack', () => {
    const bug = userFacingError(new TypeError('Cannot read properties of undefined'));
    expect(bug.kind).toBe('unknown');
    expect(bug.message).toMatch(/^Excel kunde inte slutföra åtgärden/);
    expect(bug.message).not.toMatch(/Cannot read/);
    expect(userFacingError(officeError('AccessDenied')).kind).toBe('protected');
    const own = workbookError('not-owned', { sheet: 'Blad1' });
    expect(userFacingError(own)).toBe(own);
    expect(userFacingError('a string').kind).toBe('unknown');
  });
});
