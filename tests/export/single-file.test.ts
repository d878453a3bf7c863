import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_FLAGS, sandboxFlags } from '../../src/browser/launch.js';
import type { Deck } from '../../src/outline/types.js';
import { prepareDeck } from '../../src/pipeline.js';
import { BROWSER, DEFAULT_DECK, exportOk, SKIP_BROWSER_TESTS, tempDir } from './helpers.js';

describe.skipIf(SKIP_BROWSER_TESTS)('lectern export --format html', () => {
  const file = join(tempDir(), 'deck.html');
  let deck: Deck;
  let stderr = '';
  let browser: Browser;
  let context: BrowserContext;
  const requests: string[] = [];

  beforeAll(async () => {
    deck = (await prepareDeck(DEFAULT_DECK)).deck;
    stderr = await exportOk([DEFAULT_DECK, '--format', 'html', '--out', file]);
    expect(BROWSER, 'a browser (CI must have one)').toBeDefined();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: BROWSER, args: [...BROWSER_FLAGS, ...sandboxFlags()] });
    context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    // No network at all: every request that is not the file itself (or inline data) is recorded and refused.
    context.on('request', (request) => requests.push(request.url()));
    await context.route('**/*', (route) => (/^(?:file|data|blob|about):/.test(route.request().url()) ? route.continue() : route.abort()));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('is one file with nothing to fetch, and its size is reported', () => {
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<link\b[^>]*rel="stylesheet"/);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc="(?!data:)/);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n');
    expect(styles.length).toBeGreaterThan(10_000);
    expect(styles).not.toMatch(/url\(\s*['"]?(?!data:|#)[^)'"]+/);
    const kb = Math.round(statSync(file).size / 1024);
    expect(stderr).toMatch(new RegExp(`one file, ${kb} KB`));
  });

  it('presents from file:// with no network: Reveal ready, every slide present, S opens the speaker view with notes', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true', null, { timeout: 20_000 });
    expect(await page.evaluate(() => document.querySelectorAll('.reveal .slides > section').length)).toBe(deck.slides.length);
    const ids = await page.evaluate(() => Array.from(document.querySelectorAll('.reveal .slides > section'), (section) => section.id));
    expect(ids).toEqual(deck.slides.map((slide) => slide.id));

    const withNotes = deck.slides.findIndex((slide) => slide.notes.length > 0);
    await page.evaluate((index) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(index), withNotes);
    const popup = page.waitForEvent('popup');
    await page.keyboard.press('s');
    const speaker = await popup;
    await speaker.waitForFunction(() => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').trim().length > 0, null, {
      timeout: 20_000,
    });
    const notes = await speaker.evaluate(() => document.querySelector('.speaker-controls-notes .value')?.textContent ?? '');
    const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
    expect(squash(notes)).toContain(squash(deck.slides[withNotes]?.notes[0] ?? '').slice(0, 80));
    expect(await speaker.evaluate(() => document.querySelector('.speaker-controls-time')?.textContent ?? '')).toMatch(/\d\d:\d\d/);
    // The speaker view's preview frames load the same file and start the deck there too.
    await expect
      .poll(
        async () => {
          const counts = await Promise.all(
            speaker
              .frames()
              .slice(1)
              .map((frame) => frame.evaluate(() => document.querySelectorAll('.reveal .slides > section').length).catch(() => 0)),
          );
          return counts.filter((count) => count === deck.slides.length).length;
        },
        { timeout: 20_000 },
      )
      .toBe(2);
    expect(errors).toEqual([]);
    const offsite = requests.filter((url) => !/^(?:file|data|blob|about):/.test(url));
    expect(offsite).toEqual([]);
  });
});
