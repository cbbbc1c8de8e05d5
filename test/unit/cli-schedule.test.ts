import { runCli, type CliRun } from '../run-cli';

const run = (...args: string[]): Promise<CliRun> => runCli(['schedule', ...args]);

describe('cf-tracker schedule', () => {
  it('prints the next three reviews of an app approved in March', async () => {
    const { status, stdout, stderr } = await run('--approved', '2026-03-27');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      approvedOn: '2026-03-27',
      reviews: [
        {
          cycle: 2027,
          noticeOn: '2027-03-11',
          windowStart: '2027-03-25',
          windowEnd: '2027-03-31',
          remediationDue: '2027-04-28',
        },
        {
          cycle: 2028,
          noticeOn: '2028-03-11',
          windowStart: '2028-03-25',
          windowEnd: '2028-03-31',
          remediationDue: '2028-04-28',
        },
        {
          cycle: 2029,
          noticeOn: '2029-03-11',
          windowStart: '2029-03-25',
          windowEnd: '2029-03-31',
          remediationDue: '2029-04-28',
        },
      ],
    });
  });

  it('follows February across leap years with --count', async () => {
    const { status, stdout } = await run('--approved=2026-02-10', '--count', '3');
    expect(status).toBe(0);
    const reviews = JSON.parse(stdout).reviews as Array<Record<string, string | number>>;
    expect(reviews.map((r) => [r.cycle, r.windowStart, r.windowEnd, r.remediationDue])).toEqual([
      [2027, '2027-02-22', '2027-02-28', '2027-03-28'],
      [2028, '2028-02-23', '2028-02-29', '2028-03-28'],
      [2029, '2029-02-22', '2029-02-28', '2029-03-28'],
    ]);
  });

  it('prints one review, and at most fifty', async () => {
    expect(JSON.parse((await run('--approved', '2026-12-31', '--count', '1')).stdout).reviews).toEqual([
      {
        cycle: 2027,
        noticeOn: '2027-12-11',
        windowStart: '2027-12-25',
        windowEnd: '2027-12-31',
        remediationDue: '2028-01-28',
      },
    ]);
    const fifty = JSON.parse((await run('--approved', '2026-12-31', '--count', '50')).stdout).reviews as Array<{
      cycle: number;
    }>;
    expect(fifty).toHaveLength(50);
    expect(fifty[49]?.cycle).toBe(2076);
  });

  it.each([
    [['--approved', '2026-02-30'], /--approved "2026-02-30" is not a calendar date/],
    [['--approved', '27/03/2026'], /is not a calendar date/],
    [['--count', '2'], /--approved is required/],
    [[], /--approved is required/],
    [['--approved'], /--approved/],
    [['--approved', '2026-03-27', '--count', '0'], /--count "0" must be a whole number from 1 to 50/],
    [['--approved', '2026-03-27', '--count', '51'], /--count "51"/],
    [['--approved', '2026-03-27', '--count', 'three'], /--count "three"/],
    [['--approved', '2026-03-27', '--count', '2.5'], /--count "2.5"/],
    [['--approved', '2026-03-27', '--verbose'], /unknown option "--verbose"/],
    [['--approved', '2026-03-27', 'extra'], /unexpected argument "extra"/],
  ])('refuses %p with exit status 2, one line on stderr and nothing on stdout', async (args, message) => {
    const { status, stdout, stderr } = await run(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^cf-tracker schedule: /);
  });
});
