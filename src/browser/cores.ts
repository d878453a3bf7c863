import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';

/** The machine's busy CPU time and this process's own, at one moment. */
export interface CpuReading {
  at: number;
  /** Non-idle CPU time over all cores since boot, ms. */
  busyMs: number;
  /** This process's CPU time (every thread), ms. */
  ownMs: number;
}

export function readCpu(): CpuReading {
  let busyMs = 0;
  for (const { times } of cpus()) busyMs += times.user + times.nice + times.sys + times.irq;
  const own = process.cpuUsage();
  return { at: performance.now(), busyMs, ownMs: (own.user + own.system) / 1000 };
}

/** Beside two tabs on two cores of their own, other programs may use up to this share of a core. */
const OTHERS_MAX_CORES = 0.5;
/** A shorter watch says too little (CPU times tick every 10 ms). */
const MIN_WATCH_MS = 250;

/** Taken when the browser is launched: what other programs used since says whether a core is spare now. */
let watchStart: CpuReading | undefined;

/** Starts watching what other programs do with the CPU (called as the browser is launched). */
export function watchCpu(): void {
  watchStart = readCpu();
}

/**
 * Whether a second export tab can expect a core of its own: the machine has two or more, and other programs left one
 * idle. Measured, where it can be, as the CPU time the machine spent since the browser was launched less what
 * Lectern itself spent (this process, and the browser's process group on Linux): the last minute's load average
 * still counts the program that ran just before, even when the machine is now idle, so it only decides elsewhere.
 * Where no load average is kept either (Windows reports 0), the core count decides.
 */
export function hasSpareCore(browserPid?: number): boolean {
  const cores = availableParallelism();
  if (cores < 2) return false;
  const others = otherProgramsCores(browserPid);
  if (others !== undefined) return others <= cores - 2 + OTHERS_MAX_CORES;
  const [lastMinute = 0] = loadavg();
  return lastMinute < cores;
}

/** The cores other programs kept busy, on average, since `watchCpu`; undefined when that cannot be told. */
function otherProgramsCores(browserPid: number | undefined): number | undefined {
  if (!watchStart || browserPid === undefined || process.platform !== 'linux') return undefined;
  const browserMs = processGroupCpuMs(browserPid);
  return browserMs === undefined ? undefined : othersBetween(watchStart, readCpu(), browserMs);
}

/**
 * The cores other programs kept busy between two readings, on average: the machine's busy time less this process's
 * and the browser's (`lecternBrowserMs`, all of it since its launch at `start`). Undefined for too short a watch.
 */
export function othersBetween(start: CpuReading, now: CpuReading, lecternBrowserMs: number): number | undefined {
  const elapsed = now.at - start.at;
  if (elapsed < MIN_WATCH_MS) return undefined;
  const othersMs = now.busyMs - start.busyMs - (now.ownMs - start.ownMs) - lecternBrowserMs;
  return Math.max(0, othersMs) / elapsed;
}

/** Clock ticks per second of /proc's CPU times: 100 on every Linux Node runs on (USER_HZ). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time, ms, of every live process in the group `group` (the browser is started as the leader of its own group, and
 * its helpers stay in it), with what its reaped children used. Undefined when /proc cannot be read.
 */
export function processGroupCpuMs(group: number): number | undefined {
  let ticks = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // pid (comm) state ppid pgrp … utime stime cutime cstime: comm may hold spaces and parentheses, so count from its end.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== group) continue;
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
