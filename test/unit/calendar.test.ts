import {
  addDays,
  annualReviewDates,
  currentReviewYear,
  daysBetween,
  escalationDates,
  firstReviewYear,
  parseIsoDate,
  reviewDatesInMonth,
  todayIn,
  upcomingReviews,
} from '../../src/domain/calendar';
import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';

const timings = CLOUD_FORTIFIED.timings;

describe('parseIsoDate', () => {
  it.each(['2026-03-25', '2028-02-29', '2026-12-31', '2027-01-01'])('accepts the real day %s', (text) => {
    expect(parseIsoDate(text)).toBe(text);
  });

  it.each([
    '2026-02-30',
    '2027-02-29',
    '2026-13-01',
    '2026-04-31',
    '2026-3-5',
    '26-03-05',
    '2026-03-05T00:00:00Z',
    ' 2026-03-05',
    '',
    'yesterday',
  ])('refuses %p', (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });
});

describe('todayIn', () => {
  const instant = new Date('2026-03-10T12:30:00Z');

  it('gives the calendar day in the program time zone', () => {
    expect(todayIn('UTC', instant)).toBe('2026-03-10');
    expect(todayIn('Pacific/Auckland', instant)).toBe('2026-03-11');
    expect(todayIn('Pacific/Honolulu', new Date('2026-03-11T05:00:00Z'))).toBe('2026-03-10');
  });

  it('turns the day at local midnight, also across a daylight-saving change', () => {
    // Sydney leaves daylight saving on 5 April 2026 (UTC+11 → UTC+10).
    expect(todayIn('Australia/Sydney', new Date('2026-04-04T12:59:59Z'))).toBe('2026-04-04');
    expect(todayIn('Australia/Sydney', new Date('2026-04-04T13:00:00Z'))).toBe('2026-04-05');
    expect(todayIn('Australia/Sydney', new Date('2026-04-05T13:59:59Z'))).toBe('2026-04-05');
    expect(todayIn('Australia/Sydney', new Date('2026-04-05T14:00:00Z'))).toBe('2026-04-06');
  });

  it('refuses an unknown zone', () => {
    expect(() => todayIn('Mars/Olympus', instant)).toThrow(/time zone/);
  });
});

describe('day arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-03-31', 28)).toBe('2026-04-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-25', -14)).toBe('2026-03-11');
  });

  it('counts whole days from one date to another', () => {
    expect(daysBetween('2026-03-11', '2026-03-25')).toBe(14);
    expect(daysBetween('2026-03-25', '2026-03-11')).toBe(-14);
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('refuses a date that is not a day', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(/not a calendar date/);
  });
});

describe('review dates', () => {
  it('follows the program documentation for March', () => {
    expect(reviewDatesInMonth(2026, 3, timings)).toEqual({
      noticeOn: '2026-03-11',
      windowStart: '2026-03-25',
      windowEnd: '2026-03-31',
      remediationDue: '2026-04-28',
    });
  });

  it('uses the last seven days of February, 23–29 in a leap year', () => {
    expect(reviewDatesInMonth(2028, 2, timings)).toEqual({
      noticeOn: '2028-02-09',
      windowStart: '2028-02-23',
      windowEnd: '2028-02-29',
      remediationDue: '2028-03-28',
    });
    expect(reviewDatesInMonth(2027, 2, timings)).toEqual({
      noticeOn: '2027-02-08',
      windowStart: '2027-02-22',
      windowEnd: '2027-02-28',
      remediationDue: '2027-03-28',
    });
  });

  it('lets a December review run its deadline into January', () => {
    expect(reviewDatesInMonth(2026, 12, timings)).toEqual({
      noticeOn: '2026-12-11',
      windowStart: '2026-12-25',
      windowEnd: '2026-12-31',
      remediationDue: '2027-01-28',
    });
  });

  it('puts a January notice in the same month and a 30-day month window on 24–30', () => {
    expect(reviewDatesInMonth(2027, 1, timings).noticeOn).toBe('2027-01-11');
    expect(reviewDatesInMonth(2026, 4, timings)).toMatchObject({ windowStart: '2026-04-24', windowEnd: '2026-04-30' });
  });

  it('follows other program timings', () => {
    const other = { noticeDaysBefore: 30, windowDays: 14, remediationDays: 60, remediationReminderDaysBefore: 10 };
    expect(reviewDatesInMonth(2027, 3, other)).toEqual({
      noticeOn: '2027-02-16',
      windowStart: '2027-03-18',
      windowEnd: '2027-03-31',
      remediationDue: '2027-05-30',
    });
  });

  it('holds the annual review in the approval month', () => {
    expect(annualReviewDates('2026-03-02', 2027, timings)).toEqual(reviewDatesInMonth(2027, 3, timings));
    expect(annualReviewDates('2024-02-29', 2028, timings).windowEnd).toBe('2028-02-29');
    expect(annualReviewDates('2024-02-29', 2027, timings).windowEnd).toBe('2027-02-28');
  });
});

describe('first and upcoming reviews', () => {
  it('starts with the first anniversary month, also for approvals inside the last week', () => {
    expect(firstReviewYear('2026-03-02')).toBe(2027);
    expect(firstReviewYear('2026-03-27')).toBe(2027);
    expect(firstReviewYear('2026-12-31')).toBe(2027);
  });

  it('lists the next reviews year after year', () => {
    const reviews = upcomingReviews('2026-03-27', timings, 3);
    expect(reviews.map((r) => [r.cycle, r.noticeOn, r.windowStart, r.windowEnd, r.remediationDue])).toEqual([
      [2027, '2027-03-11', '2027-03-25', '2027-03-31', '2027-04-28'],
      [2028, '2028-03-11', '2028-03-25', '2028-03-31', '2028-04-28'],
      [2029, '2029-03-11', '2029-03-25', '2029-03-31', '2029-04-28'],
    ]);
    expect(upcomingReviews('2026-03-27', timings, 2, 2030).map((r) => r.cycle)).toEqual([2030, 2031]);
    // Never before the first anniversary.
    expect(upcomingReviews('2026-03-27', timings, 1, 2020).map((r) => r.cycle)).toEqual([2027]);
  });

  it('picks the current review for an app approved long ago: this year’s until its deadline, then next year’s', () => {
    expect(currentReviewYear('2020-03-15', '2026-01-10', timings)).toBe(2026);
    expect(currentReviewYear('2020-03-15', '2026-04-28', timings)).toBe(2026);
    expect(currentReviewYear('2020-03-15', '2026-04-29', timings)).toBe(2027);
  });

  it('keeps a December review current into January', () => {
    expect(currentReviewYear('2020-12-03', '2027-01-28', timings)).toBe(2026);
    expect(currentReviewYear('2020-12-03', '2027-01-29', timings)).toBe(2027);
  });

  it('never picks a year before the first anniversary', () => {
    expect(currentReviewYear('2026-03-27', '2026-03-28', timings)).toBe(2027);
    expect(currentReviewYear('2026-03-27', '2027-04-28', timings)).toBe(2027);
  });
});

describe('escalation dates', () => {
  it('starts the window on the day the concern is raised and keeps the four-week rule', () => {
    expect(escalationDates('2026-06-10', timings)).toEqual({
      noticeOn: '2026-06-10',
      windowStart: '2026-06-10',
      windowEnd: '2026-06-16',
      remediationDue: '2026-07-14',
    });
    expect(escalationDates('2026-12-30', timings).windowEnd).toBe('2027-01-05');
  });
});
