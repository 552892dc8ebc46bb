import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeEnergy, RequestLedger, type RequestWindow } from './attribution.js';
import { EnergyTimeline } from './energy-timeline.js';

function powerTimeline(points: [number, number][]): EnergyTimeline {
  const timeline = new EnergyTimeline(100);
  for (const [atMs, watts] of points) timeline.addPower(atMs, watts);
  return timeline;
}

describe('energy timeline', () => {
  it('integrates power readings with the trapezoid rule, also inside a sampling interval', () => {
    const timeline = powerTimeline([
      [0, 100],
      [1000, 200],
      [2000, 200],
    ]);
    // [0, 2 s]: (100 + 200)/2 · 1 s + 200 · 1 s = 350 J
    expect(timeline.energyBetween(0, 2000)).toBeCloseTo(350, 12);
    // [0.5 s, 1.5 s]: power 150 → 200 W over 0.5 s = 87.5 J, then 200 W · 0.5 s = 100 J
    expect(timeline.energyBetween(500, 1500)).toBeCloseTo(187.5, 12);
  });

  it('interpolates an energy counter linearly and refuses windows it does not cover', () => {
    const timeline = new EnergyTimeline(3);
    timeline.addEnergy(1000, 999); // first sample: the baseline, whatever came before
    timeline.addEnergy(2000, 40);
    timeline.addEnergy(4000, 60);
    // [1.5 s, 3 s]: half of 40 J, then half of 60 J = 50 J
    expect(timeline.energyBetween(1500, 3000)).toBeCloseTo(50, 12);
    expect(timeline.energyBetween(500, 3000)).toBeUndefined();
    expect(timeline.energyBetween(3000, 4500)).toBeUndefined();
    timeline.addEnergy(5000, 10); // capacity 3: the sample at 1 s drops out
    expect(timeline.energyBetween(1500, 3000)).toBeUndefined();
    expect(timeline.energyBetween(2000, 5000)).toBeCloseTo(70, 12);
    expect(() => timeline.addEnergy(5000, 1)).toThrow(RangeError);
  });
});

describe('attribution to concurrent requests', () => {
  it('splits each stretch of time among the requests running then, by their token rate', () => {
    const timeline = powerTimeline([
      [0, 300],
      [2000, 300],
    ]);
    const windows: RequestWindow[] = [
      { id: 'a', startMs: 0, endMs: 2000, tokens: 100 },
      { id: 'b', startMs: 1000, endMs: 2000, tokens: 150 },
    ];
    const joules = attributeEnergy(windows, (from, to) => timeline.energyBetween(from, to));
    // [0, 1 s]: 300 J to a alone. [1 s, 2 s]: 300 J split 0.05 : 0.15 tokens/ms → a 75 J, b 225 J
    expect(joules.get('a')).toBeCloseTo(375, 12);
    expect(joules.get('b')).toBeCloseTo(225, 12);
  });

  it('leaves out requests the measurements do not cover, splits evenly without tokens, gives 0 to empty windows', () => {
    const timeline = powerTimeline([
      [0, 100],
      [1000, 100],
    ]);
    const joules = attributeEnergy(
      [
        { id: 'in', startMs: 0, endMs: 1000, tokens: 0 },
        { id: 'also-in', startMs: 0, endMs: 1000, tokens: 0 },
        { id: 'later', startMs: 500, endMs: 1500, tokens: 10 },
        { id: 'instant', startMs: 700, endMs: 700, tokens: 3 },
      ],
      (from, to) => timeline.energyBetween(from, to),
    );
    expect(joules.has('later')).toBe(false);
    expect(joules.get('instant')).toBe(0);
    // [0, 0.5 s]: 50 J even split; [0.5 s, 1 s]: 'later' has all the tokens → 0 for the other two
    expect(joules.get('in')).toBeCloseTo(25, 12);
    expect(joules.get('also-in')).toBeCloseTo(25, 12);
  });

  it('conserves energy: the shares add up to the energy of the time any request ran', () => {
    const window = fc
      .tuple(
        fc.integer({ min: 0, max: 9_000 }),
        fc.integer({ min: 1, max: 3_000 }),
        fc.integer({ min: 0, max: 2_000 }),
      )
      .map(([startMs, length, tokens]) => ({ startMs, endMs: Math.min(10_000, startMs + length), tokens }));
    fc.assert(
      fc.property(
        fc.array(window, { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 11, maxLength: 11 }),
        (spans, watts) => {
          const timeline = powerTimeline(watts.map((power, index) => [index * 1000, power]));
          const windows = spans.map((span, index) => ({ ...span, id: `r${index}` }));
          const joules = attributeEnergy(windows, (from, to) => timeline.energyBetween(from, to));
          const shared = [...joules.values()].reduce((sum, value) => sum + value, 0);
          let busy = 0;
          for (const [from, to] of union(windows)) busy += timeline.energyBetween(from, to)!;
          expect(shared).toBeCloseTo(busy, 6);
        },
      ),
    );
  });
});

function union(windows: RequestWindow[]): [number, number][] {
  const merged: [number, number][] = [];
  for (const { startMs, endMs } of [...windows].sort((a, b) => a.startMs - b.startMs)) {
    const last = merged.at(-1);
    if (last && startMs <= last[1]) last[1] = Math.max(last[1], endMs);
    else merged.push([startMs, endMs]);
  }
  return merged;
}

describe('request ledger', () => {
  it('settles a group once all of its requests ended and the measurements cover it', () => {
    const timeline = powerTimeline([[0, 200]]);
    const energy = (from: number, to: number) => timeline.energyBetween(from, to);
    const ledger = new RequestLedger(10_000);
    ledger.begin('a', 0);
    ledger.begin('b', 500);
    ledger.end('a', 1000, 50);
    expect(ledger.settle(energy, 1000)).toEqual({ measured: new Map(), unmeasured: [] }); // b still running
    ledger.end('b', 1500, 50);
    expect(ledger.settle(energy, 1500).measured.size).toBe(0); // no sample after 1.5 s yet
    timeline.addPower(2000, 200);
    const { measured } = ledger.settle(energy, 2000);
    // 200 W: [0, 0.5 s] 100 J to a; [0.5, 1 s] 100 J split 0.05 : 0.05; [1, 1.5 s] 100 J to b
    expect(measured.get('a')).toBeCloseTo(150, 12);
    expect(measured.get('b')).toBeCloseTo(150, 12);
    expect(ledger.settle(energy, 2000).measured.size).toBe(0);
  });

  it('gives a group up to the estimate when it stays uncovered too long', () => {
    const ledger = new RequestLedger(5_000);
    ledger.begin('x', 0);
    ledger.end('x', 1000, 10);
    expect(ledger.settle(() => undefined, 3000).unmeasured).toEqual([]);
    expect(ledger.settle(() => undefined, 7000).unmeasured).toEqual(['x']);
  });
});
