import { Lozenge } from '../shared/ui/Lozenge';
import type { ApprovedView, CycleView } from '../../src/contract';
import { formatDay } from '../shared/format';
import { Column, Row, SectionTitle, Subtle } from '../shared/layout';
import { CycleCard } from './CycleCard';
import { EscalationForm, OpenEscalations } from './EscalationForm';
import { NotOpenedReview } from './NotOpenedReview';
import { REVIEW_STATE_APPEARANCE, REVIEW_STATE_LABEL } from '../shared/labels';
import type { RunAction, Tracked } from './panel-types';

export function ApprovedSection({
  view,
  approved,
  run,
  busy,
}: {
  view: Tracked;
  approved: ApprovedView;
  run: RunAction;
  busy: boolean;
}) {
  return (
    <section data-testid="approved" aria-label="Annual review">
      <SectionTitle>Annual review</SectionTitle>
      <Column>
        <Row>
          <Lozenge appearance="success" isBold>
            Approved
          </Lozenge>
          <span data-testid="approved-on">on {formatDay(approved.approvedOn)}</span>
          {approved.imported && <Subtle>(imported)</Subtle>}
        </Row>
        <OpenEscalations cycles={[...(approved.current ? [approved.current] : []), ...approved.upcoming]} />
        {approved.current ? (
          <CycleCard view={view} cycle={approved.current} run={run} busy={busy} />
        ) : (
          <Subtle>No review is scheduled.</Subtle>
        )}
        {approved.past
          .filter((c) => c.state === 'not-opened')
          .map((c) => (
            <NotOpenedReview key={c.id} view={view} cycle={c} run={run} busy={busy} />
          ))}
        {view.viewer.canEdit && <EscalationForm issueKey={view.issueKey} run={run} busy={busy} />}
        <CycleList testId="upcoming-cycles" title="Next reviews" cycles={approved.upcoming} />
        <CycleList testId="past-cycles" title="Past reviews" cycles={approved.past} />
      </Column>
    </section>
  );
}

/** Reviews other than the current one, folded: one line each. */
function CycleList({ testId, title, cycles }: { testId: string; title: string; cycles: CycleView[] }) {
  if (cycles.length === 0) return null;
  return (
    <details data-testid={testId}>
      <summary>
        {title} ({cycles.length})
      </summary>
      <Column gap="space.050">
        {cycles.map((c) => (
          <Row key={c.id} gap="space.075">
            <Lozenge appearance={REVIEW_STATE_APPEARANCE[c.state]}>{REVIEW_STATE_LABEL[c.state]}</Lozenge>
            <span>
              {c.kind === 'escalation' ? 'Escalation' : `Review ${c.year}`}: {formatDay(c.windowStart)} –{' '}
              {formatDay(c.windowEnd)}
              {c.answer ? ` · answer ${c.answer.value}` : ''}
            </span>
          </Row>
        ))}
      </Column>
    </details>
  );
}
