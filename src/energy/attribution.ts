/**
 * Attribution of a measured device's energy to the requests it served: the energy of every stretch
 * of time is split among the requests running then, in proportion to the tokens each produced in it
 * (its output tokens spread evenly over its window). Time with no request running stays unattributed.
 */

export type RequestWindow = { id: string; startMs: number; endMs: number; tokens: number };
export type EnergyBetween = (fromMs: number, toMs: number) => number | undefined;

/** Joules per request; requests whose window the measurements do not cover are left out. */
export function attributeEnergy(
  windows: readonly RequestWindow[],
  energyBetween: EnergyBetween,
): Map<string, number> {
  const result = new Map<string, number>();
  const uncovered = new Set<string>();
  const valid = windows.filter((window) => window.endMs > window.startMs);
  const bounds = [...new Set(valid.flatMap((window) => [window.startMs, window.endMs]))].sort(
    (a, b) => a - b,
  );
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    const from = bounds[index]!;
    const to = bounds[index + 1]!;
    const active = valid.filter((window) => window.startMs <= from && window.endMs >= to);
    if (active.length === 0) continue;
    const joules = energyBetween(from, to);
    if (joules === undefined) {
      for (const window of active) uncovered.add(window.id);
      continue;
    }
    const rates = active.map((window) => Math.max(0, window.tokens) / (window.endMs - window.startMs));
    const total = rates.reduce((sum, rate) => sum + rate, 0);
    active.forEach((window, position) => {
      const share = total > 0 ? rates[position]! / total : 1 / active.length;
      result.set(window.id, (result.get(window.id) ?? 0) + joules * share);
    });
  }
  for (const window of windows)
    if (!uncovered.has(window.id) && !result.has(window.id)) result.set(window.id, 0);
  for (const id of uncovered) result.delete(id);
  return result;
}

/**
 * Keeps the windows of running and finished requests until they can be settled: a group of
 * overlapping requests is settled once all of them have ended and the measurements cover it, or
 * given up (left to the estimate) when it stays uncovered for longer than `maxWaitMs`. Call `end`
 * in a finally block: a request that never ends holds back every group that overlaps it.
 */
export class RequestLedger {
  private readonly open = new Map<string, number>();
  private readonly done: RequestWindow[] = [];

  constructor(private readonly maxWaitMs: number) {}

  begin(id: string, startMs: number): void {
    this.open.set(id, startMs);
  }

  /** The request ran elsewhere (another provider) or was lost: it takes no share and holds nothing back. */
  abandon(id: string): void {
    this.open.delete(id);
  }

  end(id: string, endMs: number, tokens: number): void {
    const startMs = this.open.get(id);
    if (startMs === undefined) return;
    this.open.delete(id);
    this.done.push({ id, startMs, endMs: Math.max(startMs, endMs), tokens });
  }

  settle(
    energyBetween: EnergyBetween,
    nowMs: number,
  ): { measured: Map<string, number>; unmeasured: string[] } {
    const measured = new Map<string, number>();
    const unmeasured: string[] = [];
    const earliestOpen = Math.min(...this.open.values());
    const kept: RequestWindow[] = [];
    for (const group of overlappingGroups(this.done)) {
      const groupEnd = Math.max(...group.map((window) => window.endMs));
      if (groupEnd > earliestOpen) {
        kept.push(...group);
        continue;
      }
      const attributed = attributeEnergy(group, energyBetween);
      const missing = group.filter((window) => !attributed.has(window.id));
      if (missing.length > 0 && nowMs - groupEnd <= this.maxWaitMs) kept.push(...group);
      else {
        for (const [id, joules] of attributed) measured.set(id, joules);
        unmeasured.push(...missing.map((window) => window.id));
      }
    }
    this.done.splice(0, this.done.length, ...kept);
    return { measured, unmeasured };
  }
}

/** Overlapping windows form one group; a group shares its energy among its members only. */
function overlappingGroups(windows: readonly RequestWindow[]): RequestWindow[][] {
  const sorted = [...windows].sort((a, b) => a.startMs - b.startMs);
  const groups: RequestWindow[][] = [];
  let groupEnd = -Infinity;
  for (const window of sorted) {
    if (window.startMs < groupEnd) groups.at(-1)!.push(window);
    else groups.push([window]);
    groupEnd = Math.max(groupEnd, window.endMs);
  }
  return groups;
}
