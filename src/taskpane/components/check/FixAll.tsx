/**
 * "Åtgärda alla av den här sorten": per rule with several safe fixes, one button that first lists
 * every cell and its new value in a dialog; only "Åtgärda" in the dialog writes anything.
 */
import { useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Finding } from '../../../core/findings';
import { editsForRule, QUICK_FIX_RULES, type CellEdit } from '../../../core/rules/quick-fixes';
import { useI18n } from '../../i18n';
import { PaneGroup } from '../PaneGroup';
import type { RuleText } from './check-core';
import { cellValueText, place } from './format';
import { cellKey } from './use-cell-fixes';

const useStyles = makeStyles({
  rule: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  text: { margin: 0 },
  list: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    paddingInlineStart: tokens.spacingHorizontalXL,
    maxHeight: '40vh',
    overflowY: 'auto',
    fontVariantNumeric: 'tabular-nums',
  },
  from: { color: tokens.colorNeutralForeground3 },
});

/** A rule's batch: the fixable findings of one kind not yet handled. */
export interface FixBatch {
  rule: string;
  title: string;
  edits: CellEdit[];
}

/** Batches for the rules that have at least two cells left to fix. */
export function fixBatches(
  findings: readonly Finding[],
  handled: ReadonlyMap<string, unknown>,
  titleOf: (rule: string) => string,
): FixBatch[] {
  const open = findings.filter((f) => f.quickFix && !handled.has(cellKey(f.sheet, f.cell)));
  return QUICK_FIX_RULES.map((rule) => ({
    rule,
    title: titleOf(rule),
    edits: editsForRule(open, rule),
  })).filter((b) => b.edits.length >= 2);
}

export interface FixAllProps {
  findings: readonly Finding[];
  rules: Readonly<Record<string, RuleText>>;
  handled: ReadonlyMap<string, unknown>;
  busy: boolean;
  onApply(edits: CellEdit[]): void;
}

export function FixAll({ findings, rules, handled, busy, onApply }: FixAllProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, language } = i18n;
  // The batch stays set while the dialog closes, so its content does not vanish mid-animation.
  const [pending, setPending] = useState<FixBatch | null>(null);
  const [open, setOpen] = useState(false);
  const titleOf = (rule: string) => rules[rule]?.title[language] ?? rule;
  const batches = fixBatches(findings, handled, titleOf);

  return (
    <>
      {batches.length > 0 && (
        <PaneGroup idPrefix="fix-all" heading={t('check.fixAllHeading')} testId="fix-all">
          {batches.map((batch) => (
            <div key={batch.rule} className={styles.rule}>
              <Body1 as="p" className={styles.text}>
                {t('check.fixAllText', { title: batch.title, count: batch.edits.length })}
              </Body1>
              <Button
                size="small"
                disabled={busy}
                aria-label={t('check.fixAllName', { title: batch.title, count: batch.edits.length })}
                onClick={() => {
                  setPending(batch);
                  setOpen(true);
                }}
              >
                {t('check.fixAll')}
              </Button>
            </div>
          ))}
        </PaneGroup>
      )}
      {/* Always mounted: a modal dialog unmounted while open would leave the page hidden from assistive technology. */}
      <Dialog open={open && pending !== null} onOpenChange={(_, data) => setOpen(data.open)}>
        <DialogSurface>
          {pending && (
            <DialogBody>
              <DialogTitle>{t('check.confirm.title', { count: pending.edits.length, title: pending.title })}</DialogTitle>
              <DialogContent>
                <Body1 as="p" className={styles.text}>
                  {t('check.confirm.text')}
                </Body1>
                <ul className={styles.list} aria-label={t('check.confirm.listName')} data-testid="fix-all-list">
                  {pending.edits.map((edit) => (
                    <li key={cellKey(edit.sheet, edit.cell)}>
                      {t('check.confirm.item', { place: place(edit.sheet, edit.cell), value: cellValueText(i18n, edit.value) })}
                    </li>
                  ))}
                </ul>
                <Caption1 className={styles.from}>{t('check.confirm.note')}</Caption1>
              </DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setOpen(false);
                    onApply(pending.edits);
                  }}
                >
                  {t('check.confirm.apply', { count: pending.edits.length })}
                </Button>
                <DialogTrigger disableButtonEnhancement>
                  <Button>{t('check.confirm.cancel')}</Button>
                </DialogTrigger>
              </DialogActions>
            </DialogBody>
          )}
        </DialogSurface>
      </Dialog>
    </>
  );
}
