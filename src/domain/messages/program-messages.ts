import { doc, p, strong, text } from '@atlaskit/adf-utils/builders';
import type { ProgramSettings, ProgramUpdate } from '../program';
import type { AdfDoc } from './adf';
import { dateForPeople } from './people-dates';
import { appDisplayName } from './review-values';
import { cleanText } from './template';

/** "25 March 2027 (Europe/Paris time)": a day for partners, in the program's time zone. */
function day(date: string, program: ProgramSettings): string {
  return `${dateForPeople(date)} (${program.timezone} time)`;
}

/**
 * The public comment announcing a program update on an approved app's ticket: what changes and
 * from when, ahead of time.
 */
export function programUpdateComment(program: ProgramSettings, appName: string, update: ProgramUpdate): AdfDoc {
  const from = day(update.effectiveFrom, program);
  const paragraphs = [
    p(
      text(`Hello! An update to the ${cleanText(program.name)} that concerns `),
      strong(appDisplayName(appName)),
      text(':'),
    ),
  ];
  if (update.addCheck) {
    paragraphs.push(
      p(
        text('A new review check, '),
        strong(cleanText(update.addCheck.title)),
        text(`, applies to every annual review whose window starts on or after ${from}.`),
        ...(update.addCheck.description ? [text(` ${cleanText(update.addCheck.description)}`)] : []),
      ),
    );
  }
  if (update.text) paragraphs.push(p(text(cleanText(update.text))));
  paragraphs.push(
    p(
      text(
        `This takes effect on ${from}. Reviews already under way keep their checks. Nothing is needed from you today; reply to this ticket if you have a question.`,
      ),
    ),
  );
  return doc(...paragraphs);
}

/**
 * The public comment on a customer's concern once it is matched to an app: they are kept informed
 * without being told anything about the partner beyond the app's name.
 */
export function concernReceivedComment(appName: string): AdfDoc {
  return doc(
    p(
      text('Thank you for raising this concern. We have opened a review of '),
      strong(appDisplayName(appName)),
      text(' with its developer.'),
    ),
    p(text('We will update you on this request when the review is complete.')),
  );
}

/** The internal note on a customer's concern that names no app the program tracks. */
export function concernUnmatchedNote(reason: string): AdfDoc {
  return doc(
    p(
      strong('Cloud Fortified Tracker could not tell which app this concern is about'),
      text(` (${cleanText(reason)}).`),
    ),
    p(
      text('Link this request to the app’s approval ticket and raise the escalation from the approval ticket’s panel.'),
    ),
  );
}
