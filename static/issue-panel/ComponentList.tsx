import { Button } from '../shared/ui/Button';
import { Lozenge } from '../shared/ui/Lozenge';
import { TextInput } from '../shared/ui/TextInput';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { useWho } from './names';
import type { ComponentStatus, ComponentView } from '../../src/contract';
import { countdown, formatDay, formatInstant } from '../shared/format';
import { COMPONENT_STATUS_APPEARANCE, COMPONENT_STATUS_LABEL } from '../shared/labels';
import { Card, Column, NativeSelect, Row, Subtle } from '../shared/layout';
import type { RunAction, Tracked } from './panel-types';

const AREA_LABEL: Record<ComponentView['area'], string> = {
  security: 'Security',
  reliability: 'Reliability',
  support: 'Support',
};

export function ComponentList({ view, run, busy }: { view: Tracked; run: RunAction; busy: boolean }) {
  const editable = view.viewer.canEdit && view.submission.stage !== 'approved';
  return (
    <div data-testid="components">
      <Column gap="space.075">
        <strong>Requirements</strong>
        {view.submission.components.length === 0 && <Subtle>The program has no requirement components.</Subtle>}
        {view.submission.components.map((c) => (
          <ComponentRow
            key={c.id}
            component={c}
            issueKey={view.issueKey}
            today={view.today}
            run={run}
            busy={busy}
            editable={editable}
          />
        ))}
      </Column>
    </div>
  );
}

function ComponentRow(props: {
  component: ComponentView;
  issueKey: string;
  today: string;
  run: RunAction;
  busy: boolean;
  editable: boolean;
}) {
  const c = props.component;
  const who = useWho();
  const [editing, setEditing] = useState(false);
  return (
    <Card testId={`component-${c.id}`}>
      <Column gap="space.050">
        <Row gap="space.075">
          <span data-testid="component-status">
            <Lozenge appearance={COMPONENT_STATUS_APPEARANCE[c.status]}>{COMPONENT_STATUS_LABEL[c.status]}</Lozenge>
          </span>
          <span style={{ fontWeight: token('font.weight.medium', '500') }}>{c.title}</span>
        </Row>
        <Subtle>{AREA_LABEL[c.area]}</Subtle>
        {c.status === 'soaking' && c.soakUntil && <span data-testid="soak-until">{soakText(c)}</span>}
        {c.status === 'waived' && c.waiverReason && <span>Waived: {c.waiverReason}</span>}
        {c.note && <span data-testid="component-note">Note: {c.note}</span>}
        {c.by && (
          <Subtle>
            Set by {who(c.by)} {formatInstant(c.at)}
          </Subtle>
        )}
        {props.editable && !editing && (
          <div>
            <Button
              spacing="compact"
              appearance="subtle"
              isDisabled={props.busy}
              onClick={() => setEditing(true)}
              testId={`edit-${c.id}`}
            >
              Change status
            </Button>
          </div>
        )}
        {props.editable && editing && <ComponentEditor {...props} onDone={() => setEditing(false)} />}
      </Column>
    </Card>
  );
}

const STATUSES = Object.keys(COMPONENT_STATUS_LABEL) as ComponentStatus[];

function ComponentEditor(props: {
  component: ComponentView;
  issueKey: string;
  today: string;
  run: RunAction;
  busy: boolean;
  onDone: () => void;
}) {
  const c = props.component;
  const [status, setStatus] = useState<ComponentStatus>(c.status);
  const [note, setNote] = useState('');
  const [soakUntil, setSoakUntil] = useState(c.soakUntil ?? '');
  const [waiverReason, setWaiverReason] = useState(c.waiverReason ?? '');
  const missing =
    status === 'soaking' && !/^\d{4}-\d{2}-\d{2}$/.test(soakUntil)
      ? 'Give the day the soak ends.'
      : status === 'waived' && !waiverReason.trim()
        ? 'Give the reason for the waiver.'
        : null;
  return (
    <form
      data-testid={`editor-${c.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void (async () => {
          if (missing) return;
          const ok = await props.run('setComponentStatus', {
            issueKey: props.issueKey,
            componentId: c.id,
            status,
            note: note.trim() || undefined,
            soakUntil: status === 'soaking' ? soakUntil : undefined,
            waiverReason: status === 'waived' ? waiverReason.trim() : undefined,
          });
          if (ok) props.onDone();
        })();
      }}
    >
      <Column gap="space.075">
        <NativeSelect
          label={`Status of ${c.title}`}
          testId="component-status-select"
          value={status}
          options={STATUSES.map((s) => ({ value: s, label: COMPONENT_STATUS_LABEL[s] }))}
          onChange={setStatus}
        />
        {status === 'soaking' && (
          <label>
            Soak ends on{' '}
            <input
              type="date"
              data-testid="soak-until-input"
              value={soakUntil}
              min={props.today}
              onChange={(e) => setSoakUntil(e.target.value)}
              style={{
                color: token('color.text'),
                background: token('color.background.input'),
                border: `1px solid ${token('color.border.input')}`,
              }}
            />
          </label>
        )}
        {status === 'waived' && (
          <TextInput
            aria-label="Waiver reason"
            placeholder="Reason for the waiver"
            value={waiverReason}
            onChange={(e) => setWaiverReason(e.currentTarget.value)}
            testId="waiver-reason"
            isCompact
          />
        )}
        <TextInput
          aria-label="Note"
          placeholder="Note (optional)"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          testId="component-note-input"
          isCompact
        />
        {missing && <Subtle>{missing}</Subtle>}
        <Row gap="space.075">
          <Button
            type="submit"
            appearance="primary"
            spacing="compact"
            isDisabled={props.busy || missing !== null}
            testId="save-component"
          >
            Save
          </Button>
          <Button spacing="compact" appearance="subtle" onClick={props.onDone}>
            Cancel
          </Button>
        </Row>
      </Column>
    </form>
  );
}

/** A soak's line: its end to come, or that it has ended and the requirement is ready to verify. */
export function soakText(c: { title?: string; soakUntil?: string; soakDaysLeft?: number }): string {
  const day = formatDay(c.soakUntil);
  const when = countdown(c.soakDaysLeft);
  const ended = c.soakDaysLeft !== undefined && c.soakDaysLeft <= 0;
  const text = ended ? `Soak ended ${day} (${when}): ready to verify` : `Soaks until ${day} (${when})`;
  return c.title ? `${c.title}: ${text[0]!.toLowerCase()}${text.slice(1)}` : text;
}
