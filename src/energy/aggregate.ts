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
type Tree = Map<string | null | undefined, Tree | AggregateRow>;
const bucketMs = 15 * 60 * 1000;

/** Adds records one at a time, so a database cursor can stream into it; `rows()` gives the totals. */
export class UsageAggregator {
  private readonly tree: Tree = new Map();
  private readonly groups: AggregateRow[] = [];
  private readonly by: readonly GroupDimension[];
  private readonly period: Period;
  private readonly periods = new Map<number, string>();
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
    // Nested maps, one level per dimension: no key strings to build per record (null is a valid key).
    let node = this.tree;
    let key: string | null | undefined = period;
    for (const dimension of this.by) {
      let child = node.get(key) as Tree | undefined;
      if (!child) node.set(key, (child = new Map()));
      node = child;
      key = record[field[dimension]];
    }
    let row = node.get(key) as AggregateRow | undefined;
    if (!row) {
      const rowKey: AggregateKey = period === undefined ? {} : { period };
      for (const dimension of this.by)
        (rowKey as Record<string, string | null>)[field[dimension]] = record[field[dimension]];
      row = {
        key: rowKey,
        requests: 0,
        measuredRequests: 0,
        tokensIn: 0,
        tokensOut: 0,
        energyMicroWh: 0,
        co2eMicrograms: 0,
        waterNanolitres: 0,
      };
      node.set(key, row);
      this.groups.push(row);
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
    const rows = [...this.groups];
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
    // One sort string per row (parts joined by U+0000, which sorts before any character in an id).
    const sortKey = (key: AggregateKey) =>
      [key.period, key.orgId, key.userId, key.modelId, key.assistantId]
        .map((part) => part ?? '')
        .join('\u0000');
    return rows
      .map((row) => ({ row, order: sortKey(row.key) }))
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
      .map(({ row }) => row);
  }

  /** Intl is slow, so periods are cached per 15-minute slot: every UTC offset in use is a multiple of it. */
  private periodOf(occurredAt: Date): string {
    const slot = Math.floor(occurredAt.getTime() / bucketMs);
    let period = this.periods.get(slot);
    if (period === undefined) {
      if (Number.isNaN(slot)) throw new RangeError('occurredAt is not a valid date');
      const parts = Object.fromEntries(
        this.dayFormat.formatToParts(occurredAt).map((part) => [part.type, part.value]),
      );
      period = `${parts.year}-${parts.month}` + (this.period === 'day' ? `-${parts.day}` : '');
      this.periods.set(slot, period);
    }
    return period;
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
