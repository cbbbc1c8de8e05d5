import { useCallback, useEffect, useState } from 'react';
import type { ApiError, TicketView } from '../../src/contract';
import { call } from '../shared/call';
import { pageStyle } from '../shared/layout';
import { ErrorMessage, Loading } from '../shared/states';
import { accountIdsOf } from './account-ids';
import { currentIssueKey } from './issue-context';
import { NamesProvider } from './names';
import { TrackedPanel } from './TrackedPanel';
import { UntrackedPanel } from './UntrackedPanel';
import type { RunAction } from './panel-types';

type Load = { status: 'loading' } | { status: 'failed'; error: ApiError } | { status: 'ready'; view: TicketView };

export function IssuePanel() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const fetchState = useCallback(async () => {
    setLoad({ status: 'loading' });
    const issueKey = await currentIssueKey().catch(() => null);
    if (!issueKey) {
      setLoad({
        status: 'failed',
        error: { code: 'not-found', message: 'This panel could not tell which ticket it is on. Reload the ticket.' },
      });
      return;
    }
    const answer = await call('getTicketState', { issueKey });
    setLoad(answer.ok ? { status: 'ready', view: answer.data } : { status: 'failed', error: answer.error });
  }, []);

  useEffect(() => {
    void fetchState();
  }, [fetchState]);

  const run: RunAction = useCallback(async (key, payload) => {
    setBusy(true);
    setActionError(null);
    try {
      const answer = await call(key, payload);
      if (answer.ok) {
        setLoad({ status: 'ready', view: answer.data });
        return true;
      }
      setActionError(answer.error);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return (
    <div style={pageStyle} data-testid="issue-panel" aria-busy={busy || load.status === 'loading'}>
      {load.status === 'loading' && <Loading what="the submission" />}
      {load.status === 'failed' && <ErrorMessage error={load.error} onRetry={() => void fetchState()} />}
      {actionError && <ErrorMessage error={actionError} onDismiss={() => setActionError(null)} />}
      {load.status === 'ready' &&
        (load.view.tracked ? (
          <NamesProvider accountIds={accountIdsOf(load.view)}>
            <TrackedPanel view={load.view} run={run} busy={busy} />
          </NamesProvider>
        ) : (
          <UntrackedPanel view={load.view} run={run} busy={busy} />
        ))}
    </div>
  );
}
