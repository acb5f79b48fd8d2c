/**
 * The playground page: a toolbar (open, sample, download), the open workbook's sheets in a simple
 * grid, and the same task pane as in Excel beside it — so anyone can try Budgetkoll in a browser
 * and the end-to-end tests can drive it. The workbook's state is in use-playground-workbook.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Caption1, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens, Toolbar } from '@fluentui/react-components';
import { toA1 } from '../core/a1';
import { isWorkbookError } from '../core/workbook/port';
import { useI18n } from '../taskpane/i18n';
import { TaskPane } from '../taskpane/components/TaskPane';
import { FileButton } from '../taskpane/components/FileButton';
import type { TaskPaneServices, TemplateServices } from '../taskpane/services';
import { Logo } from '../taskpane/components/Logo';
import { SheetGrid, type GridSelection } from './SheetGrid';
import { SheetTabs } from './SheetTabs';
import { EngineStatus } from './EngineStatus';
import { WORKBOOK_ACCEPT } from './file-transfer';
import { useEvaluation, type PlaygroundEvaluator } from './use-evaluation';
import { usePlaygroundWorkbook } from './use-playground-workbook';
import type { SheetLayout, WorkbookLoader } from './workbook-loader';

export type { PlaygroundEvaluator } from './use-evaluation';

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

const systemToday = () => new Date();

export function Playground({ loader, templates, today = systemToday, evaluator }: PlaygroundProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const { current, loading, error, sheets, activeSheet, setActiveSheet, selection, setSelection, revision, port, openSample, openFile, download } =
    usePlaygroundWorkbook(loader);
  const { evaluation, evaluating } = useEvaluation(current?.workbook.port ?? null, revision, evaluator);
  const [selectedContent, setSelectedContent] = useState('');

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
          <FileButton
            appearance="primary"
            disabled={loading}
            accept={WORKBOOK_ACCEPT}
            label={t('playground.open')}
            inputTestId="open-file-input"
            onFiles={(files) => files[0] && void openFile(files[0])}
          >
            {t('playground.open')}
          </FileButton>
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
          {evaluator && current && <EngineStatus className={styles.engineStatus} language={i18n.language} evaluation={evaluation} evaluating={evaluating} />}
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
function firstVisibleCell(layout: Pick<SheetLayout, 'hiddenRows' | 'hiddenColumns'> | null): string {
  let row = 0;
  let col = 0;
  while (layout?.hiddenRows.has(row)) row++;
  while (layout?.hiddenColumns.has(col)) col++;
  return toA1(row, col);
}
