import { DateTime } from 'luxon';
import {
  blockQuote,
  bulletList,
  doc,
  hardBreak,
  heading,
  listItem,
  p,
  strong,
  text,
} from '@atlaskit/adf-utils/builders';
import type { BlockContent, Inline, ParagraphDefinition } from '@atlaskit/adf-schema';
import type { IsoDate } from '../dates';
import type { PartnerAnswerValue } from '../review-types';
import type { AdfDoc } from './adf';
import { dateForPeople } from './people-dates';
import { cleanText } from './template';

export const AGENT_NOTE_KINDS = [
  'window-opened',
  'remediation-started',
  'checks-not-run',
  'overdue',
  'passed',
  'unclear-answer',
  'answer-recorded',
  'escalation-raised',
  'soak-ended',
  'approval-blocked',
] as const;
export type AgentNoteKind = (typeof AGENT_NOTE_KINDS)[number];

/** What an internal note may tell; each kind uses the fields that matter to it. */
export interface AgentNoteDetails {
  appName: string;
  cycleId: string;
  windowStart?: IsoDate;
  windowEnd?: IsoDate;
  remediationDue?: IsoDate;
  /** Titles of the checks that failed / are still pending. */
  failedChecks?: string[];
  pendingChecks?: string[];
  /** Answers: the value, the categories named (titles), why, and the reply itself. */
  answer?: PartnerAnswerValue;
  categories?: string[];
  reason?: string;
  /** The partner's reply as written: shown as text, never as markup. */
  text?: string;
  commentId?: string;
  /** Where the answer came from: reply, form or agent. */
  source?: string;
  /** Escalations: the concern and who raised it. */
  concern?: string;
  raisedBy?: 'atlassian' | 'customer';
  /** Overdue: the day of the note, to say how late the fixes are. */
  today?: IsoDate;
  /** Soak ended: the requirement's title and the day its soak ended. */
  requirement?: string;
  soakUntil?: IsoDate;
  /** Approval blocked: the Jira status the ticket was moved to, and the requirements still open (titles). */
  status?: string;
  openRequirements?: string[];
}

/** The longest reply quoted in a note; the full comment stays on the ticket. */
const QUOTE_LIMIT = 3000;

function label(value: string): Inline {
  return strong(value);
}

function line(...parts: Array<Inline | string>): ParagraphDefinition {
  return p(
    ...parts
      .map((x) => (typeof x === 'string' ? cleanText(x) : x))
      .filter((x) => x !== '')
      .map((x) => (typeof x === 'string' ? text(x) : x)),
  );
}

function cycleName(d: AgentNoteDetails): string {
  return /^esc-/.test(d.cycleId) ? `escalation review ${d.cycleId}` : `annual review ${d.cycleId}`;
}

function windowText(d: AgentNoteDetails): string | undefined {
  if (!d.windowStart || !d.windowEnd) return undefined;
  return `${dateForPeople(d.windowStart)} to ${dateForPeople(d.windowEnd)}`;
}

function titledList(title: string, items: string[] | undefined): BlockContent[] {
  const list = (items ?? []).map(cleanText).filter((i) => i.trim() !== '');
  if (list.length === 0) return [];
  return [line(label(title)), bulletList(...list.map((i) => listItem([p(text(i))])))];
}

/** The partner's text, line by line, as plain text nodes inside a quote. */
function quoted(reply: string | undefined): BlockContent[] {
  const raw = cleanText(reply ?? '')
    .replace(/\r\n?/g, '\n')
    .trim();
  if (raw === '') return [line('(The reply has no text.)')];
  const chars = Array.from(raw); // whole characters, so a cut never splits an emoji
  const cut = chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT).join('')}…` : raw;
  const paragraphs = cut
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((l) => l.trimEnd()))
    .filter((lines) => lines.some((l) => l.trim() !== ''))
    .map((lines) => {
      const inlines: Inline[] = [];
      lines.forEach((l, i) => {
        if (i > 0) inlines.push(hardBreak());
        if (l !== '') inlines.push(text(l));
      });
      return p(...inlines);
    });
  const blocks: BlockContent[] = [blockQuote(...paragraphs)];
  if (chars.length > QUOTE_LIMIT) blocks.push(line('(Shortened: the whole reply is on the ticket.)'));
  return blocks;
}

function title(kind: AgentNoteKind, d: AgentNoteDetails): string {
  switch (kind) {
    case 'window-opened':
      return `Review window open: ${d.appName}`;
    case 'remediation-started':
      return `Remediation started: ${d.appName}`;
    case 'checks-not-run':
      return `Checks not run by the window’s end: ${d.appName}`;
    case 'overdue':
      return `Remediation overdue: ${d.appName}`;
    case 'passed':
      return `Review passed: ${d.appName}`;
    case 'unclear-answer':
      return `Partner's answer unclear: ${d.appName}`;
    case 'answer-recorded':
      return `Partner's answer recorded: ${d.appName}`;
    case 'escalation-raised':
      return `Escalation raised: ${d.appName}`;
    case 'soak-ended':
      return `Soak period ended: ${d.appName}`;
    case 'approval-blocked':
      return `Approval not recorded: ${d.appName}`;
  }
}

function body(kind: AgentNoteKind, d: AgentNoteDetails): BlockContent[] {
  const window = windowText(d);
  const due = d.remediationDue ? dateForPeople(d.remediationDue) : undefined;
  switch (kind) {
    case 'window-opened':
      return [
        line(
          `The ${cycleName(d)} window is open${window ? ` (${window})` : ''}. Run the checks and record each result in the panel.`,
        ),
        ...titledList('Checks to run:', d.pendingChecks),
        d.answer ? line(label('Partner’s answer so far:'), ` ${d.answer}`) : line('The partner has not answered yet.'),
      ];
    case 'remediation-started':
      return [
        line(
          `The ${cycleName(d)} window has closed with open issues. The partner must resolve them by `,
          label(due ?? 'the deadline'),
          '.',
        ),
        ...titledList('Failed checks:', d.failedChecks),
        ...titledList('Checks not yet done:', d.pendingChecks),
      ];
    case 'checks-not-run':
      return [
        line(
          `The ${cycleName(d)} window${window ? ` (${window})` : ''} has ended with checks not run. This is not the partner’s failure: nothing was put on them, and the review waits for you. Run the checks and record each result in the panel; if one fails, the partner gets four weeks from the day they are told.`,
        ),
        ...titledList('Checks not run:', d.pendingChecks),
        ...(d.answer ? [line(label('Partner’s answer:'), ` ${d.answer}`)] : []),
      ];
    case 'overdue': {
      const late = d.today && d.remediationDue ? daysLate(d.remediationDue, d.today) : undefined;
      return [
        line(
          `The remediation deadline of the ${cycleName(d)} has passed${due ? ` (${due}` : ''}${due && late ? `, ${late} day${late === 1 ? '' : 's'} ago` : ''}${due ? ')' : ''} with issues still open. Escalate to the program team.`,
        ),
        ...titledList('Failed checks:', d.failedChecks),
        ...titledList('Checks not yet done:', d.pendingChecks),
      ];
    }
    case 'passed':
      return [
        line(`Every check of the ${cycleName(d)} has passed. The next annual review is scheduled automatically.`),
      ];
    case 'unclear-answer':
      return [
        line(
          `A reply on this ticket could not be read as YES or NO${d.reason ? ` (${d.reason})` : ''}. Read it and set the answer in the panel.`,
        ),
        ...quoted(d.text),
      ];
    case 'answer-recorded':
      return [
        line(
          label('Answer:'),
          ` ${d.answer ?? 'not given'}`,
          d.source ? ` (from the ${d.source})` : '',
          d.reason ? `, ${d.reason}` : '',
        ),
        ...titledList('Categories named:', d.categories),
        ...(d.answer === 'NO' ? [line('The significant-changes check has passed on this answer.')] : []),
        ...(d.answer === 'YES'
          ? [
              line(
                'Check that the listing and the Privacy & Security tab reflect the changes, then record the significant-changes check.',
              ),
            ]
          : []),
      ];
    case 'escalation-raised':
      return [
        line(
          `A concern was raised${d.raisedBy ? ` by ${d.raisedBy === 'customer' ? 'a customer' : 'Atlassian'}` : ''}; it opens the ${cycleName(d)} with the same checks and the four-week rule.`,
        ),
        ...(d.concern ? quoted(d.concern) : []),
        ...(window ? [line(label('Review window:'), ` ${window}`)] : []),
        ...(due ? [line(label('Issues resolved by:'), ` ${due}`)] : []),
      ];
    case 'soak-ended':
      return [
        line(
          `The soak period of ${d.requirement ?? 'a requirement'} ended on ${d.soakUntil ? dateForPeople(d.soakUntil) : 'its end date'}: verify it and mark it met.`,
        ),
      ];
    case 'approval-blocked': {
      const open = d.openRequirements ?? [];
      const count = `${open.length} requirement${open.length === 1 ? ' is' : 's are'}`;
      return [
        line(
          `The ticket was moved to “${d.status ?? 'an approved status'}” in Jira, but ${count} not met or waived, so the app has not recorded an approval.`,
        ),
        ...titledList('Still open:', open),
        line(
          'The approval is recorded once they are met or waived and the status is set again, or with Approve in the panel.',
        ),
      ];
    }
  }
}

function daysLate(due: IsoDate, today: IsoDate): number | undefined {
  const days = DateTime.fromISO(today, { zone: 'utc' }).diff(DateTime.fromISO(due, { zone: 'utc' }), 'days').days;
  return Number.isFinite(days) && days > 0 ? Math.round(days) : undefined;
}

/** An internal note for the agents on the ticket. */
export function agentNote(kind: AgentNoteKind, details: AgentNoteDetails): AdfDoc {
  const d = { ...details, appName: cleanText(details.appName).trim() || 'the app' };
  return doc(heading({ level: 3 })(text(title(kind, d))), ...body(kind, d));
}
