/**
 * An error in a Notice: a title, then the port's message in the UI's language — or, for an
 * error that is not a WorkbookError, "an unexpected error", never the raw message.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { errorText } from './check/format';
import { Notice } from './Notice';

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
    <Notice intent="error" title={title} testId={testId} focus={focus}>
      {errorText(i18n, error)}
      {children}
    </Notice>
  );
}
