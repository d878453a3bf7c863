import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { whileBrowserStarts } from '../../src/browser/early-start.js';
import type { Browser } from '../../src/browser/cdp/browser.js';
import { ExitCode, LecternError } from '../../src/errors.js';
import { BROWSER, SKIP_BROWSER_TESTS } from '../export/helpers.js';
import { isRunning } from '../helpers/browser.js';

describe('starting the browser while the deck is read', () => {
  it('with no browser, fails before any work is done', async () => {
    let worked = false;
    const started = whileBrowserStarts('/missing/chrome', async () => {
      worked = true;
    });
    await expect(started).rejects.toMatchObject({ exitCode: ExitCode.noBrowser });
    await expect(started).rejects.toBeInstanceOf(LecternError);
    expect(worked).toBe(false);
  });

  it.skipIf(SKIP_BROWSER_TESTS)(
    'runs the work while the browser starts, then leaves no browser behind, even when the work fails',
    async () => {
      let seen: { pid: number | undefined; profile: string } | undefined;
      let wasRunning = false;
      const failure = new Error('the deck could not be read');
      const run = whileBrowserStarts(BROWSER, async (launch) => {
        // The work is handed the launch before the browser is up: nothing here waited for it.
        const browser: Browser = await launch;
        seen = browser.processInfo;
        wasRunning = seen.pid !== undefined && isRunning(seen.pid);
        throw failure;
      });
      await expect(run).rejects.toBe(failure);
      expect(wasRunning).toBe(true);
      if (seen?.pid === undefined) throw new Error('no process id');
      expect(isRunning(seen.pid)).toBe(false);
      expect(existsSync(seen.profile)).toBe(false);
    },
    60_000,
  );
});
