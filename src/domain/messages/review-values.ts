import type { ProgramSettings } from '../program';
import { checkDefinition, checkTitle } from '../program-updates';
import type { ReviewCycle } from '../review-types';
import { SIGNIFICANT_CHANGES_CHECK } from '../review-checks';
import { dateForPartner } from './people-dates';
import { cleanText, type TemplateValues } from './template';

/** The app's name as a message shows it: one line, never empty. */
export function appDisplayName(appName: string): string {
  return cleanText(appName).replace(/\s+/g, ' ').trim() || 'your app';
}

/** The placeholders of the program's texts for one review; every date names the program's time zone. */
export function reviewValues(appName: string, cycle: ReviewCycle, timezone: string): TemplateValues {
  return {
    app: appDisplayName(appName),
    windowStart: dateForPartner(cycle.windowStart, timezone),
    windowEnd: dateForPartner(cycle.windowEnd, timezone),
    remediationDue: dateForPartner(cycle.remediationDue, timezone),
    noticeOn: dateForPartner(cycle.noticeOn, timezone),
    year: String(cycle.year),
  };
}

/**
 * What the partner must resolve, in the program's words: each failed check with what it asks,
 * and the significant-change question when it has no answer. Checks not yet run are Atlassian's
 * work and are not listed; an agent's note is never shown.
 */
export function partnerIssues(program: ProgramSettings, cycle: ReviewCycle): { title: string; whatToDo: string }[] {
  const issues = cycle.checks
    .filter((c) => c.result === 'failed')
    .map((c) => {
      const check = checkDefinition(program, c.id);
      return { title: check?.title ?? c.id, whatToDo: check?.description ?? 'See the program’s requirements.' };
    });
  const question = cycle.checks.find((c) => c.id === SIGNIFICANT_CHANGES_CHECK);
  if (!cycle.answer && question?.result === 'pending') {
    const title = checkTitle(program, question.id);
    issues.push({
      title,
      whatToDo:
        'We have not had your answer. Reply to this ticket starting with YES or NO: has the app had any significant change in the past year? The significant-change form on this ticket lists the categories.',
    });
  }
  return issues;
}
