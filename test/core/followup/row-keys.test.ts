import fc from 'fast-check';
import { decodeDescriptor, encodeDescriptor, jsonString, type RowDescriptor } from '../../../src/core/followup/row-keys';

describe('row descriptors', () => {
  it('jsonString is JSON.stringify for any text: quotes, backslashes, control characters, lone surrogates', () => {
    for (const text of ['', 'Elevhälsa', 'Säg "hej"', 'a\\b', 'rad 1\nrad 2', '\u0001', '\ud800', 'x\udfffy', '😀', '\u2028']) {
      expect(jsonString(text)).toBe(JSON.stringify(text));
    }
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => jsonString(text) === JSON.stringify(text)));
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => jsonString(text) === JSON.stringify(text)));
  });

  it('a field may be called anything, "__proto__" and "constructor" included', () => {
    for (const field of ['__proto__', 'constructor', 'toString']) {
      const descriptor: RowDescriptor = { key: { section: 'uppdrag', board: 'BUN', item: 'x' }, fields: { inputs: { [field]: 2 }, formulas: {}, constants: {} } };
      const decoded = decodeDescriptor(encodeDescriptor(descriptor))!;
      expect(Object.entries(decoded.fields.inputs)).toEqual([[field, 2]]);
      expect(Object.keys(decoded.fields.formulas)).toEqual([]);
    }
  });

  it('a descriptor reads back as written, whatever its texts hold', () => {
    const text = fc.string({ unit: 'binary' });
    fc.assert(
      fc.property(text, text, text, fc.boolean(), (board, item, field, total) => {
        const descriptor: RowDescriptor = {
          key: { section: 'uppdrag', board, item, ...(total ? { total: true } : {}) },
          fields: { inputs: { [field || 'status']: 2 }, formulas: { budget: 3 }, constants: {} },
        };
        expect(decodeDescriptor(encodeDescriptor(descriptor))).toEqual(descriptor);
      }),
    );
  });
});
