import { Button } from '../shared/ui/Button';
import { TextArea } from '../shared/ui/TextInput';
import { useState } from 'react';
import { Column, NativeSelect, Row } from '../shared/layout';
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
