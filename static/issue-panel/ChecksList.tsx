import { Button } from '../shared/ui/Button';
import { Lozenge } from '../shared/ui/Lozenge';
import { TextInput } from '../shared/ui/TextInput';
import { useState } from 'react';
import type { CheckView, CycleView } from '../../src/contract';
import { formatInstant, who } from '../shared/format';
import { Column, Row, Subtle } from '../shared/layout';
import type { RunAction } from './IssuePanel';
import type { Tracked } from './TrackedPanel';

const RESULT_APPEARANCE = { pending: 'default', passed: 'success', failed: 'removed' } as const;
const RESULT_LABEL = { pending: 'Pending', passed: 'Passed', failed: 'Failed' } as const;

export function ChecksList({ view, cycle, run, busy }: { view: Tracked; cycle: CycleView; run: RunAction; busy: boolean }) {
  const editable = view.viewer.canEdit && cycle.state !== 'passed' && cycle.state !== 'cancelled' && cycle.state !== 'scheduled';
  return (
    <div data-testid="checks">
      <Column gap="space.075">
        <strong>Checks</strong>
        {cycle.checks.map((check) => (
          <CheckRow key={check.id} check={check} issueKey={view.issueKey} cycleId={cycle.id} run={run} busy={busy} editable={editable} />
        ))}
      </Column>
    </div>
  );
}

function CheckRow(props: { check: CheckView; issueKey: string; cycleId: string; run: RunAction; busy: boolean; editable: boolean }) {
  const { check } = props;
  const [note, setNote] = useState('');
  const record = async (result: 'passed' | 'failed') => {
    const ok = await props.run('recordCheck', {
      issueKey: props.issueKey,
      cycleId: props.cycleId,
      checkId: check.id,
      result,
      note: note.trim() || undefined,
    });
    if (ok) setNote('');
  };
  return (
    <div data-testid={`check-${check.id}`}>
      <Column gap="space.050">
        <Row gap="space.075">
          <span data-testid="check-result">
            <Lozenge appearance={RESULT_APPEARANCE[check.result]}>{RESULT_LABEL[check.result]}</Lozenge>
          </span>
          <span title={check.description}>{check.title}</span>
        </Row>
        {check.note && <span data-testid="check-note">Note: {check.note}</span>}
        {check.by && (
          <Subtle>
            {who(check.by)} {formatInstant(check.at)}
          </Subtle>
        )}
        {props.editable && (
          <Row gap="space.075">
            <TextInput aria-label={`Note on ${check.title}`} placeholder="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} isCompact width="medium" testId="check-note-input" />
            <Button spacing="compact" isDisabled={props.busy || check.result === 'passed'} onClick={() => void record('passed')} testId="check-pass">
              Pass
            </Button>
            <Button spacing="compact" isDisabled={props.busy || check.result === 'failed'} onClick={() => void record('failed')} testId="check-fail">
              Fail
            </Button>
          </Row>
        )}
      </Column>
    </div>
  );
}
