/**
 * A message in the pane's one form: a multiline MessageBar with an optional title and actions.
 * With `focus`, the notice takes focus when the section's action ends (use-focus-result.ts).
 */
import type { ReactNode } from 'react';
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, type MessageBarIntent } from '@fluentui/react-components';

export interface NoticeProps {
  intent: MessageBarIntent;
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons beside the message. */
  actions?: ReactNode;
  testId?: string;
  focus?: boolean;
  /** On the body, e.g. to wrap long names in a narrow pane. */
  className?: string;
}

export function Notice({ intent, title, children, actions, testId, focus = false, className }: NoticeProps) {
  return (
    <MessageBar intent={intent} layout="multiline" data-testid={testId} {...(focus ? { 'data-focus-result': 'notice', tabIndex: -1 } : {})}>
      <MessageBarBody className={className}>
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {actions !== undefined && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}
