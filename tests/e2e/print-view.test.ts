/**
 * Reveal's print view (`?print-pdf`, which PDF and PNG exports open): the runtime keeps the slides out of the layout
 * until Reveal has built their pages, so a long deck is laid out once instead of three times; with `center`, where
 * Reveal places each slide by its measured height, it does not.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { guardedContext, waitForDeck } from '../helpers/page.js';
import { serveFolder } from '../helpers/static-server.js';

const dir = mkdtempSync(join(tmpdir(), 'lectern-print-view-'));

const body = [
  '## Harbour lights',
  '',
  'The lighthouse keeper climbs the stair at dusk. She trims the wick and winds the clock that turns the lens.',
  '',
  'Ships read the beam from twenty miles out. Each light flashes its own rhythm, so a captain knows which coast lies ahead.',
  '',
  '## Fog signals',
  '',
  'When fog rolls in, the horn takes over from the lamp. A blast every thirty seconds carries further than any beam.',
  '',
  '| Station | North light | South light | East light | West light | Harbour light | Reef light | Point light |',
  '|---|---|---|---|---|---|---|---|',
  ...Array.from({ length: 6 }, (_, n) => `| Keeper ${n} | ${Array.from({ length: 7 }, (_c, c) => `logbook entry ${n}${c} northern`).join(' | ')} |`),
].join('\n');

/**
 * Records, on every frame until Reveal's pages are built, whether a slide was laid out (had boxes) outside a page.
 * getClientRects lays out what is pending but changes nothing.
 */
const PROBE = `
window.__laidOutBeforePages = false;
window.__pagesBuilt = false;
document.addEventListener('pdf-ready', () => { window.__pagesBuilt = true; }, { once: true });
const probe = () => {
  if (window.__pagesBuilt) return;
  for (const section of document.querySelectorAll('.reveal .slides > section')) {
    if (section.getClientRects().length > 0) window.__laidOutBeforePages = true;
  }
  requestAnimationFrame(probe);
};
document.addEventListener('DOMContentLoaded', probe);
`;

async function build(name: string, frontMatter: string): Promise<string> {
  const file = join(dir, `${name}.md`);
  writeFileSync(file, `---\ntitle: Coast guard\n${frontMatter}---\n\n${body}\n`);
  const out = join(dir, `site-${name}`);
  const built = await runCli(['build', file, '--out', out]);
  expect(built.code, built.stderr).toBe(0);
  return out;
}

describe.skipIf(!hasBrowser)("Reveal's print view", () => {
  let browser: Browser;
  const servers: Array<{ close: () => Promise<void> }> = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  async function openPrintView(site: string, query = '?print-pdf'): Promise<Page> {
    const server = await serveFolder(site);
    servers.push(server);
    const { context } = await guardedContext(browser, server.url);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(PROBE);
    await page.goto(`${server.url}index.html${query}`);
    await waitForDeck(page);
    expect(errors).toEqual([]);
    return page;
  }

  it('lays the slides out only once they sit in their pages, and fits them there', async () => {
    const page = await openPrintView(await build('plain', ''));
    expect(await page.evaluate(() => (window as unknown as { __laidOutBeforePages: boolean }).__laidOutBeforePages)).toBe(false);
    const pages = await page.$$eval('.reveal .slides > .pdf-page', (elements) =>
      elements.map((element) => {
        const section = element.querySelector<HTMLElement>(':scope > section')!;
        const box = section.getBoundingClientRect();
        return { top: section.style.top, height: Math.round(box.height), scale: Number(section.dataset.fitScale ?? 'NaN') };
      }),
    );
    expect(pages.length).toBeGreaterThan(4);
    // Every slide placed alike in its page (no `center`) and fitted; the wide table's slide was shrunk.
    expect(new Set(pages.map((entry) => `${entry.top} ${entry.height}`)).size).toBe(1);
    expect(pages.every((entry) => entry.scale > 0 && entry.scale <= 1)).toBe(true);
    expect(pages.some((entry) => entry.scale < 1)).toBe(true);
  });

  it('with center, lets Reveal measure each slide laid out, so none is pushed down its page', async () => {
    const page = await openPrintView(await build('centred', 'reveal:\n  center: true\n'));
    expect(await page.evaluate(() => (window as unknown as { __laidOutBeforePages: boolean }).__laidOutBeforePages)).toBe(true);
    const tops = await page.$$eval('.reveal .slides > .pdf-page', (pages) =>
      pages.map((element) => ({ top: parseFloat(element.querySelector<HTMLElement>(':scope > section')!.style.top), page: element.clientHeight })),
    );
    // Measured laid out, every slide gets the same offset, less than half its page; measured out of the layout (0 px
    // high) each would be pushed down by half a page.
    expect(tops.length).toBeGreaterThan(4);
    expect(new Set(tops.map((entry) => entry.top)).size).toBe(1);
    expect(tops.every((entry) => entry.top < entry.page / 2 - 10)).toBe(true);
  });
});
