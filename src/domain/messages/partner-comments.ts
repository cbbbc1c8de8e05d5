import { bulletList, doc, listItem, p, strong, text } from '@atlaskit/adf-utils/builders';
import { PROGRESS_UPDATE_TEXT } from '../cloud-fortified';
import type { ProgramSettings } from '../program';
import { checkTitle } from '../program-updates';
import type { ReviewCycle } from '../review-types';
import type { AdfDoc } from './adf';
import { dateForPartner, dateForPeople } from './people-dates';
import { appDisplayName, partnerIssues, reviewValues } from './review-values';
import { formFileName } from './significant-change-form';
import { cleanText, templateParagraphs } from './template';

function item(label: string, value: string) {
  return listItem([p(strong(label), text(` ${value}`))]);
}

function keyDates(program: ProgramSettings, cycle: ReviewCycle) {
  return bulletList(
    item(
      'Review window:',
      `${dateForPeople(cycle.windowStart)} to ${dateForPartner(cycle.windowEnd, program.timezone)}`,
    ),
    item('Issues resolved by:', dateForPartner(cycle.remediationDue, program.timezone)),
    item('Significant-change form:', `attached to this ticket as ${formFileName(cycle)}`),
  );
}

/**
 * The public comment posted on the approval ticket before the review (program.texts.notice), or
 * opening an escalation's extra review (texts.escalationNotice, with a sentence of its own when
 * the program has no such text).
 */
export function noticeComment(program: ProgramSettings, appName: string, cycle: ReviewCycle): AdfDoc {
  const values = reviewValues(appName, cycle, program.timezone);
  if (cycle.kind === 'escalation' && program.texts.escalationNotice) {
    return doc(
      ...templateParagraphs(program.texts.escalationNotice, values, ['app']),
      ...concernParagraphs(program, cycle),
      keyDates(program, cycle),
    );
  }
  const lead =
    cycle.kind === 'escalation'
      ? [
          p(
            text('A concern has been raised about the compliance of '),
            strong(appDisplayName(appName)),
            text(' with the program, so it has an extra review with the same checks as the annual one.'),
          ),
        ]
      : [];
  return doc(
    ...lead,
    ...templateParagraphs(program.texts.notice, values, ['app']),
    ...concernParagraphs(program, cycle),
    keyDates(program, cycle),
  );
}

/**
 * What an escalation is about, for the partner: the concern as written, whether Atlassian or a
 * customer raised it (never who the customer is), the checks concerned and the four weeks.
 */
function concernParagraphs(program: ProgramSettings, cycle: ReviewCycle) {
  if (cycle.kind !== 'escalation' || !cycle.concern) return [];
  const who = cycle.concern.source === 'customer' ? 'a customer' : 'Atlassian';
  const weeks =
    program.timings.remediationDays % 7 === 0
      ? `${program.timings.remediationDays / 7} weeks`
      : `${program.timings.remediationDays} days`;
  const titles = cycle.checks.map((c) => checkTitle(program, c.id));
  return [
    p(strong(`The concern, raised by ${who}:`), text(` ${cleanText(cycle.concern.text).replace(/\s+/g, ' ').trim()}`)),
    p(text('The checks concerned:')),
    bulletList(...titles.map((title) => listItem([p(text(title))]))),
    p(
      text(
        `You have ${weeks} after the review window, until ${dateForPartner(cycle.remediationDue, program.timezone)}, to resolve any issue it finds.`,
      ),
    ),
  ];
}

/** The public reminder when the partner has not answered by the start of the window. */
export function answerReminderComment(program: ProgramSettings, appName: string, cycle: ReviewCycle): AdfDoc {
  return doc(
    ...templateParagraphs(program.texts.answerReminder, reviewValues(appName, cycle, program.timezone), ['app']),
    p(text(`The significant-change form is attached to this ticket as ${formFileName(cycle)}.`)),
  );
}

/** Each requirement the partner must resolve: its title in bold, then what to do. */
function issuesList(program: ProgramSettings, cycle: ReviewCycle) {
  const issues = partnerIssues(program, cycle);
  return issues.length > 0
    ? [bulletList(...issues.map((i) => listItem([p(strong(i.title), text(`: ${i.whatToDo}`))])))]
    : [];
}

function reviewWords(program: ProgramSettings, cycle: ReviewCycle): string {
  return cycle.kind === 'escalation'
    ? `the extra review opened on ${dateForPartner(cycle.windowStart, program.timezone)}`
    : `the ${cycle.year} annual review`;
}

/** What happens at the deadline if issues are still open. */
function atTheDeadline(program: ProgramSettings, due: string): string {
  return `What happens next: reply to this ticket when each issue is resolved. If issues are still open after ${due}, the review becomes overdue and the ${program.name} team escalates it with you.`;
}

/** The public comment when remediation starts: what failed, what to do, by when, and what happens next. */
export function remediationStartComment(program: ProgramSettings, appName: string, cycle: ReviewCycle): AdfDoc {
  const due = dateForPartner(cycle.remediationDue, program.timezone);
  return doc(
    p(
      text(`Hello! In ${reviewWords(program, cycle)} of `),
      strong(appDisplayName(appName)),
      text(', these requirements are not met. Please resolve them by '),
      strong(due),
      text('.'),
    ),
    ...issuesList(program, cycle),
    p(text(atTheDeadline(program, due))),
  );
}

/** The public reminder before the remediation deadline, naming each requirement still failing. */
export function remediationReminderComment(program: ProgramSettings, appName: string, cycle: ReviewCycle): AdfDoc {
  const due = dateForPartner(cycle.remediationDue, program.timezone);
  const issues = issuesList(program, cycle);
  return doc(
    ...templateParagraphs(program.texts.remediationReminder, reviewValues(appName, cycle, program.timezone), ['app']),
    ...(issues.length > 0 ? [p(text('Still to resolve:')), ...issues] : []),
    p(text(atTheDeadline(program, due))),
  );
}

/** The public comment when the deadline has passed with requirements still failing. */
export function overdueComment(program: ProgramSettings, appName: string, cycle: ReviewCycle): AdfDoc {
  const due = dateForPartner(cycle.remediationDue, program.timezone);
  return doc(
    p(
      text(`The remediation deadline of ${reviewWords(program, cycle)} of `),
      strong(appDisplayName(appName)),
      text(` passed on ${due} with these requirements still not met:`),
    ),
    ...issuesList(program, cycle),
    p(
      text(
        `What happens next: the review is overdue and has been escalated to the ${program.name} team, who will contact you about the app’s place in the program. Please resolve the requirements as soon as you can and reply to this ticket when they are fixed.`,
      ),
    ),
  );
}

/** What {nextStep} says in the progress update, by whose move it now is. */
const NEXT_STEP_WORDS = {
  partner: 'The next step is yours: please see our last comment on this ticket for what we need from you.',
  atlassian: 'Thank you: the next step is ours, and there is nothing you need to do for now.',
} as const;

/** The short public update when a submission's stage change hands the next step to the partner or back to Atlassian. */
export function progressUpdateComment(
  program: ProgramSettings,
  appName: string,
  stage: string,
  nextStep: 'partner' | 'atlassian',
): AdfDoc {
  const values = { app: appDisplayName(appName), stage: stage.replace(/-/g, ' '), nextStep: NEXT_STEP_WORDS[nextStep] };
  return doc(...templateParagraphs(program.texts.progressUpdate ?? PROGRESS_UPDATE_TEXT, values, ['app']));
}
