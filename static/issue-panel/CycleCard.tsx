import { Lozenge } from '../shared/ui/Lozenge';
import { useWho } from './names';
import type { CycleView } from '../../src/contract';
import { countdown, formatDay, formatInstant } from '../shared/format';
import { OWNER_APPEARANCE, OWNER_LABEL, REVIEW_STATE_APPEARANCE, REVIEW_STATE_LABEL } from '../shared/labels';
import { Card, Column, Row, Subtle } from '../shared/layout';
import { AnswerView } from './AnswerView';
import { ChecksList } from './ChecksList';
import type { RunAction, Tracked } from './panel-types';

function DateLine({ label, day, days, testId }: { label: string; day: string; days: number; testId: string }) {
  return (
    <div data-testid={testId}>
      {label}: <strong>{formatDay(day)}</strong> <Subtle>({countdown(days)})</Subtle>
    </div>
  );
}

export function CycleCard({
  view,
  cycle,
  run,
  busy,
}: {
  view: Tracked;
  cycle: CycleView;
  run: RunAction;
  busy: boolean;
}) {
  const who = useWho();
  const open =
    cycle.state === 'notified' ||
    cycle.state === 'in-review' ||
    cycle.state === 'remediation' ||
    cycle.state === 'overdue';
  return (
    <Card testId="current-cycle" tone={cycle.state === 'overdue' ? 'danger' : undefined}>
      <Column gap="space.075">
        <Row gap="space.075">
          <span data-testid="cycle-state">
            <Lozenge appearance={REVIEW_STATE_APPEARANCE[cycle.state]} isBold>
              {REVIEW_STATE_LABEL[cycle.state]}
            </Lozenge>
          </span>
          <strong>{cycle.kind === 'escalation' ? 'Escalation review' : `Annual review ${cycle.year}`}</strong>
          <Subtle>since {formatInstant(cycle.stateSince)}</Subtle>
        </Row>
        <span data-testid="cycle-next-step">
          <Lozenge appearance={OWNER_APPEARANCE[cycle.nextStep]} isBold>
            {OWNER_LABEL[cycle.nextStep]}
          </Lozenge>
        </span>
        {cycle.concern && (
          <div data-testid="concern">
            Concern raised by {cycle.concern.source === 'customer' ? 'a customer' : 'Atlassian'} (
            {who(cycle.concern.raisedBy)}, {formatInstant(cycle.concern.at)}): <q>{cycle.concern.text}</q>
          </div>
        )}
        {cycle.kind === 'annual' && (
          <DateLine label="Notice" day={cycle.noticeOn} days={cycle.countdowns.noticeOn} testId="notice-date" />
        )}
        <div data-testid="review-window">
          Review window: <strong>{formatDay(cycle.windowStart)}</strong> – <strong>{formatDay(cycle.windowEnd)}</strong>{' '}
          <Subtle>
            (
            {cycle.countdowns.windowStart > 0
              ? `starts ${countdown(cycle.countdowns.windowStart)}`
              : cycle.countdowns.windowEnd >= 0
                ? `open, ends ${countdown(cycle.countdowns.windowEnd)}`
                : `ended ${countdown(cycle.countdowns.windowEnd)}`}
            )
          </Subtle>
        </div>
        <DateLine
          label="Remediation deadline"
          day={cycle.remediationDue}
          days={cycle.countdowns.remediationDue}
          testId="remediation-due"
        />
        {cycle.next && (
          <div data-testid="cycle-next">
            Next: {cycle.next.what} on {formatDay(cycle.next.on)}
          </div>
        )}
        {(open || cycle.answer) && <AnswerView view={view} cycle={cycle} run={run} busy={busy} />}
        {(open || cycle.state === 'passed') && <ChecksList view={view} cycle={cycle} run={run} busy={busy} />}
      </Column>
    </Card>
  );
}
