import type { ProgramSettings } from '../program';
import type { ReviewCycle } from '../review-types';
import { dateForPeople } from './people-dates';

export interface FormDocument {
  fileName: string;
  markdown: string;
}

/**
 * The form's own words, shared with the reply reader (`reply/filled-form.ts`), so that a partner
 * who pastes the form back filled in is read by the same labels the form was written with.
 */
export const FORM_LABELS = {
  question: 'Has the app had any significant change in the past year?',
  answer: 'Answer (YES or NO):',
  changed: 'Changed',
  whatChanged: 'What changed:',
  effect: 'How does it affect security or reliability:',
  listingUpdated: 'Marketplace listing and Privacy & Security tab updated (yes / no):',
} as const;

/** One file name per cycle: the app finds a form it already attached by this name. */
export function formFileName(cycle: Pick<ReviewCycle, 'id'>): string {
  const safe =
    cycle.id
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'review';
  return `significant-change-form-${safe}.md`;
}

/** Markdown can't be escaped for every reader; keeping names on one line is enough for a heading. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The questions under one category, unanswered (a box to tick and three lines to fill in). */
function categoryQuestions(): string[] {
  return [
    `- [ ] ${FORM_LABELS.changed}`,
    `- ${FORM_LABELS.whatChanged} `,
    `- ${FORM_LABELS.effect} `,
    `- ${FORM_LABELS.listingUpdated} `,
  ];
}

/**
 * The significant-change form the partner fills in, attached to the ticket as a Markdown file.
 * It reads as plain text in an e-mail: a partner copies it into a reply, writes YES or NO after
 * the question, ticks the categories that changed and answers their questions.
 */
export function significantChangeForm(program: ProgramSettings, appName: string, cycle: ReviewCycle): FormDocument {
  const zone = program.timezone;
  const out: string[] = [];
  out.push(`# ${oneLine(program.texts.formTitle)}: ${oneLine(appName)} (${cycle.year})`, '');
  if (cycle.kind === 'escalation') {
    out.push('This form belongs to an extra review opened after a concern was raised about the app.', '');
  }
  out.push(
    `Review window: ${dateForPeople(cycle.windowStart)} to ${dateForPeople(cycle.windowEnd)} (dates in ${zone}).`,
    `Issues found in the review must be resolved by ${dateForPeople(cycle.remediationDue)} (${zone}).`,
    '',
    '## How to answer',
    '',
    'Answer in any one of these ways (a structured answer counts over a free-text reply):',
    '',
    '- on the customer portal, in the Cloud Fortified panel of this request;',
    '- in the JSM form on this request, when there is one;',
    '- by replying to the ticket (in the portal or by e-mail) with this form filled in: copy it from "Significant change" below into your reply, write YES or NO after the question, tick [x] each category in which something changed and answer its questions.',
    '',
    '## Significant change',
    '',
    FORM_LABELS.question,
    '',
    `${FORM_LABELS.answer} `,
    '',
    '## Change categories',
    '',
    'If YES, tick each category in which something changed and tell us what changed, how it affects the security or reliability of the app, and whether the Marketplace listing and the Privacy & Security tab have been updated to reflect it. Leave the other categories unticked.',
    '',
  );
  for (const category of program.changeCategories) {
    out.push(`### ${oneLine(category.title)}`, '');
    if (category.examples.length > 0) out.push(`For example: ${category.examples.map(oneLine).join('; ')}.`, '');
    out.push(...categoryQuestions(), '');
  }
  out.push('## A filled-in example', '', '```', ...exampleAnswer(program), '```', '');
  return { fileName: formFileName(cycle), markdown: out.join('\n') };
}

function exampleAnswer(program: ProgramSettings): string[] {
  const first = program.changeCategories[0];
  if (!first) return [`${FORM_LABELS.answer} NO`];
  return [
    `${FORM_LABELS.answer} YES`,
    '',
    `### ${oneLine(first.title)}`,
    `- [x] ${FORM_LABELS.changed}`,
    `- ${FORM_LABELS.whatChanged} ${oneLine(first.examples[0] ?? 'what changed, in a sentence')}.`,
    `- ${FORM_LABELS.effect} in a sentence or two.`,
    `- ${FORM_LABELS.listingUpdated} yes`,
  ];
}
