/**
 * The findings, grouped by sheet or by nämnd and filtered by severity. Each finding says what is
 * wrong (in the UI's language), where, and how to fix it; activating it selects its cell in the
 * workbook. A finding with a safe fix offers it as a button — applied only on that click.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Link,
  makeStyles,
  RadioGroup,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import { PaneCheckbox } from '../PaneCheckbox';
import { PaneRadio } from '../PaneRadio';
import type { Finding, Severity } from '../../../core/findings';
import { useI18n, type MessageKey } from '../../i18n';
import { RuleId } from '../RuleId';
import { countText, findingMessage, place, SEVERITIES } from './format';
import { cellKey } from './use-cell-fixes';

/** Findings shown per group before "show all": a big workbook can have thousands. */
export const GROUP_PAGE = 50;

export type GroupBy = 'sheet' | 'board';

const SEVERITY_BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  controls: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  filterLabel: { color: tokens.colorNeutralForeground2 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  groupHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    paddingBottom: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  goTo: {
    // A finding is one wide, multi-line button: the whole message is the click target.
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    justifyContent: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    maxWidth: 'none',
    minWidth: 0,
    height: 'auto',
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: 'normal',
  },
  topLine: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  where: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  rule: { paddingInline: tokens.spacingHorizontalS },
  message: { overflowWrap: 'anywhere' },
  fixText: { color: tokens.colorNeutralForeground2, paddingInline: tokens.spacingHorizontalS, margin: 0 },
  quickFix: { alignSelf: 'flex-start', marginInlineStart: tokens.spacingHorizontalS, maxWidth: '100%', height: 'auto', textAlign: 'start' },
  fixedBadge: { alignSelf: 'flex-start', marginInlineStart: tokens.spacingHorizontalS },
  more: { alignSelf: 'flex-start' },
  none: { color: tokens.colorNeutralForeground2, margin: 0 },
  jump: { alignSelf: 'flex-start', textAlign: 'start', fontWeight: tokens.fontWeightSemibold },
});

export interface FindingsListProps {
  findings: readonly Finding[];
  /** Cells a quick fix already touched, by "Sheet!A1". */
  handled: ReadonlyMap<string, 'changed' | 'skipped'>;
  /** Fixes are disabled while something else writes. */
  busy: boolean;
  onSelect(finding: Finding): void;
  onFix(finding: Finding): void;
  /**
   * Incremented by the summary's "N fel – visa": the errors are shown (if filtered away) and the
   * focus moves to the first error's button, scrolled into view. 0 = never asked.
   */
  jumpToFirstError?: number;
  /** A mapping that no longer fits (MAP-STALE): "Koppla om" opens Koppla indata. */
  onRemap?: () => void;
}

/** The first error's go-to button under `root`, in the order shown. */
export function firstErrorButton(root: ParentNode | null): HTMLElement | null {
  return root?.querySelector<HTMLElement>('[data-testid="finding"][data-severity="error"] button') ?? null;
}

/** "8 fel – visa": asks the list to move the focus to its first error (see `jumpToFirstError`). */
export function FirstErrorLink({ errors, onJump }: { errors: number; onJump(): void }) {
  const styles = useStyles();
  const i18n = useI18n();
  return (
    <Link as="button" className={styles.jump} onClick={onJump} data-testid="first-error-link">
      {i18n.t('check.jumpToErrors', { errors: countText(i18n, 'error', errors) })}
    </Link>
  );
}

interface Group {
  key: string;
  name: string;
  findings: Finding[];
}

export function FindingsList({ findings, handled, busy, onSelect, onFix, jumpToFirstError = 0, onRemap }: FindingsListProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const headingId = useId('findings-heading');
  const filterLabelId = useId('findings-filter');
  const [groupBy, setGroupBy] = useState<GroupBy>('sheet');
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());

  const rootRef = useRef<HTMLElement>(null);
  const handledJump = useRef(0);
  useEffect(() => {
    if (jumpToFirstError === handledJump.current) return;
    if (!shown.error) {
      // Show the errors first; the effect runs again once they are rendered.
      setShown((s) => ({ ...s, error: true }));
      return;
    }
    handledJump.current = jumpToFirstError;
    const target = firstErrorButton(rootRef.current);
    if (!target) return;
    target.focus();
    if (typeof target.scrollIntoView === 'function') target.scrollIntoView({ block: 'center' });
  }, [jumpToFirstError, shown.error]);

  const counts = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity]++;
    return c;
  }, [findings]);

  const groups = useMemo(() => {
    const noBoard = t('check.noBoard');
    const byKey = new Map<string, Group>();
    for (const f of findings) {
      if (!shown[f.severity]) continue;
      const name = groupBy === 'sheet' ? f.sheet : (f.board ?? noBoard);
      const key = `${groupBy}:${groupBy === 'board' && !f.board ? '' : name}`;
      let g = byKey.get(key);
      if (!g) byKey.set(key, (g = { key, name, findings: [] }));
      g.findings.push(f);
    }
    // Alphabetical, as in the workbook's lists; findings without a nämnd last.
    return [...byKey.values()].sort((a, b) => Number(a.key.endsWith(':')) - Number(b.key.endsWith(':')) || a.name.localeCompare(b.name, 'sv'));
  }, [findings, shown, groupBy, t]);

  return (
    <section className={styles.root} aria-labelledby={headingId} ref={rootRef}>
      <Text as="h3" id={headingId} className={styles.heading}>
        {t('check.findingsHeading')}
      </Text>
      <div className={styles.controls}>
        <div role="group" aria-labelledby={filterLabelId} className={styles.filters}>
          <Caption1 id={filterLabelId} className={styles.filterLabel}>
            {t('check.filter')}
          </Caption1>
          {SEVERITIES.map((severity) => (
            <PaneCheckbox
              key={severity}
              checked={shown[severity]}
              onChange={(_, data) => setShown((s) => ({ ...s, [severity]: data.checked === true }))}
              label={t(`check.filter.${severity}` as MessageKey, { count: counts[severity] })}
            />
          ))}
        </div>
        <Field label={t('check.groupBy')} orientation="horizontal" size="small">
          <RadioGroup layout="horizontal" value={groupBy} onChange={(_, data) => setGroupBy(data.value as GroupBy)}>
            <PaneRadio value="sheet" label={t('check.groupBy.sheet')} />
            <PaneRadio value="board" label={t('check.groupBy.board')} />
          </RadioGroup>
        </Field>
      </div>

      {groups.length === 0 && (
        <Body1 as="p" className={styles.none}>
          {t('check.noneShown')}
        </Body1>
      )}
      {groups.map((group) => {
        const all = expanded.has(group.key);
        const visible = all ? group.findings : group.findings.slice(0, GROUP_PAGE);
        return (
          <FindingGroup
            key={group.key}
            group={group}
            visible={visible}
            onShowAll={all || group.findings.length <= GROUP_PAGE ? null : () => setExpanded((e) => new Set(e).add(group.key))}
          >
            {visible.map((f, i) => (
              <FindingItem
                key={`${f.rule}|${f.sheet}|${f.cell}|${i}`}
                finding={f}
                fixText={f.fix ? (language === 'en' ? (f.fix_en ?? f.fix) : f.fix) : null}
                handled={handled.get(cellKey(f.sheet, f.cell)) ?? null}
                busy={busy}
                onSelect={onSelect}
                onRemap={onRemap}
                onFix={onFix}
              />
            ))}
          </FindingGroup>
        );
      })}
    </section>
  );
}

function FindingGroup({
  group,
  visible,
  onShowAll,
  children,
}: {
  group: Group;
  visible: Finding[];
  onShowAll: (() => void) | null;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId('findings-group');
  return (
    <section className={styles.group} aria-labelledby={headingId} data-testid="finding-group">
      <Text as="h4" id={headingId} className={styles.groupHeading}>
        {t('check.groupCount', { name: group.name, count: group.findings.length })}
      </Text>
      <ul className={styles.list}>{children}</ul>
      {onShowAll && (
        <Button className={styles.more} size="small" appearance="subtle" onClick={onShowAll}>
          {t('check.showAll', { count: group.findings.length, shown: visible.length })}
        </Button>
      )}
    </section>
  );
}

interface FindingItemProps {
  finding: Finding;
  fixText: string | null;
  handled: 'changed' | 'skipped' | null;
  busy: boolean;
  onSelect(finding: Finding): void;
  onFix(finding: Finding): void;
  onRemap?: () => void;
}

/** The rule of a mapping that no longer fits the workbook. */
export const MAP_STALE = 'MAP-STALE';

function FindingItem({ finding: f, fixText, handled, busy, onSelect, onFix, onRemap }: FindingItemProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const where = place(f.sheet, f.cell);
  return (
    <li className={styles.item} data-testid="finding" data-rule={f.rule} data-severity={f.severity}>
      <Button appearance="subtle" className={styles.goTo} onClick={() => onSelect(f)} title={t('check.goTo', { place: where })}>
        <span className={styles.topLine}>
          <Badge size="small" appearance="tint" color={SEVERITY_BADGE[f.severity]}>
            {t(`check.severity.${f.severity}` as MessageKey)}
          </Badge>
          <Caption1 className={styles.where}>{where}</Caption1>
        </span>
        <Body1 className={styles.message}>{findingMessage(language, f)}</Body1>
      </Button>
      {fixText && (
        <Caption1 as="p" className={styles.fixText}>
          {fixText}
        </Caption1>
      )}
      <RuleId rule={f.rule} className={styles.rule} />
      {f.rule === MAP_STALE && onRemap && (
        <Button className={styles.quickFix} size="small" onClick={onRemap} data-testid="remap">
          {t('check.remap')}
        </Button>
      )}
      {f.quickFix &&
        (handled ? (
          <Badge className={styles.fixedBadge} appearance="tint" color={handled === 'changed' ? 'success' : 'subtle'}>
            {handled === 'changed' ? t('check.fixed') : t('check.fixSkippedBadge')}
          </Badge>
        ) : (
          <Button className={styles.quickFix} size="small" disabled={busy} onClick={() => onFix(f)}>
            {t('check.fix', { label: language === 'en' ? f.quickFix.label_en : f.quickFix.label })}
          </Button>
        ))}
    </li>
  );
}
