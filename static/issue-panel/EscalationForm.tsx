import { Button } from '../shared/ui/Button';
import { TextArea } from '../shared/ui/TextInput';
import { useState } from 'react';
import { Card, Column, NativeSelect, Row, Subtle } from '../shared/layout';
import type { CycleView } from '../../src/contract';
import { countdown, formatDay, formatInstant } from '../shared/format';
import { useWho } from './names';
import type { RunAction } from './panel-types';

/** A concern about the app's compliance opens an extra review with the same checks. */
export function EscalationForm({ issueKey, run, busy }: { issueKey: string; run: RunAction; busy: boolean }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [source, setSource] = useState<'atlassian' | 'customer'>('atlassian');
  if (!open) {
    return (
      <div>
        <Button
          spacing="compact"
          appearance="subtle"
          isDisabled={busy}
          onClick={() => setOpen(true)}
          testId="raise-escalation"
        >
          Raise an escalation
        </Button>
      </div>
    );
  }
  return (
    <form
      data-testid="escalation-form"
      onSubmit={(e) => {
        e.preventDefault();
        void (async () => {
          if (!text.trim()) return;
          if (await run('raiseEscalation', { issueKey, text: text.trim(), source })) {
            setText('');
            setOpen(false);
          }
        })();
      }}
    >
      <Column gap="space.075">
        <TextArea
          aria-label="The concern"
          placeholder="What is the concern about the app's compliance?"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          minimumRows={3}
          testId="escalation-text"
        />
        <NativeSelect
          label="Raised by"
          value={source}
          options={[
            { value: 'atlassian', label: 'Raised by Atlassian' },
            { value: 'customer', label: 'Raised by a customer' },
          ]}
          onChange={setSource}
        />
        <Row gap="space.075">
          <Button
            type="submit"
            appearance="warning"
            spacing="compact"
            isDisabled={busy || !text.trim()}
            testId="submit-escalation"
          >
            Open an escalation review
          </Button>
          <Button spacing="compact" appearance="subtle" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </Row>
      </Column>
    </form>
  );
}

const OPEN_STATES: readonly CycleView['state'][] = ['notified', 'in-review', 'remediation', 'overdue'];

/**
 * Every open escalation, shown to the agent apart from the annual review it may run beside: what
 * the concern is, who raised it, the checks concerned and the deadline.
 */
export function OpenEscalations({ cycles }: { cycles: CycleView[] }) {
  const who = useWho();
  const open = cycles.filter((c) => c.kind === 'escalation' && c.concern && OPEN_STATES.includes(c.state));
  return (
    <>
      {open.map((cycle) => (
        <Card key={cycle.id} testId="open-escalation" tone="warning">
          <Column gap="space.050">
            <strong>Open escalation</strong>
            <div data-testid="escalation-concern">
              Concern: <q>{cycle.concern!.text}</q>
            </div>
            <div data-testid="escalation-raised-by">
              Raised by {cycle.concern!.source === 'customer' ? 'a customer' : 'Atlassian'}{' '}
              <Subtle>
                ({who(cycle.concern!.raisedBy)}, {formatInstant(cycle.concern!.at)})
              </Subtle>
            </div>
            <div data-testid="escalation-checks">
              Checks concerned: {cycle.checks.map((c) => `${c.title} (${c.result})`).join(', ')}
            </div>
            <div data-testid="escalation-deadline">
              Issues to be resolved by <strong>{formatDay(cycle.remediationDue)}</strong>{' '}
              <Subtle>({countdown(cycle.countdowns.remediationDue)})</Subtle>
            </div>
          </Column>
        </Card>
      ))}
    </>
  );
}
