import { useEffect, useState, type CSSProperties } from 'react';
import type { ApiError, PartnerReview, PartnerView, PortalCategoryAnswer, PortalView } from '../../src/contract';
import { formatDay } from '../shared/format';
import { REVIEW_STATE_LABEL } from '../shared/labels';
import { portalCall } from './portal-call';

const box: CSSProperties = {
  border: '1px solid var(--ds-border, #dcdfe4)',
  borderRadius: 6,
  padding: 12,
  margin: '8px 0',
};
const subtle: CSSProperties = { color: 'var(--ds-text-subtle, #44546f)', fontSize: 12 };
const page: CSSProperties = {
  fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif',
  fontSize: 14,
  color: 'var(--ds-text, #172b4d)',
  padding: 8,
};

export function PortalPanel() {
  const [state, setState] = useState<PortalView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void portalCall('getPortalView', {}).then((r) => (r.ok ? setState(r.data) : setError(r.error)));
  }, []);
  if (error)
    return (
      <div style={page} role="alert" data-testid="portal-error">
        {error.message}
      </div>
    );
  if (!state)
    return (
      <div style={page} data-testid="portal-loading">
        Loading…
      </div>
    );
  if (!state.tracked)
    return (
      <div style={page} data-testid="portal-untracked">
        This request is not part of the Cloud Fortified program yet.
      </div>
    );
  return (
    <div style={page} data-testid="portal-panel">
      <Overview view={state.view} />
      {state.view.review && <AnswerSection review={state.view.review} view={state.view} onSaved={setState} />}
    </div>
  );
}

function Overview({ view }: { view: PartnerView }) {
  const review = view.review;
  if (!review) {
    return (
      <div style={box}>
        <strong>{view.appName}</strong>
        <p data-testid="portal-whose-move">{view.submission?.whoseMove}</p>
      </div>
    );
  }
  const zone = ` (${view.timezone})`;
  return (
    <div style={box}>
      <strong>
        {review.kind === 'escalation' ? 'Extra review' : `Annual review ${review.year}`} of {view.appName}
      </strong>{' '}
      <span style={subtle} data-testid="portal-state">
        {REVIEW_STATE_LABEL[review.state]}
      </span>
      {review.concern && (
        <p>
          A concern was raised about the app’s compliance with the program, so it has an extra review with the same
          checks.
        </p>
      )}
      <p data-testid="portal-whose-move">{review.whoseMove}</p>
      <ul data-testid="portal-dates" style={{ margin: 0, paddingLeft: 18 }}>
        <li>
          Significant-change question sent: {formatDay(review.dates.noticeOn)}
          {zone}
        </li>
        <li>
          Review window: {formatDay(review.dates.windowStart)} to {formatDay(review.dates.windowEnd)}
          {zone}
        </li>
        <li>
          Issues to be resolved by: {formatDay(review.dates.remediationDue)}
          {zone}
        </li>
      </ul>
      {review.failed.length > 0 && (
        <div data-testid="portal-failed">
          <p>
            <strong>
              {review.state === 'overdue'
                ? 'Requirements still failing after the deadline of'
                : 'Requirements to resolve by'}{' '}
              {formatDay(review.remediationDue ?? review.dates.remediationDue)}
              {zone}:
            </strong>
          </p>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {review.failed.map((f) => (
              <li key={f.id}>
                {f.title}: {f.description}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

type Draft = Record<string, PortalCategoryAnswer>;

function AnswerSection({
  review,
  view,
  onSaved,
}: {
  review: PartnerReview;
  view: PartnerView;
  onSaved: (v: PortalView) => void;
}) {
  const [value, setValue] = useState<'YES' | 'NO' | null>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const titles = new Map(view.changeCategories.map((c) => [c.id, c.title]));
  const answer = review.answer;

  const toggle = (id: string, on: boolean) =>
    setDraft((d) => {
      const next = { ...d };
      if (on) next[id] = { id, whatChanged: '', effect: '', listingUpdated: false };
      else delete next[id];
      return next;
    });
  const edit = (id: string, change: Partial<PortalCategoryAnswer>) =>
    setDraft((d) => ({ ...d, [id]: { ...(d[id] as PortalCategoryAnswer), ...change } }));

  const submit = async () => {
    if (!value) return;
    setBusy(true);
    setMessage(null);
    const categories = value === 'YES' ? Object.values(draft) : [];
    const r = await portalCall('answerOnPortal', { cycleId: review.id, value, categories });
    setBusy(false);
    if (r.ok) {
      onSaved(r.data);
      setMessage('Thank you: your answer is recorded.');
    } else setMessage(r.error.message);
  };

  return (
    <div style={box} data-testid="portal-answer">
      <strong>Significant change</strong>
      {answer ? (
        <p data-testid="portal-answer-recorded">
          Your answer: <strong>{answer.value}</strong>
          {answer.categories.length > 0 && ` (${answer.categories.map((id) => titles.get(id) ?? id).join('; ')})`}
        </p>
      ) : (
        <p>No answer recorded yet.</p>
      )}
      {message && (
        <p role="status" data-testid="portal-message">
          {message}
        </p>
      )}
      {review.canAnswer && (
        <fieldset style={{ border: 'none', padding: 0, margin: 0 }} disabled={busy}>
          <legend>Has the app had any significant change since its last review?</legend>
          <label style={{ marginRight: 12 }}>
            <input
              type="radio"
              name="answer"
              data-testid="portal-yes"
              checked={value === 'YES'}
              onChange={() => setValue('YES')}
            />{' '}
            YES
          </label>
          <label>
            <input
              type="radio"
              name="answer"
              data-testid="portal-no"
              checked={value === 'NO'}
              onChange={() => setValue('NO')}
            />{' '}
            NO
          </label>
          {value === 'YES' &&
            view.changeCategories.map((c) => {
              const ticked = draft[c.id];
              return (
                <div key={c.id} style={{ margin: '8px 0' }} data-testid={`portal-category-${c.id}`}>
                  <label>
                    <input
                      type="checkbox"
                      data-testid="portal-category-tick"
                      checked={ticked !== undefined}
                      onChange={(e) => toggle(c.id, e.target.checked)}
                    />{' '}
                    {c.title}
                  </label>
                  {c.examples.length > 0 && <div style={subtle}>For example: {c.examples.join('; ')}</div>}
                  {ticked && (
                    <div style={{ display: 'grid', gap: 4, marginTop: 4 }}>
                      <textarea
                        aria-label="What changed"
                        placeholder="What changed"
                        data-testid="portal-what-changed"
                        rows={2}
                        value={ticked.whatChanged}
                        onChange={(e) => edit(c.id, { whatChanged: e.target.value })}
                      />
                      <textarea
                        aria-label="How it affects security or reliability"
                        placeholder="How it affects security or reliability"
                        data-testid="portal-effect"
                        rows={2}
                        value={ticked.effect}
                        onChange={(e) => edit(c.id, { effect: e.target.value })}
                      />
                      <label>
                        <input
                          type="checkbox"
                          data-testid="portal-listing-updated"
                          checked={ticked.listingUpdated}
                          onChange={(e) => edit(c.id, { listingUpdated: e.target.checked })}
                        />{' '}
                        The Marketplace listing and the Privacy &amp; Security tab are updated
                      </label>
                    </div>
                  )}
                </div>
              );
            })}
          <div style={{ marginTop: 8 }}>
            <button type="button" data-testid="portal-submit" disabled={!value || busy} onClick={() => void submit()}>
              Send answer
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
