import { addDays, type HolidayCalendar } from './holidays.js';

export const dayCounts = ['calendar', 'working'] as const;
export type DayCount = (typeof dayCounts)[number];

const TIME_ZONE = 'Europe/Berlin';
const berlinDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const berlinOffset = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

/** The calendar day an instant falls on in Germany. */
export function germanDate(instant: Date): string {
  return berlinDay.format(instant);
}

/** Minutes Germany is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const name = berlinOffset.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The last millisecond of a German calendar day (23:59:59.999 local time), as an instant. */
export function endOfGermanDay(date: string): Date {
  const nextMidnightUtc = new Date(`${addDays(date, 1)}T00:00:00Z`).getTime();
  // The offset at the local midnight that ends the day; DST never switches at midnight in Germany.
  const offset = offsetMinutes(new Date(nextMidnightUtc - 3 * 3_600_000));
  return new Date(nextMidnightUtc - offset * 60_000 - 1);
}

export type Deadline = { dueDate: string; dueAt: Date };

/**
 * When a deadline of `days` days, starting with receipt at `receivedAt`, ends.
 * - calendar: the day of receipt is not counted (§ 187 (1) BGB); a period that would end on a
 *   Saturday, Sunday or public holiday ends on the next working day (§ 193 BGB, § 31 (3) VwVfG).
 * - working: `days` working days after the day of receipt (no weekends, no public holidays).
 * Either way the period ends at the end of its last day, German time.
 */
export function deadline(receivedAt: Date, days: number, count: DayCount, calendar: HolidayCalendar): Deadline {
  const start = germanDate(receivedAt);
  let due: string;
  if (count === 'calendar') {
    due = addDays(start, days);
    while (!calendar.isWorkingDay(due)) due = addDays(due, 1);
  } else {
    due = start;
    for (let counted = 0; counted < days; ) {
      due = addDays(due, 1);
      if (calendar.isWorkingDay(due)) counted++;
    }
  }
  return { dueDate: due, dueAt: endOfGermanDay(due) };
}

/** Days left until a deadline as people count them: 0 on the last day, negative once it has passed. */
export function daysLeft(now: Date, deadlineItem: Deadline, count: DayCount, calendar: HolidayCalendar): number {
  const today = germanDate(now);
  if (now.getTime() > deadlineItem.dueAt.getTime()) {
    // Days since the last day, counted the same way.
    let overdue = 0;
    for (let day = deadlineItem.dueDate; day < today; day = addDays(day, 1)) {
      if (count === 'calendar' || calendar.isWorkingDay(addDays(day, 1))) overdue++;
    }
    return -Math.max(1, overdue);
  }
  let left = 0;
  for (let day = today; day < deadlineItem.dueDate; day = addDays(day, 1)) {
    if (count === 'calendar' || calendar.isWorkingDay(addDays(day, 1))) left++;
  }
  return left;
}
