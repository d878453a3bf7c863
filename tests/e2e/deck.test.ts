import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticle } from '../../src/article/read.js';
import { blockText } from '../../src/outline/outline.js';
import { splitSentences } from '../../src/outline/sentences.js';
import { normaliseForCoverage } from '../../src/outline/coverage.js';
import type { Deck } from '../../src/outline/types.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { guardedContext, waitForDeck } from '../helpers/page.js';
import { DEFAULT_DECK, SEED_ARTICLE } from '../helpers/paths.js';
import { serveFolder } from '../helpers/static-server.js';

const STRUCTURAL = new Set(['title', 'agenda', 'section', 'closing']);

describe.skipIf(!hasBrowser).each([
  ['the verbatim seed article', SEED_ARTICLE],
  ['the default deck', DEFAULT_DECK],
])('%s in Chromium', (_name, source) => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  let deck: Deck;
  let requests: string[] = [];
  let refused: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lectern-e2e-')), 'site');
    const built = await runCli(['build', source, '--out', out]);
    expect(built.code, built.stderr).toBe(0);
    deck = JSON.parse((await runCli(['build', source, '--json'])).stdout) as Deck;
    server = await serveFolder(out);
    browser = await launchBrowser();
    // Anything that is not this test's own server is recorded and refused.
    const guarded = await guardedContext(browser, server.url);
    ({ requests, refused } = guarded);
    page = await guarded.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(server.url);
    await waitForDeck(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the number of slides the outline promised, each with data-timing', async () => {
    expect(await page.evaluate(() => window.Reveal.getTotalSlides())).toBe(deck.slides.length);
    const timings = await page.$$eval('.reveal .slides > section', (sections) => sections.map((section) => section.getAttribute('data-timing')));
    expect(timings).toEqual(deck.slides.map((slide) => String(slide.timing)));
  });

  it('gives every content slide speaker notes', async () => {
    const slides = await page.$$eval('.reveal .slides > section', (sections) =>
      sections.map((section) => ({ layout: section.dataset.layout ?? '', notes: section.querySelector('aside.notes')?.textContent?.trim() ?? '' })),
    );
    const content = slides.filter((slide) => !['title', 'agenda', 'section', 'closing'].includes(slide.layout));
    expect(content.length).toBeGreaterThan(5);
    for (const slide of content) expect(slide.notes.length).toBeGreaterThan(0);
  });

  it('has every sentence of the article in slide text or notes', async () => {
    const { article } = await readArticle(source);
    const pageText = normaliseForCoverage(
      await page.$$eval('.reveal .slides > section', (sections) => sections.map((section) => section.textContent ?? '').join(' ')),
    );
    const sentences = article.sections.flatMap((section) => [section.title ?? '', ...section.blocks.map(blockText)]).flatMap((text) => splitSentences(text));
    expect(sentences.length).toBeGreaterThan(20);
    const missing = sentences.filter((sentence) => !pageText.includes(normaliseForCoverage(sentence)));
    expect(missing).toEqual([]);
  });

  it('is laid out at 16:9 (1280×720) by default', async () => {
    expect(deck.meta.size).toEqual({ width: 1280, height: 720 });
    expect(await page.evaluate(() => ({ width: window.Reveal.getConfig().width, height: window.Reveal.getConfig().height }))).toEqual({
      width: 1280,
      height: 720,
    });
  });

  it('overflows no slide of 1280×720', async () => {
    const overflow = await page.evaluate(() => window.lectern.overflow());
    expect(overflow).toHaveLength(deck.slides.length);
    expect(overflow.filter((slide) => slide.x > 1 || slide.y > 1 || slide.scale < 1)).toEqual([]);
  });

  it('opens the speaker view on S with the current slide’s notes and the pacing timer', async () => {
    const index = deck.slides.findIndex((slide) => !STRUCTURAL.has(slide.layout));
    await page.evaluate((target) => window.Reveal.slide(target), index);
    const popupPromise = page.waitForEvent('popup');
    await page.keyboard.press('s');
    const speaker = await popupPromise;
    const firstNote = deck.slides[index]?.notes[0] ?? '';
    await speaker.waitForFunction(
      (expected) => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').includes(expected),
      firstNote.slice(0, 60),
      { timeout: 15_000 },
    );
    await speaker.waitForFunction(() => {
      const pacing = document.querySelector<HTMLElement>('.speaker-controls-time .pacing');
      return pacing !== null && pacing.style.display !== 'none' && /\d\d/.test(pacing.textContent ?? '');
    });
    await speaker.close();
  });

  it('logs no console error and sends no request beyond 127.0.0.1', () => {
    expect(problems).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
    expect(refused).toEqual([]);
  });
});
