import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { parseProgramSettings, type ProgramSettings, type SettingsProblem } from '../../src/domain/program';

/** A deep copy of the default program with one change made by `edit`. */
function edited(edit: (p: ProgramSettings) => void): unknown {
  const copy = structuredClone(CLOUD_FORTIFIED);
  edit(copy);
  return copy;
}

function problemsOf(input: unknown): SettingsProblem[] {
  const result = parseProgramSettings(input);
  if (result.ok) throw new Error('expected the settings to be refused');
  return result.problems;
}

describe('the default program', () => {
  it('parses as valid settings and keeps every value', () => {
    const result = parseProgramSettings(CLOUD_FORTIFIED);
    expect(result).toEqual({ ok: true, settings: CLOUD_FORTIFIED });
  });

  it('survives a round trip through JSON (as in storage)', () => {
    const result = parseProgramSettings(JSON.parse(JSON.stringify(CLOUD_FORTIFIED)));
    expect(result.ok).toBe(true);
  });

  it('has the documented timings, requirements and checks', () => {
    expect(CLOUD_FORTIFIED.timings).toEqual({
      noticeDaysBefore: 14,
      windowDays: 7,
      remediationDays: 28,
      remediationReminderDaysBefore: 7,
    });
    expect(CLOUD_FORTIFIED.components.map((c) => c.area)).toEqual([
      'security',
      'security',
      'reliability',
      'reliability',
      'reliability',
      'reliability',
      'support',
      'support',
    ]);
    expect(CLOUD_FORTIFIED.checks.map((c) => c.id)).toEqual([
      'privacy-security-tab',
      'support-contact',
      'bug-bounty',
      'significant-changes',
    ]);
    expect(CLOUD_FORTIFIED.changeCategories).toHaveLength(11);
  });

  it('maps a status to every open stage, so a Jira status change can always be followed', () => {
    const mapped = new Set(CLOUD_FORTIFIED.statusMapping.map((m) => m.stage));
    for (const stage of [
      'submitted',
      'triage',
      'awaiting-partner',
      'verifying',
      'soaking',
      'approved',
      'declined',
      'withdrawn',
    ]) {
      expect(mapped.has(stage as never) ? stage : `${stage} unmapped`).toBe(stage);
    }
  });

  it('uses only the placeholders the notice texts document', () => {
    for (const [key, text] of Object.entries(CLOUD_FORTIFIED.texts)) {
      const documented =
        key === 'progressUpdate'
          ? ['app', 'stage', 'nextStep']
          : ['app', 'windowStart', 'windowEnd', 'remediationDue', 'year'];
      for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
        expect(documented).toContain(name);
      }
    }
  });
});

describe('bad admin settings', () => {
  it('names an unknown time zone', () => {
    expect(problemsOf(edited((p) => (p.timezone = 'Europe/Atlantis')))).toEqual([
      { path: 'timezone', message: 'is not a known IANA time zone' },
    ]);
  });

  it('names a duplicate id with its position', () => {
    const problems = problemsOf(
      edited((p) => {
        p.checks.push({ ...p.checks[0]! });
      }),
    );
    expect(problems).toEqual([{ path: 'checks.4.id', message: 'duplicate id "privacy-security-tab"' }]);
    expect(
      problemsOf(
        edited((p) => {
          p.components[3]!.id = 'bug-bounty';
        }),
      ),
    ).toEqual([{ path: 'components.3.id', message: 'duplicate id "bug-bounty"' }]);
  });

  it('names an empty title, also one of only spaces', () => {
    expect(problemsOf(edited((p) => (p.components[1]!.title = '   ')))).toEqual([
      { path: 'components.1.title', message: 'must not be empty' },
    ]);
    expect(problemsOf(edited((p) => (p.name = '')))).toEqual([{ path: 'name', message: 'must not be empty' }]);
  });

  it('names a bad project key', () => {
    expect(problemsOf(edited((p) => (p.projects = ['CFP', 'cf-apps'])))).toEqual([
      { path: 'projects.1', message: 'is not a Jira project key' },
    ]);
  });

  it('names a negative or zero timing', () => {
    const problems = problemsOf(edited((p) => (p.timings.remediationDays = -28)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      path: 'timings.remediationDays',
      message: expect.stringMatching(/greater than or equal to 1/),
    });
    expect(problemsOf(edited((p) => (p.timings.windowDays = 0)))[0]?.path).toBe('timings.windowDays');
  });

  it('names a window longer than the shortest month', () => {
    expect(problemsOf(edited((p) => (p.timings.windowDays = 29)))[0]?.path).toBe('timings.windowDays');
  });

  it('names a status mapped twice, whatever the case', () => {
    expect(problemsOf(edited((p) => p.statusMapping.push({ status: 'waiting FOR partner', stage: 'triage' })))).toEqual(
      [{ path: 'statusMapping.10.status', message: 'status "waiting FOR partner" is mapped twice' }],
    );
  });

  it('reports every problem at once, and never throws on junk', () => {
    const problems = problemsOf(
      edited((p) => {
        p.timezone = 'Nowhere';
        p.projects = ['x'];
        p.timings.noticeDaysBefore = -1;
      }),
    );
    expect(problems.map((p) => p.path).sort()).toEqual(['projects.0', 'timezone', 'timings.noticeDaysBefore']);
    for (const junk of [null, undefined, 42, 'settings', [], {}]) {
      expect(parseProgramSettings(junk).ok).toBe(false);
    }
    expect(problemsOf(null)).toEqual([{ path: '(settings)', message: expect.any(String) }]);
  });
});
