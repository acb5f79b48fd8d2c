/** A job that is not built yet: says so, and what it will do. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useI18n, type MessageKey } from '../i18n';

export function ComingSoonSection({ description }: { description: MessageKey }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('soon.title')}</MessageBarTitle> {t(description)}
      </MessageBarBody>
    </MessageBar>
  );
}
