import { availableParallelism, loadavg } from 'node:os';

/**
 * Whether a second export tab can have a core to itself: the machine has two or more, and the last minute's load
 * average leaves at least half a core unused. On a machine other work keeps busy, a second tab only slows the first.
 * Where no load average is kept (Windows reports 0), the core count decides.
 */
export function hasSpareCore(): boolean {
  const cores = availableParallelism();
  const [lastMinute = 0] = loadavg();
  return cores >= 2 && lastMinute <= cores - 0.5;
}
