/**
 * What was typed on an earlier version of a follow-up tab, handed back by row key and field when
 * the tab is built again (refresh): rows are matched by key, never by position.
 */
import type { SpecValue } from '../workbook/sheet-spec';
import type { FilledTabInputs, TypedInput } from './filled';
import { keyId, type RowKey } from './row-keys';

/** Typed values of an earlier version of the tab, handed out by key and field. */
export class InputBook {
  private readonly byField = new Map<string, TypedInput[]>();
  private readonly consumed = new Set<TypedInput>();

  constructor(previous?: FilledTabInputs) {
    for (const input of previous?.values ?? []) {
      const id = InputBook.id(input.key, input.field);
      const list = this.byField.get(id);
      if (list) list.push(input);
      else this.byField.set(id, [input]);
    }
  }

  private static id(key: RowKey, field: string): string {
    return `${keyId(key)}\u0001${field}`;
  }

  /** True when nothing was typed before (a first build). */
  isEmpty(): boolean {
    return this.byField.size === 0;
  }

  /**
   * The value typed for this key and field, if any: a live row's value first, else one kept in
   * "Borttagna rader". Copies with the same value are used up with it (nothing is lost).
   */
  take(key: RowKey, field: string): SpecValue | undefined {
    if (this.isEmpty()) return undefined;
    const list = this.byField.get(InputBook.id(key, field));
    if (!list) return undefined;
    const open = list.filter((v) => !this.consumed.has(v));
    const chosen = open.find((v) => v.origin === 'row') ?? open[0];
    if (!chosen) return undefined;
    this.consumed.add(chosen);
    for (const v of open) if (v !== chosen && v.origin === 'removed' && sameValue(v.value, chosen.value)) this.consumed.add(v);
    return chosen.value;
  }

  /**
   * The value take() would hand out for this key and field, without using it up: a builder needs
   * it to compute the cached results of formulas over the typed cell before the row is made.
   */
  peek(key: RowKey, field: string): SpecValue | undefined {
    if (this.isEmpty()) return undefined;
    const open = (this.byField.get(InputBook.id(key, field)) ?? []).filter((v) => !this.consumed.has(v));
    return (open.find((v) => v.origin === 'row') ?? open[0])?.value;
  }

  /** Typed values no row took: they go to "Borttagna rader". */
  leftovers(): TypedInput[] {
    const out: TypedInput[] = [];
    for (const list of this.byField.values()) for (const v of list) if (!this.consumed.has(v)) out.push(v);
    return out;
  }
}

function sameValue(a: SpecValue, b: SpecValue): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b;
}
