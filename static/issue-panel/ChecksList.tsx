import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { CheckView, CycleView } from '../../src/contract';
import { formatInstant } from '../shared/format';
import { Column, Subtle } from '../shared/layout';
import { Button, ButtonGroup } from '../shared/ui/Button';
import { Lozenge } from '../shared/ui/Lozenge';
import { TextInput } from '../shared/ui/TextInput';
import { useWho } from './names';
import type { RunAction, Tracked } from './panel-types';

const RESULT_APPEARANCE = { pending: 'default', passed: 'success', failed: 'removed' } as const;
const RESULT_LABEL = { pending: 'Pending', passed: 'Passed', failed: 'Failed' } as const;

export function ChecksList({
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
  const editable =
    view.viewer.canEdit && cycle.state !== 'passed' && cycle.state !== 'cancelled' && cycle.state !== 'scheduled';
  return (
    <div data-testid="checks">
      <Column gap="space.050">
        <strong>Checks</strong>
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {cycle.checks.map((check) => (
            <CheckRow
              key={check.id}
              check={check}
              issueKey={view.issueKey}
              cycleId={cycle.id}
              run={run}
              busy={busy}
              editable={editable}
            />
          ))}
        </ul>
      </Column>
    </div>
  );
}

/**
 * One check as one block that fits the sidebar: result, title and the Pass/Fail choice on the
 * first line; the note field only once the agent opens it; what was recorded beneath.
 */
function CheckRow(props: {
  check: CheckView;
  issueKey: string;
  cycleId: string;
  run: RunAction;
  busy: boolean;
  editable: boolean;
}) {
  const { check } = props;
  const who = useWho();
  const [note, setNote] = useState('');
  const [noting, setNoting] = useState(false);
  // A check with a result keeps it; a note added later is saved with the same result.
  const decided = check.result === 'pending' ? null : check.result;
  const record = async (result: 'passed' | 'failed') => {
    const ok = await props.run('recordCheck', {
      issueKey: props.issueKey,
      cycleId: props.cycleId,
      checkId: check.id,
      result,
      note: note.trim() || undefined,
    });
    if (ok) {
      setNote('');
      setNoting(false);
    }
  };
  return (
    <li
      data-testid={`check-${check.id}`}
      style={{ padding: `${token('space.075')} 0`, borderTop: `1px solid ${token('color.border')}` }}
    >
      <Column gap="space.050">
        <div style={{ display: 'flex', alignItems: 'center', gap: token('space.075') }}>
          <span data-testid="check-result" style={{ flex: '0 0 auto' }}>
            <Lozenge appearance={RESULT_APPEARANCE[check.result]}>{RESULT_LABEL[check.result]}</Lozenge>
          </span>
          <span title={check.description} style={{ flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere' }}>
            {check.title}
          </span>
          {props.editable && (
            <span style={{ flex: '0 0 auto' }}>
              <ButtonGroup label={`Result of ${check.title}`}>
                <Button
                  spacing="compact"
                  isSelected={check.result === 'passed'}
                  isDisabled={props.busy || check.result === 'passed'}
                  onClick={() => void record('passed')}
                  testId="check-pass"
                >
                  Pass
                </Button>
                <Button
                  spacing="compact"
                  isSelected={check.result === 'failed'}
                  isDisabled={props.busy || check.result === 'failed'}
                  onClick={() => void record('failed')}
                  testId="check-fail"
                >
                  Fail
                </Button>
              </ButtonGroup>
            </span>
          )}
        </div>
        {check.note && (
          <span data-testid="check-note" style={{ overflowWrap: 'anywhere' }}>
            {check.note}
          </span>
        )}
        {(check.by || (props.editable && !noting)) && (
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: token('space.100') }}>
            {check.by && (
              <Subtle>
                {check.result === 'failed' ? 'Failed' : check.result === 'passed' ? 'Passed' : 'Set'} by {who(check.by)}{' '}
                {formatInstant(check.at)}
              </Subtle>
            )}
            {props.editable && !noting && (
              <button type="button" className="cf-link" onClick={() => setNoting(true)} data-testid="check-add-note">
                {check.note ? 'New note' : 'Add a note'}
              </button>
            )}
          </div>
        )}
        {props.editable && noting && (
          <div style={{ display: 'flex', alignItems: 'center', gap: token('space.075') }}>
            <span style={{ flex: '1 1 auto', minWidth: 0 }}>
              <TextInput
                aria-label={`Note on ${check.title}`}
                placeholder={decided ? 'Note' : 'Note, saved with Pass or Fail'}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                isCompact
                testId="check-note-input"
              />
            </span>
            {decided && (
              <Button
                spacing="compact"
                isDisabled={props.busy || note.trim() === ''}
                onClick={() => void record(decided)}
                testId="check-save-note"
              >
                Save note
              </Button>
            )}
          </div>
        )}
      </Column>
    </li>
  );
}
