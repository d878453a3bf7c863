/**
 * `lectern build` with no source links every deck of slides/ from an index page. File names are the article's (or
 * whoever put them there): named like URLs (`javascript:…`, `data:…`, `a?b#c`) or like markup, each link must stay a
 * relative path to its own deck, and the index must run nothing when opened in Chromium.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { serveFolder } from '../helpers/static-server.js';

const { indexFileNames } = JSON.parse(readFileSync(new URL('../fixtures/hostile/exfiltration.json', import.meta.url), 'utf8')) as { indexFileNames: string[] };

describe('the deck index with hostile file names', () => {
  let dir: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lectern-index-'));
    mkdirSync(join(dir, 'slides'));
    indexFileNames.forEach((name, index) => writeFileSync(join(dir, 'slides', name), `# Deck ${index}\n\n## Part\n\nDeck number ${index} has one sentence.\n`));
    const built = await runCli(['build'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    if (hasBrowser) browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('links every deck with a ./-prefixed, percent-encoded path to its page', () => {
    const index = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
    const hrefs = [...index.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
    expect(hrefs).toHaveLength(indexFileNames.length);
    for (const href of hrefs) {
      expect(href).toMatch(/^\.\/[A-Za-z0-9\-_.!~*'()%]+\/index\.html$/);
      expect(existsSync(join(dir, 'dist', decodeURIComponent(href.slice(2))))).toBe(true);
    }
  });

  it.skipIf(!hasBrowser)('opens in Chromium with every link pointing into the site and nothing run', async () => {
    const server = await serveFolder(join(dir, 'dist'));
    const page = await browser!.newPage();
    try {
      await page.goto(server.url);
      const links = await page.evaluate(() => Array.from(document.querySelectorAll('a'), (link) => link.href));
      expect(links).toHaveLength(indexFileNames.length);
      for (const link of links) {
        expect(link.startsWith(server.url), link).toBe(true);
        expect((await page.request.get(link)).status(), link).toBe(200);
      }
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => document.querySelectorAll('img, script, [onmouseover]').length)).toBe(0);
    } finally {
      await page.close();
      await server.close();
    }
  });
});
