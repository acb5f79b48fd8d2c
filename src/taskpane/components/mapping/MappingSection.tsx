/**
 * Koppla indata: the shell the task pane loads at start. Nothing is read and nothing else loads
 * until the section is first opened; then the view, the mapping jobs and the section's texts come
 * in one lazily loaded chunk (docs/quality.md: initial JavaScript ≤ 200 KB gzip).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Spinner } from '@fluentui/react-components';
import type { WorkbookPort } from '../../../core/workbook/port';
import { useI18n } from '../../i18n';
import type { SelectionService } from '../../services';

const MappingView = lazy(() => import(/* webpackChunkName: "mapping" */ './MappingView'));

export interface MappingSectionProps {
  port: WorkbookPort;
  /** The selection in the workbook ("Använd markeringen"); absent where the host has none. */
  selection?: SelectionService;
  now?: () => Date;
  /** The section is shown: the first time it is, the view loads and reads the workbook. */
  active: boolean;
  /** Bumped by Kontrollera's "Koppla om": the view reads the workbook again. */
  reloadRequest?: number;
}

export function MappingSection({ active, ...props }: MappingSectionProps) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(active);
  useEffect(() => {
    if (active) setOpened(true);
  }, [active]);
  if (!opened) return null;
  return (
    <Suspense fallback={<Spinner size="tiny" label={t('followup.loadingView')} />}>
      <MappingView {...props} />
    </Suspense>
  );
}
