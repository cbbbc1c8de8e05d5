import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import type { ProgramSettings } from '../../src/domain/program';
import { classifyReply } from '../../src/domain/reply-classifier';

type Expected = { answer: 'YES' | 'NO' | 'UNCLEAR'; categories?: string[]; reason?: RegExp };

const NOTICE_QUOTE = [
  '> Hello! Acme Timesheets is due for its annual Cloud Fortified review, which takes place from 25 March 2027 to 31 March 2027.',
  '> Please read the attached significant-change form and reply to this ticket: has the app had any significant change in the past year?',
  '> Start your reply with YES or NO. If YES, tell us what changed in each category of the form.',
].join('\n');

const cases: Array<[string, string, Expected]> = [
  // Plain answers, any casing and punctuation
  ['bare YES', 'YES', { answer: 'YES', categories: [], reason: /starts with "Yes"/ }],
  ['YES with full stop', 'YES.', { answer: 'YES', reason: /starts with "Yes"/ }],
  ['lower-case no with full stop', 'no.', { answer: 'NO', reason: /starts with "No"/ }],
  ['nope', 'nope', { answer: 'NO', reason: /starts with "Nope"/ }],
  ['shouted NO!', 'NO!', { answer: 'NO' }],
  ['mixed case yEs', 'yEs', { answer: 'YES' }],
  ['bold markdown answer', '**No**, nothing changed.', { answer: 'NO' }],
  ['No significant changes', 'No significant changes this year', { answer: 'NO', reason: /starts with "No"/ }],
  ['No - nothing changed', 'No - nothing has changed since last year.', { answer: 'NO' }],
  ['Yes - see below', 'Yes - see below', { answer: 'YES', categories: [] }],
  ['Yes, we moved to Forge', 'Yes, we moved to Forge', { answer: 'YES', categories: ['developer-platform'] }],
  [
    'yep with keywords',
    'yep - we migrated from Connect to Forge and now keep data in Forge SQL',
    { answer: 'YES', categories: ['data-stores', 'developer-platform'] },
  ],

  // Greetings and fillers before the answer
  ['greeting then no changes', 'Hi team, no changes for us this year', { answer: 'NO' }],
  [
    'greeting on its own line',
    'Hello Atlassian team,\n\nNo, no significant changes.\n\nBest regards,\nJane Doe\nAcme Apps',
    { answer: 'NO' },
  ],
  ['thanks for the reminder then answer', 'Thanks for the reminder! No changes on our side.', { answer: 'NO' }],
  [
    'dear team, yes',
    'Dear Cloud Fortified team,\nYES - we added a new subprocessor (Mailgun) for e-mail notifications.',
    { answer: 'YES', categories: ['subprocessors'] },
  ],
  [
    'nothing has changed without yes/no',
    'Nothing has changed in the past year.',
    { answer: 'NO', reason: /says "nothing has changed"/ },
  ],
  ['there were no changes', 'Good morning, there were no significant changes to the app.', { answer: 'NO' }],

  // E-mail: quoted notice and signatures
  [
    'gmail reply: NO above the quoted notice',
    `No\n\nOn Tue, 11 Mar 2027 at 09:12, Cloud Fortified Support <support@example.com> wrote:\n${NOTICE_QUOTE}`,
    { answer: 'NO' },
  ],
  [
    'gmail reply with the header split over two lines',
    `Yes, see the form headings below.\n\nOn Tue, 11 Mar 2027 at 09:12, Cloud Fortified Support <support@example.com>\nwrote:\n${NOTICE_QUOTE}`,
    { answer: 'YES', categories: [] },
  ],
  [
    'outlook reply with Original Message and no > quoting',
    'No changes for Acme Timesheets.\n\n-----Original Message-----\nFrom: Cloud Fortified Support\nSent: Tuesday, March 11, 2027 9:12 AM\nSubject: Annual review\n\nStart your reply with YES or NO.',
    { answer: 'NO' },
  ],
  [
    'outlook From/Sent header block',
    'Yes: we moved our hosting from Heroku to AWS.\n\nFrom: Cloud Fortified Support <support@example.com>\nSent: 11 March 2027 09:12\nTo: Jane Doe\nSubject: RE: Annual review\n\nhas the app had any significant change? Start your reply with YES or NO.',
    { answer: 'YES', categories: ['infrastructure'] },
  ],
  ['signature with -- separator', 'No.\n-- \nJane Doe\nHead of Security, No Yes Ltd', { answer: 'NO' }],
  ['sent from my iPhone', 'nope, nothing new\n\nSent from my iPhone', { answer: 'NO' }],
  [
    'thanks + name signature',
    'Yes - we replaced MySQL with Postgres.\n\nThanks,\nJane',
    { answer: 'YES', categories: ['data-stores'] },
  ],
  [
    'bottom-posted answer below the quote',
    `On Tue, 11 Mar 2027 at 09:12, Cloud Fortified Support <support@example.com> wrote:\n${NOTICE_QUOTE}\n\nNo, nothing changed.`,
    { answer: 'NO' },
  ],
  [
    'only the quoted notice',
    `On Tue, 11 Mar 2027, Support wrote:\n${NOTICE_QUOTE}`,
    { answer: 'UNCLEAR', reason: /no words of its own/ },
  ],
  ['only a signature', '-- \nJane Doe', { answer: 'UNCLEAR', reason: /no words of its own/ }],
  [
    'JSM reply-above-this-line marker',
    'YES\n\n—-—-—-—\nReply above this line.\n\nCloud Fortified Support commented: Start your reply with YES or NO.',
    { answer: 'YES' },
  ],

  // Answers by the form's headings
  [
    'portal reply using the form headings',
    'YES\n\n## Subprocessors\nWe added Sentry for error reports.\n\n## Data stores\nNone\n\n## Infrastructure or hosting\nMoved from eu-west-1 to eu-central-1.',
    { answer: 'YES', categories: ['subprocessors', 'infrastructure'] },
  ],
  [
    'headings with colons and dashes',
    'Yes.\nSubprocessors: added Postmark for mail.\nData stores - moved attachments to S3.\nSecurity controls: N/A\nCryptographic tools and services: no change',
    { answer: 'YES', categories: ['subprocessors', 'data-stores'] },
  ],
  [
    'bulleted bold headings',
    'Yes, details:\n- **Atlassian developer platform used:** the app now runs on Forge.\n- **System monitoring:** Datadog replaced by Grafana Cloud.',
    { answer: 'YES', categories: ['monitoring', 'developer-platform'] },
  ],
  [
    'free-text yes with a negated category',
    'Yes. We moved to Forge, no new subprocessors and no change to our data stores.',
    { answer: 'YES', categories: ['developer-platform'] },
  ],
  [
    'we made changes without saying yes',
    'We made some significant changes: new OAuth authentication endpoints.',
    { answer: 'YES', categories: ['apis'] },
  ],

  // Never guess
  ['empty text', '', { answer: 'UNCLEAR', reason: /empty/ }],
  ['whitespace only', '   \n\t ', { answer: 'UNCLEAR', reason: /empty/ }],
  ['not sure', 'Not sure', { answer: 'UNCLEAR', reason: /not sure/ }],
  ['yes and no', 'yes and no', { answer: 'UNCLEAR', reason: /both yes and no/ }],
  ['No? Let me check', 'No? Let me check', { answer: 'UNCLEAR', reason: /question/ }],
  ["I'll get back to you", "I'll get back to you", { answer: 'UNCLEAR', reason: /get back to you/ }],
  ['Yes no changes', 'Yes no changes', { answer: 'UNCLEAR', reason: /both yes and no/ }],
  ['yes, no changes', 'Yes, no changes this year', { answer: 'UNCLEAR', reason: /both yes and no/ }],
  ['yes/no', 'Yes/No', { answer: 'UNCLEAR', reason: /both yes and no/ }],
  ['no then yes', 'No. Well, actually yes, we changed the database.', { answer: 'UNCLEAR', reason: /both yes and no/ }],
  ['a question', 'What counts as a significant change?', { answer: 'UNCLEAR', reason: /question/ }],
  ['no with hedge', "No, I don't think so, but let me check with the team.", { answer: 'UNCLEAR', reason: /hedges/ }],
  ['no idea', 'No idea, the developer who knows is on holiday.', { answer: 'UNCLEAR', reason: /hedges/ }],
  ['maybe', 'Maybe - we are still deciding about Forge.', { answer: 'UNCLEAR' }],
  [
    'no answer word',
    'We received the form, thank you.',
    { answer: 'UNCLEAR', reason: /does not (?:start with|answer) YES or NO/ },
  ],
  ['greeting only', 'Hi team,', { answer: 'UNCLEAR' }],
  [
    'no but names a change',
    'No significant changes, but we did move to Forge remote.',
    { answer: 'UNCLEAR', reason: /no but names a change/ },
  ],
  ['yes with a hedge', 'Yes, probably - I need to check with engineering.', { answer: 'UNCLEAR', reason: /hedges/ }],
  ['yes then a bare no', 'Yes. No.', { answer: 'UNCLEAR', reason: /both yes and no/ }],
  [
    'yes with no other changes',
    'Yes, we moved to Forge. No other changes otherwise.',
    { answer: 'YES', categories: ['developer-platform'] },
  ],
  ['answer quoted only in the notice', NOTICE_QUOTE, { answer: 'UNCLEAR' }],

  // The program document's own examples, in partners' words
  [
    'OpenSSL patched',
    'yes - we patched openssl to 3.0.13 after the CVE.',
    { answer: 'YES', categories: ['libraries'] },
  ],
  [
    'SendGrid replaced by Brevo',
    'Yes, we switched our e-mail sending from SendGrid to Brevo.',
    { answer: 'YES', categories: ['subprocessors'] },
  ],
  [
    'built-in document editor removed',
    'Yes. The built-in document editor is no longer part of the app.',
    { answer: 'YES', categories: ['core-features'] },
  ],
  [
    'a UI users must re-learn',
    'yes: a redesigned UI that our users will have to re-learn',
    { answer: 'YES', categories: ['core-features'] },
  ],
  [
    'own data centre to AWS',
    'Yes - moved from our own data centre to AWS (eu-west-1).',
    { answer: 'YES', categories: ['infrastructure'] },
  ],
  [
    'Cloudflare in front',
    'YES, Cloudflare now sits in front of the app.',
    { answer: 'YES', categories: ['security-controls'] },
  ],
  [
    'Argon2 for passwords',
    'Yes, passwords are now hashed with Argon2 instead of SHA-256.',
    { answer: 'YES', categories: ['cryptography'] },
  ],
  [
    'XSS sanitising',
    'yes, we sanitise rich text against XSS with DOMPurify now',
    { answer: 'YES', categories: ['input-validation'] },
  ],
  [
    'e-mail endpoint replaced by anonymised IDs',
    'Yes. The /users endpoint that returned e-mail addresses now returns anonymised IDs.',
    { answer: 'YES', categories: ['apis'] },
  ],
  ['Nagios to Datadog', 'Yes, monitoring moved from Nagios to Datadog.', { answer: 'YES', categories: ['monitoring'] }],
  ['MySQL to PostgreSQL', 'yes we migrated mysql to postgresql', { answer: 'YES', categories: ['data-stores'] }],
  [
    'Connect to Forge',
    'Yes! We completed our migration from Connect to Forge in June.',
    { answer: 'YES', categories: ['developer-platform'] },
  ],
  [
    "the document's headings without their openings",
    'YES\n\nSubprocessors: Brevo replaces SendGrid.\nCore app features - removed the document editor.\nInput validation: none\n\nThanks,\nPriya',
    { answer: 'YES', categories: ['subprocessors', 'core-features'] },
  ],
  [
    "the document's full headings",
    'Yes\n\n## Additions or modifications to cryptographic tools and services\nArgon2id for stored secrets.\n\n## Changes to infrastructure or hosting\nN/A',
    { answer: 'YES', categories: ['cryptography'] },
  ],

  // A yes or no that answers something else
  ['Yes, we received your message', 'Yes, we received your message.', { answer: 'UNCLEAR', reason: /something else/ }],
  [
    "No problem, we'll fill in the form",
    "No problem, we'll fill in the form",
    { answer: 'UNCLEAR', reason: /not answer YES or NO/ },
  ],
  ['no problem alone', 'No problem!', { answer: 'UNCLEAR', reason: /"No problem" is not an answer/ }],
  [
    'no worries lower case',
    "no worries, we'll get back to you by friday\n\nsent from my iphone",
    { answer: 'UNCLEAR' },
  ],
  [
    'yes, got the reminder',
    'Hi,\nyes we got the reminder, will reply next week.\n\nRegards\nTom',
    { answer: 'UNCLEAR' },
  ],
  [
    "no, we'll send it later",
    "No, we'll send the form later this week.",
    { answer: 'UNCLEAR', reason: /something else/ },
  ],
  ["no, haven't seen the form", "No - we haven't seen the attachment, can you resend?", { answer: 'UNCLEAR' }],
  ['yes please', 'Yes please', { answer: 'UNCLEAR' }],
  ['no problem, then a real NO', 'No problem. No changes this year.', { answer: 'NO' }],
  ['ok, then a real YES', 'OK, yes: we moved from Nagios to Datadog.', { answer: 'YES', categories: ['monitoring'] }],
  [
    'received, quoted notice below',
    `Yes, received, thanks!\n\nOn Tue, 11 Mar 2027 at 09:12, Cloud Fortified Support <support@example.com> wrote:\n${NOTICE_QUOTE}`,
    { answer: 'UNCLEAR' },
  ],
];

describe('classifyReply', () => {
  it('has a realistic table of at least 40 replies', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%s', (_name, reply, expected) => {
    const result = classifyReply(reply, CLOUD_FORTIFIED);
    expect(result.answer).toBe(expected.answer);
    if (expected.categories) expect(result.categories).toEqual(expected.categories);
    if (expected.answer !== 'YES') expect(result.categories).toEqual([]);
    if (expected.reason) expect(result.reason).toMatch(expected.reason);
    expect(result.reason.length).toBeGreaterThan(0);
  });

  it('reads categories from the program given, not from a built-in list', () => {
    const program: ProgramSettings = {
      ...CLOUD_FORTIFIED,
      changeCategories: [
        { id: 'ai-models', title: 'AI models and providers', examples: [], keywords: ['llm', 'language model'] },
        { id: 'residency', title: 'Data residency', examples: [] },
      ],
    };
    expect(classifyReply('Yes: we now call an LLM hosted by a new provider.', program)).toEqual({
      answer: 'YES',
      categories: ['ai-models'],
      reason: 'starts with "Yes"',
    });
    expect(classifyReply('Yes\n\nData residency: we added an EU region.', program).categories).toEqual(['residency']);
    // The Cloud Fortified keyword is unknown to this program.
    expect(classifyReply('Yes, we moved to Forge.', program).categories).toEqual([]);
  });

  it('never throws on odd input', () => {
    const odd = ['\u0000', '>>>>', '-- ', '?', 'y'.repeat(100_000), '\r\n\r\n', '\u200bNo\u00a0changes'];
    for (const text of odd) expect(() => classifyReply(text, CLOUD_FORTIFIED)).not.toThrow();
    expect(classifyReply('\u200bNo\u00a0changes', CLOUD_FORTIFIED).answer).toBe('NO');
    expect(classifyReply(undefined as unknown as string, CLOUD_FORTIFIED).answer).toBe('UNCLEAR');
  });
});
