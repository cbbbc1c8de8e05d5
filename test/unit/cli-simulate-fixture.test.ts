import { CliError } from '../../cli/cli-error';
import { parseFixture } from '../../cli/simulate-fixture';

const app = (actions: unknown[] = [], extra: Record<string, unknown> = {}) => ({
  ticket: 'CFP-1',
  app: 'Acme Charts',
  approvedOn: '2026-03-04',
  actions,
  ...extra,
});
const refusal = (fixture: unknown): string => {
  try {
    parseFixture(JSON.stringify(fixture), 'f.json');
  } catch (error) {
    if (error instanceof CliError) return error.message;
    throw error;
  }
  return 'accepted';
};

describe('the simulate fixture expresses issue 11 and refuses what it cannot run, naming the entry', () => {
  it('accepts escalations by agents and customers, and a check a program update adds', () => {
    const fixture = {
      programUpdates: [
        {
          announcedOn: '2027-03-05',
          effectiveFrom: '2027-04-20',
          addCheck: { id: 'sbom', title: 'Software bill of materials' },
        },
      ],
      apps: [
        app([
          { on: '2027-03-08', by: 'agent', escalate: 'The listing no longer matches the app.' },
          { on: '2027-03-09', by: 'customer', concern: 'It sends our data somewhere.' },
          { on: '2028-03-26', by: 'agent', check: 'sbom', result: 'passed' },
        ]),
      ],
    };
    expect(refusal(fixture)).toBe('accepted');
    expect(refusal({ apps: [app([], { importedOn: '2027-03-15' })] })).toBe('accepted');
  });

  it.each([
    [
      { apps: [app([{ on: '2027-03-26', by: 'agent', check: 'sbom', result: 'passed' }])] },
      'f.json: apps[0].actions[0].check: "sbom" is not a review check (one of privacy-security-tab, support-contact, bug-bounty, significant-changes)',
    ],
    [
      { apps: [app([{ on: '2027-03-26', by: 'agent', escalate: '' }])] },
      'f.json: apps[0].actions[0].escalate: say why',
    ],
    [
      { apps: [app([{ on: '2027-03-26', by: 'agent', escalate: 'why', check: 'bug-bounty' }])] },
      'f.json: apps[0].actions[0].escalate: an escalation records no check',
    ],
    [
      { apps: [app([{ on: '2027-03-26', by: 'agent' }])] },
      'f.json: apps[0].actions[0].check: an agent records a check (with a result) or escalates',
    ],
    [
      { apps: [app([{ on: '2027-03-26', by: 'customer', concern: '  ' }])] },
      'f.json: apps[0].actions[0].concern: the concern must not be empty',
    ],
    [
      {
        apps: [app()],
        programUpdates: [
          { announcedOn: '2027-03-05', effectiveFrom: '2027-03-20', addCheck: { id: 'sbom', title: 'SBOM' } },
        ],
      },
      'f.json: programUpdates[0].effectiveFrom: must be at least 30 days after the announcement day (2027-03-05)',
    ],
    [
      {
        apps: [app()],
        programUpdates: [
          { announcedOn: '2027-03-05', effectiveFrom: '2027-06-01', addCheck: { id: 'bug-bounty', title: 'Again' } },
        ],
      },
      'f.json: programUpdates[0].addCheck.id: check "bug-bounty" already exists',
    ],
    [
      { apps: [app([], { importedOn: '2026-03-03' })] },
      'f.json: apps[0].importedOn: 2026-03-03 is before the approval day 2026-03-04',
    ],
    [
      { apps: [app([], { importedOn: '2026-02-30' })] },
      'f.json: apps[0].importedOn: "2026-02-30" is not a date (YYYY-MM-DD)',
    ],
    [
      { apps: Array.from({ length: 10_001 }, (_, i) => app([], { ticket: `CFP-${i + 1}` })) },
      'f.json: apps: at most 10000 apps',
    ],
  ])('%#: %s', (fixture, message) => {
    expect(refusal(fixture)).toBe(message);
  });

  it('holds ten thousand apps', () => {
    expect(refusal({ apps: Array.from({ length: 10_000 }, (_, i) => app([], { ticket: `CFP-${i + 1}` })) })).toBe(
      'accepted',
    );
  });
});
