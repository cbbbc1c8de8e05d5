import type { TicketView } from '../../src/contract';

/** The people a ticket's view names (history, components, checks, answers, concerns), once each; not the app. */
export function accountIdsOf(view: TicketView): string[] {
  if (!view.tracked) return [];
  const ids = new Set<string>();
  const add = (id: string | undefined) => {
    if (id && id !== 'app') ids.add(id);
  };
  for (const entry of view.history) add(entry.by);
  for (const c of view.submission.components) add(c.by);
  for (const cycle of view.approved
    ? [...(view.approved.current ? [view.approved.current] : []), ...view.approved.upcoming, ...view.approved.past]
    : []) {
    add(cycle.answer?.by);
    add(cycle.concern?.raisedBy);
    for (const check of cycle.checks) add(check.by);
  }
  return [...ids];
}
