import Ajv from 'ajv';
import adfJsonSchema from '@atlaskit/adf-schema/dist/json-schema/v1/full.json';
import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import {
  adfToPlainText,
  agentNote,
  AGENT_NOTE_KINDS,
  answerReminderComment,
  dateForPeople,
  noticeComment,
  remediationReminderComment,
  significantChangeForm,
  type AdfDoc,
} from '../../src/domain/messages';
import type { ProgramSettings } from '../../src/domain/program';
import { classifyReply } from '../../src/domain/reply-classifier';
import type { ReviewCycle } from '../../src/domain/review-types';

// Atlassian's published ADF JSON schema (draft-04; Ajv 8 reads it without checking the meta-schema).
const { $schema: _draft, ...schema } = adfJsonSchema as Record<string, unknown>;
const validateAdf = new Ajv({ strict: false, validateSchema: false, allErrors: true }).compile(schema);

function expectValidAdf(doc: AdfDoc): void {
  const valid = validateAdf(doc);
  expect(validateAdf.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

function textNodes(node: unknown): Array<{ text: string; marks?: Array<{ type: string }> }> {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as { type?: string; text?: string; content?: unknown[]; marks?: Array<{ type: string }> };
  const own = n.type === 'text' && typeof n.text === 'string' ? [{ text: n.text, marks: n.marks }] : [];
  return [...own, ...(n.content ?? []).flatMap(textNodes)];
}

function nodeTypes(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as { type?: string; content?: unknown[] };
  return [n.type ?? '?', ...(n.content ?? []).flatMap(nodeTypes)];
}

const march2027: ReviewCycle = {
  id: '2027',
  kind: 'annual',
  year: 2027,
  state: 'scheduled',
  stateSince: '2026-03-30T00:00:00.000Z',
  noticeOn: '2027-03-11',
  windowStart: '2027-03-25',
  windowEnd: '2027-03-31',
  remediationDue: '2027-04-28',
  checks: CLOUD_FORTIFIED.checks.map((c) => ({ id: c.id, result: 'pending' as const })),
  effects: {},
};

describe('the validation of ADF itself', () => {
  it('rejects what Jira would reject', () => {
    expect(validateAdf({ type: 'doc', version: 1, content: [{ type: 'text', text: 'bare text in a doc' }] })).toBe(
      false,
    );
    expect(
      validateAdf({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] }),
    ).toBe(false);
  });
});

describe('dateForPeople', () => {
  it('writes days as people read them', () => {
    expect(dateForPeople('2027-03-25')).toBe('25 March 2027');
    expect(dateForPeople('2028-02-29')).toBe('29 February 2028');
    expect(dateForPeople('2027-02-30')).toBe('2027-02-30');
    expect(dateForPeople('soon')).toBe('soon');
  });
});

describe('noticeComment', () => {
  const notice = noticeComment(CLOUD_FORTIFIED, 'Acme Timesheets', march2027);
  const visible = adfToPlainText(notice);

  it('is valid ADF', () => expectValidAdf(notice));

  it('fills the program text with the app and the dates, written for people', () => {
    expect(visible).toContain('Acme Timesheets is due for its annual Cloud Fortified review');
    expect(visible).toContain('from 25 March 2027 (UTC) to 31 March 2027 (UTC)');
    expect(visible).toContain('must be resolved by 28 April 2027 (UTC)');
    expect(visible).toContain('significant-change-form-2027.md');
    expect(visible).not.toMatch(/\{(app|windowStart|windowEnd|remediationDue|year)\}/);
  });

  it('shows the app name in bold', () => {
    expect(textNodes(notice).find((t) => t.text === 'Acme Timesheets')?.marks).toEqual([{ type: 'strong' }]);
  });

  it('uses the program text as data: {year}, paragraphs and unknown placeholders', () => {
    const program: ProgramSettings = {
      ...CLOUD_FORTIFIED,
      texts: {
        ...CLOUD_FORTIFIED.texts,
        notice: 'Review {year} of {app}.\n\nWindow: {windowStart}–{windowEnd}.\nKeep {unknown} as written.',
      },
    };
    const doc = noticeComment(program, 'Acme', march2027);
    expectValidAdf(doc);
    const text = adfToPlainText(doc);
    expect(text).toContain('Review 2027 of Acme.');
    expect(text).toContain('Window: 25 March 2027 (UTC)–31 March 2027 (UTC).\nKeep {unknown} as written.');
    expect(doc.content.filter((n) => n.type === 'paragraph').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a partner-chosen name as text, never as markup', () => {
    const name = '**Bold** [link](https://evil.example) @here <b>x</b> {windowEnd}';
    const doc = noticeComment(CLOUD_FORTIFIED, name, march2027);
    expectValidAdf(doc);
    expect(textNodes(doc).map((t) => t.text)).toContain(name);
    expect(nodeTypes(doc)).not.toContain('mention');
    expect(nodeTypes(doc)).not.toContain('inlineCard');
    expect(JSON.stringify(doc)).not.toContain('"link"');
  });

  it('tells the partner when the review is an escalation', () => {
    const escalation: ReviewCycle = { ...march2027, id: 'esc-1', kind: 'escalation' };
    const doc = noticeComment(CLOUD_FORTIFIED, 'Acme', escalation);
    expectValidAdf(doc);
    const shown = adfToPlainText(doc);
    expect(shown).toContain('A concern has been raised about the compliance of Acme');
    expect(shown).toContain(
      'an extra review, with the same checks as the annual one, from 25 March 2027 (UTC) to 31 March 2027 (UTC)',
    );
    expect(shown).not.toContain('annual Cloud Fortified review');
    expect(shown).toContain('significant-change-form-esc-1.md');
  });

  it("says what the concern is about, the checks concerned and the four weeks, never the customer's identity", () => {
    const concern = {
      text: 'Our security team found tokens in the app’s logs.',
      raisedBy: 'customer-account-42',
      at: '2027-03-25T09:00:00.000Z',
      source: 'customer' as const,
    };
    const checks = CLOUD_FORTIFIED.checks.map((c) => ({ id: c.id, result: 'pending' as const }));
    const doc = noticeComment(CLOUD_FORTIFIED, 'Acme', {
      ...march2027,
      id: 'esc-1',
      kind: 'escalation',
      concern,
      checks,
    });
    expectValidAdf(doc);
    const shown = adfToPlainText(doc);
    expect(shown).toContain('The concern, raised by a customer: Our security team found tokens in the app’s logs.');
    for (const check of CLOUD_FORTIFIED.checks) expect(shown).toContain(check.title);
    expect(shown).toContain(
      `You have 4 weeks after the review window, until ${dateForPeople(march2027.remediationDue)} (${CLOUD_FORTIFIED.timezone})`,
    );
    expect(shown).not.toContain('customer-account-42');
  });

  it('falls back to the annual text after a sentence of its own when the program has no escalation text', () => {
    const { escalationNotice: _none, ...texts } = CLOUD_FORTIFIED.texts;
    const program = { ...CLOUD_FORTIFIED, texts };
    const doc = noticeComment(program, 'Acme', { ...march2027, id: 'esc-1', kind: 'escalation' });
    expectValidAdf(doc);
    expect(adfToPlainText(doc)).toMatch(
      /^A concern has been raised about the compliance of Acme with the program[\s\S]*annual Cloud Fortified review/,
    );
  });
});

describe('reminders', () => {
  it('answer reminder names the app and the window', () => {
    const doc = answerReminderComment(CLOUD_FORTIFIED, 'Acme Timesheets', march2027);
    expectValidAdf(doc);
    const text = adfToPlainText(doc);
    expect(text).toContain('review of Acme Timesheets has started (25 March 2027 (UTC) to 31 March 2027 (UTC))');
    expect(text).toContain('starting with YES or NO');
  });

  it('remediation reminder names each failed requirement with what to do, the deadline in the program’s time zone and what happens next', () => {
    const cycle: ReviewCycle = {
      ...march2027,
      state: 'remediation',
      checks: [
        { id: 'privacy-security-tab', result: 'failed', note: 'internal: data residency field empty' },
        { id: 'support-contact', result: 'passed' },
        { id: 'bug-bounty', result: 'pending' },
        { id: 'significant-changes', result: 'passed' },
      ],
    };
    const doc = remediationReminderComment(CLOUD_FORTIFIED, 'Acme', cycle);
    expectValidAdf(doc);
    const text = adfToPlainText(doc);
    expect(text).toContain('must be resolved by 28 April 2027 (UTC)');
    expect(text).toContain(
      'Still to resolve:\n\n- Privacy & Security tab: Every field is filled in, and the past year’s relevant changes are reflected.',
    );
    expect(text).toContain('If issues are still open after 28 April 2027 (UTC), the review becomes overdue');
    // A check Atlassian has not run yet is not the partner's to resolve.
    expect(text).not.toContain('Bug Bounty');
    expect(text).not.toContain('Support contact');
    expect(text).not.toContain('internal: data residency');
  });
});

describe('agentNote', () => {
  const base = {
    appName: 'Acme Timesheets',
    cycleId: '2027',
    windowStart: '2027-03-25',
    windowEnd: '2027-03-31',
    remediationDue: '2027-04-28',
  };

  it.each(AGENT_NOTE_KINDS)('%s is valid ADF naming the app', (kind) => {
    const doc = agentNote(kind, {
      ...base,
      failedChecks: ['Bug Bounty'],
      pendingChecks: [],
      text: 'Maybe',
      reason: 'hedges',
    });
    expectValidAdf(doc);
    expect(adfToPlainText(doc)).toContain('Acme Timesheets');
  });

  it('window-opened lists the checks to run and whether the partner answered', () => {
    const text = adfToPlainText(
      agentNote('window-opened', { ...base, pendingChecks: ['Bug Bounty', 'Support contact'] }),
    );
    expect(text).toContain('window is open (25 March 2027 to 31 March 2027)');
    expect(text).toContain('Checks to run:\n\n- Bug Bounty\n- Support contact');
    expect(text).toContain('has not answered yet');
  });

  it('remediation-started gives the failed and pending checks and the deadline', () => {
    const text = adfToPlainText(
      agentNote('remediation-started', {
        ...base,
        failedChecks: ['Privacy & Security tab'],
        pendingChecks: ['Bug Bounty'],
      }),
    );
    expect(text).toContain('resolve them by 28 April 2027');
    expect(text).toContain('Failed checks:\n\n- Privacy & Security tab');
    expect(text).toContain('Checks not yet done:\n\n- Bug Bounty');
  });

  it('overdue says how late the fixes are', () => {
    const text = adfToPlainText(agentNote('overdue', { ...base, failedChecks: ['Bug Bounty'], today: '2027-05-01' }));
    expect(text).toContain('(28 April 2027, 3 days ago)');
    expect(text).toContain('- Bug Bounty');
  });

  it('unclear-answer quotes the reply as plain text, line by line', () => {
    const reply = 'Not sure **yet**\n[click](https://x.example) @all\n\n{"type":"mention"}';
    const doc = agentNote('unclear-answer', { ...base, reason: 'hedges ("not sure")', text: reply });
    expectValidAdf(doc);
    const quote = doc.content.find((n) => n.type === 'blockquote');
    expect(textNodes(quote).map((t) => t.text)).toEqual([
      'Not sure **yet**',
      '[click](https://x.example) @all',
      '{"type":"mention"}',
    ]);
    expect(textNodes(quote).every((t) => t.marks === undefined)).toBe(true);
    expect(nodeTypes(doc)).not.toContain('mention');
    expect(adfToPlainText(doc)).toContain('could not be read as YES or NO (hedges ("not sure"))');
  });

  it('unclear-answer copes with an empty or very long reply', () => {
    expectValidAdf(agentNote('unclear-answer', { ...base, text: '' }));
    const long = agentNote('unclear-answer', { ...base, text: 'x'.repeat(10_000) });
    expectValidAdf(long);
    expect(adfToPlainText(long)).toContain('Shortened');
    expect(adfToPlainText(long).length).toBeLessThan(4000);
  });

  it('answer-recorded says what was recorded and what happens next', () => {
    const no = adfToPlainText(
      agentNote('answer-recorded', { ...base, answer: 'NO', source: 'reply', reason: 'starts with "No"' }),
    );
    expect(no).toContain('Answer: NO (from the reply), starts with "No"');
    expect(no).toContain('significant-changes check has passed');
    const yes = adfToPlainText(agentNote('answer-recorded', { ...base, answer: 'YES', categories: ['Data stores'] }));
    expect(yes).toContain('Categories named:\n\n- Data stores');
    expect(yes).toContain('Privacy & Security tab reflect the changes');
  });

  it('escalation-raised quotes the concern and gives the dates', () => {
    const doc = agentNote('escalation-raised', {
      ...base,
      cycleId: 'esc-1',
      concern: 'Customer reports data sent to an unknown host',
      raisedBy: 'customer',
    });
    expectValidAdf(doc);
    const text = adfToPlainText(doc);
    expect(text).toContain('raised by a customer');
    expect(text).toContain('> Customer reports data sent to an unknown host');
    expect(text).toContain('Issues resolved by: 28 April 2027');
  });
});

describe('significantChangeForm', () => {
  const form = significantChangeForm(CLOUD_FORTIFIED, 'Acme Timesheets', march2027);

  it('has a file name that is the same for the same cycle', () => {
    expect(form.fileName).toBe('significant-change-form-2027.md');
    expect(significantChangeForm(CLOUD_FORTIFIED, 'Renamed app', march2027).fileName).toBe(form.fileName);
    expect(
      significantChangeForm(CLOUD_FORTIFIED, 'Acme', { ...march2027, id: 'esc-2', kind: 'escalation' }).fileName,
    ).toBe('significant-change-form-esc-2.md');
  });

  it('is titled with the program form title, the app and the year, and gives the dates with the time zone', () => {
    expect(form.markdown.split('\n')[0]).toBe('# Cloud Fortified significant-change form: Acme Timesheets (2027)');
    expect(form.markdown).toContain('Review window: 25 March 2027 to 31 March 2027 (dates in UTC).');
    expect(form.markdown).toContain('resolved by 28 April 2027 (UTC)');
    const sydney = significantChangeForm({ ...CLOUD_FORTIFIED, timezone: 'Australia/Sydney' }, 'Acme', march2027);
    expect(sydney.markdown).toContain('(dates in Australia/Sydney)');
  });

  it("lists the document's eleven categories with its titles and examples", () => {
    const headings = [...form.markdown.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(headings.slice(0, 11)).toEqual([
      'New or significant updates to software libraries, platforms or operating systems',
      'Addition or removal of subprocessors',
      'Addition or removal of core app features',
      'Changes to infrastructure or hosting',
      'Addition or removal of security controls',
      'Additions or modifications to cryptographic tools and services',
      'Changes to input validation',
      'New or modified APIs affecting data access or security (authentication and authorisation, encryption, logging, audit trails, rate limits, endpoints)',
      'System monitoring',
      'Data stores',
      'Atlassian developer platform used',
    ]);
    for (const example of [
      'OpenSSL',
      'SendGrid or Brevo',
      'document editor removed',
      're-learn',
      'own data centre to AWS, Azure or Google Cloud',
      'AWS WAF or Cloudflare',
      'Argon2',
      'cross-site scripting (XSS)',
      'anonymised IDs',
      'Nagios to Datadog',
      'MySQL to PostgreSQL',
      'Connect to Forge',
    ]) {
      expect(form.markdown).toContain(example);
    }
  });

  it('can be filled in: a YES/NO line, and per category a box to tick and the three questions', () => {
    expect(form.markdown).toContain('Has the app had any significant change in the past year?\n\nAnswer (YES or NO): ');
    const n = CLOUD_FORTIFIED.changeCategories.length;
    expect(form.markdown.match(/^- \[ \] Changed$/gm)).toHaveLength(n);
    expect(form.markdown.match(/^- What changed: $/gm)).toHaveLength(n);
    expect(form.markdown.match(/^- How does it affect security or reliability: $/gm)).toHaveLength(n);
    expect(
      form.markdown.match(/^- Marketplace listing and Privacy & Security tab updated \(yes \/ no\): $/gm),
    ).toHaveLength(n);
    expect(form.markdown).toContain('Cloud Fortified panel of this request');
    expect(form.markdown).toContain('JSM form');
  });

  it('sent back unfilled answers nothing, and the example it shows names nothing', () => {
    expect(classifyReply(form.markdown, CLOUD_FORTIFIED)).toMatchObject({ answer: 'UNCLEAR', categories: [] });
  });

  it('sent back filled in (as a partner pastes it into an e-mail) is read: the YES line and the ticked categories', () => {
    const filled = form.markdown
      .replace('Answer (YES or NO): ', 'Answer (YES or NO): yes')
      .replace(
        /(### Addition or removal of subprocessors\n\nFor example: [^\n]*\n\n)- \[ \] Changed\n- What changed: /,
        '$1- [x] Changed\n- What changed: Brevo replaced SendGrid',
      )
      .replace(
        /(### Data stores\n\nFor example: [^\n]*\n\n)- \[ \] Changed\n- What changed: /,
        '$1- [ ] Changed\n- What changed: n/a',
      );
    expect(classifyReply(`Hi team, here is our form.\n\n${filled}\n\nBest regards,\nJane`, CLOUD_FORTIFIED)).toEqual({
      answer: 'YES',
      categories: ['subprocessors'],
      reason: 'the form says "Yes"',
    });
    const no = form.markdown.replace('Answer (YES or NO): ', 'Answer (YES or NO): **NO**');
    expect(classifyReply(no, CLOUD_FORTIFIED)).toMatchObject({ answer: 'NO', categories: [] });
    const contradictory = no.replace(/- \[ \] Changed/, '- [x] Changed');
    expect(classifyReply(contradictory, CLOUD_FORTIFIED)).toMatchObject({
      answer: 'UNCLEAR',
      reason: expect.stringMatching(/NO in the form but ticks New or significant updates/),
    });
  });

  it('filled in below a YES written above it, with the answer line left blank, is read as YES', () => {
    const section = form.markdown.slice(form.markdown.indexOf('## Significant change'));
    const ticked = section.replace(
      /(### System monitoring\n\nFor example: [^\n]*\n\n)- \[ \] Changed/,
      '$1- [X] Changed',
    );
    expect(classifyReply(`YES\n\n${ticked}`, CLOUD_FORTIFIED)).toMatchObject({
      answer: 'YES',
      categories: ['monitoring'],
    });
  });

  it('follows the program: another program has other categories', () => {
    const program: ProgramSettings = {
      ...CLOUD_FORTIFIED,
      texts: { ...CLOUD_FORTIFIED.texts, formTitle: 'Successor programme change form' },
      changeCategories: [{ id: 'ai', title: 'AI models', examples: ['A new model provider'] }],
    };
    const other = significantChangeForm(program, 'Acme', march2027);
    expect(other.markdown).toContain('# Successor programme change form: Acme (2027)');
    expect(other.markdown).toContain('### AI models');
    expect(other.markdown).not.toContain('Subprocessors');
  });

  it('teaches a way of answering that the app reads back', () => {
    const example = /```\n([\s\S]*?)```/.exec(form.markdown)?.[1] ?? '';
    expect(example).toContain('Answer (YES or NO): YES');
    expect(classifyReply(example, CLOUD_FORTIFIED)).toMatchObject({ answer: 'YES', categories: ['libraries'] });
  });
});

describe('adfToPlainText', () => {
  it('renders lists, line breaks and quotes, one block per paragraph', () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Yes' }, { type: 'hardBreak' }, { type: 'text', text: 'see below' }],
        },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted notice' }] }] },
        { type: 'paragraph', content: [{ type: 'mention', attrs: { id: 'x', text: '@Jane' } }] },
      ],
    };
    expect(adfToPlainText(doc)).toBe('Yes\nsee below\n\n- one\n\n> quoted notice\n\n@Jane');
  });

  it('never throws on malformed documents', () => {
    for (const bad of [
      null,
      undefined,
      'text',
      42,
      {},
      { type: 'doc', content: 'x' },
      { type: 'doc', content: [null, 1, { type: 'text' }] },
    ]) {
      expect(() => adfToPlainText(bad)).not.toThrow();
    }
    expect(
      adfToPlainText({ type: 'doc', content: [null, { type: 'paragraph', content: [{ type: 'text', text: 'ok' }] }] }),
    ).toBe('ok');
  });

  it('lets the classifier ignore a quote in a portal comment', () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'blockquote',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Start your reply with YES or NO' }] }],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'no' }] },
      ],
    };
    expect(classifyReply(adfToPlainText(doc), CLOUD_FORTIFIED).answer).toBe('NO');
  });
});

describe('odd input never makes invalid ADF', () => {
  it('an empty app name, control characters and emoji at the cut', () => {
    const weird = 'Acme\u0000\u0007 Apps\n';
    for (const doc of [
      noticeComment(CLOUD_FORTIFIED, '', march2027),
      noticeComment(CLOUD_FORTIFIED, weird, { ...march2027, kind: 'escalation', id: 'esc-1' }),
      answerReminderComment(CLOUD_FORTIFIED, '   ', march2027),
      remediationReminderComment(CLOUD_FORTIFIED, weird, march2027),
      agentNote('unclear-answer', { appName: '', cycleId: '2027', text: `\u0000${'😀'.repeat(5000)}` }),
      agentNote('escalation-raised', { appName: weird, cycleId: 'esc-1', concern: '\u0001' }),
    ]) {
      expectValidAdf(doc);
      expect(JSON.stringify(doc)).not.toMatch(/\\u000[0-8]/);
    }
    expect(adfToPlainText(noticeComment(CLOUD_FORTIFIED, weird, march2027))).toContain('Acme Apps is due');
    expect(adfToPlainText(noticeComment(CLOUD_FORTIFIED, '', march2027))).toContain('your app is due');
  });
});
