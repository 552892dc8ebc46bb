import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateUsage,
  groupDimensions,
  microToDecimal,
  UsageAggregator,
  type AggregateOptions,
  type GroupDimension,
  type Period,
  type UsageFootprintRecord,
} from './aggregate.js';

/** A record plus the exact integers it was made from: the reference adds those as BigInt. */
type Generated = { record: UsageFootprintRecord; micro: [bigint, bigint, bigint] };

const start = Date.UTC(2025, 9, 1);
const span = Date.UTC(2026, 3, 30) - start; // across both daylight-saving changes
const generated: fc.Arbitrary<Generated> = fc
  .record({
    at: fc.integer({ min: 0, max: span }),
    org: fc.constantFrom('org-a', 'org-b', 'org-c'),
    user: fc.constantFrom('u1', 'u2', 'u3', 'u4', null),
    model: fc.constantFrom('eurollm-22b', 'teuken-7b', 'apertus-70b'),
    assistant: fc.constantFrom('briefe', 'protokoll', null),
    tokensIn: fc.nat({ max: 50_000 }),
    tokensOut: fc.nat({ max: 8_000 }),
    energy: fc.nat({ max: 5_000_000_000 }), // up to 5 kWh per record, in µWh
    co2e: fc.nat({ max: 2_000_000_000 }), // up to 2 kg, in µg
    water: fc.nat({ max: 20_000_000_000 }), // up to 20 l, in nl
    measured: fc.boolean(),
  })
  .map((value) => ({
    record: {
      occurredAt: new Date(start + value.at),
      orgId: value.org,
      userId: value.user,
      modelId: value.model,
      assistantId: value.assistant,
      tokensIn: value.tokensIn,
      tokensOut: value.tokensOut,
      // what the database holds: a double in the stored unit
      energyWh: value.energy / 1e6,
      co2eGrams: value.co2e / 1e6,
      waterMl: value.water / 1e6,
      energyMethod: value.measured ? 'measured-prometheus' : 'estimated',
    },
    micro: [BigInt(value.energy), BigInt(value.co2e), BigInt(value.water)],
  }));

const berlinDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short' });

/** Straightforward BigInt reference: no caching, no float, its own grouping code. */
function reference(items: Generated[], options: { by: GroupDimension[]; period: Period }) {
  const totals = new Map<string, bigint[]>();
  for (const { record, micro } of items) {
    const day = berlinDay.format(record.occurredAt); // sv-SE writes ISO dates
    const period = options.period === 'day' ? day : options.period === 'month' ? day.slice(0, 7) : '';
    const parts = options.by.map((dimension) =>
      String(
        { org: record.orgId, user: record.userId, model: record.modelId, assistant: record.assistantId }[
          dimension
        ],
      ),
    );
    const key = JSON.stringify([period, ...parts]);
    const sums = totals.get(key) ?? [0n, 0n, 0n, 0n, 0n, 0n, 0n];
    const add = [
      1n,
      record.energyMethod.startsWith('measured') ? 1n : 0n,
      BigInt(record.tokensIn),
      BigInt(record.tokensOut),
      ...micro,
    ];
    totals.set(
      key,
      sums.map((sum, index) => sum + add[index]!),
    );
  }
  return totals;
}

function compare(items: Generated[], options: { by: GroupDimension[]; period: Period }): void {
  const rows = aggregateUsage(
    items.map((item) => item.record),
    options,
  );
  const expected = reference(items, options);
  expect(rows).toHaveLength(expected.size);
  for (const row of rows) {
    const parts = options.by.map((dimension) =>
      String(
        { org: row.key.orgId, user: row.key.userId, model: row.key.modelId, assistant: row.key.assistantId }[
          dimension
        ],
      ),
    );
    const sums = expected.get(JSON.stringify([row.key.period ?? '', ...parts]));
    expect(sums).toBeDefined();
    const actual = [
      row.requests,
      row.measuredRequests,
      row.tokensIn,
      row.tokensOut,
      row.energyMicroWh,
      row.co2eMicrograms,
      row.waterNanolitres,
    ];
    expect(actual.map(BigInt)).toEqual(sums);
  }
}

const grouping = fc.record({
  by: fc.subarray([...groupDimensions]),
  period: fc.constantFrom<Period>('day', 'month', 'all'),
});

describe('exact aggregation', () => {
  it('equals a BigInt reference over 100,000 random records', () => {
    fc.assert(
      fc.property(
        fc.array(generated, { minLength: 100_000, maxLength: 100_000 }),
        grouping,
        (items, options) => {
          compare(items, options);
          compare(items, { by: ['org', 'model'], period: 'month' });
        },
      ),
      // Shrinking 100,000 records would take hours; the small-set property below shrinks instead.
      { numRuns: 2, endOnFailure: true },
    );
  }, 120_000);

  it('equals the reference for small random sets under every grouping (shrinkable)', () => {
    fc.assert(
      fc.property(fc.array(generated, { maxLength: 200 }), grouping, (items, options) =>
        compare(items, options),
      ),
      {
        numRuns: 300,
      },
    );
  });

  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(fc.array(generated, { maxLength: 300 }), grouping, (items, options) => {
        const records = items.map((item) => item.record);
        expect(aggregateUsage([...records].reverse(), options)).toEqual(aggregateUsage(records, options));
      }),
      { numRuns: 100 },
    );
  });

  it('has no float drift where naive addition has', () => {
    const records = Array.from({ length: 10 }, () => record({ energyWh: 0.1 }));
    expect(records.reduce((sum, item) => sum + item.energyWh, 0)).not.toBe(1); // 0.9999999999999999
    const [row] = aggregateUsage(records);
    expect(row!.energyMicroWh).toBe(1_000_000);
    expect(microToDecimal(row!.energyMicroWh)).toBe('1');
  });
});

describe('periods and groups', () => {
  it('counts days and months in Europe/Berlin, across the change to summer time', () => {
    const rows = aggregateUsage(
      [
        record({ occurredAt: new Date('2026-03-28T23:30:00Z') }), // 00:30 CET on 29 March
        record({ occurredAt: new Date('2026-03-29T21:59:00Z') }), // 23:59 CEST on 29 March
        record({ occurredAt: new Date('2026-03-29T22:00:00Z') }), // 00:00 CEST on 30 March
        record({ occurredAt: new Date('2026-03-31T22:30:00Z') }), // 00:30 CEST on 1 April
      ],
      { period: 'day' },
    );
    expect(rows.map((row) => [row.key.period, row.requests])).toEqual([
      ['2026-03-29', 2],
      ['2026-03-30', 1],
      ['2026-04-01', 1],
    ]);
    const months = aggregateUsage([record({ occurredAt: new Date('2026-03-31T22:30:00Z') })], {
      period: 'month',
      timeZone: 'UTC',
    });
    expect(months[0]!.key.period).toBe('2026-03');
  });

  it('keeps users and assistants that are null apart from named ones, and sorts rows', () => {
    const aggregator = new UsageAggregator({ by: ['user', 'assistant'] } satisfies AggregateOptions);
    aggregator.add(record({ userId: 'u2', assistantId: null }));
    aggregator.add(record({ userId: null, assistantId: 'a' }));
    aggregator.add(record({ userId: 'u2', assistantId: null }));
    expect(aggregator.rows().map((row) => [row.key.userId, row.key.assistantId, row.requests])).toEqual([
      [null, 'a', 1],
      ['u2', null, 2],
    ]);
  });

  it('refuses negative, non-finite and fractional inputs, and totals beyond 2^53', () => {
    expect(() => aggregateUsage([record({ energyWh: -1 })])).toThrow(RangeError);
    expect(() => aggregateUsage([record({ waterMl: Number.NaN })])).toThrow(RangeError);
    expect(() => aggregateUsage([record({ tokensOut: 1.5 })])).toThrow(RangeError);
    expect(() => aggregateUsage([record({ occurredAt: new Date('nonsense') })], { period: 'day' })).toThrow(
      RangeError,
    );
    expect(() => aggregateUsage([record({ co2eGrams: 5e9 }), record({ co2eGrams: 5e9 })])).toThrow(/2\^53/);
  });

  it('writes millionths as exact decimals', () => {
    expect([0, 1, 999_999, 1_000_000, 1_234_567, 120_000_000].map(microToDecimal)).toEqual([
      '0',
      '0.000001',
      '0.999999',
      '1',
      '1.234567',
      '120',
    ]);
  });
});

function record(overrides: Partial<UsageFootprintRecord> = {}): UsageFootprintRecord {
  return {
    occurredAt: new Date('2026-03-02T10:00:00Z'),
    orgId: 'org-a',
    userId: 'u1',
    modelId: 'teuken-7b',
    assistantId: null,
    tokensIn: 100,
    tokensOut: 200,
    energyWh: 0.05,
    co2eGrams: 0.02,
    waterMl: 0.1,
    energyMethod: 'estimated',
    ...overrides,
  };
}
