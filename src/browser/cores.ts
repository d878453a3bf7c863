import { availableParallelism, loadavg } from 'node:os';

/**
 * Whether a second export tab can expect a core of its own: the machine has two or more, and over the last minute
 * fewer tasks than cores were waiting to run. On a machine other work keeps busier than that, a second tab only
 * competes with the first (measured: see bench/profiles.md). Where no load average is kept (Windows reports 0), the
 * core count decides.
 */
export function hasSpareCore(): boolean {
  const cores = availableParallelism();
  const [lastMinute = 0] = loadavg();
  return cores >= 2 && lastMinute < cores;
}
