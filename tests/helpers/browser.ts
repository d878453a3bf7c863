import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** The flags every test browser runs with: headless, and no traffic of its own to the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The system Chromium the browser tests drive; in CI its absence is a failure, never a skip. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
  if (!found && process.env.CI) throw new Error('no Chromium found: browser tests must run in CI (apt-get install chromium)');
  return found;
}

/** True when browser tests can run here (throws in CI when they cannot). */
export const hasBrowser = Boolean(chromiumPath());

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium found');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** Whether a process (a browser the test started) is still alive: signal 0 tests for it without touching it. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
