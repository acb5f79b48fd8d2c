/**
 * Moving large plain data between the task pane and its core worker without blocking either side
 * for long. postMessage copies its argument with the structured clone algorithm, synchronously, on
 * the sending thread, and the receiving thread decodes it in one go too: a 200 000-row workbook in
 * one message blocks the pane for hundreds of milliseconds at each end. So a value is sent as a
 * small *skeleton* plus *slices*: every array longer than `maxItems` (and every object or Map with
 * more entries than that) is replaced in the skeleton by a placeholder and sent in pieces of at
 * most `maxItems` items, each its own message (and so its own task on the receiving side).
 *
 * Items of a sliced array are not looked into: they must be small (a row, a cell, a finding).
 * Structured clone keeps plain objects, arrays, Maps, Sets and Dates, but not classes: the
 * receiver turns CellError-shaped objects back into CellErrors (the only class in core's data).
 */
import { CellError, isErrorCode } from '../../core/workbook/raw';

const SLICED = '__budgetkollSliced';

/** Messages between the pane and the worker. */
export type ToWorker =
  | { kind: 'begin'; task: string }
  | ({ kind: 'slice' } & Slice)
  | { kind: 'end'; skeleton: unknown }
  /** The pane has taken in one slice of the result: the worker may send another. */
  | { kind: 'ack' };
export type FromWorker =
  | { kind: 'result'; sliceCount: number }
  | ({ kind: 'slice' } & Slice)
  | { kind: 'done'; skeleton: unknown }
  | { kind: 'error'; message: string; stack?: string };

/** Rows (or entries) per message: a few milliseconds of copying at each end. */
export const SLICE_ITEMS = 2000;
/**
 * Result slices the worker sends ahead of the pane's acknowledgements. Without a limit a large
 * result (the follow-up model on L: hundreds of slices) floods the pane's task queue, and timers and
 * rendering wait behind it for over a second even though no single task is long.
 */
export const SLICES_IN_FLIGHT = 3;


type Kind = 'array' | 'object' | 'map';

interface Placeholder {
  [SLICED]: number;
  kind: Kind;
}

/** One piece of a sliced container. */
export interface Slice {
  id: number;
  items: unknown[];
}

export interface Packed {
  /** The value with its large containers replaced by placeholders; small enough for one message. */
  skeleton: unknown;
  /** The slices, made one at a time (so the sender can yield between them). */
  slices(): Generator<Slice>;
  /** Number of slices `slices()` yields. */
  sliceCount: number;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Splits a value into a skeleton and slices of at most `maxItems` items. The value is not changed. */
export function pack(value: unknown, maxItems = SLICE_ITEMS): Packed {
  const sources: unknown[][] = [];
  const placeholder = (kind: Kind, items: unknown[]): Placeholder => {
    sources.push(items);
    return { [SLICED]: sources.length - 1, kind };
  };
  // A container met again is the same copy: builders share cell objects between many cells (a
  // follow-up tab's blocks), and structured clone keeps that sharing within a message, so one
  // object stays one object. Copying each reference made one L tab's skeleton 1.9 MB, which took
  // the pane ~0.4 s to decode in Chromium.
  const copies = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const known = copies.get(v);
    if (known !== undefined) return known;
    if (Array.isArray(v)) {
      if (v.length > maxItems) return remember(v, placeholder('array', v));
      const copy: unknown[] = remember(v, []);
      for (const item of v) copy.push(walk(item));
      return copy;
    }
    if (v instanceof Map) {
      if (v.size > maxItems) return remember(v, placeholder('map', [...v.entries()]));
      const copy = remember(v, new Map());
      for (const [k, item] of v) copy.set(k, walk(item));
      return copy;
    }
    if (isPlainObject(v)) {
      const keys = Object.keys(v);
      if (keys.length > maxItems) return remember(v, placeholder('object', Object.entries(v)));
      const copy: Record<string, unknown> = remember(v, {});
      for (const k of keys) copy[k] = walk(v[k]);
      return copy;
    }
    return v;
  };
  const remember = <T,>(original: object, copy: T): T => {
    copies.set(original, copy);
    return copy;
  };
  const skeleton = walk(value);
  const sliceCount = sources.reduce((n, items) => n + Math.ceil(items.length / maxItems), 0);
  return {
    skeleton,
    sliceCount,
    *slices() {
      for (const [id, items] of sources.entries()) {
        for (let from = 0; from < items.length; from += maxItems) yield { id, items: items.slice(from, from + maxItems) };
      }
    },
  };
}

function isPlaceholder(value: unknown): value is Placeholder {
  return isPlainObject(value) && typeof value[SLICED] === 'number';
}

function isCellErrorShape(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'code' && typeof value.code === 'string' && isErrorCode(value.code);
}

/** Turns CellError-shaped plain objects (what structured clone makes of a CellError) back into CellErrors, in place. */
export function reviveCellErrors(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item !== null && typeof item === 'object') value[i] = reviveCellErrors(item);
    }
    return value;
  }
  if (value instanceof Map) {
    for (const [k, item] of value) if (item !== null && typeof item === 'object') value.set(k, reviveCellErrors(item));
    return value;
  }
  if (isPlainObject(value)) {
    if (isCellErrorShape(value)) return new CellError(value.code as string);
    for (const k of Object.keys(value)) {
      const item = value[k];
      if (item !== null && typeof item === 'object') value[k] = reviveCellErrors(item);
    }
  }
  return value;
}

/** Collects slices as they arrive, then rebuilds the value from its skeleton. */
export class Unpacker {
  private readonly items = new Map<number, unknown[]>();

  /** Adds one slice (its items are revived here, so the work is spread over the slices' messages). */
  add(slice: Slice): void {
    reviveCellErrors(slice.items);
    const list = this.items.get(slice.id);
    if (!list) this.items.set(slice.id, slice.items);
    else for (const item of slice.items) list.push(item);
  }

  /** The value, with every placeholder replaced by its container. */
  finish(skeleton: unknown): unknown {
    const build = (v: unknown): unknown => {
      if (isPlaceholder(v)) {
        const items = this.items.get(v[SLICED]) ?? [];
        if (v.kind === 'array') return items;
        if (v.kind === 'map') return new Map(items as [unknown, unknown][]);
        return Object.fromEntries(items as [string, unknown][]);
      }
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) v[i] = build(v[i]);
        return v;
      }
      if (v instanceof Map) {
        for (const [k, item] of v) v.set(k, build(item));
        return v;
      }
      if (isPlainObject(v)) {
        if (isCellErrorShape(v)) return new CellError(v.code as string);
        for (const k of Object.keys(v)) v[k] = build(v[k]);
      }
      return v;
    };
    return build(skeleton);
  }
}
