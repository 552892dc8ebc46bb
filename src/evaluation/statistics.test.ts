import { describe, expect, it } from 'vitest';
import { bootstrapInterval, seededRandom, wilsonInterval } from './statistics.js';

describe('wilsonInterval', () => {
  it('matches hand-computed values', () => {
    const interval = wilsonInterval(8, 10);
    expect(interval.low).toBeCloseTo(0.4902, 4);
    expect(interval.high).toBeCloseTo(0.9433, 4);
    expect(wilsonInterval(10, 10).low).toBeCloseTo(0.7225, 4);
    expect(wilsonInterval(10, 10).high).toBeCloseTo(1, 12);
    expect(wilsonInterval(0, 20).low).toBe(0);
  });
  it('is the whole range without observations', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1, method: 'wilson' });
  });
});

describe('seededRandom and bootstrapInterval', () => {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const sample = [0, 1, 1, 0, 1, 1, 1, 0, 1, 1];

  it('repeat exactly for the same seed and differ for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    const continuous = [0.1, 0.5, 0.9, 0.3, 0.7, 0.2, 0.8, 0.45, 0.65, 0.05];
    const once = bootstrapInterval([continuous], ([s]) => mean(s!), { seed: 1 });
    expect(bootstrapInterval([continuous], ([s]) => mean(s!), { seed: 1 })).toEqual(once);
    expect(bootstrapInterval([continuous], ([s]) => mean(s!), { seed: 2 })).not.toEqual(once);
  });

  it('brackets the statistic and collapses for a constant sample', () => {
    const interval = bootstrapInterval([sample], ([s]) => mean(s!));
    expect(interval.method).toBe('bootstrap');
    expect(interval.low).toBeLessThan(0.7);
    expect(interval.high).toBeGreaterThan(0.7);
    expect(interval.low).toBeGreaterThan(0.3);
    expect(bootstrapInterval([[0.5, 0.5, 0.5]], ([s]) => mean(s!))).toMatchObject({ low: 0.5, high: 0.5 });
  });

  it('resamples each stratum on its own', () => {
    const interval = bootstrapInterval(
      [
        [1, 1, 1],
        [0, 0, 0],
      ],
      ([left, right]) => mean(left!) - mean(right!),
    );
    expect(interval).toMatchObject({ low: 1, high: 1 });
  });
});
