/**
 * Exact totals over usage records (issue 11, items 4 and 6). Each record's figures are turned into
 * integers once – micro-Wh, micrograms CO2e, nanolitres of water (10⁻⁶ of the stored unit) – and only
 * integers are added, so totals do not drift however many records or in which order they come.
 */

/** The usage-record columns aggregation reads (names as in the gateway's usage_records table). */
export type UsageFootprintRecord = {
  occurredAt: Date;
  orgId: string;
  userId: string | null;
  modelId: string;
  assistantId: string | null;
  tokensIn: number;
  tokensOut: number;
  energyWh: number;
  co2eGrams: number;
  waterMl: number;
  energyMethod: string;
};

export const groupDimensions = ['org', 'user', 'model', 'assistant'] as const;
export type GroupDimension = (typeof groupDimensions)[number];
export type Period = 'day' | 'month' | 'all';

export type AggregateKey = {
  period?: string;
  orgId?: string;
  userId?: string | null;
  modelId?: string;
  assistantId?: string | null;
};

export type AggregateRow = {
  key: AggregateKey;
  requests: number;
  measuredRequests: number;
  tokensIn: number;
  tokensOut: number;
  energyMicroWh: number;
  co2eMicrograms: number;
  waterNanolitres: number;
};

export type AggregateOptions = {
  by?: readonly GroupDimension[];
  period?: Period;
  /** Days and months start at local midnight here; German organisations count in Europe/Berlin. */
  timeZone?: string;
};

const field = { org: 'orgId', user: 'userId', model: 'modelId', assistant: 'assistantId' } as const;
const bucketMs = 15 * 60 * 1000;

/** Adds records one at a time, so a database cursor can stream into it; `rows()` gives the totals. */
export class UsageAggregator {
  private readonly groups = new Map<string, AggregateRow>();
  private readonly by: readonly GroupDimension[];
  private readonly period: Period;
  private readonly days = new Map<number, string>();
  private readonly dayFormat: Intl.DateTimeFormat;

  constructor(options: AggregateOptions = {}) {
    this.by = [...new Set(options.by ?? [])];
    this.period = options.period ?? 'all';
    this.dayFormat = new Intl.DateTimeFormat('en-GB', {
      timeZone: options.timeZone ?? 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }

  add(record: UsageFootprintRecord): void {
    const period = this.period === 'all' ? undefined : this.periodOf(record.occurredAt);
    let id = period ?? '';
    for (const dimension of this.by) id += `\u0000${record[field[dimension]] ?? '\u0001'}`;
    let row = this.groups.get(id);
    if (!row) {
      const key: AggregateKey = period === undefined ? {} : { period };
      for (const dimension of this.by)
        (key as Record<string, string | null>)[field[dimension]] = record[field[dimension]];
      row = {
        key,
        requests: 0,
        measuredRequests: 0,
        tokensIn: 0,
        tokensOut: 0,
        energyMicroWh: 0,
        co2eMicrograms: 0,
        waterNanolitres: 0,
      };
      this.groups.set(id, row);
    }
    row.requests += 1;
    if (record.energyMethod.startsWith('measured')) row.measuredRequests += 1;
    row.tokensIn += count(record.tokensIn, 'tokensIn');
    row.tokensOut += count(record.tokensOut, 'tokensOut');
    row.energyMicroWh += toMicroUnits(record.energyWh, 'energyWh');
    row.co2eMicrograms += toMicroUnits(record.co2eGrams, 'co2eGrams');
    row.waterNanolitres += toMicroUnits(record.waterMl, 'waterMl');
  }

  /** Rows sorted by period, then organisation, user, model, assistant. */
  rows(): AggregateRow[] {
    const rows = [...this.groups.values()];
    for (const row of rows) {
      // All addends are ≥ 0, so no partial sum exceeded the final one: checking the final sums suffices.
      for (const total of [
        row.tokensIn,
        row.tokensOut,
        row.energyMicroWh,
        row.co2eMicrograms,
        row.waterNanolitres,
      ])
        if (!Number.isSafeInteger(total))
          throw new RangeError('a total exceeds 2^53 units; aggregate smaller groups');
    }
    const order = (key: AggregateKey) =>
      [key.period, key.orgId, key.userId, key.modelId, key.assistantId].map((part) => part ?? '');
    return rows.sort((a, b) => {
      const left = order(a.key);
      const right = order(b.key);
      const index = left.findIndex((part, position) => part !== right[position]);
      return index === -1 ? 0 : left[index]! < right[index]! ? -1 : 1;
    });
  }

  /** Intl is slow, so day names are cached per 15-minute slot: every UTC offset in use is a multiple of it. */
  private periodOf(occurredAt: Date): string {
    const slot = Math.floor(occurredAt.getTime() / bucketMs);
    let day = this.days.get(slot);
    if (day === undefined) {
      if (Number.isNaN(slot)) throw new RangeError('occurredAt is not a valid date');
      const parts = Object.fromEntries(
        this.dayFormat.formatToParts(occurredAt).map((part) => [part.type, part.value]),
      );
      day = `${parts.year}-${parts.month}-${parts.day}`;
      this.days.set(slot, day);
    }
    return this.period === 'month' ? day.slice(0, 7) : day;
  }
}

export function aggregateUsage(
  records: Iterable<UsageFootprintRecord>,
  options: AggregateOptions = {},
): AggregateRow[] {
  const aggregator = new UsageAggregator(options);
  for (const record of records) aggregator.add(record);
  return aggregator.rows();
}

/** A stored figure as an integer count of millionths; negative or non-finite values are refused. */
export function toMicroUnits(value: number, name: string): number {
  if (!(value >= 0) || value === Infinity)
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  return Math.round(value * 1e6);
}

/** Millionths back to an exact decimal string ("1234567" → "1.234567"), without going through floats. */
export function microToDecimal(micro: number): string {
  const digits = String(micro).padStart(7, '0');
  const fraction = digits.slice(-6).replace(/0+$/, '');
  return fraction === '' ? digits.slice(0, -6) : `${digits.slice(0, -6)}.${fraction}`;
}

function count(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be an integer ≥ 0, got ${value}`);
  return value;
}
