import type { ProgramSettings } from '../program';
import type { ReviewCycle } from '../review-types';
import { dateForPeople } from './people-dates';

export interface FormDocument {
  fileName: string;
  markdown: string;
}

/** One file name per cycle: the app finds a form it already attached by this name. */
export function formFileName(cycle: Pick<ReviewCycle, 'id'>): string {
  const safe = cycle.id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'review';
  return `significant-change-form-${safe}.md`;
}

/** Markdown can't be escaped for every reader; keeping names on one line is enough for a heading. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The significant-change form the partner answers, attached to the ticket as a Markdown file. */
export function significantChangeForm(program: ProgramSettings, appName: string, cycle: ReviewCycle): FormDocument {
  const out: string[] = [];
  out.push(`# ${oneLine(program.texts.formTitle)}: ${oneLine(appName)} (${cycle.year})`, '');
  if (cycle.kind === 'escalation') {
    out.push('This form belongs to an extra review opened after a concern was raised about the app.', '');
  }
  out.push(
    `Review window: ${dateForPeople(cycle.windowStart)} to ${dateForPeople(cycle.windowEnd)}.`,
    `Issues found in the review must be resolved by ${dateForPeople(cycle.remediationDue)}.`,
    '',
    '## Has the app had any significant change in the past year?',
    '',
    'Answer **YES** or **NO**.',
    '',
    'If YES, for each category below in which something changed, tell us:',
    '',
    '1. What changed?',
    '2. How does the change affect the security or reliability of the app?',
    '3. Have the Marketplace listing and the Privacy & Security tab been updated to reflect it?',
    '',
    '## Change categories',
    '',
  );
  for (const category of program.changeCategories) {
    out.push(`### ${oneLine(category.title)}`, '');
    if (category.examples.length > 0) {
      out.push('For example:', '');
      for (const example of category.examples) out.push(`- ${oneLine(example)}`);
      out.push('');
    }
    out.push(
      '- What changed?',
      '- How does it affect security or reliability?',
      '- Listing and Privacy & Security tab updated? (yes / no)',
      '',
    );
  }
  out.push(
    '## How to answer',
    '',
    'Reply to the ticket (in the portal or by e-mail) and start your reply with **YES** or **NO**.',
    'If YES, copy the headings of the categories that changed into your reply and answer the questions under each, for example:',
    '',
    '```',
    'YES',
    '',
    ...exampleAnswer(program),
    '```',
    '',
  );
  return { fileName: formFileName(cycle), markdown: out.join('\n') };
}

function exampleAnswer(program: ProgramSettings): string[] {
  const first = program.changeCategories[0];
  if (!first) return [];
  return [
    `${oneLine(first.title)}:`,
    'What changed: ...',
    'Effect on security or reliability: ...',
    'Listing and Privacy & Security tab updated: yes',
  ];
}
