/** A job that is not built yet: says so, and what it will do. */
import {  } from '@fluentui/react-components';
import { useI18n, type MessageKey } from '../i18n';
import { Notice } from './Notice';

export function ComingSoonSection({ description }: { description: MessageKey }) {
  const { t } = useI18n();
  return (
    <Notice intent="info" title={t('soon.title')}>
      {t(description)}
    </Notice>
  );
}
