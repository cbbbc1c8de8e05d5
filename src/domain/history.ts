import type { AppEvent } from './events';
import { dateForPeople } from './messages/people-dates';
import type { AuditEntry, ReviewCycle } from './model';
import { sentence } from './result';
import { EFFECT_WORDS } from './review-steps';

/** Every sentence of the history is written here, from the events: one voice, one full stop. */

export type HistoryLine = Omit<AuditEntry, 'issueKey'>;

/** A review as people name it: "the annual review of 2027", "the escalation of 4 March 2027". */
export function reviewName(cycle: Pick<ReviewCycle, 'kind' | 'year' | 'windowStart'>): string {
  return cycle.kind === 'escalation'
    ? `the escalation of ${dateForPeople(cycle.windowStart)}`
    : `the annual review of ${cycle.year}`;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** A quoted note inside a sentence, without its own closing full stop. */
const quote = (text: string) => text.trim().replace(/\.+$/, '');

/** The history lines of a decision's events. */
export function historyOfEvents(events: AppEvent[]): HistoryLine[] {
  return events.map(historyOf);
}

export function historyOf(event: AppEvent): HistoryLine {
  const base = { at: event.at, by: event.by };
  switch (event.type) {
    case 'tracking-started':
      return {
        ...base,
        kind: 'tracking-started',
        summary: `Tracking started for “${event.appName}” at stage ${event.stage} (Jira status ${event.status}).`,
      };
    case 'stage-changed': {
      const how = event.followedJira
        ? ` because the ticket moved to “${event.status ?? ''}” in Jira`
        : `${event.status ? ` (Jira status ${event.status})` : ''}${event.note ? `: ${quote(event.note)}` : ''}`;
      return {
        ...base,
        kind: 'stage-changed',
        summary: sentence(`Stage moved from ${event.from} to ${event.to}${how}`),
        detail: { from: event.from, to: event.to, status: event.status ?? null },
      };
    }
    case 'component-changed': {
      const extra =
        (event.soakUntil ? ` until ${event.soakUntil}` : '') +
        (event.waiverReason ? ` (${quote(event.waiverReason)})` : '') +
        (event.note ? `: ${quote(event.note)}` : '');
      return {
        ...base,
        kind: 'component-changed',
        summary: sentence(`${event.title} changed from ${event.from ?? 'not-started'} to ${event.to}${extra}`),
        detail: { componentId: event.componentId, from: event.from ?? null, to: event.to },
      };
    }
    case 'approved':
      return event.inJira
        ? {
            ...base,
            kind: 'approved',
            summary: `Approved in Jira by ${event.by} on ${event.approvedOn}: the ticket moved to “${event.status ?? ''}” with every requirement met or waived.`,
            detail: { approvedOn: event.approvedOn, status: event.status ?? null, from: event.inJira.from },
          }
        : {
            ...base,
            kind: 'approved',
            summary: `Approved on ${event.approvedOn}${event.status ? ` (Jira status ${event.status})` : ''}.`,
            detail: { approvedOn: event.approvedOn },
          };
    case 'imported':
      return {
        ...base,
        kind: 'imported',
        summary: `Imported as approved on ${event.approvedOn} (line ${event.line} of an import).`,
        detail: { approvedOn: event.approvedOn, line: event.line },
      };
    case 'review-scheduled': {
      const c = event.cycle;
      if (c.state === 'not-opened') {
        return {
          ...base,
          kind: 'review-scheduled',
          cycleId: c.id,
          summary: `${capital(reviewName(c))} was not opened: its window (${c.windowStart} to ${c.windowEnd}) ended before the app tracked this ticket.`,
          detail: { state: 'not-opened', windowStart: c.windowStart, windowEnd: c.windowEnd },
        };
      }
      return {
        ...base,
        kind: 'review-scheduled',
        cycleId: c.id,
        summary: `${capital(reviewName(c))} scheduled: notice on ${c.noticeOn}, review window ${c.windowStart} to ${c.windowEnd}, issues due by ${c.remediationDue}.`,
        detail: {
          noticeOn: c.noticeOn,
          windowStart: c.windowStart,
          windowEnd: c.windowEnd,
          remediationDue: c.remediationDue,
        },
      };
    }
    case 'escalation-raised': {
      const c = event.cycle;
      const who = event.source === 'customer' ? 'a customer' : 'Atlassian';
      return {
        ...base,
        kind: 'escalation-raised',
        cycleId: c.id,
        summary: `${capital(reviewName(c))} opened on a concern raised by ${who}: ${sentence(event.text)} Review window ${c.windowStart} to ${c.windowEnd}, issues due by ${c.remediationDue}.`,
        detail: { source: event.source },
      };
    }
    case 'check-recorded':
      return {
        ...base,
        kind: 'check-recorded',
        cycleId: event.cycle.id,
        summary: `${event.title}: ${event.result}${event.note ? ` (${quote(event.note)})` : ''}, ${reviewName(event.cycle)}.`,
        detail: { checkId: event.checkId, result: event.result },
      };
    case 'answer-recorded': {
      const { answer, cycle } = event;
      if (answer.source === 'agent') {
        const previous = event.previous ? ` (was ${event.previous.value}, from ${event.previous.source})` : '';
        const categories = answer.categories.length ? `; categories: ${answer.categories.join(', ')}` : '';
        return {
          ...base,
          kind: 'answer-recorded',
          cycleId: cycle.id,
          summary: sentence(
            `Answer for ${reviewName(cycle)} set to ${answer.value}${previous}${categories}${answer.reason ? `: ${quote(answer.reason)}` : ''}`,
          ),
          detail: { value: answer.value, source: 'agent' },
        };
      }
      const categories = answer.categories.length ? ` (${answer.categories.join(', ')})` : '';
      return {
        ...base,
        kind: 'answer-recorded',
        cycleId: cycle.id,
        summary:
          answer.source === 'form'
            ? `Answered on the portal: ${answer.value}${categories} for ${reviewName(cycle)}.`
            : `${event.edited ? 'Edited reply' : 'Reply'} read as ${answer.value}${categories} for ${reviewName(cycle)}.`,
        detail: {
          answer: answer.value,
          commentId: answer.commentId ?? null,
          categories: answer.categories.join(','),
          source: answer.source,
        },
      };
    }
    case 'review-moved':
      return {
        ...base,
        kind: 'review-state-changed',
        cycleId: event.cycle.id,
        summary: `${capital(reviewName(event.cycle))} moved from ${event.from} to ${event.to}.`,
        detail: event.step
          ? { from: event.from, to: event.to, action: event.step, remediationDue: event.cycle.remediationDue }
          : { from: event.from, to: event.to },
      };
    case 'review-started-now': {
      const c = event.cycle;
      return {
        ...base,
        kind: 'review-state-changed',
        cycleId: c.id,
        summary: `${capital(reviewName(c))} started now: the notice goes out today; review window ${c.windowStart} to ${c.windowEnd}, issues due by ${c.remediationDue}.`,
        detail: {
          startedNow: true,
          windowStart: c.windowStart,
          windowEnd: c.windowEnd,
          remediationDue: c.remediationDue,
        },
      };
    }
    case 'checks-not-run': {
      const count = `${event.checks.length} check${event.checks.length === 1 ? '' : 's'}`;
      return {
        ...base,
        kind: 'checks-not-run',
        cycleId: event.cycle.id,
        summary: `The window of ${reviewName(event.cycle)} ended with ${count} not run (${event.checks.join(', ')}): nothing is put on the partner; the review waits for the agents.`,
        detail: { checks: event.checks.join('; ') },
      };
    }
    case 'posted':
      return postedLine(event, base);
  }
}

function postedLine(event: Extract<AppEvent, { type: 'posted' }>, base: { at: string; by: string }): HistoryLine {
  const cycleId = event.cycle ? { cycleId: event.cycle.id } : {};
  const name = event.cycle ? reviewName(event.cycle) : 'the submission';
  const detail = { effect: event.effect, id: event.id, foundFromEarlierAttempt: event.alreadyThere };
  if (event.target === 'attachment') {
    return {
      ...base,
      ...cycleId,
      kind: 'attachment-added',
      summary: `Significant-change form attached for ${name}.`,
      detail,
    };
  }
  if (event.target === 'form') {
    return {
      ...base,
      ...cycleId,
      kind: 'form-added',
      summary: `Significant-change form added to the request for ${name}.`,
      detail,
    };
  }
  const posted = { ...base, ...cycleId, kind: 'message-posted' as const };
  const visibility = event.visibility ?? null;
  const about = event.about;
  if (!about) {
    const what = `${event.visibility === 'internal' ? 'Internal note' : 'Public comment'} posted for ${name}`;
    return {
      ...posted,
      summary: `${what}: ${EFFECT_WORDS[event.effect] ?? event.effect}.`,
      detail: { ...detail, visibility },
    };
  }
  switch (about.kind) {
    case 'soak-ended':
      return {
        ...posted,
        summary: `Internal note posted: the soak period of ${about.title} ended on ${about.soakUntil}.`,
        detail: { ...detail, componentId: about.componentId, soakUntil: about.soakUntil, visibility },
      };
    case 'unclear-answer':
      return {
        ...posted,
        summary: `Internal note posted for ${name}: the reply could not be read as YES or NO.`,
        detail: { ...detail, visibility, commentId: about.commentId },
      };
    case 'progress-update': {
      const whose = about.nextStep === 'partner' ? 'the next step is theirs' : 'the next step is Atlassian’s';
      return {
        ...posted,
        summary: `Public comment posted: the partner was told that the submission moved from ${about.from} to ${about.to} and ${whose}.`,
        detail: {
          ...detail,
          visibility,
          event: 'progress-update-posted',
          from: about.from,
          to: about.to,
          nextStep: about.nextStep,
        },
      };
    }
    case 'approval-blocked': {
      const count = `${about.open.length} requirement${about.open.length === 1 ? '' : 's'}`;
      return {
        ...posted,
        summary: `Internal note posted: the ticket moved to “${about.status}” in Jira with ${count} open, so no approval was recorded.`,
        detail: { ...detail, visibility, status: about.status, open: about.open.join('; ') },
      };
    }
  }
}
