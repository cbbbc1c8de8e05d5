import type { IsoDate } from '../src/domain/dates';
import type { ReviewCycle, ReviewEffect } from '../src/domain/review-types';
import type { TrackedApp } from '../src/domain/tracked-app';

export const SIMULATED_EVENTS = [
  'notice-posted',
  'form-attached',
  'reminder-posted',
  'window-opened',
  'answer-recorded',
  'remediation-started',
  'overdue',
  'passed',
  'checks-not-run',
  'escalation-opened',
  'program-update-announced',
] as const;
export type SimulatedEventName = (typeof SIMULATED_EVENTS)[number];

/** One line of simulate's output: something the app did on a ticket, on a day. */
export interface SimulatedEvent {
  on: IsoDate;
  ticket: string;
  /** The review cycle; null for what concerns no review (a program update). */
  cycle: number | string | null;
  event: SimulatedEventName;
  answer?: string;
  due?: IsoDate;
  /** escalation-opened: `atlassian` or `customer`. */
  raisedBy?: string;
  /** program-update-announced: the update's id. */
  update?: string;
  /** The comment the app posted for the event, as recorded (not printed). */
  commentId?: string;
  /** With `--comments`: that comment as Jira holds it. */
  comment?: { public: boolean; text: string };
}

const EFFECT_EVENTS: Partial<Record<ReviewEffect, SimulatedEventName>> = {
  notice: 'notice-posted',
  'form-attachment': 'form-attached',
  'answer-reminder': 'reminder-posted',
  'remediation-reminder': 'reminder-posted',
  'checks-not-run-note': 'checks-not-run',
};

/**
 * The comment a state's arrival posts, whose text `--comments` shows: what the partner is told
 * when there is a public comment, otherwise the agents' note.
 */
const STATE_COMMENTS: Partial<Record<ReviewCycle['state'], ReviewEffect[]>> = {
  'in-review': ['window-note'],
  remediation: ['remediation-comment', 'remediation-note'],
  overdue: ['overdue-comment', 'overdue-note'],
  passed: ['passed-note'],
};

/**
 * What the app did between two readings of its store: effects newly recorded, review states
 * entered, answers recorded or changed. Read from the state of record, not from the fixture.
 */
export function eventsBetween(
  before: Map<string, TrackedApp>,
  after: Map<string, TrackedApp>,
  on: IsoDate,
): SimulatedEvent[] {
  const events: SimulatedEvent[] = [];
  for (const [ticket, app] of [...after].sort(([a], [b]) => compareKeys(a, b))) {
    const previous = new Map((before.get(ticket)?.reviews ?? []).map((c) => [c.id, c]));
    for (const cycle of app.reviews) events.push(...cycleEvents(ticket, previous.get(cycle.id), cycle, on));
    const announced = before.get(ticket)?.announcements ?? {};
    for (const [update, record] of Object.entries(app.announcements ?? {})) {
      if (!announced[update])
        events.push({
          on,
          ticket,
          cycle: null,
          event: 'program-update-announced',
          update,
          commentId: record.commentId,
        });
    }
  }
  return events;
}

function cycleEvents(ticket: string, was: ReviewCycle | undefined, now: ReviewCycle, on: IsoDate): SimulatedEvent[] {
  const base = { on, ticket, cycle: /^\d+$/.test(now.id) ? Number(now.id) : now.id };
  const events: SimulatedEvent[] = [];
  if (!was && now.kind === 'escalation')
    events.push({ ...base, event: 'escalation-opened', raisedBy: now.concern?.source ?? 'atlassian' });
  const effects = now.effects as Partial<Record<string, { id?: string }>>;
  const wasEffects = (was?.effects ?? {}) as Partial<Record<string, { id?: string }>>;
  for (const [effect, name] of Object.entries<SimulatedEventName>(EFFECT_EVENTS)) {
    const done = effects[effect];
    // The form file is an attachment, not a comment.
    if (done && !wasEffects[effect])
      events.push({ ...base, event: name, ...(done.id && effect !== 'form-attachment' ? { commentId: done.id } : {}) });
  }
  const noteOf = (state: ReviewCycle['state']) => {
    const id = (STATE_COMMENTS[state] ?? [])
      .map((effect) => now.effects[effect]?.id)
      .find((found) => found !== undefined);
    return id ? { commentId: id } : {};
  };
  const answer = now.answer;
  if (
    answer &&
    (answer.value !== was?.answer?.value ||
      answer.commentId !== was?.answer?.commentId ||
      answer.text !== was?.answer?.text)
  ) {
    events.push({ ...base, event: 'answer-recorded', answer: answer.value });
  }
  if (now.state !== was?.state) {
    if (now.state === 'in-review') events.push({ ...base, event: 'window-opened', ...noteOf('in-review') });
    if (now.state === 'remediation')
      events.push({ ...base, event: 'remediation-started', due: now.remediationDue, ...noteOf('remediation') });
    if (now.state === 'overdue') events.push({ ...base, event: 'overdue', ...noteOf('overdue') });
    if (now.state === 'passed') events.push({ ...base, event: 'passed', ...noteOf('passed') });
  }
  return events;
}

/** CF-2 before CF-10. */
function compareKeys(a: string, b: string): number {
  const [pa = '', na = '0'] = a.split('-');
  const [pb = '', nb = '0'] = b.split('-');
  return pa === pb ? Number(na) - Number(nb) : pa < pb ? -1 : 1;
}

/** Counts per event, in a fixed order, for the summary line. */
export function countEvents(events: SimulatedEvent[]): Record<SimulatedEventName, number> {
  const counts = Object.fromEntries(SIMULATED_EVENTS.map((e) => [e, 0])) as Record<SimulatedEventName, number>;
  for (const e of events) counts[e.event] += 1;
  return counts;
}

/** The JSON line as printed: keys in a fixed order. */
export function eventLine(e: SimulatedEvent): string {
  const line: Record<string, unknown> = { on: e.on, ticket: e.ticket, cycle: e.cycle, event: e.event };
  if (e.answer !== undefined) line.answer = e.answer;
  if (e.due !== undefined) line.due = e.due;
  if (e.raisedBy !== undefined) line.raisedBy = e.raisedBy;
  if (e.update !== undefined) line.update = e.update;
  if (e.comment !== undefined) line.comment = e.comment;
  return JSON.stringify(line);
}
