import { csvField, toCsv } from '../../static/shared/csv';
import { rowsToCsv, sortRows } from '../../static/global-page/app-rows';
import { countdown, formatDay } from '../../static/shared/format';
import type { AppListRow } from '../../src/contract';

describe('CSV export', () => {
  it('neutralises spreadsheet formulas in text', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe(`"'+1"`);
    expect(csvField('-2')).toBe(`"'-2"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(12)).toBe('12');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(toCsv(['a', 'b'], [['1', undefined]])).toBe('a,b\r\n1,\r\n');
  });

  const row = (over: Partial<AppListRow>): AppListRow => ({
    issueKey: 'CFP-1',
    appName: 'Atlas',
    stage: 'approved',
    nextStep: 'partner',
    overdue: false,
    unclearAnswer: false,
    failing: false,
    ...over,
  });

  it('exports the rows in the order shown, app names neutralised', () => {
    const rows = sortRows(
      [
        row({ issueKey: 'CFP-10', appName: '=cmd' }),
        row({
          issueKey: 'CFP-9',
          reviewState: 'overdue',
          overdue: true,
          failing: true,
          daysUntilNext: -4,
          nextDate: '2027-03-01',
        }),
      ],
      'ticket',
      'ASC',
    );
    const lines = rowsToCsv(rows).trim().split('\r\n');
    expect(lines[1]).toBe("CFP-9,Atlas,Approved,Overdue,Partner's move,2027-03-01,-4,,,yes,no,yes");
    expect(lines[2]).toMatch(/^CFP-10,"'=cmd",/);
  });
});

describe('dates in words', () => {
  it('words countdowns and days', () => {
    expect(countdown(12)).toBe('in 12 days');
    expect(countdown(-3)).toBe('3 days ago');
    expect(countdown(0)).toBe('today');
    expect(formatDay('2027-03-25')).toBe('25 Mar 2027');
  });
});
