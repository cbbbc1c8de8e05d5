import { token } from '@atlaskit/tokens';
import type { Stage } from '../../src/contract';
import { STAGE_LABEL, STAGE_PATH } from '../shared/labels';

/**
 * Where the submission is on its usual path, narrow enough for the issue sidebar: one segment
 * per stage (done, current, to come) and the current stage named beneath.
 */
export function StageTracker({ stage }: { stage: Stage }) {
  const closed = stage === 'declined' || stage === 'withdrawn';
  const at = STAGE_PATH.indexOf(stage);
  const colour = (i: number) =>
    closed
      ? token('color.background.neutral')
      : i < at || stage === 'approved'
        ? token('color.background.success.bold')
        : i === at
          ? token('color.background.brand.bold')
          : token('color.background.neutral');
  return (
    <div data-testid="stage-tracker">
      <ol
        aria-label="Submission stage"
        style={{ display: 'flex', gap: token('space.050'), listStyle: 'none', margin: 0, padding: 0 }}
      >
        {STAGE_PATH.map((s, i) => (
          <li
            key={s}
            title={STAGE_LABEL[s]}
            aria-current={i === at ? 'step' : undefined}
            style={{ flex: 1, height: '6px', borderRadius: token('radius.full', '999px'), background: colour(i) }}
          >
            <span
              style={{ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' }}
            >
              {STAGE_LABEL[s]}
              {i < at ? ' (done)' : i === at ? ' (current)' : ''}
            </span>
          </li>
        ))}
      </ol>
      <div style={{ marginTop: token('space.050'), font: token('font.body.small'), color: token('color.text.subtle') }}>
        {closed ? `Closed: ${STAGE_LABEL[stage]}` : `Step ${at + 1} of ${STAGE_PATH.length}: ${STAGE_LABEL[stage]}`}
      </div>
    </div>
  );
}
