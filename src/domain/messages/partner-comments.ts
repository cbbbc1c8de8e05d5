import { bulletList, doc, listItem, p, strong, text } from '@atlaskit/adf-utils/builders';
import type { Inline } from '@atlaskit/adf-schema';
import { PROGRESS_UPDATE_TEXT } from '../cloud-fortified';
import type { ProgramSettings } from '../program';
import type { ReviewCycle } from '../review-types';
import type { AdfDoc } from './adf';
import { appDisplayName, openCheckTitles, reviewValues } from './review-values';
import { formFileName } from './significant-change-form';
import { dateForPeople } from './people-dates';
import { cleanText, templateParagraphs } from './template';

function item(label: string, value: string) {
  return listItem([p(strong(label), text(` ${value}`))]);
}

function keyDates(appName: string, cycle: ReviewCycle) {
  const v = reviewValues(appName, cycle);
  return bulletList(
    item('Review window:', `${v.windowStart} to ${v.windowEnd}`),
    item('Issues resolved by:', v.remediationDue ?? ''),
    item('Significant-change form:', `attached to this ticket as ${formFileName(cycle)}`),
  );
}

/**
 * The public comment posted on the approval ticket before the review (program.texts.notice), or
 * opening an escalation's extra review (texts.escalationNotice, with a sentence of its own when
 * the program has no such text).
 */
export function noticeComment(program: ProgramSettings, appName: string, cycle: ReviewCycle): AdfDoc {
  const values = reviewValues(appName, cycle);
  if (cycle.kind === 'escalation' && program.texts.escalationNotice) {
    return doc(...templateParagraphs(program.texts.escalationNotice, values, ['app']), ...concernParagraphs(program, cycle), keyDates(appName, cycle));
  }
  const lead =
    cycle.kind === 'escalation'
      ? [p(text('A concern has been raised about the compliance of '), strong(appDisplayName(appName)), text(' with the program, so it has an extra review with the same checks as the annual one.'))]
      : [];
  return doc(...lead, ...templateParagraphs(program.texts.notice, values, ['app']), ...concernParagraphs(program, cycle), keyDates(appName, cycle));
}

/**
 * What an escalation is about, for the partner: the concern as written, whether Atlassian or a
 * customer raised it (never who the customer is), the checks concerned and the four weeks.
 */
function concernParagraphs(program: ProgramSettings, cycle: ReviewCycle) {
  if (cycle.kind !== 'escalation' || !cycle.concern) return [];
  const who = cycle.concern.source === 'customer' ? 'a customer' : 'Atlassian';
  const weeks = program.timings.remediationDays % 7 === 0 ? `${program.timings.remediationDays / 7} weeks` : `${program.timings.remediationDays} days`;
  const titles = cycle.checks.map((c) => program.checks.find((k) => k.id === c.id)?.title ?? c.id);
  return [
    p(strong(`The concern, raised by ${who}:`), text(` ${cleanText(cycle.concern.text).replace(/\s+/g, ' ').trim()}`)),
    p(text('The checks concerned:')),
    bulletList(...titles.map((title) => listItem([p(text(title))]))),
    p(text(`You have ${weeks} after the review window, until ${dateForPeople(cycle.remediationDue)} (${program.timezone}), to resolve any issue it finds.`)),
  ];
}

/** The public reminder when the partner has not answered by the start of the window. */
export function answerReminderComment(program: ProgramSettings, appName: string, cycle: ReviewCycle): AdfDoc {
  return doc(
    ...templateParagraphs(program.texts.answerReminder, reviewValues(appName, cycle), ['app']),
    p(text(`The significant-change form is attached to this ticket as ${formFileName(cycle)}.`)),
  );
}

/** The public reminder before the remediation deadline, naming the checks still open. */
export function remediationReminderComment(program: ProgramSettings, appName: string, cycle: ReviewCycle): AdfDoc {
  const { failed, pending } = openCheckTitles(program, cycle);
  const open = [...failed, ...pending];
  const list = open.length > 0 ? [p(text('Still open:')), bulletList(...open.map((title) => listItem([p(text(title))])))] : [];
  return doc(...templateParagraphs(program.texts.remediationReminder, reviewValues(appName, cycle), ['app']), ...list);
}

/** What {nextStep} says in the progress update, by whose move it now is. */
const NEXT_STEP_WORDS = {
  partner: 'The next step is yours: please see our last comment on this ticket for what we need from you.',
  atlassian: 'Thank you: the next step is ours, and there is nothing you need to do for now.',
} as const;

/** The short public update when a submission's stage change hands the next step to the partner or back to Atlassian. */
export function progressUpdateComment(program: ProgramSettings, appName: string, stage: string, nextStep: 'partner' | 'atlassian'): AdfDoc {
  const values = { app: appDisplayName(appName), stage: stage.replace(/-/g, ' '), nextStep: NEXT_STEP_WORDS[nextStep] };
  return doc(...templateParagraphs(program.texts.progressUpdate ?? PROGRESS_UPDATE_TEXT, values, ['app']));
}
