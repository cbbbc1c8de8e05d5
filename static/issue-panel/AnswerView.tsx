import { router } from '@forge/bridge';
import { Button } from '../shared/ui/Button';
import { Lozenge } from '../shared/ui/Lozenge';
import { TextInput } from '../shared/ui/TextInput';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { useWho } from './names';
import type { CycleView } from '../../src/contract';
import { formatInstant } from '../shared/format';
import { Column, Row, Subtle } from '../shared/layout';
import type { RunAction, Tracked } from './panel-types';

const SOURCE_LABEL = { reply: 'from a reply', form: 'from the form', agent: 'set by an agent' } as const;

export function commentLink(issueKey: string, commentId: string): string {
  return `/browse/${encodeURIComponent(issueKey)}?focusedCommentId=${encodeURIComponent(commentId)}`;
}

export function AnswerView({
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
  const answer = cycle.answer;
  const [correcting, setCorrecting] = useState(false);
  const titles = new Map(view.changeCategories.map((c) => [c.id, c.title]));
  return (
    <div data-testid="answer">
      <Column gap="space.050">
        <strong>Significant change</strong>
        {!answer && <span data-testid="answer-none">No answer from the partner yet.</span>}
        {answer && (
          <>
            <Row gap="space.075">
              <span data-testid="answer-value">
                <Lozenge
                  appearance={answer.value === 'UNCLEAR' ? 'moved' : answer.value === 'YES' ? 'new' : 'success'}
                  isBold
                >
                  {answer.value}
                </Lozenge>
              </span>
              <Subtle>
                {SOURCE_LABEL[answer.source]}, {who(answer.by)} {formatInstant(answer.at)}
              </Subtle>
            </Row>
            {answer.commentId && (
              <a
                data-testid="evidence-link"
                href={commentLink(view.issueKey, answer.commentId)}
                onClick={(e) => {
                  e.preventDefault();
                  void router.navigate(commentLink(view.issueKey, answer.commentId as string)).catch(() => undefined);
                }}
              >
                See the partner's comment
              </a>
            )}
            {answer.categories.length > 0 && (
              <ul data-testid="answer-categories" style={{ margin: 0, paddingLeft: token('space.200') }}>
                {answer.categories.map((id) => {
                  const detail = answer.details?.find((d) => d.categoryId === id);
                  return (
                    <li key={id} data-testid="answer-category">
                      <strong>{titles.get(id) ?? id}</strong>
                      {detail && (
                        <dl data-testid="answer-detail" style={{ margin: 0 }}>
                          <dt>What changed</dt>
                          <dd style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                            {detail.whatChanged || 'Not said'}
                          </dd>
                          <dt>How it affects security or reliability</dt>
                          <dd style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                            {detail.effect || 'Not said'}
                          </dd>
                          <dt>Listing and Privacy &amp; Security tab updated</dt>
                          <dd style={{ margin: 0 }}>
                            {detail.listingUpdated === undefined ? 'Not said' : detail.listingUpdated ? 'Yes' : 'No'}
                          </dd>
                        </dl>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {answer.reason && <Subtle>{answer.reason}</Subtle>}
            {answer.text !== undefined && (
              <blockquote
                data-testid="answer-text"
                style={{
                  margin: 0,
                  padding: token('space.075'),
                  whiteSpace: 'pre-wrap',
                  overflowWrap: 'anywhere',
                  maxHeight: '12em',
                  overflow: 'auto',
                  background:
                    answer.value === 'UNCLEAR' ? token('color.background.warning') : token('color.background.neutral'),
                  color: answer.value === 'UNCLEAR' ? token('color.text.warning') : token('color.text'),
                  borderLeft: `3px solid ${answer.value === 'UNCLEAR' ? token('color.border.warning') : token('color.border')}`,
                }}
              >
                {answer.value === 'UNCLEAR' && (
                  <strong style={{ display: 'block' }}>Unclear reply: read it and set the answer.</strong>
                )}
                {answer.text}
              </blockquote>
            )}
          </>
        )}
        {view.viewer.canEdit &&
          (correcting ? (
            <AnswerForm view={view} cycle={cycle} run={run} busy={busy} onDone={() => setCorrecting(false)} />
          ) : (
            <div>
              <Button spacing="compact" isDisabled={busy} onClick={() => setCorrecting(true)} testId="correct-answer">
                {answer ? 'Correct the answer' : 'Set the answer'}
              </Button>
            </div>
          ))}
      </Column>
    </div>
  );
}

function AnswerForm({
  view,
  cycle,
  run,
  busy,
  onDone,
}: {
  view: Tracked;
  cycle: CycleView;
  run: RunAction;
  busy: boolean;
  onDone: () => void;
}) {
  // Nothing is chosen for the agent: a correction is a decision, not a default.
  const [value, setValue] = useState<'YES' | 'NO' | null>(null);
  const [categories, setCategories] = useState<string[]>(cycle.answer?.categories ?? []);
  const [note, setNote] = useState('');
  const submit = async () => {
    if (value === null) return;
    const ok = await run('setAnswer', {
      issueKey: view.issueKey,
      cycleId: cycle.id,
      value,
      categories: value === 'YES' ? categories : [],
      note: note.trim() || undefined,
    });
    if (ok) onDone();
  };
  return (
    <form
      data-testid="answer-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Column gap="space.075">
        <Row gap="space.150">
          {(['NO', 'YES'] as const).map((v) => (
            <label key={v}>
              <input
                type="radio"
                name="answer"
                value={v}
                checked={value === v}
                onChange={() => setValue(v)}
                data-testid={`answer-${v}`}
              />{' '}
              {v}
            </label>
          ))}
        </Row>
        {value === 'YES' && (
          <fieldset style={{ border: 'none', margin: 0, padding: 0 }}>
            <legend>What changed</legend>
            {view.changeCategories.map((c) => (
              <label key={c.id} style={{ display: 'block' }}>
                <input
                  type="checkbox"
                  checked={categories.includes(c.id)}
                  onChange={(e) =>
                    setCategories((list) => (e.target.checked ? [...list, c.id] : list.filter((x) => x !== c.id)))
                  }
                />{' '}
                {c.title}
              </label>
            ))}
          </fieldset>
        )}
        <TextInput
          aria-label="Note on the answer"
          placeholder="Note (optional)"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          isCompact
          testId="answer-note"
        />
        <Row gap="space.075">
          <Button
            type="submit"
            appearance="primary"
            spacing="compact"
            isDisabled={busy || value === null}
            testId="save-answer"
          >
            Save answer
          </Button>
          <Button spacing="compact" appearance="subtle" onClick={onDone}>
            Cancel
          </Button>
        </Row>
      </Column>
    </form>
  );
}
