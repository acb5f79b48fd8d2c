/** A blank status is "missing", not a status called ”(tom)”. */
import { makeFinding } from '../../../src/core/messages/rule-catalogue';

describe('status messages', () => {
  it.each(['', '(tom)'])('UPF-STATUS with %p says the status is missing', (status) => {
    const f = makeFinding('UPF-STATUS', { sheet: 'Uppf', cell: 'E10' }, { status, what: 'fliken', allowed: 'Utkast, Klar för inlämning' });
    expect(f.message).toBe('Statusen saknas för fliken. Tillåtna: Utkast, Klar för inlämning.');
    expect(f.message_en).toBe('The status is missing for fliken. Allowed: Utkast, Klar för inlämning.');
    expect(f.message).not.toContain('(tom)');
  });

  it('UPP-STATUS with a blank status says it is missing; a wrong one is still quoted', () => {
    expect(makeFinding('UPP-STATUS', { sheet: 'Uppdrag', cell: 'F2' }, { status: '(tom)' }).message).toBe('Statusen saknas. Tillåtna: Ej påbörjat, Pågår, Klart, Avbrutet.');
    expect(makeFinding('UPP-STATUS', { sheet: 'Uppdrag', cell: 'F2' }, { status: 'Klar' }).message).toBe('Statusen ”Klar” är inte tillåten. Tillåtna: Ej påbörjat, Pågår, Klart, Avbrutet.');
  });
});
