/**
 * The playground page: a toolbar (open, sample, download), the open workbook's sheets in a simple
 * grid, and the same task pane as in Excel beside it — so anyone can try Budgetkoll in a browser
 * and the end-to-end tests can drive it.
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
  Toolbar,
} from '@fluentui/react-components';
import { toA1 } from '../core/a1';
import type { SheetInfo } from '../core/workbook/raw';
import { isWorkbookError, type WorkbookPort } from '../core/workbook/port';
import { useI18n } from '../taskpane/i18n';
import { formatNumberSv } from '../core/text/numbers';
import { TaskPane } from '../taskpane/components/TaskPane';
import type { TaskPaneServices, TemplateServices } from '../taskpane/services';
import { Logo } from '../taskpane/components/Logo';
import { createForwardingPort } from './playground-port';
import { SheetGrid, type GridSelection } from './SheetGrid';
import { SheetTabs } from './SheetTabs';
import type { OpenWorkbook, WorkbookLoader } from './workbook-loader';
import type { Evaluation } from './engine/evaluation';
import type { WorkbookReader } from '../core/workbook/port';

/** Evaluates the workbook's formulas (the real one: IronCalc in a worker, see engine/). */
export type PlaygroundEvaluator = (port: WorkbookReader) => Promise<Evaluation>;

const ENGINE_TEXTS = {
  sv: {
    evaluating: 'Räknar formlerna …',
    evaluated: (ms: string) => `Formlerna räknade av IronCalc (${ms} ms)`,
    notEvaluated: (n: string) => `${n} formelceller kunde inte räknas av IronCalc och visar filens sparade värde (markerade)`,
    tooLarge: (cells: string) => `Arbetsboken är för stor för att räknas om i lekplatsen (${cells} celler); formlerna visar värdena som sparats i filen (markerade)`,
  },
  en: {
    evaluating: 'Calculating the formulas …',
    evaluated: (ms: string) => `Formulas calculated by IronCalc (${ms} ms)`,
    notEvaluated: (n: string) => `${n} formula cells could not be calculated by IronCalc and show the file's saved value (marked)`,
    tooLarge: (cells: string) => `The workbook is too large to recalculate in the playground (${cells} cells); formulas show the values saved in the file (marked)`,
  },
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSM_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.12';

/** The download's name: the file's own, so a macro workbook stays .xlsm (its VBA is kept as it was). */
function downloadName(fileName: string): string {
  return /\.xls[xm]$/i.test(fileName) ? fileName : `${fileName}.xlsx`;
}
const SAMPLE_FILE_NAME = 'budgetkoll-exempel.xlsx';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  topBar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  fileName: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  body: {
    display: 'flex',
    flexGrow: 1,
    minHeight: 0,
    '@media (max-width: 760px)': { flexDirection: 'column', overflow: 'auto' },
  },
  sheetArea: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minWidth: 0,
    minHeight: '320px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  formulaBar: {
    display: 'grid',
    gridTemplateColumns: '6em 1fr',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  formulaInput: { fontFamily: tokens.fontFamilyMonospace },
  toolbar: { gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  pane: {
    width: '360px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    '@media (max-width: 760px)': { width: 'auto', borderLeft: 'none', borderTop: `1px solid ${tokens.colorNeutralStroke1}`, overflowY: 'visible' },
  },
  message: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
  error: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  hiddenInput: { display: 'none' },
  engineStatus: {
    padding: `2px ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground3,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    minHeight: '16px',
  },
});

export interface PlaygroundProps {
  loader: WorkbookLoader;
  templates: TemplateServices;
  today?: () => Date;
  /** Computes formula values for the grid; without one the grid shows the file's cached values. */
  evaluator?: PlaygroundEvaluator;
}

interface Current {
  workbook: OpenWorkbook;
  fileName: string;
}

const systemToday = () => new Date();

/** The file's bytes (FileReader where Blob.arrayBuffer is missing, as in older engines). */
function readFileBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

export function Playground({ loader, templates, today = systemToday, evaluator }: PlaygroundProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const [current, setCurrent] = useState<Current | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [activeSheet, setActiveSheet] = useState<string | null>(null);
  const [selection, setSelection] = useState<GridSelection | null>(null);
  const [selectedContent, setSelectedContent] = useState('');
  const [revision, setRevision] = useState(0);
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  const [evaluating, setEvaluating] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

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

  // "Använd markeringen" in Koppla indata takes the grid's selection (its range, else its cell).
  const selectionRef = useRef<GridSelection | null>(null);
  const services = useMemo<TaskPaneServices>(
    () => ({
      port,
      templates,
      today,
      selection: {
        selectedRange: async () => {
          const s = selectionRef.current;
          return s ? { sheet: s.sheet, address: s.range ?? s.address } : null;
        },
      },
    }),
    [port, templates, today],
  );

  // The pane's selectCell (a finding's link, Visa fliken): the other sheet is drawn in a transition too.
  const onSelect = useCallback((sheet: string, address: string) => {
    startTransition(() => {
      setActiveSheet(sheet);
      setSelection({ sheet, address });
    });
  }, []);

  const load = useCallback(
    async (open: () => Promise<OpenWorkbook>, fileName: string) => {
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
    },
    [],
  );

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

  // Evaluate the formulas after every open and every write; a newer revision wins.
  useEffect(() => {
    if (!current || !evaluator) return;
    let live = true;
    setEvaluating(true);
    evaluator(current.workbook.port)
      .then((result) => {
        if (live) setEvaluation(result);
      })
      .catch((e) => {
        if (!isWorkbookError(e)) console.error(e);
      })
      .finally(() => {
        if (live) setEvaluating(false);
      });
    return () => {
      live = false;
    };
  }, [current, revision, evaluator]);

  // The evaluation of the previous workbook is not shown on another one.
  useEffect(() => setEvaluation(null), [current]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const buffer = await readFileBytes(file);
    await load(() => loader.open(buffer, onSelect), file.name);
    if (fileInput.current) fileInput.current.value = '';
  };

  const download = async () => {
    if (!current) return;
    try {
      const bytes = await current.workbook.toBuffer();
      const name = downloadName(current.fileName);
      const type = /\.xlsm$/i.test(name) ? XLSM_TYPE : XLSX_TYPE;
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      if (!isWorkbookError(e)) console.error(e);
      setError(e);
    }
  };

  const errorText =
    error === null
      ? null
      : isWorkbookError(error)
        ? i18n.language === 'sv'
          ? error.message
          : error.messageEn
        : t('playground.fileError');

  const sheet = sheets.find((s) => s.name === activeSheet) ?? null;
  // The sheet's layout and charts, once per sheet and change (a scan of its cells in ExcelJS).
  const layout = useMemo(
    () => (current && sheet ? (current.workbook.layout?.(sheet.name) ?? null) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [current, sheet?.name, revision],
  );
  const charts = useMemo(
    () => (current && sheet ? current.workbook.charts?.(sheet.name) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [current, sheet?.name, revision],
  );
  const engineTexts = ENGINE_TEXTS[i18n.language === 'sv' ? 'sv' : 'en'];
  // A sheet just opened has its first visible cell selected: A1, as in Excel, unless row 1 or
  // column A is hidden (Budgetkoll's own tabs keep their marker in a hidden row 1).
  const selectionHere = sheet ? (selection && selection.sheet === sheet.name ? selection : { sheet: sheet.name, address: firstVisibleCell(layout) }) : null;
  useEffect(() => {
    selectionRef.current = selectionHere;
  }, [selectionHere?.sheet, selectionHere?.address, selectionHere?.range]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className={styles.page}>
      <header className={styles.topBar}>
        <Text as="h1" className={styles.title}>
          <Logo size={24} />
          {t('playground.title')}
        </Text>
        <Toolbar className={styles.toolbar} aria-label={t('playground.toolbar')} size="small">
          <Button appearance="primary" onClick={() => fileInput.current?.click()} disabled={loading}>
            {t('playground.open')}
          </Button>
          <input
            ref={fileInput}
            className={styles.hiddenInput}
            type="file"
            accept={`.xlsx,.xlsm,${XLSX_TYPE},${XLSM_TYPE}`}
            aria-label={t('playground.open')}
            data-testid="open-file-input"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
          <Button onClick={() => void openSample()} disabled={loading}>
            {t('playground.sample')}
          </Button>
          <Button onClick={() => void download()} disabled={loading || !current} data-testid="download">
            {t('playground.download')}
          </Button>
        </Toolbar>
        {loading ? (
          <Spinner size="tiny" label={t('playground.loading')} />
        ) : (
          current && (
            <Caption1 className={styles.fileName} data-testid="file-name">
              {current.fileName}
            </Caption1>
          )
        )}
      </header>
      {errorText && (
        <MessageBar intent="error" className={styles.error} data-testid="playground-error">
          <MessageBarBody>{errorText}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.body}>
        <section className={styles.sheetArea} aria-label={t('playground.toolbar')}>
          <div className={styles.formulaBar}>
            <Input readOnly size="small" aria-label={t('playground.cell')} value={selectionHere?.range ?? selectionHere?.address ?? ''} data-testid="cell-address" />
            <Input
              readOnly
              size="small"
              className={styles.formulaInput}
              aria-label={t('playground.formula')}
              value={selectionHere ? selectedContent : ''}
              data-testid="formula-bar"
            />
          </div>
          {current && sheet ? (
            <SheetGrid
              key={sheet.name}
              port={current.workbook.port}
              sheet={sheet}
              selection={selectionHere}
              onSelect={(s) => setSelection(s)}
              revision={revision}
              onSelectedContent={setSelectedContent}
              evaluation={evaluator ? evaluation : undefined}
              layout={layout}
              charts={charts}
            />
          ) : (
            <p className={styles.message}>{loading ? t('playground.loading') : t('playground.noWorkbook')}</p>
          )}
          {evaluator && current && (
            <Caption1 className={styles.engineStatus} data-testid="engine-status" data-state={evaluating ? 'evaluating' : evaluation ? 'done' : 'waiting'}>
              {evaluating
                ? engineTexts.evaluating
                : evaluation
                  ? evaluation.tooLarge
                    ? engineTexts.tooLarge(formatNumberSv(evaluation.tooLarge.cells))
                    : evaluation.notEvaluated > 0
                    ? engineTexts.notEvaluated(formatNumberSv(evaluation.notEvaluated))
                    : engineTexts.evaluated(formatNumberSv(Math.round(evaluation.timing.total)))
                  : ''}
            </Caption1>
          )}
          {sheets.length > 0 && (
            <SheetTabs
              sheets={sheets}
              active={activeSheet}
              onSelect={setActiveSheet}
              tabColor={current?.workbook.tabColor}
              activeProtected={!!layout?.protection}
            />
          )}
        </section>
        <aside className={styles.pane} aria-label={t('playground.taskPane')} data-testid="task-pane-host">
          <TaskPane services={services} embedded />
        </aside>
      </div>
    </div>
  );
}

/** The first cell not in a hidden row or column (A1 when nothing is hidden). */
function firstVisibleCell(layout: { hiddenRows: ReadonlySet<number>; hiddenColumns: ReadonlySet<number> } | null): string {
  let row = 0;
  let col = 0;
  while (layout?.hiddenRows.has(row)) row++;
  while (layout?.hiddenColumns.has(col)) col++;
  return toA1(row, col);
}
