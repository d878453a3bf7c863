import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { startDevServer, type DevServer } from '../helpers/dev-server.js';

const harbour = (line: string, title = 'Harbour lights'): string => `---
title: ${title}
---

## Lamps

${line}

## Keepers

Keepers trimmed the wicks every night.
`;

const charts = (line: string): string => `---
title: Reading sea charts
---

## Soundings

${line}

## Symbols

A small anchor marks a good place to wait out a storm.
`;

const slidesText = (page: Page): Promise<string> => page.evaluate(() => document.querySelector('.reveal .slides')?.textContent ?? '');
const version = (page: Page): Promise<string | undefined> => page.evaluate(() => document.documentElement.dataset.lecternVersion);
const marker = (page: Page): Promise<number | undefined> => page.evaluate(() => (window as unknown as { marker?: number }).marker);
/**
 * Records on the page, from now on, the slides' text after each swap and the text of every error overlay shown, so
 * that what a page did with the messages it got can be read afterwards. (The watcher may report a save mid-write, so
 * how many updates, and whether a passing error, a page gets for its own deck's save is not fixed.)
 */
const recordChanges = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const log: string[] = ((window as unknown as { changes: string[] }).changes = []);
    const slides = document.querySelector('.reveal .slides');
    if (slides) new MutationObserver(() => log.push(slides.textContent ?? '')).observe(slides, { childList: true });
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of Array.from(record.addedNodes))
          if (node instanceof Element && node.localName === 'vite-error-overlay') log.push(`error overlay: ${node.shadowRoot?.textContent ?? ''}`);
    }).observe(document.body, { childList: true });
  });
const changes = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { changes: string[] }).changes);
const shows = (page: Page, text: string): Promise<unknown> =>
  page.waitForFunction((wanted) => document.querySelector('.reveal .slides')?.textContent?.includes(wanted), text, { timeout: 5_000 });

describe.skipIf(!hasBrowser)('lectern dev with several decks in slides/ and no source', () => {
  let browser: Browser;
  let server: DevServer;
  let folder: string;
  let harbourPage: Page;
  let chartsPage: Page;
  const offsite: string[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'lectern-dev-decks-'));
    mkdirSync(join(folder, 'slides'));
    writeFileSync(join(folder, 'slides', 'harbour.md'), harbour('The first lamps burned whale oil.'));
    // A space in the file name: the deck's path must be encoded in the index and decoded by the server.
    writeFileSync(join(folder, 'slides', 'sea charts.md'), charts('Depths are written in metres or fathoms.'));
    server = await startDevServer(undefined, [], folder);
    browser = await launchBrowser();
    harbourPage = await browser.newPage();
    chartsPage = await browser.newPage();
    for (const page of [harbourPage, chartsPage]) {
      page.on('request', (request) => {
        if (!request.url().startsWith(server.url) && !request.url().startsWith('ws://127.0.0.1')) offsite.push(request.url());
      });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says it presents the decks of slides/ on 127.0.0.1', () => {
    expect(server.output()).toMatch(/presenting 2 decks from slides\/ at http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('lists both decks on the index at /, each linking its own page', async () => {
    await harbourPage.goto(server.url);
    const links = await harbourPage.$$eval('li a', (anchors) => anchors.map((anchor) => ({ text: anchor.textContent, href: anchor.getAttribute('href') })));
    expect(links).toEqual([
      { text: 'Harbour lights', href: './harbour/index.html' },
      { text: 'Reading sea charts', href: './sea%20charts/index.html' },
    ]);
  });

  it('opens each deck from the index at its own path', async () => {
    await harbourPage.click('text=Harbour lights');
    await harbourPage.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true');
    expect(new URL(harbourPage.url()).pathname).toBe('/harbour/index.html');
    expect(await slidesText(harbourPage)).toContain('The first lamps burned whale oil');

    await chartsPage.goto(server.url);
    await chartsPage.click('text=Reading sea charts');
    await chartsPage.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true');
    expect(new URL(chartsPage.url()).pathname).toBe('/sea%20charts/index.html');
    expect(await slidesText(chartsPage)).toContain('Depths are written in metres or fathoms');
    expect(await slidesText(chartsPage)).not.toContain('whale oil');

    // The folder without its slash leads to the deck, so that the deck's relative links resolve.
    const bare = await fetch(`${server.url}sea%20charts`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([302, '/sea%20charts/']);
  });

  it('updates only the edited deck’s page in place; the other deck’s page does not change', async () => {
    for (const page of [harbourPage, chartsPage]) {
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
      await recordChanges(page);
    }
    const chartsBefore = await chartsPage.evaluate(() => document.querySelector('.reveal .slides')?.innerHTML);

    writeFileSync(join(folder, 'slides', 'harbour.md'), harbour('Fresnel lenses replaced the open flames.'));
    await shows(harbourPage, 'Fresnel lenses replaced');
    expect(await marker(harbourPage)).toBe(7);
    expect(await chartsPage.evaluate(() => document.querySelector('.reveal .slides')?.innerHTML)).toBe(chartsBefore);
    expect(await version(chartsPage)).toBeUndefined();

    // A broken save shows its error (file:line) on its own deck's page only.
    writeFileSync(join(folder, 'slides', 'harbour.md'), harbour('Broken front matter follows.', '[unclosed'));
    await harbourPage.waitForSelector('vite-error-overlay', { state: 'attached', timeout: 5_000 });
    const message = await harbourPage.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '');
    expect(message).toMatch(/harbour\.md:2:\d+/);
    const index = await (await fetch(server.url)).text();
    expect(index).toMatch(/cannot be built: .*harbour\.md:2:\d+/);
    expect(index).toContain('Reading sea charts');

    // Each page gets the messages in the order they were sent: once the charts page shows its own edit, it has had
    // every harbour message before it, and acting on one would have left harbour's text or an overlay in its record.
    writeFileSync(join(folder, 'slides', 'sea charts.md'), charts('Soundings were once taken with a lead line.'));
    await shows(chartsPage, 'Soundings were once taken');
    const chartsChanges = await changes(chartsPage);
    expect(chartsChanges.some((change) => change.includes('Soundings were once taken'))).toBe(true);
    for (const change of chartsChanges) expect(change).not.toMatch(/harbour|Fresnel|Broken front matter/);
    expect(await chartsPage.$('vite-error-overlay')).toBeNull();
    expect(await marker(chartsPage)).toBe(7);

    // Likewise the harbour page let the charts update pass, and recovers on its next good save.
    writeFileSync(join(folder, 'slides', 'harbour.md'), harbour('Lamps came back after the fix.'));
    await shows(harbourPage, 'Lamps came back');
    expect(await harbourPage.$('vite-error-overlay')).toBeNull();
    const harbourChanges = await changes(harbourPage);
    expect(harbourChanges.some((change) => /^error overlay: .*harbour\.md:2/s.test(change))).toBe(true);
    for (const change of harbourChanges) expect(change).not.toMatch(/sea charts|Soundings|Depths/);
    expect(await marker(harbourPage)).toBe(7);
    expect(server.output()).toMatch(/harbour\.md:2:\d+: invalid front matter/);
  });

  it('makes no request beyond 127.0.0.1', () => {
    expect(offsite).toEqual([]);
  });
});
