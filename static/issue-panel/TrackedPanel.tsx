import { Heading } from '../shared/ui/Heading';
import { formatDay } from '../shared/format';
import { Column, Subtle } from '../shared/layout';
import { SectionMessage } from '../shared/ui/SectionMessage';
import { ApprovedSection } from './ApprovedSection';
import { HistoryList } from './HistoryList';
import { SubmissionSection } from './SubmissionSection';
import type { RunAction, Tracked } from './panel-types';

export function TrackedPanel({ view, run, busy }: { view: Tracked; run: RunAction; busy: boolean }) {
  return (
    <Column gap="space.150">
      <div>
        <Heading size="small" as="h2">
          <span data-testid="app-name-heading">{view.submission.appName}</span>
        </Heading>
        <Subtle>
          {view.issueKey} · today {view.today} ({view.timezone}){!view.viewer.canEdit && ' · read only'}
        </Subtle>
      </div>
      {view.failure && (
        <div data-testid="work-failure">
          <SectionMessage appearance="warning" title="The app cannot work on this ticket">
            Since {formatDay(view.failure.since)} (last tried {formatDay(view.failure.lastOn)}): {view.failure.reason}.
            It tries again every day; check the app&apos;s access to this ticket.
          </SectionMessage>
        </div>
      )}
      {view.approved ? <ApprovedSection view={view} approved={view.approved} run={run} busy={busy} /> : null}
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
