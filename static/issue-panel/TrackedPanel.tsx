import { Heading } from '../shared/ui/Heading';
import type { TicketView } from '../../src/contract';
import { Column, Subtle } from '../shared/layout';
import { ApprovedSection } from './ApprovedSection';
import { HistoryList } from './HistoryList';
import type { RunAction } from './IssuePanel';
import { SubmissionSection } from './SubmissionSection';

export type Tracked = Extract<TicketView, { tracked: true }>;

export function TrackedPanel({ view, run, busy }: { view: Tracked; run: RunAction; busy: boolean }) {
  return (
    <Column gap="space.150">
      <div>
        <Heading size="small" as="h2">
          <span data-testid="app-name-heading">{view.submission.appName}</span>
        </Heading>
        <Subtle>
          {view.issueKey} · today {view.today} ({view.timezone})
          {!view.viewer.canEdit && ' · read only'}
        </Subtle>
      </div>
      {view.approved ? (
        <ApprovedSection view={view} approved={view.approved} run={run} busy={busy} />
      ) : null}
      {view.approved ? (
        // Once approved, the review matters most; the submission's record stays one click away.
        <details data-testid="submission-details">
          <summary>Submission record ({view.submission.components.length} requirements)</summary>
          <SubmissionSection view={view} run={run} busy={busy} />
        </details>
      ) : (
        <SubmissionSection view={view} run={run} busy={busy} />
      )}
      <HistoryList history={view.history} />
    </Column>
  );
}
