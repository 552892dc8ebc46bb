/**
 * Milliseconds of CPU time `work` takes in this process. Time bounds in tests use it instead of the wall
 * clock, which other processes on a shared machine can stretch many times over.
 */
export function cpuMilliseconds(work: () => unknown): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
