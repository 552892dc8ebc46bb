import { aggregateUsage, type AggregateOptions, type UsageFootprintRecord } from '../src/energy/aggregate.js';

/**
 * Aggregation throughput over 1,000,000 usage records (issue 11): `npx tsx bench/energy-aggregate.ts`.
 * Records are generated from a fixed seed so runs compare; generation is not timed.
 */

const count = 1_000_000;

/** mulberry32: a small seeded generator, so every run aggregates the same records. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(11);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const orgs = Array.from({ length: 20 }, (_, index) => `org-${index}`);
const users = Array.from({ length: 2000 }, (_, index) => `user-${index}`);
const models = ['eurollm-22b', 'eurollm-9b', 'teuken-7b', 'apertus-70b', 'apertus-8b', 'salamandra-7b'];
const assistants = ['briefe', 'protokoll', 'recherche', null];
const start = Date.UTC(2025, 0, 1);
const year = 365 * 24 * 60 * 60 * 1000;

const records: UsageFootprintRecord[] = Array.from({ length: count }, () => {
  const tokensOut = Math.floor(next() * 2000);
  return {
    occurredAt: new Date(start + Math.floor(next() * year)),
    orgId: pick(orgs),
    userId: pick(users),
    modelId: pick(models),
    assistantId: pick(assistants),
    tokensIn: Math.floor(next() * 8000),
    tokensOut,
    energyWh: tokensOut * 8.8e-5,
    co2eGrams: tokensOut * 3.0e-5,
    waterMl: tokensOut * 1.7e-4,
    energyMethod: next() < 0.2 ? 'measured-rapl' : 'estimated',
  };
});

const runs: [string, AggregateOptions][] = [
  ['total', {}],
  ['org × model × month', { by: ['org', 'model'], period: 'month' }],
  ['user × day', { by: ['user'], period: 'day' }],
  ['org × user × model × assistant × day', { by: ['org', 'user', 'model', 'assistant'], period: 'day' }],
];

for (const [label, options] of runs) {
  aggregateUsage(records.slice(0, 10_000), options); // warm-up
  const began = process.hrtime.bigint();
  const rows = aggregateUsage(records, options);
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const perSecond = Math.round(count / seconds).toLocaleString('en-GB');
  console.log(
    `${label.padEnd(40)} ${rows.length.toString().padStart(8)} rows  ${seconds.toFixed(3)} s  ${perSecond} records/s`,
  );
}
