import type { ProgramSettings } from '../program';
import type { ReviewCycle } from '../review-types';
import { dateForPeople } from './people-dates';
import { cleanText, type TemplateValues } from './template';

/** The app's name as a message shows it: one line, never empty. */
export function appDisplayName(appName: string): string {
  return cleanText(appName).replace(/\s+/g, ' ').trim() || 'your app';
}

/** The placeholders of the program's texts for one review, dates written for people. */
export function reviewValues(appName: string, cycle: ReviewCycle): TemplateValues {
  return {
    app: appDisplayName(appName),
    windowStart: dateForPeople(cycle.windowStart),
    windowEnd: dateForPeople(cycle.windowEnd),
    remediationDue: dateForPeople(cycle.remediationDue),
    noticeOn: dateForPeople(cycle.noticeOn),
    year: String(cycle.year),
  };
}

/** Titles of the checks of a cycle that are not passed, in the program's order. */
export function openCheckTitles(program: ProgramSettings, cycle: ReviewCycle): { failed: string[]; pending: string[] } {
  const title = (id: string) => program.checks.find((c) => c.id === id)?.title ?? id;
  return {
    failed: cycle.checks.filter((c) => c.result === 'failed').map((c) => title(c.id)),
    pending: cycle.checks.filter((c) => c.result === 'pending').map((c) => title(c.id)),
  };
}
