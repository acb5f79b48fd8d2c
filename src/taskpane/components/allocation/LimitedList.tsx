/** A list that shows its first items and a button for the rest (large workbooks have hundreds). */
import { useState, type ReactNode } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n';

const useStyles = makeStyles({
  more: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalXS },
});

export interface LimitedListProps<T> {
  items: readonly T[];
  limit: number;
  className?: string;
  testId?: string;
  renderItem(item: T, index: number): ReactNode;
}

export function LimitedList<T>({ items, limit, className, testId, renderItem }: LimitedListProps<T>) {
  const styles = useStyles();
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, limit);
  return (
    <>
      <ul className={className} data-testid={testId}>
        {shown.map((item, i) => renderItem(item, i))}
      </ul>
      {items.length > limit && (
        <Button className={styles.more} size="small" appearance="subtle" onClick={() => setAll(!all)}>
          {all ? t('allocation.showFewer') : t('allocation.showAll', { count: items.length })}
        </Button>
      )}
    </>
  );
}
