// Runs one command with a timeout, measuring wall time and peak memory of its whole process tree.
// Browsers launched by the tools start their own process groups and sessions, so the tree is found through
// /proc parent links (polled), and every process ever seen in it is killed when the run ends.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PAGE = 4096;
const HAVE_TIME = existsSync('/usr/bin/time');

/** Snapshot of /proc: pid → { ppid, rss (bytes), start (clock ticks) }. */
function snapshot() {
  const procs = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields after the command: state(0) ppid(1) … starttime(19) vsize(20) rss pages(21)
      procs.set(Number(name), { ppid: Number(f[1]), start: f[19], rss: Number(f[21]) * PAGE });
    } catch { /* the process ended while we looked */ }
  }
  return procs;
}

/** pids in the tree under root (root included) in a snapshot. */
function descendants(procs, root) {
  const children = new Map();
  for (const [pid, p] of procs) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(pid);
  }
  const out = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    if (!procs.has(pid)) continue;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Proportional set size of one process (shared pages split among their sharers), or null. */
function pss(pid) {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch { return null; }
}

/**
 * Tracks a process tree: its peak summed RSS and PSS, and every pid that ever belonged to it.
 * Reading PSS makes the kernel walk each process's page tables: for a browser printing a long deck, polled every
 * 100 ms, that took 2.5 s of a 15.5 s export with two tabs. withPss: false reads only /proc/PID/stat (RSS).
 */
export class TreeWatch {
  constructor(rootPid, intervalMs = 100, { withPss = true } = {}) {
    this.root = rootPid;
    this.withPss = withPss;
    this.seen = new Map(); // pid → start time, so a recycled pid is never killed
    this.peak = 0;
    this.peakPss = 0;
    this.timer = setInterval(() => this.poll(), intervalMs);
    this.poll();
  }
  poll() {
    const procs = snapshot();
    let sum = 0, sumPss = 0;
    for (const pid of descendants(procs, this.root)) {
      const p = procs.get(pid);
      this.seen.set(pid, p.start);
      sum += p.rss;
      if (this.withPss) sumPss += pss(pid) ?? p.rss;
    }
    if (sum > this.peak) this.peak = sum;
    if (this.withPss && sumPss > this.peakPss) this.peakPss = sumPss;
  }
  /** Stops polling and SIGKILLs whatever is left of the tree. Returns how many were killed. */
  killAll() {
    clearInterval(this.timer);
    const procs = snapshot();
    const alive = new Set(descendants(procs, this.root));
    for (const [pid, start] of this.seen) if (procs.get(pid)?.start === start) alive.add(pid);
    let n = 0;
    for (const pid of alive) {
      try { process.kill(pid, 'SIGKILL'); n++; } catch { /* already gone */ }
    }
    return n;
  }
}

/**
 * Runs cmd with args; resolves { ok, code, timedOut, wallMs, peakTreeRss, peakTreePss, maxRss, stdout, stderr }.
 * maxRss is GNU time's "Maximum resident set size" (largest single process); peakTreeRss/Pss the polled sums.
 * withPss: false leaves peakTreePss null and keeps the polling light, for runs whose time counts.
 */
export async function run(cmd, args, { cwd, env, timeoutMs = 60000, pollMs = 100, withPss = true } = {}) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'lectern-bench-'));
  const timeFile = path.join(tmp, 'time.txt');
  const [file, argv] = HAVE_TIME ? ['/usr/bin/time', ['-v', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const started = process.hrtime.bigint();
  const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const watch = new TreeWatch(child.pid, pollMs, { withPss });
  let stdout = '', stderr = '';
  child.stdout.on('data', (d) => { stdout = (stdout + d).slice(-20000); });
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-20000); });
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; watch.killAll(); }, timeoutMs);
  try {
    const code = await new Promise((resolve) => {
      child.on('error', (e) => { stderr += String(e); resolve(-1); });
      child.on('close', (c, sig) => resolve(c ?? (sig ? 128 : -1)));
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    let maxRss = null;
    if (HAVE_TIME && existsSync(timeFile)) {
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
      if (m) maxRss = Number(m[1]) * 1024;
    }
    return { ok: code === 0 && !timedOut, code, timedOut, wallMs, peakTreeRss: watch.peak, peakTreePss: withPss ? watch.peakPss : null, maxRss, stdout, stderr };
  } finally {
    clearTimeout(timer);
    watch.killAll();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Starts a long-running process (a dev server); returns { child, watch, stop() } with output collected. */
export function startProcess(cmd, args, { cwd, env } = {}) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const watch = new TreeWatch(child.pid, 200);
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => { out.stdout = (out.stdout + d).slice(-20000); });
  child.stderr.on('data', (d) => { out.stderr = (out.stderr + d).slice(-20000); });
  const exited = new Promise((resolve) => child.on('close', (c) => resolve(c)));
  return { child, watch, out, exited, stop: () => watch.killAll() };
}

export { HAVE_TIME };
