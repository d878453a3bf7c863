/**
 * `lectern dev` under a long editing session: 100 saves alternating a broken and a valid source, some checked one by
 * one and some written in bursts faster than the server rebuilds. The server must stay up, the open page must always end
 * up showing the last save (the error, or the deck with that save's text), and memory must not grow with the saves.
 */
import { readFileSync, renameSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { startDevServer, type DevServer } from '../helpers/dev-server.js';

const SAVES = 100;
/** Saves checked one at a time before the bursts; memory is first sampled after the first few. */
const CHECKED_SAVES = 40;
const BASELINE_AFTER = 10;
const BURST = 10;
/**
 * Growth allowed from the baseline to the end. Warm-up and garbage not yet collected stay under 20 MB here; a leak of
 * half a megabyte or more a save breaks the bound (smaller ones are lost in what resident memory can show).
 */
const MAX_GROWTH_MB = 40;

const SECTIONS = ['Harbour', 'Lamps', 'Lenses', 'Keepers', 'Fog', 'Signals', 'Wrecks', 'Engines', 'Radio', 'Automation'];

/** A valid deck of about 80 slides, so that each save does a real deck's work; `marker` names the save. */
function validSource(marker: string): string {
  const body = SECTIONS.map((title, section) => {
    const paragraphs = Array.from({ length: 6 }, (_, index) => {
      const n = section * 6 + index;
      return (
        `Keeper log ${n} notes the ${title.toLowerCase()} at dusk, with the tide at ${n % 7} metres. ` +
        `The crew trimmed ${n + 2} wicks and wrote down every passing ship. Visibility stayed near ${n % 5} miles until dawn.`
      );
    });
    if (section === 0) paragraphs.unshift(`Tonight the beacon reads ${marker} across the bay.`);
    return `## ${title}\n\n${paragraphs.join('\n\n')}`;
  }).join('\n\n');
  return `---\ntitle: Coastal lights\nauthor: Night shift\n---\n\n${body}\n`;
}

/**
 * Broken front matter. An alias to no anchor names the save in the error message; an unclosed list only shows that
 * the page switched to an error.
 */
function brokenSource(marker: string, kind: number): string {
  const front = kind % 2 === 0 ? `title: *${marker}` : `title: [unclosed ${marker}`;
  return validSource('none').replace('title: Coastal lights', front);
}

/** Resident memory of a process in MB, from /proc. */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) / 1024;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!hasBrowser)('lectern dev over 100 saves', () => {
  let browser: Browser;
  let page: Page;
  let server: DevServer;
  let source: string;
  let pid: number;
  let saves = 0;
  const rss: { baseline?: number; end?: number } = {};

  /** Saves in place (truncate and write) or as editors do it atomically (write a sibling, rename it over). */
  const save = (text: string, atomic = false): void => {
    saves++;
    if (atomic) {
      writeFileSync(`${source}.tmp`, text);
      renameSync(`${source}.tmp`, source);
    } else {
      writeFileSync(source, text);
    }
  };

  const assertServerUp = (): void => {
    expect(server.process.exitCode, server.output()).toBeNull();
    expect(server.process.signalCode, server.output()).toBeNull();
  };

  /** Waits for the page to reach a state; on a timeout, says what the page and the server show instead. */
  const waitForPage = async (what: string, done: (marker: string | null) => boolean, marker: string | null): Promise<void> => {
    try {
      await page.waitForFunction(done, marker, { timeout: 10_000 });
    } catch (error) {
      const shown = await page.evaluate(() => ({
        overlay: document.querySelector('vite-error-overlay')?.shadowRoot?.textContent?.slice(0, 300) ?? null,
        marker: /Tonight the beacon reads (\S+)/.exec(document.querySelector('.reveal .slides')?.textContent ?? '')?.[1] ?? null,
      }));
      const served = /Tonight the beacon reads (\S+)/.exec(await (await fetch(server.url)).text())?.[1] ?? 'an error page';
      const log = server.output().split('\n').slice(-20).join('\n');
      throw new Error(`after save ${saves}, expected ${what}; the page shows ${JSON.stringify(shown)}, the server serves ${served}; its log ends:\n${log}`, {
        cause: error,
      });
    }
  };

  const showsDeckWith = (marker: string): Promise<void> =>
    waitForPage(
      `the deck with ${marker}`,
      (text) => !document.querySelector('vite-error-overlay') && (document.querySelector('.reveal .slides')?.textContent ?? '').includes(text ?? ''),
      marker,
    );

  const showsError = (marker?: string): Promise<void> =>
    waitForPage(
      `an error${marker ? ` naming ${marker}` : ''}`,
      (text) => {
        const overlay = document.querySelector('vite-error-overlay');
        return Boolean(overlay) && (text === null || (overlay?.shadowRoot?.textContent ?? '').includes(text));
      },
      marker ?? null,
    );

  /** Resident memory once the server has been idle a moment: the lowest of several samples, to skip GC's peaks. */
  const settledRss = async (): Promise<number> => {
    await pause(500);
    let lowest = Infinity;
    for (let sample = 0; sample < 6; sample++) {
      lowest = Math.min(lowest, rssMb(pid));
      await pause(150);
    }
    return lowest;
  };

  beforeAll(async () => {
    source = join(mkdtempSync(join(tmpdir(), 'lectern-endurance-')), 'talk.md');
    writeFileSync(source, validSource('mark000'));
    server = await startDevServer(source);
    pid = server.process.pid ?? 0;
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows each save in turn: the error after a broken one, the deck with the new text after a valid one', async () => {
    for (let index = 1; index <= CHECKED_SAVES; index++) {
      const marker = `mark${String(index).padStart(3, '0')}`;
      if (index % 2 === 1) {
        save(brokenSource(marker, (index - 1) / 2), index % 4 === 1);
        await showsError((index - 1) % 4 === 0 ? marker : undefined);
      } else {
        save(validSource(marker), index % 4 === 0);
        await showsDeckWith(marker);
      }
      if (index === BASELINE_AFTER) rss.baseline = await settledRss();
      assertServerUp();
    }
  });

  it('ends up showing the last save of each burst of saves written faster than it rebuilds', async () => {
    for (let burst = 0; saves < SAVES; burst++) {
      const size = Math.min(BURST, SAVES - saves);
      // Every other burst ends broken; the last one ends valid, for the next test.
      const endsBroken = ((SAVES - saves - size) / BURST) % 2 === 1;
      let last = '';
      for (let index = 0; index < size; index++) {
        last = `mark${String(saves + 1).padStart(3, '0')}`;
        // Broken and valid saves alternate, counted back from the burst's last one.
        const broken = ((size - 1 - index) % 2 === 0) === endsBroken;
        save(broken ? brokenSource(last, 0) : validSource(last), index % 3 === 0);
        // Some atomic saves follow a plain one at once, as when a formatter saves again right after the editor.
        await pause(index % 3 === 2 ? 0 : 10 + ((index * 7) % 30));
      }
      if (endsBroken) await showsError(last);
      else await showsDeckWith(last);
      assertServerUp();
    }
    expect(saves).toBe(SAVES);
  });

  it('stays up and serves the last save to a newly opened page', async () => {
    assertServerUp();
    const last = `mark${String(SAVES).padStart(3, '0')}`;
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(last);
    const fresh = await browser.newPage();
    await fresh.goto(server.url);
    await fresh.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true');
    expect(await fresh.textContent('.reveal .slides')).toContain(last);
    await fresh.close();
  });

  it('does not grow in memory with the number of saves', async () => {
    expect(rss.baseline, 'the baseline is taken during the first test').toBeDefined();
    rss.end = await settledRss();
    const growth = rss.end - (rss.baseline ?? Infinity);
    expect(growth, `resident memory ${rss.baseline?.toFixed(1)} MB after ${BASELINE_AFTER} saves, ${rss.end.toFixed(1)} MB after ${saves}`).toBeLessThan(
      MAX_GROWTH_MB,
    );
  });
});
