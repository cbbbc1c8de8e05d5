import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { concernReceivedComment, programUpdateComment } from '../../src/domain/messages';
import { adfToPlainText } from '../../src/domain/messages/plain-text';
import { parseProgramSettings, type ProgramSettings, type ProgramUpdate } from '../../src/domain/program';
import { allCheckIds, announcementsDue, checksForCycle } from '../../src/domain/program-updates';
import { matchConcern } from '../../src/domain/escalation-intake';

const sbom: ProgramUpdate = {
  id: 'sbom-2028',
  announcedOn: '2027-09-01',
  effectiveFrom: '2028-01-01',
  addCheck: { id: 'sbom', title: 'Software bill of materials' },
};
const general: ProgramUpdate = {
  id: 'portal-move',
  announcedOn: '2027-10-01',
  effectiveFrom: '2027-11-15',
  text: 'Reviews move to the new partner portal.',
};
const program = (updates: ProgramUpdate[], extra: Partial<ProgramSettings> = {}): ProgramSettings => ({
  ...CLOUD_FORTIFIED,
  programUpdates: updates,
  ...extra,
});

describe('a new check applies only to reviews whose window starts on or after its effective day', () => {
  it('a review whose window starts the day before has the program’s four checks', () => {
    expect(checksForCycle(program([sbom]), '2027-12-31').map((c) => c.id)).toEqual([
      'privacy-security-tab',
      'support-contact',
      'bug-bounty',
      'significant-changes',
    ]);
  });
  it('a review whose window starts on the effective day has the new check too', () => {
    expect(checksForCycle(program([sbom]), '2028-01-01').map((c) => c.id)).toEqual([
      'privacy-security-tab',
      'support-contact',
      'bug-bounty',
      'significant-changes',
      'sbom',
    ]);
    expect(checksForCycle(program([sbom]), '2028-03-25').at(-1)).toEqual({
      id: 'sbom',
      title: 'Software bill of materials',
      description: 'Software bill of materials',
    });
  });
  it('a general update adds no check, and an agent may record every check some review can have', () => {
    expect(checksForCycle(program([general]), '2029-01-01')).toHaveLength(4);
    expect(allCheckIds(program([sbom, general]))).toContain('sbom');
  });
});

describe('announcements fall due on their day, and late ones are caught up', () => {
  const p = program([general, sbom]);
  it('nothing before the announcement day', () => {
    expect(announcementsDue(p, '2027-08-31', [])).toEqual([]);
  });
  it('on its day, once', () => {
    expect(announcementsDue(p, '2027-09-01', []).map((u) => u.id)).toEqual(['sbom-2028']);
    expect(announcementsDue(p, '2027-09-01', ['sbom-2028'])).toEqual([]);
  });
  it('after missed days, every one not yet announced, oldest first', () => {
    expect(announcementsDue(p, '2027-10-05', []).map((u) => u.id)).toEqual(['sbom-2028', 'portal-move']);
    expect(announcementsDue(p, '2028-02-01', ['sbom-2028']).map((u) => u.id)).toEqual(['portal-move']);
  });
});

describe('program updates are validated with the settings', () => {
  const problems = (updates: unknown[]) => {
    const r = parseProgramSettings({ ...CLOUD_FORTIFIED, programUpdates: updates });
    return r.ok ? [] : r.problems;
  };
  it('a valid update is kept', () => {
    expect(problems([sbom, general])).toEqual([]);
  });
  it('the effective day must come at least 30 days after the announcement', () => {
    expect(problems([{ ...sbom, effectiveFrom: '2027-09-30' }])).toEqual([
      {
        path: 'programUpdates.0.effectiveFrom',
        message: 'must be at least 30 days after the announcement day (2027-09-01)',
      },
    ]);
    expect(problems([{ ...sbom, effectiveFrom: '2027-08-01' }])[0]?.path).toBe('programUpdates.0.effectiveFrom');
  });
  it('ids are unique, a new check’s id is not an existing check’s, and an update says what changes', () => {
    expect(problems([sbom, { ...general, id: 'sbom-2028' }])).toEqual([
      { path: 'programUpdates.1.id', message: 'duplicate id "sbom-2028"' },
    ]);
    expect(problems([{ ...sbom, addCheck: { id: 'bug-bounty', title: 'Again' } }])).toEqual([
      { path: 'programUpdates.0.addCheck.id', message: 'check "bug-bounty" already exists' },
    ]);
    expect(problems([{ ...sbom, id: 'other', addCheck: { id: 'sbom', title: 'x' } }, sbom])[0]?.path).toBe(
      'programUpdates.1.addCheck.id',
    );
    expect(problems([{ id: 'empty', announcedOn: '2027-01-01', effectiveFrom: '2027-03-01' }])).toEqual([
      { path: 'programUpdates.0.text', message: 'say what changes: a new check or a text' },
    ]);
    expect(problems([{ ...sbom, announcedOn: '2027-02-30' }])[0]).toEqual({
      path: 'programUpdates.0.announcedOn',
      message: 'is not a date (YYYY-MM-DD)',
    });
  });
});

describe('the announcement says what changes and from when, in the program’s time zone', () => {
  it('a new check', () => {
    const text = adfToPlainText(
      programUpdateComment(program([sbom], { timezone: 'Europe/Paris' }), 'Acme Charts', sbom),
    );
    expect(text).toContain('Acme Charts');
    expect(text).toContain(
      'A new review check, Software bill of materials, applies to every annual review whose window starts on or after 1 January 2028 (Europe/Paris time).',
    );
    expect(text).toContain('This takes effect on 1 January 2028 (Europe/Paris time).');
  });
  it('a general update', () => {
    const text = adfToPlainText(programUpdateComment(program([general]), 'Acme Charts', general));
    expect(text).toContain('Reviews move to the new partner portal.');
    expect(text).toContain('15 November 2027 (UTC time)');
    expect(text).not.toContain('new review check');
  });
});

describe('a customer’s concern is matched to an approved app strictly', () => {
  const apps = [
    { issueKey: 'CFP-1', appName: 'Acme Charts' },
    { issueKey: 'CFP-2', appName: 'Acme Charts Pro' },
    { issueKey: 'CFP-3', appName: 'Timesheets' },
  ];
  it('by the approval ticket key, wherever it is written', () => {
    expect(matchConcern({ summary: 'Data leak', description: 'About the app of CFP-3, it leaks.' }, apps)).toEqual({
      ok: true,
      app: apps[2],
      by: 'ticket-key',
    });
  });
  it('else by the exact name of one app, the longest name winning', () => {
    expect(matchConcern({ summary: 'acme charts pro leaks e-mails', description: '' }, apps)).toEqual({
      ok: true,
      app: apps[1],
      by: 'app-name',
    });
    expect(matchConcern({ summary: 'Concern about Acme Charts', description: '' }, apps)).toEqual({
      ok: true,
      app: apps[0],
      by: 'app-name',
    });
  });
  it('never a part of a word, never a guess between two apps', () => {
    expect(matchConcern({ summary: 'Timesheetsplus is broken', description: '' }, apps).ok).toBe(false);
    expect(matchConcern({ summary: 'Acme Charts and Timesheets', description: '' }, apps)).toEqual({
      ok: false,
      reason: 'it names several apps: Acme Charts (CFP-1), Timesheets (CFP-3)',
    });
    expect(matchConcern({ summary: 'CFP-1 and CFP-3', description: '' }, apps)).toEqual({
      ok: false,
      reason: 'it names several approval tickets: CFP-1, CFP-3',
    });
    expect(matchConcern({ summary: 'Something is wrong', description: 'CFP-99' }, apps)).toEqual({
      ok: false,
      reason: 'it names no approved app by its approval ticket or its exact name',
    });
  });
  it('the comment to the customer names the app and nothing of the partner', () => {
    expect(adfToPlainText(concernReceivedComment('Acme Charts'))).toBe(
      'Thank you for raising this concern. We have opened a review of Acme Charts with its developer.\nWe will update you on this request when the review is complete.',
    );
  });
});
