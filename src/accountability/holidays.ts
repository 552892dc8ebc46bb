/**
 * German public holidays, computed rather than looked up: the fixed and Easter-based federal ones,
 * the statewide ones of each Land (with the year they were introduced), and extra local dates.
 * Dates are plain calendar days `YYYY-MM-DD` in German local time.
 */
export const germanStates = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;
export type GermanState = (typeof germanStates)[number];

export type Holiday = { date: string; name: string };

/** Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return plainDate(year, month, day);
}

export function plainDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Calendar arithmetic on plain dates (UTC noon avoids every daylight-saving edge). */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T12:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

type StateRule = { name: string; states: readonly GermanState[]; since?: number; date: (year: number, easter: string) => string };

const stateRules: StateRule[] = [
  { name: 'Heilige Drei Könige', states: ['BW', 'BY', 'ST'], date: (y) => plainDate(y, 1, 6) },
  { name: 'Internationaler Frauentag', states: ['BE'], since: 2019, date: (y) => plainDate(y, 3, 8) },
  { name: 'Internationaler Frauentag', states: ['MV'], since: 2023, date: (y) => plainDate(y, 3, 8) },
  { name: 'Ostersonntag', states: ['BB'], date: (_y, easter) => easter },
  { name: 'Pfingstsonntag', states: ['BB'], date: (_y, easter) => addDays(easter, 49) },
  { name: 'Fronleichnam', states: ['BW', 'BY', 'HE', 'NW', 'RP', 'SL'], date: (_y, easter) => addDays(easter, 60) },
  { name: 'Mariä Himmelfahrt', states: ['SL'], date: (y) => plainDate(y, 8, 15) },
  { name: 'Weltkindertag', states: ['TH'], since: 2019, date: (y) => plainDate(y, 9, 20) },
  { name: 'Reformationstag', states: ['BB', 'MV', 'SN', 'ST', 'TH'], date: (y) => plainDate(y, 10, 31) },
  { name: 'Reformationstag', states: ['HB', 'HH', 'NI', 'SH'], since: 2018, date: (y) => plainDate(y, 10, 31) },
  { name: 'Allerheiligen', states: ['BW', 'BY', 'NW', 'RP', 'SL'], date: (y) => plainDate(y, 11, 1) },
  // The Wednesday before 23 November (the last Sunday before Advent minus four days).
  { name: 'Buß- und Bettag', states: ['SN'], date: (y) => addDays(plainDate(y, 11, 22), -((weekday(plainDate(y, 11, 22)) + 4) % 7)) },
];

export function federalHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const holidays: Holiday[] = [
    { date: plainDate(year, 1, 1), name: 'Neujahr' },
    { date: addDays(easter, -2), name: 'Karfreitag' },
    { date: addDays(easter, 1), name: 'Ostermontag' },
    { date: plainDate(year, 5, 1), name: 'Tag der Arbeit' },
    { date: addDays(easter, 39), name: 'Christi Himmelfahrt' },
    { date: addDays(easter, 50), name: 'Pfingstmontag' },
    { date: plainDate(year, 10, 3), name: 'Tag der Deutschen Einheit' },
    { date: plainDate(year, 12, 25), name: '1. Weihnachtstag' },
    { date: plainDate(year, 12, 26), name: '2. Weihnachtstag' },
  ];
  // The 500th anniversary of the Reformation was a one-off holiday in every Land.
  if (year === 2017) holidays.push({ date: '2017-10-31', name: 'Reformationstag (500 Jahre)' });
  return holidays;
}

export function stateHolidays(year: number, state: GermanState): Holiday[] {
  const easter = easterSunday(year);
  return stateRules
    .filter((rule) => rule.states.includes(state) && (rule.since === undefined || year >= rule.since))
    .map((rule) => ({ date: rule.date(year, easter), name: rule.name }));
}

export type HolidaySettings = {
  state?: GermanState | undefined;
  /** `YYYY-MM-DD` for a single day, `MM-DD` for every year (e.g. a municipal holiday). */
  extra?: readonly string[] | undefined;
};

/** Answers "is this a public holiday?" for the configured Land and extra dates, caching per year. */
export class HolidayCalendar {
  readonly #byYear = new Map<number, Map<string, string>>();

  constructor(private readonly settings: HolidaySettings = {}) {}

  holidays(year: number): Holiday[] {
    return [...this.#year(year).entries()].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
  }

  holidayName(date: string): string | undefined {
    return this.#year(Number(date.slice(0, 4))).get(date);
  }

  isWorkingDay(date: string): boolean {
    const day = weekday(date);
    return day !== 0 && day !== 6 && !this.holidayName(date);
  }

  #year(year: number): Map<string, string> {
    let days = this.#byYear.get(year);
    if (days) return days;
    days = new Map();
    const all = [...federalHolidays(year), ...(this.settings.state ? stateHolidays(year, this.settings.state) : [])];
    for (const extra of this.settings.extra ?? []) {
      if (/^\d{2}-\d{2}$/.test(extra)) all.push({ date: `${year}-${extra}`, name: 'Örtlicher Feiertag' });
      else if (extra.startsWith(`${year}-`)) all.push({ date: extra, name: 'Zusätzlicher Feiertag' });
    }
    for (const holiday of all) if (!days.has(holiday.date)) days.set(holiday.date, holiday.name);
    this.#byYear.set(year, days);
    return days;
  }
}
