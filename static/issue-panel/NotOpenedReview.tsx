import type { CycleView } from '../../src/contract';
import { Button } from '../shared/ui/Button';
import { Column } from '../shared/layout';
import type { RunAction, Tracked } from './panel-types';

/**
 * A year's review whose window had ended before the app tracked the ticket: the app did not open
 * it, says so, and lets an agent start it now (the notice goes out today, four weeks from today).
 */
export function NotOpenedReview({
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
  return (
    <div data-testid="not-opened-review">
      <Column gap="space.050">
        <span>The {cycle.year} review’s window ended before the app tracked this ticket; it was not opened.</span>
        {view.viewer.canEdit && (
          <div>
            <Button
              spacing="compact"
              isDisabled={busy}
              onClick={() => void run('startReviewNow', { issueKey: view.issueKey, cycleId: cycle.id })}
              testId="start-review-now"
            >
              Start this review now
            </Button>
          </div>
        )}
      </Column>
    </div>
  );
}
