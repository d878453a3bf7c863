import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { startDevServer, type DevServer } from '../helpers/dev-server.js';

const deckSource = (line: string, title = 'Harbour talk'): string => `---
title: ${title}
---

## Lamps

${line}

The second paragraph stays the same across edits.

## Keepers

Keepers trimmed the wicks every night.
`;

describe.skipIf(!hasBrowser)('lectern dev', () => {
  let browser: Browser;
  let page: Page;
  let server: DevServer;
  let source: string;
  const offsite: string[] = [];

  beforeAll(async () => {
    source = join(mkdtempSync(join(tmpdir(), 'lectern-dev-')), 'talk.md');
    writeFileSync(source, deckSource('The first lamps burned whale oil.'));
    server = await startDevServer(source);
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('ws://127.0.0.1')) offsite.push(request.url());
    });
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the deck on 127.0.0.1 and says how to open the speaker view', async () => {
    expect(server.output()).toMatch(/http:\/\/127\.0\.0\.1:\d+\/.*press S/);
    expect(await page.textContent('.reveal .slides')).toContain('The first lamps burned whale oil');
  });

  it('shows a saved edit in the open page within a second, without a reload, keeping the current slide', async () => {
    await page.evaluate(() => window.Reveal.slide(3));
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const started = Date.now();
    writeFileSync(source, deckSource('Fresnel lenses replaced the open flames.'));
    await page.waitForFunction(() => document.querySelector('.reveal .slides')?.textContent?.includes('Fresnel lenses replaced'), null, { timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(1_000);
    // Same page (no reload), same slide.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await page.evaluate(() => window.Reveal.getIndices().h)).toBe(3);
  });

  it('shows a broken save as an error naming the file and line, and recovers on the next good save', async () => {
    writeFileSync(source, deckSource('Broken front matter follows.', '[unclosed'));
    await page.waitForSelector('vite-error-overlay', { state: 'attached', timeout: 5_000 });
    // writeFileSync empties the file before it writes it: a watcher that fires in between shows "the file is empty"
    // until the server's look again after the save settles (deck-server.ts, SETTLE_MS). The settled overlay is read.
    await page.waitForFunction(
      () => {
        const text = document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '';
        return text !== '' && !text.includes('the file is empty');
      },
      null,
      { timeout: 5_000 },
    );
    const message = await page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '');
    expect(message).toMatch(/talk\.md:2:\d+/);
    expect(server.output()).toMatch(/talk\.md:2:\d+: invalid front matter/);

    writeFileSync(source, deckSource('Lamps came back after the fix.'));
    await page.waitForFunction(() => document.querySelector('.reveal .slides')?.textContent?.includes('Lamps came back'), null, { timeout: 5_000 });
    expect(await page.$('vite-error-overlay')).toBeNull();
  });

  it('recovers a page that was opened while the source was broken', async () => {
    writeFileSync(source, deckSource('Still fine.', '[unclosed'));
    await page.waitForSelector('vite-error-overlay', { state: 'attached', timeout: 5_000 });
    const fresh = await browser.newPage();
    await fresh.goto(server.url);
    expect(await fresh.textContent('.lectern-error')).toMatch(/talk\.md:2:\d+: invalid front matter/);
    writeFileSync(source, deckSource('Healthy again.'));
    await fresh.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true', null, { timeout: 10_000 });
    expect(await fresh.textContent('.reveal .slides')).toContain('Healthy again');
    await fresh.close();
  });

  it('keeps following the source when a save renames a new file over it right after a write', async () => {
    const shows = (text: string) =>
      page.waitForFunction((wanted) => document.querySelector('.reveal .slides')?.textContent?.includes(wanted), text, { timeout: 5_000 });
    // A plain write, then at once an atomic save (a new file renamed over the source), as a formatter may do. The
    // watcher could lose the file this way only now and then, so it is done a few times.
    for (let round = 1; round <= 6; round++) {
      writeFileSync(source, deckSource(`Written in place, round ${round}.`));
      writeFileSync(`${source}.tmp`, deckSource(`Renamed over it, round ${round}.`));
      renameSync(`${source}.tmp`, source);
      await shows(`Renamed over it, round ${round}.`);
    }
    writeFileSync(source, deckSource('Still followed afterwards.'));
    await shows('Still followed afterwards');
  });

  it('makes no request beyond 127.0.0.1', () => {
    expect(offsite).toEqual([]);
  });
});
