/**
 * Koppla indata through the port: read the saved mapping or propose one (suggestInputMapping, the
 * same proposal as `budgetkoll map --suggest`), keep the draft the user edits, read header rows for
 * the column dropdowns, try the draft (tryMapping) after each change, save it in the Koppling tab
 * and remove it. Every workbook access is a job call (jobs/mapping.ts, jobs/mapping-edit.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Mapping } from '../../../core/inputs/mapping';
import { parseMapping, serializeMapping, type MappingError } from '../../../core/inputs/mapping-parse';
import { storedMapping } from '../../../core/inputs/mapping-store';
import type { WorkbookPort } from '../../../core/workbook/port';
import type { WorkbookIndex } from '../../../core/workbook/raw';
import { removeMapping, saveMapping, suggestInputMapping, tryMapping, type MappingSuggestion, type MappingTrial, type StoredMapping } from '../../../jobs/mapping';
import { placeInput, readHeaderRow, selectionPlace, type ColumnLimit, type HeaderRow, type HeaderTarget } from '../../../jobs/mapping-edit';
import type { SelectionService } from '../../services';
import { useCancellableTask } from '../use-cancellable-task';

export type MappingTask = 'load' | 'save' | 'remove';

export type MappingNotice =
  | { kind: 'saved'; name: string }
  | { kind: 'removed' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; task: MappingTask | 'try' | 'select' | 'header'; error: unknown }
  | { kind: 'noSelection' }
  | { kind: 'selectionUsed'; input: string; place: string; row: number };

export interface MappingData {
  index: WorkbookIndex;
  /** The mapping saved in the workbook (or why it cannot be used), null when there is none. */
  saved: StoredMapping | null;
  /** The proposal; null while a usable saved mapping is shown. */
  suggestion: MappingSuggestion | null;
}

/** A place for an input: a sheet and header row (optionally to a last row) or a table. */
export type InputPlace = { sheet: string; headerRow: number; lastRow?: number | null } | { table: string };

export interface MappingEditor {
  busy: MappingTask | null;
  /** Reading or trying: the trial runs (after each change, or on "Pröva"). */
  trying: boolean;
  /** "Pröva" was pressed and its trial runs: focus moves to the result when it ends. */
  tryingExplicitly: boolean;
  /** Counts the trials "Pröva" started that ended with a result (the view moves focus to it). */
  trialsShown: number;
  data: MappingData | null;
  /** The mapping being edited; null while the saved one is only shown. */
  draft: Mapping | null;
  /** The draft in canonical form, or every error that keeps it from being one. */
  parsed: { mapping: Mapping } | { errors: MappingError[] } | null;
  /** The trial of the current draft; null until it ran (or after a change). */
  trial: MappingTrial | null;
  /** Header rows by input name: undefined while unread or reading, null when the place is not in the workbook. */
  headers: Readonly<Record<string, HeaderRow | null | undefined>>;
  /** Columns a selection limits an input's dropdowns to. */
  limits: Readonly<Record<string, ColumnLimit | undefined>>;
  notice: MappingNotice | null;
  load(): Promise<void>;
  cancel(): void;
  /** Starts editing: the saved mapping, or (with 'suggestion') the proposal. */
  edit(from: 'saved' | 'suggestion'): void;
  change(draft: Mapping): void;
  /** Reads the input's header row (for its dropdowns) unless it was read. */
  ensureHeader(name: string): void;
  place(name: string, place: InputPlace, limit?: ColumnLimit): Promise<void>;
  takeSelection(name: string): Promise<void>;
  tryNow(): void;
  save(): Promise<void>;
  remove(): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
}

function targetOf(draft: Mapping, name: string, limit: ColumnLimit | undefined): HeaderTarget | null {
  const m = draft.inputs[name];
  if (!m) return null;
  if (m.table !== undefined) return { table: m.table };
  if (m.sheet === undefined || m.headerRow === undefined) return null;
  return { sheet: m.sheet, headerRow: m.headerRow, ...(limit ? { limit } : {}) };
}

/** How long after a change the draft is tried. */
const TRIAL_DELAY_MS = 400;

export function useMapping(port: WorkbookPort, selection: SelectionService | undefined, now: () => Date): MappingEditor {
  const { start, cancel: cancelMain } = useCancellableTask();
  const { start: startTrial, cancel: cancelTrial, busy: trying } = useCancellableTask({ whileBusy: 'replace' });
  const [busy, setBusy] = useState<MappingTask | null>(null);
  const [data, setData] = useState<MappingData | null>(null);
  const [draft, setDraft] = useState<Mapping | null>(null);
  const [trial, setTrial] = useState<{ key: string; result: MappingTrial } | null>(null);
  const [explicit, setExplicit] = useState(false);
  const [trialsShown, setTrialsShown] = useState(0);
  const [headers, setHeaders] = useState<Record<string, HeaderRow | null | undefined>>({});
  const [limits, setLimits] = useState<Record<string, ColumnLimit | undefined>>({});
  const [notice, setNotice] = useState<MappingNotice | null>(null);
  const headerSeq = useRef(new Map<string, number>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const parsed = useMemo(() => (draft ? parseMapping(JSON.parse(JSON.stringify(draft)) as unknown) : null), [draft]);
  const parsedKey = parsed && 'mapping' in parsed ? serializeMapping(parsed.mapping) : null;

  const startDraft = useCallback((next: Mapping | null) => {
    setDraft(next);
    setHeaders({});
    setLimits({});
    setTrial(null);
    headerSeq.current.clear();
  }, []);

  const load = useCallback(async () => {
    setNotice(null);
    setBusy('load');
    const outcome = await start(async (run) => {
      const index = await port.index();
      const saved = storedMapping(index);
      if (saved && 'mapping' in saved) return { data: { index, saved, suggestion: null } as MappingData, draft: null };
      const suggestion = await suggestInputMapping(port, { read: { signal: run.signal } });
      return { data: { index: suggestion.index, saved, suggestion } as MappingData, draft: saved ? null : suggestion.mapping };
    });
    if (outcome.kind === 'ignored') return;
    setBusy(null);
    if (outcome.kind === 'done') {
      setData(outcome.value.data);
      startDraft(outcome.value.draft);
    } else if (outcome.kind === 'cancelled') setNotice({ kind: 'cancelled' });
    else setNotice({ kind: 'failed', task: 'load', error: outcome.error });
  }, [start, port, startDraft]);

  const cancel = useCallback(() => {
    cancelMain();
    cancelTrial();
  }, [cancelMain, cancelTrial]);

  const edit = useCallback(
    (from: 'saved' | 'suggestion') => {
      setNotice(null);
      if (from === 'saved' && data?.saved && 'mapping' in data.saved) startDraft(data.saved.mapping);
      else if (from === 'suggestion' && data?.suggestion) startDraft(data.suggestion.mapping);
    },
    [data, startDraft],
  );

  const change = useCallback((next: Mapping) => {
    setDraft(next);
    setTrial(null);
  }, []);

  const readHeader = useCallback(
    async (name: string, target: HeaderTarget): Promise<HeaderRow | null | 'stale'> => {
      const seq = (headerSeq.current.get(name) ?? 0) + 1;
      headerSeq.current.set(name, seq);
      setHeaders((h) => ({ ...h, [name]: undefined }));
      const current = () => mounted.current && headerSeq.current.get(name) === seq;
      try {
        const row = await readHeaderRow(port, target);
        if (!current()) return 'stale';
        setHeaders((h) => ({ ...h, [name]: row }));
        return row;
      } catch (error) {
        if (!current()) return 'stale';
        setHeaders((h) => ({ ...h, [name]: null }));
        setNotice({ kind: 'failed', task: 'header', error });
        return 'stale';
      }
    },
    [port],
  );

  const ensureHeader = useCallback(
    (name: string) => {
      if (!draft || headerSeq.current.has(name)) return;
      const target = targetOf(draft, name, limits[name]);
      if (target) void readHeader(name, target);
    },
    [draft, limits, readHeader],
  );

  const place = useCallback(
    async (name: string, where: InputPlace, limit?: ColumnLimit) => {
      setLimits((l) => ({ ...l, [name]: limit }));
      const target: HeaderTarget = 'table' in where ? { table: where.table } : { sheet: where.sheet, headerRow: where.headerRow, ...(limit ? { limit } : {}) };
      // The place shows at once; the columns follow when the header row is read.
      setDraft((d) => (d && d.inputs[name] ? placeInput(d, name, where, null) : d));
      setTrial(null);
      const header = await readHeader(name, target);
      if (header === 'stale') return;
      setDraft((d) => (d && d.inputs[name] ? placeInput(d, name, where, header) : d));
    },
    [readHeader],
  );

  const takeSelection = useCallback(
    async (name: string) => {
      setNotice(null);
      if (!selection) return;
      let range;
      try {
        range = await selection.selectedRange();
      } catch (error) {
        setNotice({ kind: 'failed', task: 'select', error });
        return;
      }
      const where = range && selectionPlace(range);
      if (!range || !where) {
        setNotice({ kind: 'noSelection' });
        return;
      }
      setNotice({ kind: 'selectionUsed', input: name, place: `${range.sheet}!${range.address}`, row: where.headerRow });
      await place(name, { sheet: where.sheet, headerRow: where.headerRow, lastRow: where.lastRow }, where.limit);
    },
    [selection, place],
  );

  const runTrial = useCallback(
    async (mapping: Mapping, key: string, byClick: boolean) => {
      if (byClick) setExplicit(true);
      const outcome = await startTrial((run) => tryMapping(port, mapping, { read: { signal: run.signal } }));
      if (outcome.kind === 'ignored') return;
      setExplicit(false);
      if (outcome.kind === 'done') {
        setTrial({ key, result: outcome.value });
        // A fast trial may never show as busy: the focus is moved by the count, not by busy.
        if (byClick) setTrialsShown((n) => n + 1);
      }
      else if (outcome.kind === 'failed') setNotice({ kind: 'failed', task: 'try', error: outcome.error });
    },
    [port, startTrial],
  );

  // The draft is tried shortly after each change, so Spara knows whether it fits.
  useEffect(() => {
    if (!parsed || !('mapping' in parsed) || parsedKey === null) return;
    const timer = setTimeout(() => void runTrial(parsed.mapping, parsedKey, false), TRIAL_DELAY_MS);
    return () => clearTimeout(timer);
    // parsedKey stands for parsed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parsedKey, runTrial]);

  const tryNow = useCallback(() => {
    if (!parsed || !('mapping' in parsed) || parsedKey === null) return;
    setNotice(null);
    void runTrial(parsed.mapping, parsedKey, true);
  }, [parsed, parsedKey, runTrial]);

  const save = useCallback(async () => {
    if (!parsed || !('mapping' in parsed)) return;
    const mapping = parsed.mapping;
    setNotice(null);
    setBusy('save');
    const outcome = await start(async (run) => {
      const name = await saveMapping(port, mapping, now(), { signal: run.signal });
      return { name, index: await port.index() };
    });
    if (outcome.kind === 'ignored') return;
    setBusy(null);
    if (outcome.kind === 'done') {
      const { name, index } = outcome.value;
      setData((d) => ({ index, saved: storedMapping(index), suggestion: d?.suggestion ?? null }));
      startDraft(null);
      setNotice({ kind: 'saved', name });
    } else if (outcome.kind === 'cancelled') setNotice({ kind: 'cancelled' });
    else setNotice({ kind: 'failed', task: 'save', error: outcome.error });
  }, [start, now, parsed, port, startDraft]);

  const remove = useCallback(async () => {
    setNotice(null);
    setBusy('remove');
    const outcome = await start(async (run) => {
      await removeMapping(port);
      const suggestion = await suggestInputMapping(port, { read: { signal: run.signal } });
      return suggestion;
    });
    if (outcome.kind === 'ignored') return;
    setBusy(null);
    if (outcome.kind === 'done') {
      setData({ index: outcome.value.index, saved: null, suggestion: outcome.value });
      startDraft(outcome.value.mapping);
      setNotice({ kind: 'removed' });
    } else if (outcome.kind === 'cancelled') setNotice({ kind: 'cancelled' });
    else setNotice({ kind: 'failed', task: 'remove', error: outcome.error });
  }, [start, port, startDraft]);

  const selectCell = useCallback(
    async (sheet: string, cell: string) => {
      try {
        await port.selectCell(sheet, cell);
      } catch (error) {
        setNotice({ kind: 'failed', task: 'select', error });
      }
    },
    [port],
  );

  return {
    busy,
    trying,
    tryingExplicitly: explicit && trying,
    trialsShown,
    data,
    draft,
    parsed,
    trial: trial && trial.key === parsedKey ? trial.result : null,
    headers,
    limits,
    notice,
    load,
    cancel,
    edit,
    change,
    ensureHeader,
    place,
    takeSelection,
    tryNow,
    save,
    remove,
    selectCell,
  };
}
