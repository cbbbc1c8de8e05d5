import { SectionMessage } from './ui/SectionMessage';
import { Spinner } from './ui/Spinner';
import { Button } from './ui/Button';
import type { ApiError } from '../../src/contract';
import { Row } from './layout';

export function Loading({ what }: { what: string }) {
  return (
    <Row>
      <Spinner label={`Loading ${what}`} />
      <span>Loading {what}…</span>
    </Row>
  );
}

const ADVICE: Partial<Record<ApiError['code'], string>> = {
  forbidden: 'Ask a Jira administrator for permission on this ticket.',
  conflict: 'Someone else changed this at the same time. The latest state is shown; try again.',
  'jira-unavailable': 'Jira did not answer. Wait a moment and retry.',
  internal: 'Retry; if it persists, tell your Jira administrator.',
};

/** An error that says what happened and what to do; `onRetry` offers the way out. */
export function ErrorMessage({ error, onRetry, onDismiss }: { error: ApiError; onRetry?: () => void; onDismiss?: () => void }) {
  const advice = ADVICE[error.code];
  return (
    <div data-testid="error-message" role="alert">
      <SectionMessage appearance={error.code === 'invalid' || error.code === 'not-allowed' ? 'warning' : 'error'}>
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
}
