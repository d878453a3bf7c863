import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { hasSpareCore, othersBetween, processGroupCpuMs, readCpu, watchCpu } from '../../src/browser/cores.js';

const BUSY = 'const end = Date.now() + Number(process.argv[1]); while (Date.now() < end) Math.sqrt(Math.random());';
/** Spins until the process has used `ms` of CPU, however long a loaded machine makes that take. */
const BUSY_CPU =
  'const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }; const end = cpu() + Number(process.argv[1]); while (cpu() < end) Math.sqrt(Math.random());';
const children: ChildProcess[] = [];

/** A process spinning on one core for `ms` (of wall time, or with `cpu` of its own CPU time), the leader of its own group, as the browser is. */
function spin(ms: number, cpu = false): ChildProcess {
  const child = spawn(process.execPath, ['-e', cpu ? BUSY_CPU : BUSY, String(ms)], { detached: true, stdio: 'ignore' });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess): Promise<void> => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('the spare core', () => {
  it('is what the machine spent less what Lectern spent: this process and its browser', () => {
    const start = { at: 0, busyMs: 10_000, ownMs: 500 };
    // 1 s watched: 1,800 ms busy, of which 700 ms this process and 600 ms the browser, so others kept half a core busy.
    expect(othersBetween(start, { at: 1_000, busyMs: 11_800, ownMs: 1_200 }, 600)).toBeCloseTo(0.5);
    expect(othersBetween(start, { at: 1_000, busyMs: 10_900, ownMs: 1_200 }, 600)).toBe(0);
    expect(othersBetween(start, { at: 100, busyMs: 11_800, ownMs: 1_200 }, 600)).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')(
    "counts a process group's CPU time from /proc",
    async () => {
      const child = spin(400, true);
      const group = child.pid!;
      let seen = 0;
      while (child.exitCode === null && seen < 200) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        seen = Math.max(seen, processGroupCpuMs(group) ?? 0);
      }
      expect(seen).toBeGreaterThanOrEqual(200);
      await exited(child);
      expect(processGroupCpuMs(group)).toBe(0);
    },
    60_000,
  );

  it.runIf(process.platform === 'linux' && availableParallelism() >= 2)('is not spare while other programs keep all but one core busy', async () => {
    const browser = spin(50); // stands in for the browser's group: its time is Lectern's
    watchCpu();
    const others = Array.from({ length: availableParallelism() - 1 }, () => spin(700));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(hasSpareCore(browser.pid)).toBe(false);
    await Promise.all(others.map(exited));
  });

  it('reads the machine and this process, in ms', () => {
    const before = readCpu();
    const usage = process.cpuUsage();
    let spent = 0;
    while (spent < 40) {
      Math.sqrt(Math.random());
      const now = process.cpuUsage(usage);
      spent = (now.user + now.system) / 1000;
    }
    const after = readCpu();
    expect(after.ownMs - before.ownMs).toBeGreaterThanOrEqual(40);
    expect(after.ownMs - before.ownMs).toBeLessThan(40 + (after.at - before.at) * 2 + 20);
    expect(after.busyMs).toBeGreaterThanOrEqual(before.busyMs);
  });
});
