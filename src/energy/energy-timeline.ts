/**
 * A bounded history of energy samples, from a power gauge (W) or an energy counter, that answers
 * "how many joules between t1 and t2". Power between two samples is taken to change linearly (the
 * trapezoid rule); a counter is interpolated linearly. The oldest samples drop out when it is full.
 */

export type EnergySample = {
  atMs: number;
  /** Energy since the first sample, joules; never decreases. */
  cumulativeJ: number;
  /** The power reading at this instant, when the source is a power gauge. */
  watts?: number;
};

export class EnergyTimeline {
  private readonly ring: (EnergySample | undefined)[];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError('capacity must be an integer ≥ 2');
    this.ring = new Array<EnergySample | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  latest(): EnergySample | undefined {
    return this.count === 0 ? undefined : this.at(this.count - 1);
  }

  /** Adds a power reading; energy since the previous one is the trapezoid of the two readings. */
  addPower(atMs: number, watts: number): void {
    const previous = this.latest();
    const cumulativeJ = previous
      ? previous.cumulativeJ + (((previous.watts ?? watts) + watts) / 2) * this.secondsSince(previous, atMs)
      : 0;
    this.push({ atMs, cumulativeJ, watts });
  }

  /** Adds joules used since the previous sample (from a counter's increase). */
  addEnergy(atMs: number, joulesSincePrevious: number): void {
    if (!(joulesSincePrevious >= 0))
      throw new RangeError(`energy must not decrease (${joulesSincePrevious} J)`);
    const previous = this.latest();
    if (previous) this.secondsSince(previous, atMs);
    this.push({ atMs, cumulativeJ: previous ? previous.cumulativeJ + joulesSincePrevious : 0 });
  }

  /** Joules in [fromMs, toMs], or undefined when the samples held do not cover the whole window. */
  energyBetween(fromMs: number, toMs: number): number | undefined {
    if (toMs < fromMs) throw new RangeError('the window ends before it starts');
    const first = this.count > 0 ? this.at(0) : undefined;
    const last = this.latest();
    if (!first || !last || fromMs < first.atMs || toMs > last.atMs) return undefined;
    return this.cumulativeAt(toMs) - this.cumulativeAt(fromMs);
  }

  private cumulativeAt(timeMs: number): number {
    let low = 0;
    let high = this.count - 1;
    // The last sample at or before timeMs (binary search; samples are in time order).
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.at(middle).atMs <= timeMs) low = middle;
      else high = middle - 1;
    }
    const before = this.at(low);
    const after = low + 1 < this.count ? this.at(low + 1) : undefined;
    if (!after || timeMs === before.atMs) return before.cumulativeJ;
    const span = after.atMs - before.atMs;
    const elapsed = timeMs - before.atMs;
    if (before.watts === undefined || after.watts === undefined)
      return before.cumulativeJ + ((after.cumulativeJ - before.cumulativeJ) * elapsed) / span;
    // Linear power from p0 to p1: energy so far = p0·t + (p1 − p0)·t² / (2·span).
    const slope = (after.watts - before.watts) / span;
    return before.cumulativeJ + (before.watts * elapsed + (slope * elapsed * elapsed) / 2) / 1000;
  }

  /** Also the guard that keeps samples in time order, which the binary search relies on. */
  private secondsSince(previous: EnergySample, atMs: number): number {
    if (!(atMs > previous.atMs))
      throw new RangeError(`samples must move forward in time (${atMs} ≤ ${previous.atMs})`);
    return (atMs - previous.atMs) / 1000;
  }

  private push(sample: EnergySample): void {
    if (this.count < this.capacity) {
      this.ring[(this.start + this.count) % this.capacity] = sample;
      this.count += 1;
    } else {
      this.ring[this.start] = sample;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  private at(index: number): EnergySample {
    return this.ring[(this.start + index) % this.capacity]!;
  }
}
