/**
 * The workbook open in the playground: opening the bundled sample at start, a chosen file, or the
 * sample again; its tabs, re-listed whenever it changed; the active tab and selection; and the port
 * the task pane works through, which forwards to whichever workbook is open.
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SheetInfo } from '../core/workbook/raw';
import { isWorkbookError, type WorkbookPort } from '../core/workbook/port';
import { downloadBytes, readFileBytes } from './file-transfer';
import { createForwardingPort } from './playground-port';
import type { GridSelection } from './SheetGrid';
import type { OpenWorkbook, WorkbookLoader } from './workbook-loader';

const SAMPLE_FILE_NAME = 'budgetkoll-exempel.xlsx';

export interface CurrentWorkbook {
  workbook: OpenWorkbook;
  fileName: string;
}

export interface PlaygroundWorkbook {
  current: CurrentWorkbook | null;
  loading: boolean;
  /** The last failure to open or save (a WorkbookError, or anything else). */
  error: unknown;
  sheets: SheetInfo[];
  activeSheet: string | null;
  setActiveSheet(sheet: string): void;
  selection: GridSelection | null;
  setSelection(selection: GridSelection): void;
  /** Bumped whenever the workbook changed: opened, or written by the task pane. */
  revision: number;
  /** The port the task pane uses: always the open workbook's. */
  port: WorkbookPort;
  openSample(): Promise<void>;
  openFile(file: File): Promise<void>;
  download(): Promise<void>;
}

export function usePlaygroundWorkbook(loader: WorkbookLoader): PlaygroundWorkbook {
  const [current, setCurrent] = useState<CurrentWorkbook | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [activeSheet, setActiveSheet] = useState<string | null>(null);
  const [selection, setSelection] = useState<GridSelection | null>(null);
  const [revision, setRevision] = useState(0);

  // The task pane may ask for the workbook before the first one has loaded: it waits for it.
  const workbookRef = useRef<Promise<OpenWorkbook> | null>(null);
  const firstWorkbook = useRef<{ promise: Promise<OpenWorkbook>; resolve(w: OpenWorkbook): void } | null>(null);
  if (!firstWorkbook.current) {
    let resolve!: (w: OpenWorkbook) => void;
    const promise = new Promise<OpenWorkbook>((r) => (resolve = r));
    firstWorkbook.current = { promise, resolve };
  }

  const port = useMemo<WorkbookPort>(
    () =>
      createForwardingPort(async () => (await (workbookRef.current ?? firstWorkbook.current!.promise)).port, {
        // A transition: React renders the grid anew in slices, so a tab written by the pane does not
        // hold the page in one long task (test/e2e/main-thread.e2e.test.ts, ≤ 200 ms).
        onChanged: () => startTransition(() => setRevision((r) => r + 1)),
      }),
    [],
  );

  // The pane's selectCell (a finding's link, Visa fliken): the other sheet is drawn in a transition too.
  const onSelect = useCallback((sheet: string, address: string) => {
    startTransition(() => {
      setActiveSheet(sheet);
      setSelection({ sheet, address });
    });
  }, []);

  const load = useCallback(async (open: () => Promise<OpenWorkbook>, fileName: string) => {
    setLoading(true);
    setError(null);
    try {
      const workbook = await open();
      workbookRef.current = Promise.resolve(workbook);
      firstWorkbook.current!.resolve(workbook);
      setCurrent({ workbook, fileName });
      setActiveSheet(null);
      setSelection(null);
      setRevision((r) => r + 1);
    } catch (e) {
      // A bad file leaves the workbook that was open as it was.
      if (!isWorkbookError(e)) console.error(e);
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  const openSample = useCallback(() => load(() => loader.sample(onSelect), SAMPLE_FILE_NAME), [load, loader, onSelect]);

  // The playground opens on the bundled sample workbook.
  useEffect(() => {
    void openSample();
  }, [openSample]);

  // Re-list the tabs whenever the workbook changed (opened, or the task pane wrote a tab).
  useEffect(() => {
    if (!current) return;
    let live = true;
    current.workbook.port
      .index()
      .then((index) => {
        if (!live) return;
        setSheets(index.sheets);
        setActiveSheet((active) =>
          active && index.sheets.some((s) => s.name === active) ? active : (index.sheets.find((s) => s.visible) ?? index.sheets[0])?.name ?? null,
        );
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [current, revision]);

  const openFile = async (file: File) => {
    const buffer = await readFileBytes(file);
    await load(() => loader.open(buffer, onSelect), file.name);
  };

  const download = async () => {
    if (!current) return;
    try {
      downloadBytes(await current.workbook.toBuffer(), current.fileName);
    } catch (e) {
      if (!isWorkbookError(e)) console.error(e);
      setError(e);
    }
  };

  return { current, loading, error, sheets, activeSheet, setActiveSheet, selection, setSelection, revision, port, openSample, openFile, download };
}
