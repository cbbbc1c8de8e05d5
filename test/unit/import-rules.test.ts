import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { checkImportLine, issueKeyProblem, planImport, type ImportRules } from '../../src/domain/import-rules';
import { programSettingsSchema } from '../../src/domain/program';

const rules: ImportRules = { today: '2026-03-02', programStartedOn: CLOUD_FORTIFIED.startedOn };

function plan(lines: string[]) {
  const result = planImport(lines.join('\n'), rules);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('import rules', () => {
  it('Cloud Fortified started in 2022, and the program data says so', () => {
    expect(CLOUD_FORTIFIED.startedOn).toBe('2022-01-01');
    expect(programSettingsSchema.safeParse(CLOUD_FORTIFIED).success).toBe(true);
    expect(programSettingsSchema.safeParse({ ...CLOUD_FORTIFIED, startedOn: '2022-02-30' }).success).toBe(false);
  });

  it('an approval date in the future is refused', () => {
    expect(checkImportLine(1, 'CFP-1,2026-03-03', rules)).toEqual({
      ok: false,
      reason: 'future date 2026-03-03: an imported app was approved on or before today (2026-03-02)',
    });
    expect(checkImportLine(1, 'CFP-1,2026-03-02', rules).ok).toBe(true);
  });

  it('an approval date before the program existed is refused; its first day is accepted', () => {
    expect(checkImportLine(1, 'CFP-1,2021-12-31', rules)).toEqual({
      ok: false,
      reason: 'early date 2021-12-31: the program started on 2022-01-01, no app was approved under it before',
    });
    expect(checkImportLine(1, 'CFP-1,2022-01-01', rules).ok).toBe(true);
    expect(checkImportLine(1, 'CFP-1,1999-05-01', { today: '2026-03-02' }).ok).toBe(true);
  });

  it.each([
    ['CFP-1', undefined],
    ['AB-7', undefined],
    ['PROJ_2024X-1234567890', undefined],
    ['A-1', "the project key “A” has 1 character, Jira's have 2 to 10"],
    ['ABCDEFGHIJK-1', "the project key “ABCDEFGHIJK” has 11 characters, Jira's have 2 to 10"],
    ['1CF-3', "the project key “1CF” is not Jira's form (an upper-case letter, then letters, digits or _)"],
    ['CF P-3', "the project key “CF P” is not Jira's form (an upper-case letter, then letters, digits or _)"],
    ['CFP-0', '“0” is not an issue number (expected a key like CFP-123)'],
    ['CFP-12345678901', '“12345678901” is not an issue number (expected a key like CFP-123)'],
    ['CFP-', '“” is not an issue number (expected a key like CFP-123)'],
    ['CFP', 'expected a key like CFAP-123'],
  ])('the issue key %s: %s', (key, problem) => {
    expect(issueKeyProblem(key)).toBe(problem);
  });

  it('a key is read in any case and refused with the key as written', () => {
    expect(checkImportLine(4, 'cfp-12,2024-01-01', rules)).toMatchObject({ ok: true, value: { issueKey: 'CFP-12' } });
    expect(checkImportLine(4, 'verylongproject-1,2024-01-01', rules)).toEqual({
      ok: false,
      reason:
        "bad ticket key “verylongproject-1”: the project key “VERYLONGPROJECT” has 15 characters, Jira's have 2 to 10",
    });
  });

  it('every line that is not imported is reported with its number, empty lines (,,) and blank lines too', () => {
    const result = plan([
      'Ticket key,Approval date,App name',
      'CFP-1,2024-05-15,Acme',
      ',,',
      '',
      'CFP-2,2027-01-01',
      '  ;  ',
      'CFP-1,2024-05-15',
      'CFP-3,2021-06-01',
      'CFP-4,2024-02-30',
      'CFP-5,2023-01-09',
      '',
      '',
    ]);
    expect(result.candidates.map((c) => [c.line, c.issueKey])).toEqual([
      [2, 'CFP-1'],
      [10, 'CFP-5'],
    ]);
    expect(result.refused.map((r) => [r.line, r.text, r.reason.split(':')[0]])).toEqual([
      [3, ',,', 'empty line'],
      [4, '', 'empty line'],
      [5, 'CFP-2,2027-01-01', 'future date 2027-01-01'],
      [6, '  ;  ', 'empty line'],
      [7, 'CFP-1,2024-05-15', 'duplicate line'],
      [8, 'CFP-3,2021-06-01', 'early date 2021-06-01'],
      [9, 'CFP-4,2024-02-30', 'impossible date 2024-02-30'],
    ]);
    expect(result.refused[4]?.reason).toBe('duplicate line: CFP-1 is already on line 2');
  });

  it('a file with nothing to import, or too many lines, is refused as a whole', () => {
    expect(planImport('\n  \n', rules)).toMatchObject({
      ok: false,
      message: expect.stringContaining('no lines to import'),
    });
    expect(planImport(',,\n,,', rules)).toMatchObject({ ok: false });
    const many = Array.from({ length: 101 }, (_, i) => `CFP-${i + 1},2024-01-01`);
    expect(planImport(['Ticket,Date', ...many].join('\n'), rules)).toMatchObject({
      ok: false,
      message: expect.stringContaining('101 lines'),
    });
    expect(planImport(['Ticket,Date', ...many.slice(1)].join('\n'), rules).ok).toBe(true);
  });
});
