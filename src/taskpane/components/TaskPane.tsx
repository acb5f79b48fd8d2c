/**
 * The task pane: header, navigation between the sections, and the chosen section. The same
 * component runs in Excel and beside the playground's grid; the port and services come from the
 * composition root.
 */
import { useEffect, useState } from 'react';
import type { FollowUpReport } from '../../core/calendar/annual-cycle';
import { makeStyles, mergeClasses, Tab, TabList, Text, tokens, useId } from '@fluentui/react-components';
import { useI18n, type MessageKey } from '../i18n';
import type { TaskPaneServices } from '../services';
import { AllocationSection } from './allocation/AllocationSection';
import { CheckSection } from './check/CheckSection';
import { FollowUpSection } from './followup/FollowUpSection';
import { Header } from './Header';
import { HomeSection } from './HomeSection';
import type { HomeStep } from './home-step';
import { MappingSection } from './mapping/MappingSection';
import { SubmissionEntry } from './submission/SubmissionEntry';
import { TemplatesSection } from './TemplatesSection';

/** Performance mark set when the task pane has rendered for the first time. */
export const READY_MARK = 'budgetkoll:taskpane-ready';

export type SectionId = 'home' | 'check' | 'allocation' | 'followUp' | 'submission' | 'templates' | 'mapping';

interface SectionDef {
  id: SectionId;
  label: MessageKey;
  heading: MessageKey;
}

const SECTIONS: readonly SectionDef[] = [
  { id: 'home', label: 'nav.home', heading: 'home.heading' },
  { id: 'check', label: 'nav.check', heading: 'nav.check' },
  { id: 'allocation', label: 'nav.allocation', heading: 'nav.allocation' },
  { id: 'followUp', label: 'nav.followUp', heading: 'nav.followUp' },
  { id: 'submission', label: 'nav.submission', heading: 'nav.submission' },
  { id: 'templates', label: 'nav.templates', heading: 'nav.templates' },
  { id: 'mapping', label: 'nav.mapping', heading: 'nav.mapping' },
];

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  nav: {
    // Seven sections do not fit one row in a 320–360 px pane: let the tabs wrap instead of hiding.
    flexWrap: 'wrap',
    rowGap: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  main: { display: 'flex', flexDirection: 'column', flexGrow: 1 },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    outlineStyle: 'none',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `-${tokens.strokeWidthThick}`,
    },
  },
  hidden: { display: 'none' },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface TaskPaneProps {
  services: TaskPaneServices;
  initialSection?: SectionId;
  /** Shown inside another page (the playground): no `main` landmark of its own. */
  embedded?: boolean;
}

export function TaskPane({ services, initialSection = 'home', embedded = false }: TaskPaneProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [section, setSection] = useState<SectionId>(initialSection);
  const baseId = useId('section');
  const tabId = (id: SectionId) => `${baseId}-tab-${id}`;
  const panelId = (id: SectionId) => `${baseId}-panel-${id}`;
  const Main = embedded ? 'div' : 'main';
  // The report Hem's next step is about, handed to Uppföljning when the step opens it.
  const [stepReport, setStepReport] = useState<{ report: FollowUpReport } | undefined>(undefined);
  const [focusPanel, setFocusPanel] = useState<SectionId | null>(null);
  const openStep = (step: HomeStep) => {
    if (step.section === 'followUp') setStepReport({ report: step.report });
    setSection(step.section);
    setFocusPanel(step.section);
  };
  // Kontrollera's "Koppla om" opens Koppla indata, which reads the workbook again.
  const [remapRequest, setRemapRequest] = useState(0);
  const openMapping = () => {
    setRemapRequest((n) => n + 1);
    setSection('mapping');
    setFocusPanel('mapping');
  };
  // Lämna in's "Öppna Kontrollera budget" (errors block a submission).
  const openCheck = () => {
    setSection('check');
    setFocusPanel('check');
  };
  // After Hem's button the focus follows to the section it opened.
  useEffect(() => {
    if (focusPanel === null) return;
    document.getElementById(panelId(focusPanel))?.focus();
    setFocusPanel(null);
    // panelId only depends on the stable baseId.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusPanel]);

  // For measuring "task pane ready" (docs/quality.md) in a browser: the first render is committed.
  useEffect(() => {
    if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(READY_MARK);
  }, []);

  return (
    <div className={styles.root} data-testid="task-pane">
      <Header />
      <TabList
        className={styles.nav}
        aria-label={t('app.sections')}
        size="small"
        selectedValue={section}
        onTabSelect={(_, data) => setSection(data.value as SectionId)}
      >
        {SECTIONS.map((s) => (
          <Tab key={s.id} id={tabId(s.id)} value={s.id} aria-controls={panelId(s.id)}>
            {t(s.label)}
          </Tab>
        ))}
      </TabList>
      <Main className={styles.main}>
        {/* Every section stays mounted so a running write and typed values survive switching tabs. */}
        {SECTIONS.map((s) => (
          <div
            key={s.id}
            className={mergeClasses(styles.panel, s.id !== section && styles.hidden)}
            role="tabpanel"
            id={panelId(s.id)}
            aria-labelledby={tabId(s.id)}
            tabIndex={0}
            hidden={s.id !== section}
          >
            <Text as="h2" className={styles.heading}>
              {t(s.heading)}
            </Text>
            <SectionBody
              section={s.id}
              active={s.id === section}
              services={services}
              embedded={embedded}
              onStep={openStep}
              stepReport={stepReport}
              onRemap={openMapping}
              remapRequest={remapRequest}
              onOpenCheck={openCheck}
            />
          </div>
        ))}
      </Main>
    </div>
  );
}

interface SectionBodyProps {
  section: SectionId;
  /** The section is the one shown. */
  active: boolean;
  services: TaskPaneServices;
  embedded: boolean;
  onStep(step: HomeStep): void;
  stepReport: { report: FollowUpReport } | undefined;
  onRemap(): void;
  remapRequest: number;
  onOpenCheck(): void;
}

function SectionBody({ section, active, services, embedded, onStep, stepReport, onRemap, remapRequest, onOpenCheck }: SectionBodyProps) {
  switch (section) {
    case 'home':
      return <HomeSection today={services.today()} annualCycle={services.annualCycle} onStep={onStep} />;
    case 'check':
      return <CheckSection port={services.port} now={services.today} onRemap={onRemap} />;
    case 'allocation':
      return <AllocationSection port={services.port} now={services.today} />;
    case 'followUp':
      return <FollowUpSection port={services.port} now={services.today} annualCycle={services.annualCycle} importService={services.followUpImport} embedded={embedded} preferredReport={stepReport} />;
    case 'submission':
      return <SubmissionEntry port={services.port} active={active} now={services.today} onOpenCheck={onOpenCheck} />;
    case 'templates':
      return <TemplatesSection port={services.port} templates={services.templates} today={services.today()} />;
    case 'mapping':
      return <MappingSection port={services.port} selection={services.selection} now={services.today} active={active} reloadRequest={remapRequest} />;
  }
}
