import { Button } from '../shared/ui/Button';
import { Lozenge } from '../shared/ui/Lozenge';
import { TextInput } from '../shared/ui/TextInput';
import { useState } from 'react';
import type { SubmissionView } from '../../src/contract';
import { dayOf, formatInstant } from '../shared/format';
import { OWNER_APPEARANCE, OWNER_LABEL, STAGE_LABEL } from '../shared/labels';
import { Column, Row, SectionTitle, Subtle } from '../shared/layout';
import { ComponentList, soakText } from './ComponentList';
import { StageTracker } from './StageTracker';
import type { RunAction, Tracked } from './panel-types';

export function SubmissionSection({ view, run, busy }: { view: Tracked; run: RunAction; busy: boolean }) {
  const s: SubmissionView = view.submission;
  const closed = s.stage === 'declined' || s.stage === 'withdrawn';
  const soakEnds = s.components.filter((c) => c.status === 'soaking' && c.soakUntil);
  return (
    <section data-testid="submission" aria-label="Submission">
      <SectionTitle>Submission</SectionTitle>
      <Column>
        <StageTracker stage={s.stage} />
        <Row>
          <span data-testid="stage">
            Stage: <strong>{STAGE_LABEL[s.stage]}</strong>
          </span>
          {closed && <Lozenge appearance="removed">{STAGE_LABEL[s.stage]}</Lozenge>}
        </Row>
        <Row>
          <span data-testid="next-step">
            <Lozenge appearance={OWNER_APPEARANCE[s.nextStep]} isBold>
              {OWNER_LABEL[s.nextStep]}
            </Lozenge>
          </span>
          <Subtle>since {formatInstant(s.stageSince) || dayOf(s.stageSince)}</Subtle>
        </Row>
        {s.jiraStatus && <Subtle>Jira status: {s.jiraStatus}</Subtle>}
        {soakEnds.length > 0 && (
          <div data-testid="soak-ends">
            {soakEnds.map((c) => (
              <div key={c.id}>{soakText(c)}</div>
            ))}
          </div>
        )}
        {view.viewer.canEdit && <StageActions view={view} run={run} busy={busy} />}
        <ComponentList view={view} run={run} busy={busy} />
      </Column>
    </section>
  );
}

function StageActions({ view, run, busy }: { view: Tracked; run: RunAction; busy: boolean }) {
  const s = view.submission;
  const [note, setNote] = useState('');
  const moves = s.allowedStages.filter((stage) => stage !== 'approved' && stage !== s.stage);
  if (s.stage === 'approved') return null;
  const noteOrNothing = note.trim() ? note.trim() : undefined;
  return (
    <div data-testid="stage-actions">
      <Column gap="space.075">
        {moves.length > 0 && (
          <>
            <TextInput
              aria-label="Note for the stage change"
              placeholder="Note (optional)"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              testId="stage-note"
              isCompact
            />
            <Row gap="space.075">
              {moves.map((stage) => (
                <Button
                  key={stage}
                  isDisabled={busy}
                  testId={`move-${stage}`}
                  onClick={() => {
                    void run('moveStage', { issueKey: view.issueKey, stage, note: noteOrNothing }).then((ok) => {
                      if (ok) setNote('');
                    });
                  }}
                >
                  Move to {STAGE_LABEL[stage]}
                </Button>
              ))}
            </Row>
          </>
        )}
        {s.canApprove ? (
          <div>
            <Button
              appearance="primary"
              isDisabled={busy}
              testId="approve"
              onClick={() => void run('approve', { issueKey: view.issueKey })}
            >
              Approve
            </Button>
          </div>
        ) : (
          s.approveBlockedBy && (
            <Subtle testId="approve-blocked">Approval not possible yet: {s.approveBlockedBy}</Subtle>
          )
        )}
      </Column>
    </div>
  );
}
