import type { ReactNode } from 'react';
import type { ApiError } from '../../src/contract';
import { Row } from './layout';

const ADVICE: Partial<Record<ApiError['code'], string>> = {
  forbidden: 'Ask a Jira administrator for permission on this ticket.',
  conflict: 'Someone else changed this at the same time. The latest state is shown; try again.',
  'jira-unavailable': 'Jira did not answer. Wait a moment and retry.',
  internal: 'Retry; if it persists, tell your Jira administrator.',
};

/** What happened, what to do, and the problems the app named. */
function ErrorText({ error }: { error: ApiError }) {
  const advice = ADVICE[error.code];
  return (
    <>
      <p style={{ margin: 0 }}>{error.message}</p>
      {advice && !error.message.includes(advice) && <p style={{ margin: 0 }}>{advice}</p>}
      {error.problems && error.problems.length > 0 && (
        <ul>
          {error.problems.map((p, i) => (
            <li key={i}>
              {p.path}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The parts an error message is drawn with: the panel's light look-alikes, or Atlassian's components on the pages. */
export interface MessageParts {
  SectionMessage: (props: { appearance: 'warning' | 'error'; children: ReactNode }) => ReactNode;
  Button: (props: { appearance?: 'subtle'; onClick: () => void; children: ReactNode }) => ReactNode;
}

/** An error that says what happened and what to do; `onRetry` offers the way out. */
export function errorMessage({ SectionMessage, Button }: MessageParts) {
  return function ErrorMessage({
    error,
    onRetry,
    onDismiss,
  }: {
    error: ApiError;
    onRetry?: () => void;
    onDismiss?: () => void;
  }) {
    // A warning for what the user can correct, an error for what went wrong elsewhere.
    const appearance = error.code === 'invalid' || error.code === 'not-allowed' ? 'warning' : 'error';
    return (
      <div data-testid="error-message" role="alert">
        <SectionMessage appearance={appearance}>
          <ErrorText error={error} />
          {(onRetry || onDismiss) && (
            <Row>
              {onRetry && <Button onClick={onRetry}>Retry</Button>}
              {onDismiss && (
                <Button appearance="subtle" onClick={onDismiss}>
                  Dismiss
                </Button>
              )}
            </Row>
          )}
        </SectionMessage>
      </div>
    );
  };
}
