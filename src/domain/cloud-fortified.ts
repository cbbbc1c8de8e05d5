import type { ProgramSettings } from './program';

/** The Cloud Fortified Apps Program as published by Atlassian: the default program. */
/** The short public update when a submission's next step changes hands (also for programs saved before the text existed). */
export const PROGRESS_UPDATE_TEXT =
  'Your Cloud Fortified submission of {app} has moved on: it is now at the stage “{stage}”. {nextStep}\n\n' +
  'We’ll update you on your progress.';

export const CLOUD_FORTIFIED: ProgramSettings = {
  name: 'Cloud Fortified Apps Program',
  // Atlassian opened the program in 2022; from the year's first day, so no real approval is refused.
  startedOn: '2022-01-01',
  timezone: 'UTC',
  projects: [],
  requestTypes: [],
  escalationRequestTypes: ['Report a concern about an app'],
  programUpdates: [],
  statusMapping: [
    { status: 'Open', stage: 'submitted' },
    { status: 'Waiting for support', stage: 'triage' },
    { status: 'In triage', stage: 'triage' },
    { status: 'Waiting for customer', stage: 'awaiting-partner' },
    { status: 'Waiting for partner', stage: 'awaiting-partner' },
    { status: 'In verification', stage: 'verifying' },
    { status: 'Soaking', stage: 'soaking' },
    { status: 'Approved', stage: 'approved' },
    { status: 'Declined', stage: 'declined' },
    { status: 'Withdrawn', stage: 'withdrawn' },
  ],
  components: [
    {
      id: 'bug-bounty',
      title: 'Marketplace Bug Bounty participation',
      area: 'security',
      description: 'The app takes part in the Marketplace Bug Bounty program.',
      soaks: true,
      soakDays: 30,
    },
    {
      id: 'privacy-security-tab',
      title: 'Privacy & Security tab completed',
      area: 'security',
      description: 'Every field of the Marketplace listing’s Privacy & Security tab is filled in.',
      soaks: false,
    },
    {
      id: 'slis-slos',
      title: 'SLIs and SLOs defined',
      area: 'reliability',
      description: 'Service level indicators and objectives are defined over a 28-day window.',
      soaks: true,
      soakDays: 28,
    },
    {
      id: 'synthetic-checks',
      title: 'Synthetic tests or health check',
      area: 'reliability',
      description: 'Synthetic tests or a health check exercise the app continuously.',
      soaks: false,
    },
    {
      id: 'alert-address',
      title: 'SLO breach alert address',
      area: 'reliability',
      description: 'An address receives SLO breach notifications.',
      soaks: false,
    },
    {
      id: 'incident-management',
      title: 'Incident management process',
      area: 'reliability',
      description: 'An incident management process is in place and documented.',
      soaks: false,
    },
    {
      id: 'support-t1-response',
      title: 'T1 response within 24 hours',
      area: 'support',
      description:
        'First response within 24 hours, 5 days a week, in the partner’s time zone, stated in the support policy.',
      soaks: false,
    },
    {
      id: 'support-contact',
      title: 'Primary support contact',
      area: 'support',
      description: 'A primary contact handles Atlassian’s support tickets for the app.',
      soaks: false,
    },
  ],
  checks: [
    {
      id: 'privacy-security-tab',
      title: 'Privacy & Security tab',
      description: 'Every field is filled in, and the past year’s relevant changes are reflected.',
    },
    {
      id: 'support-contact',
      title: 'Support contact',
      description: 'An up-to-date support contact is listed.',
    },
    {
      id: 'bug-bounty',
      title: 'Bug Bounty',
      description: 'The app still takes part in the Marketplace Bug Bounty program.',
    },
    {
      id: 'significant-changes',
      title: 'Significant changes',
      description:
        'The partner answered YES or NO; on YES, the listing and the Privacy & Security tab reflect the changes.',
    },
  ],
  // The annual review document's categories, with its own titles and examples.
  changeCategories: [
    {
      id: 'libraries',
      title: 'New or significant updates to software libraries, platforms or operating systems',
      examples: ['OpenSSL patched to a new version'],
      keywords: ['library', 'libraries', 'dependency', 'dependencies', 'framework', 'frameworks', 'runtime', 'operating system', 'openssl', 'node.js', 'nodejs', 'java version', 'upgraded to', 'upgrade to'],
    },
    {
      id: 'subprocessors',
      title: 'Addition or removal of subprocessors',
      examples: ['SendGrid or Brevo added to send e-mail'],
      keywords: ['subprocessor', 'subprocessors', 'sub-processor', 'sub-processors', 'third-party provider', 'third party provider', 'vendor', 'sendgrid', 'brevo', 'sendinblue', 'mailgun', 'postmark', 'mailchimp', 'e-mail provider', 'email provider'],
    },
    {
      id: 'core-features',
      title: 'Addition or removal of core app features',
      examples: ['A new user interface that users must re-learn', 'A built-in document editor removed'],
      keywords: ['core feature', 'core features', 'new feature', 'new features', 'app feature', 'app features', 'document editor', 're-learn', 'relearn', 'new user interface', 'new ui', 'redesigned', 'redesign', 'feature removed', 'removed the feature'],
    },
    {
      id: 'infrastructure',
      title: 'Changes to infrastructure or hosting',
      examples: ['A move from our own data centre to AWS, Azure or Google Cloud'],
      keywords: ['infrastructure', 'hosting', 'hosted', 'cloud provider', 'data centre', 'data center', 'datacenter', 'aws', 'azure', 'gcp', 'google cloud', 'heroku', 'new region', 'data residency'],
    },
    {
      id: 'security-controls',
      title: 'Addition or removal of security controls',
      examples: ['AWS WAF or Cloudflare put in front of the app'],
      keywords: ['security control', 'security controls', 'access control', 'firewall', 'network rules', 'secrets management', 'waf', 'aws waf', 'cloudflare', 'ddos protection'],
    },
    {
      id: 'cryptography',
      title: 'Additions or modifications to cryptographic tools and services',
      examples: ['Passwords hashed with Argon2'],
      keywords: ['cryptography', 'cryptographic', 'encryption algorithm', 'key management', 'kms', 'tls', 'argon2', 'bcrypt', 'scrypt', 'hashing algorithm', 'password hashing'],
    },
    {
      id: 'input-validation',
      title: 'Changes to input validation',
      examples: ['User input sanitised against cross-site scripting (XSS)'],
      keywords: ['input validation', 'sanitisation', 'sanitization', 'sanitising', 'sanitizing', 'sanitise', 'sanitize', 'validating user input', 'xss', 'cross-site scripting', 'cross site scripting', 'sql injection'],
    },
    {
      id: 'apis',
      title:
        'New or modified APIs affecting data access or security (authentication and authorisation, encryption, logging, audit trails, rate limits, endpoints)',
      examples: ['An endpoint that returned e-mail addresses replaced by one that returns anonymised IDs'],
      keywords: ['api', 'apis', 'endpoint', 'endpoints', 'authentication', 'authorisation', 'authorization', 'oauth', 'rate limit', 'rate limits', 'audit trail', 'audit trails', 'audit log', 'anonymised ids', 'anonymized ids'],
    },
    {
      id: 'monitoring',
      title: 'System monitoring',
      examples: ['A move from Nagios to Datadog'],
      keywords: ['monitoring', 'alerting', 'observability', 'nagios', 'datadog', 'new relic', 'sentry', 'grafana', 'prometheus', 'opsgenie', 'pagerduty'],
    },
    {
      id: 'data-stores',
      title: 'Data stores',
      examples: ['A move from MySQL to PostgreSQL'],
      keywords: ['data store', 'data stores', 'database', 'databases', 'postgres', 'postgresql', 'mysql', 'dynamodb', 'mongodb', 'redis', 's3 bucket', 'forge storage', 'forge sql'],
    },
    {
      id: 'developer-platform',
      title: 'Atlassian developer platform used',
      examples: ['A move from Connect to Forge'],
      keywords: ['developer platform', 'connect to forge', 'to forge', 'forge remote', 'migrated to forge', 'moved to forge', 'runs on forge', 'atlassian connect'],
    },
  ],
  timings: {
    noticeDaysBefore: 14,
    windowDays: 7,
    remediationDays: 28,
    remediationReminderDaysBefore: 7,
  },
  texts: {
    notice:
      'Hello! {app} is due for its annual Cloud Fortified review, which takes place from {windowStart} to {windowEnd}. ' +
      'Please read the attached significant-change form and reply to this ticket: has the app had any significant change in the past year? ' +
      'Start your reply with YES or NO. If YES, tell us what changed in each category of the form, how it affects security or reliability, ' +
      'and confirm that your Marketplace listing and Privacy & Security tab are up to date. ' +
      'Any issues found in the review must be resolved by {remediationDue}.',
    escalationNotice:
      'Hello! A concern has been raised about the compliance of {app} with the Cloud Fortified program, so it has an extra review, ' +
      'with the same checks as the annual one, from {windowStart} to {windowEnd}. ' +
      'Please read the attached significant-change form and reply to this ticket: has the app had any significant change since its last review? ' +
      'Start your reply with YES or NO. If YES, tell us what changed in each category of the form, how it affects security or reliability, ' +
      'and confirm that your Marketplace listing and Privacy & Security tab are up to date. ' +
      'Any issues found in the review must be resolved by {remediationDue}.',
    answerReminder:
      'A reminder: the annual Cloud Fortified review of {app} has started ({windowStart} to {windowEnd}) and we have not yet had your answer. ' +
      'Please reply to this ticket starting with YES or NO: has the app had any significant change in the past year?',
    remediationReminder:
      'A reminder: the issues found in the annual Cloud Fortified review of {app} must be resolved by {remediationDue}. ' +
      'Please reply to this ticket when they are fixed.',
    progressUpdate: PROGRESS_UPDATE_TEXT,
    formTitle: 'Cloud Fortified significant-change form',
  },
};
