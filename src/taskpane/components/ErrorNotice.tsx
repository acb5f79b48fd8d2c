/**
 * An error in a MessageBar: a title, then the port's message in the UI's language — or, for an
 * error that is not a WorkbookError, "an unexpected error", never the raw message.
 */
import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { errorText } from './check/format';

export interface ErrorNoticeProps {
  title: string;
  error: unknown;
  /** Said after the message. */
  children?: ReactNode;
  testId?: string;
  /** The notice takes focus when the section's action ends (use-focus-result.ts). */
  focus?: boolean;
}

export function ErrorNotice({ title, error, children, testId, focus = false }: ErrorNoticeProps) {
  const i18n = useI18n();
  return (
    <MessageBar intent="error" layout="multiline" data-testid={testId} {...(focus ? { 'data-focus-result': 'notice', tabIndex: -1 } : {})}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {errorText(i18n, error)}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
