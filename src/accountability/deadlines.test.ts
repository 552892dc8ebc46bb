import { describe, expect, it } from 'vitest';
import { daysLeft, deadline, endOfGermanDay, germanDate } from './deadlines.js';
import { easterSunday, federalHolidays, HolidayCalendar, stateHolidays } from './holidays.js';

describe('Easter and holidays', () => {
  it('computes Easter Sunday for known years', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2008)).toBe('2008-03-23');
  });

  it('lists the nine federal holidays with the Easter-based ones', () => {
    const dates = federalHolidays(2026).map((holiday) => holiday.date);
    expect(dates).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-10-03', '2026-12-25', '2026-12-26']);
  });

  it('knows the statewide holidays of a Land, including when they were introduced', () => {
    expect(stateHolidays(2024, 'SN').map((holiday) => `${holiday.date} ${holiday.name}`)).toEqual(['2024-10-31 Reformationstag', '2024-11-20 Buß- und Bettag']);
    expect(stateHolidays(2023, 'SN').find((holiday) => holiday.name === 'Buß- und Bettag')?.date).toBe('2023-11-22');
    expect(stateHolidays(2026, 'BY').map((holiday) => holiday.date)).toEqual(['2026-01-06', '2026-06-04', '2026-11-01']);
    expect(stateHolidays(2017, 'HH')).toEqual([]);
    expect(stateHolidays(2018, 'HH').map((holiday) => holiday.date)).toEqual(['2018-10-31']);
    expect(stateHolidays(2022, 'MV').map((holiday) => holiday.name)).toEqual(['Reformationstag']);
    expect(stateHolidays(2023, 'MV').map((holiday) => holiday.name)).toEqual(['Internationaler Frauentag', 'Reformationstag']);
    expect(stateHolidays(2026, 'TH').map((holiday) => holiday.date)).toEqual(['2026-09-20', '2026-10-31']);
  });

  it('treats weekends, federal, state and extra holidays as non-working days', () => {
    const calendar = new HolidayCalendar({ state: 'BY', extra: ['08-08', '2026-02-16'] });
    expect(calendar.isWorkingDay('2026-01-05')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2026-01-06')).toBe(false); // Heilige Drei Könige in Bavaria
    expect(new HolidayCalendar().isWorkingDay('2026-01-06')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-10')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-08-07')).toBe(true);
    expect(calendar.holidayName('2026-08-08')).toBe('Örtlicher Feiertag');
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-16')).toBe(true);
  });
});

describe('German local days', () => {
  it('maps instants to the German calendar day across midnight and DST', () => {
    expect(germanDate(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01'); // 00:30 CEST
    expect(germanDate(new Date('2026-01-31T22:30:00Z'))).toBe('2026-01-31'); // 23:30 CET
    expect(endOfGermanDay('2026-01-15').toISOString()).toBe('2026-01-15T22:59:59.999Z');
    expect(endOfGermanDay('2026-07-15').toISOString()).toBe('2026-07-15T21:59:59.999Z');
    // The day summer time starts (29 March 2026) ends at 22:00 UTC.
    expect(endOfGermanDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(endOfGermanDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });
});

describe('deadline arithmetic', () => {
  const federal = new HolidayCalendar();

  it('counts calendar days from the day after receipt', () => {
    // Received Thursday 15 January 2026 at 10:00: seven days end on Thursday 22 January, 24:00.
    const due = deadline(new Date('2026-01-15T09:00:00Z'), 7, 'calendar', federal);
    expect(due.dueDate).toBe('2026-01-22');
    expect(due.dueAt.toISOString()).toBe('2026-01-22T22:59:59.999Z');
  });

  it('uses the German day of receipt, not the UTC one', () => {
    // 23:30 UTC on 14 January is already 15 January in Germany.
    expect(deadline(new Date('2026-01-14T23:30:00Z'), 7, 'calendar', federal).dueDate).toBe('2026-01-22');
  });

  it('moves a calendar deadline ending on a weekend or holiday to the next working day', () => {
    // Received Friday 16 January; 7 days end on Friday 23 January (working day).
    expect(deadline(new Date('2026-01-16T09:00:00Z'), 7, 'calendar', federal).dueDate).toBe('2026-01-23');
    // Received Thursday 15 January; 30 days end on Saturday 14 February → Monday 16 February.
    expect(deadline(new Date('2026-01-15T09:00:00Z'), 30, 'calendar', federal).dueDate).toBe('2026-02-16');
    // Received 27 March 2026; 7 days end on Good Friday 3 April → Easter Monday is a holiday too → Tuesday 7 April.
    expect(deadline(new Date('2026-03-27T09:00:00Z'), 7, 'calendar', federal).dueDate).toBe('2026-04-07');
  });

  it('counts working days without weekends and public holidays', () => {
    // Thursday 15 January + 7 working days: 16, 19, 20, 21, 22, 23, 26 → Monday 26 January.
    expect(deadline(new Date('2026-01-15T09:00:00Z'), 7, 'working', federal).dueDate).toBe('2026-01-26');
    // Over Easter 2026 (Good Friday 3 April, Easter Monday 6 April): Wednesday 1 April + 3 → 2, 7, 8 April.
    expect(deadline(new Date('2026-04-01T08:00:00Z'), 3, 'working', federal).dueDate).toBe('2026-04-08');
    // Over Christmas and New Year: Wednesday 23 December + 6 → 24, 28, 29, 30, 31 December, 4 January.
    expect(deadline(new Date('2026-12-23T10:00:00Z'), 6, 'working', federal).dueDate).toBe('2027-01-04');
  });

  it('honours the state holidays of the configured Land', () => {
    // Saxony: Reformationstag (Saturday 31 Oct 2026 – no effect) and Buß- und Bettag (Wednesday 18 Nov 2026).
    const saxony = new HolidayCalendar({ state: 'SN' });
    expect(deadline(new Date('2026-11-16T09:00:00Z'), 3, 'working', federal).dueDate).toBe('2026-11-19');
    expect(deadline(new Date('2026-11-16T09:00:00Z'), 3, 'working', saxony).dueDate).toBe('2026-11-20');
    // Bavaria: 30 days from 2 October 2026 end on Sunday 1 November (Allerheiligen) → Monday 2 November.
    expect(deadline(new Date('2026-10-02T09:00:00Z'), 30, 'calendar', new HolidayCalendar({ state: 'BY' })).dueDate).toBe('2026-11-02');
  });

  it('reports days left and days overdue', () => {
    const due = deadline(new Date('2026-01-15T09:00:00Z'), 7, 'calendar', federal);
    expect(daysLeft(new Date('2026-01-15T12:00:00Z'), due, 'calendar', federal)).toBe(7);
    expect(daysLeft(new Date('2026-01-22T20:00:00Z'), due, 'calendar', federal)).toBe(0);
    expect(daysLeft(new Date('2026-01-22T23:30:00Z'), due, 'calendar', federal)).toBe(-1);
    expect(daysLeft(new Date('2026-01-25T12:00:00Z'), due, 'calendar', federal)).toBe(-3);
    const working = deadline(new Date('2026-01-15T09:00:00Z'), 7, 'working', federal);
    // Friday 16 January: working days left until Monday 26 January are 19–23 and 26.
    expect(daysLeft(new Date('2026-01-16T09:00:00Z'), working, 'working', federal)).toBe(6);
  });
});
