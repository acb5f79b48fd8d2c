/**
 * Lämna in's shell: all the task pane loads at start. The section itself (its view, the job, the
 * fingerprint's SHA-256 and Jämför's read port) comes in lazily loaded chunks the first time the
 * section is opened (docs/quality.md: initial JavaScript ≤ 200 KB gzip).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import type { SubmissionSectionProps } from './SubmissionSection';

const SubmissionSection = lazy(() => import(/* webpackChunkName: "submission" */ './SubmissionSection'));

export function SubmissionEntry(props: SubmissionSectionProps) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(props.active);
  useEffect(() => {
    if (props.active) setOpened(true);
  }, [props.active]);
  if (!opened) return null;
  return (
    <Suspense fallback={<Spinner size="tiny" aria-label={t('nav.submission')} />}>
      <SubmissionSection {...props} />
    </Suspense>
  );
}
